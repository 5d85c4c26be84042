"""Benchmark-only MkDocs hook: dumps the site as plain files, so the same pages can be built with the data layer off.

Listed as a hook, so it runs after the lawmap plugin and mkdocs-macros (and sees what they produced) in the capture config run.py writes.
Into $LAWMAP_BENCH_PLAIN it writes: docs/<page>.md — each page's Markdown after the macros ran (a generated page's is its finished
HTML), with its front matter; docs/<file> — every other file of the site that is not from the theme (assets, the generated API/feeds);
config.json — the values the lawmap plugin put into the config (site name, jieba dictionary path, which search,
the search box's CSS/JS).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import yaml

OUT = Path(os.environ.get("LAWMAP_BENCH_PLAIN", "/nonexistent"))


def _dest(src_uri: str) -> Path:
    path = OUT / "docs" / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def on_config(config):
    search = next((p for name, p in config.plugins.items() if name in ("material/search", "search")), None)
    dictionary = search.config.get("jieba_dict_user") if search is not None else None
    if dictionary:
        OUT.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dictionary, OUT / "jieba_dict_user.txt")
    found = {"extra": dict(config.extra), "site_name": config.site_name, "site_description": config.site_description,
             "jieba_dict_user": str(OUT / "jieba_dict_user.txt") if dictionary else None,
             "search_enabled": search is not None and search.config.get("enabled", True),
             "extra_css": list(config.extra_css), "extra_javascript": [str(s) for s in config.extra_javascript]}
    (OUT / "config.json").write_text(json.dumps(found, ensure_ascii=False, default=str), encoding="utf-8")


def on_files(files, config):
    docs_dir = Path(config["docs_dir"]).resolve()
    for file in files:
        if file.is_documentation_page():
            continue  # written with its rendered Markdown in on_page_markdown
        from_docs = file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
        if file.generated_by or from_docs:
            _dest(file.src_uri).write_bytes(file.content_bytes)
    return files


def on_page_markdown(markdown, page, config, files):
    front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
    _dest(page.file.src_uri).write_text(front + markdown, encoding="utf-8")
    return markdown
