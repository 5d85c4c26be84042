"""Law pages (/laws/<id>/): versions with status banners, every cited 条/款/项 with its anchor and citation, and
under each article the powers and responsibilities relying on it (reverse index). Above the page limit (paging.py)
the powers are given per area (count, link to the area's 依据查询 page at this law) and each article gives its count."""
from __future__ import annotations

from ..citation import At, cite
from ..index import uses_by_article
from . import Page, PageKind, links, paging, register
from .templating import render_template
from .views import powers_citing

USE_SECTIONS = {"追责依据": "accountability"}


def src_uri(law_id: str) -> str:
    return f"laws/{law_id}.md"


def pages(model):
    return [Page(src_uri(law.id), "law", law.id) for law in model.laws.values()]


def unit_label(at: At, single_para: bool) -> str:
    """How a unit is named under its article: 本条, 第一款, 第（四）项, 第一款第（四）项."""
    return at.chinese(single_para).split("条", 1)[1] or "本条"


def _use_rows(law, version, article, uses) -> list[dict]:
    single = len(article.paras) == 1
    rows = []
    for use in uses:
        section = USE_SECTIONS.get(use.role, "responsibilities" if use.role.startswith("责任事项") else "bases")
        rows.append({"use": use, "unit_id": links.unit_anchor(law, version.id, use.anchor),
                     "unit_label": unit_label(use.ref.at, single), "section": section})
    return rows


def _article(law, version, article, uses) -> dict:
    single = len(article.paras) == 1
    anchor = lambda unit: links.unit_anchor(law, version.id, unit)  # noqa: E731
    paras = []
    for para in article.paras:
        base = f"a{article.no}-{para.id}"
        items = [{"item": it, "id": anchor(f"{base}-i{it.no}"),
                  "cite": cite(law.title, At(article.no, para.no, it.no), single)} for it in para.items]
        paras.append({"para": para, "id": anchor(base), "item_rows": items,
                      "cite": "" if single else cite(law.title, At(article.no, para.no), single)})
    return {"article": article, "id": anchor(f"a{article.no}"), "cite": cite(law.title, At(article.no), single),
            "paras": paras, "uses": _use_rows(law, version, article, uses)}


def render(model, key: str) -> str:
    law = model.laws.get(key)
    if law is None:
        raise KeyError(f"没有 id 为 {key} 的法律")
    index = uses_by_article(model)
    versions = [{"version": v,
                 "articles": [_article(law, v, a, index.get((law.id, v.id, no), []))
                              for no, a in sorted(v.articles.items())]}
                for v in sorted(law.versions.values(), key=lambda v: v.effective, reverse=True)]
    repealed = bool(law.repealed_on and law.repealed_on <= model.today)
    powers = powers_citing(law, model)
    return render_template("law.md.j2", src_uri(law.id), law=law, versions=versions, current=law.in_force(model.today),
                           repealed=repealed, powers=powers, by_area=_by_area(law, powers) if paging.split(model) else [])


def _by_area(law, powers: list[dict]) -> list[dict]:
    """The areas whose powers rely on the law, with counts, each linking to its 依据查询 sub-page at this law."""
    rows: dict[str, dict] = {}
    for row in powers:
        area = row["power"].area
        if area is not None:
            rows.setdefault(area.id, {"area": area, "count": 0,
                                      "url": paging.part_url("basis.md", area.id) + "#" + law.id})["count"] += 1
    return list(rows.values())


register(PageKind("law", pages, render))
