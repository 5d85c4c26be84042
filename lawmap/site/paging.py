"""Bounded pages: when the data holds more powers than `site.page_limit` (agency.yaml; default PAGE_LIMIT), a page
that would list every power (总表, 依据查询, 事前公开, the home map) becomes an index of links to one sub-page per
business area, so no page grows without bound with the data. Below the limit pages stay whole."""
from __future__ import annotations

from . import Page

PAGE_LIMIT = 100  # powers on one page; basis/ is ~6 KB a power, so a whole page stays well under 1 MB


def limit(model) -> int:
    site = model.agency.data.get("site", {}) if model.agency else {}
    return int(site.get("page_limit", PAGE_LIMIT))


def split(model) -> bool:
    """Whether pages listing every power are split into one sub-page per area."""
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
    area = next((a for a in model.areas if a.id == key), None)
    if area is None:
        raise KeyError(f"没有 id 为 {key} 的业务领域")
    return area


def parts(model, src_uri: str) -> list[dict]:
    """The index rows for the template: each area with powers, its sub-page url and its count."""
    return [{"area": a, "url": part_url(src_uri, a.id), "count": len(a.powers)} for a in model.areas if a.powers]
