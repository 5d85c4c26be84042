"""权责清单总表 (/list/): every power, one section per type with counts (filtering works without JavaScript).

Also, for hand-written pages, the macro {{ powers_of_type("行政许可") }} (a table of the powers of one type).
"""
from __future__ import annotations

from ..exports import downloads
from . import Page, PageKind, register
from .templating import render_template
from .views import type_counts

SRC_URI = "list.md"


def pages(model):
    return [Page(SRC_URI, "list")]


def render(model, key: str = "") -> str:
    areas = [{"id": a.id, "name": a.name, "powers": a.powers, "counts": type_counts(a.powers)} for a in model.areas]
    files = [{"path": path, "label": label, "name": downloads.download_name(model, path)}
             for path, label in ((downloads.XLSX_PATH, "Excel 表格"), (downloads.CSV_PATH, "CSV 文本"))]
    return render_template("list.md.j2", SRC_URI, powers=model.powers, counts=type_counts(model.powers), areas=areas,
                           agency_name=model.agency.name if model.agency else "", downloads=files)


def render_type(model, key: str, here: str = "index.md") -> str:
    """A table of the powers of one type, for the page `here` (macros.powers_of_type passes the calling page)."""
    return render_template("powers_of_type.md.j2", here, powers=[p for p in model.powers if p.type == key],
                           power_type=key)


register(PageKind("list", pages, render))
