"""Staff tools that write data/ or read it for staff (Excel export/import, `new-power`, `fill-articles`, `law-update`);
kept apart so the core package stays load → validate → model."""
