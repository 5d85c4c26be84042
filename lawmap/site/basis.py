"""依据查询 (/basis/): per law, the powers relying on it listed once (with the articles they cite), then every cited
unit → its uses behind a <details>; a filter by law, type and area (works as anchors without JavaScript).
Above the page limit (paging.py) /basis/ lists the laws with counts and links to one sub-page per area
(/basis/<area>/), which is this page for the powers of that area."""
from __future__ import annotations

from ..index import currency_problem, uses_by_unit
from . import Page, PageKind, links, paging, register
from .laws import LEVELS
from .templating import render_template
from .views import powers_citing, type_counts

SRC_URI = "basis.md"


def pages(model):
    return [Page(SRC_URI, "basis")]


def _rows(model, law, index) -> list[dict]:
    rows = []
    for (law_id, version_id, _), uses in index.items():
        if law_id != law.id:
            continue
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


def _only(groups: list[dict], codes: set) -> list[dict]:
    """The groups restricted to the uses and powers of one area (laws it does not cite dropped)."""
    kept = []
    for g in groups:
        rows = [dict(r, uses=uses) for r in g["rows"] if (uses := [u for u in r["uses"] if u.power is not None and u.power.code in codes])]
        cited = [row for row in g["powers"] if row["power"].code in codes]
        if rows:
            kept.append(dict(g, rows=rows, powers=cited, sets=_by_articles(cited)))
    return kept


def render(model, key: str = "") -> str:
    """依据查询 (key ""), or one area's part of it when the data is split (key = area id)."""
    area = paging.area_of(model, key) if key else None
    split = area is None and paging.split(model)
    index = uses_by_unit(model)
    order = list(LEVELS)
    laws = sorted(model.laws.values(), key=lambda law: (order.index(law.level) if law.level in order else 99, law.title))
    groups = [{"law": law, "rows": rows, "powers": (powers := powers_citing(law, model)), "sets": _by_articles(powers)}
              for law in laws if (rows := _rows(model, law, index))]
    if area is not None:
        groups = _only(groups, {p.code for p in area.powers})
    here = paging.part_src(SRC_URI, area.id) if area else SRC_URI
    return render_template("basis.md.j2", here, groups=groups, types=type_counts(area.powers if area else model.powers),
                           areas=[area] if area else model.areas, area=area, split=split,
                           parts=paging.parts(model, SRC_URI) if split else [])


register(PageKind("basis", pages, render))
register(PageKind("basis-area", paging.part_pages(SRC_URI, "basis-area"), render))
