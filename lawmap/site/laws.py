"""法律法规 index (/laws/): every law in the data, grouped by level, with its version in force and use counts. With
more laws than the page limit (paging.py), /laws/ gives the counts per level and each level's table is its own page
(/laws/level/<level>/)."""
from __future__ import annotations

from ..index import all_uses
from . import Page, PageKind, paging, register
from .templating import render_template
from .views import cited_law_ids

SRC_URI = "laws/index.md"
LEVELS = {"法律": "falv", "行政法规": "xingzheng-fagui", "部门规章": "bumen-guizhang", "地方性法规": "difang-fagui",
          "地方政府规章": "difang-guizhang", "规范性文件": "guifanxing-wenjian"}


LEVEL_DIR = "laws/level"


def split(model) -> bool:
    return len(model.laws) > paging.limit(model)


def pages(model):
    return [Page(SRC_URI, "laws")]


def level_pages(model):
    if not split(model):
        return []
    present = {law.level for law in model.laws.values()}
    return [Page(f"{LEVEL_DIR}/{anchor}.md", "laws-level", anchor) for level, anchor in LEVELS.items() if level in present]


def render(model, key: str = "") -> str:
    """The index (key ""), or when split one level's table (key = the level's anchor)."""
    powers_citing: dict[str, set] = {}  # law id → codes of the powers citing it (one pass, not one per law)
    for use in all_uses(model):
        if use.power:
            powers_citing.setdefault(use.ref.law_id, set()).add(use.power.code)
    groups = []
    for level, anchor in LEVELS.items():
        laws = sorted((law for law in model.laws.values() if law.level == level), key=lambda law: law.title)
        rows = [{"law": law, "current": law.in_force(model.today), "cited": law.id in cited_law_ids(model),
                 "articles": sum(len(v.articles) for v in law.versions.values()),
                 "powers": len(powers_citing.get(law.id, ()))} for law in laws]
        if rows:
            groups.append({"level": level, "anchor": anchor, "rows": rows})
    cited = cited_law_ids(model)
    is_split = not key and split(model)
    if key:
        groups = [g for g in groups if g["anchor"] == key]
    return render_template("laws.md.j2", f"{LEVEL_DIR}/{key}.md" if key else SRC_URI, laws=model.laws, groups=groups,
                           cited=len(cited), split=is_split, level=groups[0]["level"] if key else "",
                           uncited=[] if is_split or key else sorted(
                               (law for law in model.laws.values() if law.id not in cited), key=lambda law: law.title))


register(PageKind("laws", pages, render))
register(PageKind("laws-level", level_pages, render))
