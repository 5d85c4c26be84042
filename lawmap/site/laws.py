"""法律法规 index (/laws/): every law in the data, grouped by level, with its version in force and use counts."""
from __future__ import annotations

from ..index import all_uses
from . import Page, PageKind, register
from .templating import render_template
from .views import cited_law_ids

SRC_URI = "laws/index.md"
LEVELS = {"法律": "falv", "行政法规": "xingzheng-fagui", "部门规章": "bumen-guizhang", "地方性法规": "difang-fagui",
          "地方政府规章": "difang-guizhang", "规范性文件": "guifanxing-wenjian"}


def pages(model):
    return [Page(SRC_URI, "laws")]


def render(model, key: str = "") -> str:
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
    return render_template("laws.md.j2", SRC_URI, laws=model.laws, groups=groups, cited=len(cited),
                           uncited=sorted((law for law in model.laws.values() if law.id not in cited),
                                          key=lambda law: law.title))


register(PageKind("laws", pages, render))
