"""总图 — the home page: the bureau, its areas as a map (area → powers, counts by type), key figures, two ways in."""
from __future__ import annotations

from . import Page, PageKind, register
from .templating import render_template
from .views import office_name, type_counts


def pages(model):
    return []  # the home page is docs/index.md, which calls render("home")


def render(model, key: str = "") -> str:
    refs = [r for r in model.all_refs() if r.resolved]
    areas = [{"area": a, "office": office_name(model, a.office_id), "counts": type_counts(a.powers)}
             for a in model.areas]
    return render_template(
        "home.md.j2", "index.md", agency_name=model.agency.name if model.agency else "（未配置机关）",
        as_of=model.agency.data.get("as_of", "") if model.agency else "", areas=areas,
        as_of_note=model.agency.data.get("as_of_note", "") if model.agency else "",
        power_count=len(model.powers), counts=type_counts(model.powers),
        law_count=len({r.law_id for r in refs}),
        article_count=len({(r.law_id, r.version_id, r.at.article) for r in refs}),
        example_count=sum(p.is_example for p in model.powers),
        applicable=[p for p in model.powers if p.on_application and p.status != "取消"])


register(PageKind("home", pages, render))
