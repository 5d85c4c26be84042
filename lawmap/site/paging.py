"""Bounded pages: when the data holds more powers than `site.page_limit` (agency.yaml; default PAGE_LIMIT), a page
that would list every power (总表, 依据查询, 事前公开, the home map) becomes an index of links to one sub-page per
business area, so no page grows without bound with the data. Below the limit pages stay whole."""
from __future__ import annotations

from ..index import once_per_model
from . import Page

PAGE_LIMIT = 100  # powers on one page; basis/ is ~6 KB a power, so a whole page stays well under 1 MB


def limit(model) -> int:
    site = model.agency.data.get("site", {}) if model.agency else {}
    return int(site.get("page_limit", PAGE_LIMIT))


@once_per_model
def split(model) -> bool:
    """Whether pages listing every power are split into one sub-page per area (asked by every page: once per model)."""
    return len(model.powers) > limit(model)


def part_src(src_uri: str, area_id: str) -> str:
    """list.md → list/<area>.md; disclosure/before.md → disclosure/before/<area>.md."""
    return f"{src_uri[:-3]}/{area_id}.md"


def part_url(src_uri: str, area_id: str) -> str:
    return f"{src_uri[:-3]}/{area_id}/"


def part_pages(src_uri: str, kind: str):
    """pages() for the per-area sub-pages of `src_uri` (none unless the data is split)."""
    def pages(model):
        if not split(model):
            return []
        return [Page(part_src(src_uri, a.id), kind, a.id) for a in model.areas if a.powers]
    return pages


def area_of(model, key: str):
    """The area with id `key` (the first, should ids repeat); KeyError when there is none."""
    area = _areas_by_id(model).get(key)
    if area is None:
        raise KeyError(f"没有 id 为 {key} 的业务领域")
    return area


@once_per_model
def _areas_by_id(model) -> dict:
    by_id: dict = {}
    for area in model.areas:
        by_id.setdefault(area.id, area)
    return by_id


def parts(model, src_uri: str) -> list[dict]:
    """The index rows for the template: each area with powers, its sub-page url and its count."""
    return [{"area": a, "url": part_url(src_uri, a.id), "count": len(a.powers)} for a in model.areas if a.powers]
