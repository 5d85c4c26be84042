"""总图 — the home page: the bureau, its areas and powers by type (placeholder until the site issue lands)."""
from __future__ import annotations

from . import Page, PageKind, register
from .escape import md


def pages(model):
    return []  # the home page is docs/index.md, which calls render("home")


def render(model, key: str = "") -> str:
    name = model.agency.name if model.agency else "（未配置机关）"
    return f"# {md(name)}法治账图\n\n共 {len(model.areas)} 个业务领域、{len(model.powers)} 项权责事项。\n"


register(PageKind("home", pages, render))
