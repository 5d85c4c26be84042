"""依据查询 (/basis/): per law, the powers relying on it listed once (with the articles they cite), then every cited
unit → its uses behind a <details>; a filter by law, type and area (works as anchors without JavaScript).
Above the page limit (paging.py) /basis/ lists the laws with counts and links to one sub-page per area
(/basis/<area>/), which is this page for the powers of that area."""
from __future__ import annotations

from ..index import currency_problem, once_per_model, uses_by_unit
from . import Page, PageKind, links, paging, register
from .laws import LEVELS
from .templating import render_template
from .views import powers_citing, type_counts

SRC_URI = "basis.md"


def pages(model):
    return [Page(SRC_URI, "basis")]


def _rows(model, law, units: list) -> list[dict]:
    """The law's cited units ((version id, uses) in index order), each with its label, link and uses, in article order."""
    rows = []
    for version_id, uses in units:
        ref = uses[0].ref
        label = ref.at.chinese(len(ref.article.paras) == 1)
        if len(law.versions) > 1:
            label += f"（{version_id}）"
        rows.append({"label": label, "url": links.law_url(ref), "uses": uses, "version_id": version_id,
                     "stale": currency_problem(ref, model.today) is not None,
                     "sort": (ref.at.article, ref.at.para or 0, ref.at.item or 0, version_id)})
    return sorted(rows, key=lambda r: r["sort"])


def _by_articles(powers: list[dict]) -> list[dict]:
    """Powers citing the same articles of a law, together: 第三十九条 → 35 powers is one line, not 35."""
    sets: dict[tuple, dict] = {}
    for row in powers:
        key = tuple(a["id"] for a in row["articles"])
        sets.setdefault(key, {"articles": row["articles"], "powers": []})["powers"].append(row["power"])
    return list(sets.values())


@once_per_model
def _groups(model) -> list[dict]:
    """Every cited law (by level, then title) with its cited units and the powers relying on it: the whole page."""
    units: dict[str, list] = {}
    for (law_id, version_id, _), uses in uses_by_unit(model).items():
        units.setdefault(law_id, []).append((version_id, uses))
    order = list(LEVELS)
    laws = sorted(model.laws.values(), key=lambda law: (order.index(law.level) if law.level in order else 99, law.title))
    return [{"law": law, "rows": rows, "powers": (powers := powers_citing(law, model)), "sets": _by_articles(powers)}
            for law in laws if (rows := _rows(model, law, units.get(law.id, [])))]


@once_per_model
def _groups_by_area(model) -> dict[str, list[dict]]:
    """The groups restricted to each area's uses and powers (laws it does not cite dropped), all areas in one pass."""
    area_of = {p.code: a.id for a in reversed(model.areas) for p in a.powers}
    by_area: dict[str, list[dict]] = {}
    for g in _groups(model):
        rows: dict[str, list[dict]] = {}
        for r in g["rows"]:
            for area_id, uses in _split(r["uses"], lambda u: area_of.get(u.power.code) if u.power else None).items():
                rows.setdefault(area_id, []).append(dict(r, uses=uses))
        powers = _split(g["powers"], lambda row: area_of.get(row["power"].code))
        for area_id, area_rows in rows.items():
            cited = powers.get(area_id, [])
            by_area.setdefault(area_id, []).append(dict(g, rows=area_rows, powers=cited, sets=_by_articles(cited)))
    return by_area


def _split(items: list, area_id) -> dict[str, list]:
    """items by the area each belongs to (in order; items of no area dropped)."""
    parts: dict[str, list] = {}
    for item in items:
        key = area_id(item)
        if key is not None:
            parts.setdefault(key, []).append(item)
    return parts


def render(model, key: str = "") -> str:
    """依据查询 (key ""), or one area's part of it when the data is split (key = area id)."""
    area = paging.area_of(model, key) if key else None
    split = area is None and paging.split(model)
    groups = _groups_by_area(model).get(area.id, []) if area is not None else _groups(model)
    here = paging.part_src(SRC_URI, area.id) if area else SRC_URI
    return render_template("basis.md.j2", here, groups=groups, types=type_counts(area.powers if area else model.powers),
                           areas=[area] if area else model.areas, area=area, split=split,
                           parts=paging.parts(model, SRC_URI) if split else [])


register(PageKind("basis", pages, render))
register(PageKind("basis-area", paging.part_pages(SRC_URI, "basis-area"), render))
