"""权责清单总表 (/list/): every power, one section per type with counts (filtering works without JavaScript); above
the page limit (paging.py) the 总表 keeps the counts and downloads and links to one sub-page per area (/list/<area>/).

Also, for hand-written pages, the macro {{ powers_of_type("行政许可") }} (a table of the powers of one type).
"""
from __future__ import annotations

from ..exports import downloads
from . import Page, PageKind, paging, register
from .templating import render_template
from .views import type_counts

SRC_URI = "list.md"


def pages(model):
    return [Page(SRC_URI, "list")]


def render(model, key: str = "") -> str:
    """The 总表 (key "") or, when split, one area's part of it (key = area id)."""
    area = paging.area_of(model, key) if key else None
    split = area is None and paging.split(model)
    here = paging.part_src(SRC_URI, area.id) if area else SRC_URI
    powers = area.powers if area else model.powers
    areas = [] if area else [  # an area's part lists only its own powers: no row per area on each of them
        {"id": a.id, "name": a.name, "powers": a.powers, "counts": type_counts(a.powers),
         "part": paging.part_url(SRC_URI, a.id) if split and a.powers else ""} for a in model.areas]
    files = [{"path": path, "label": label, "name": downloads.download_name(model, path)}
             for path, label in ((downloads.XLSX_PATH, "Excel 表格"), (downloads.CSV_PATH, "CSV 文本"))]
    return render_template("list.md.j2", here, powers=[] if split else powers, total=len(powers),
                           counts=type_counts(powers), areas=areas, area=area, split=split,
                           agency_name=model.agency.name if model.agency else "", downloads=files)


def render_part(model, key: str) -> str:
    return render(model, key)


def render_type(model, key: str, here: str = "index.md") -> str:
    """A table of the powers of one type, for the page `here` (macros.powers_of_type passes the calling page)."""
    return render_template("powers_of_type.md.j2", here, powers=[p for p in model.powers if p.type == key],
                           power_type=key)


register(PageKind("list", pages, render))
register(PageKind("list-area", paging.part_pages(SRC_URI, "list-area"), render_part))
