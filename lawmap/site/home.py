"""总图 — the home page: what the bureau does for a person and to a person as an SVG map, key figures, the map as a
text list, the things one can apply for (who decides, how long) and the ways in for staff. Above the page limit
(paging.py) the map, its text list and the things one can apply for are given per area, with links to the 分图."""
from __future__ import annotations

from . import PageKind, links, paging, register
from .deadlines import plain_deadline
from .map_overview import overview
from .templating import render_template
from .views import cited_law_ids, decider, office_name, type_counts

SRC_URI = "index.md"


def pages(model):
    return []  # the home page is docs/index.md, which calls render("home")


def _applicable(power) -> bool:
    return bool(power.on_application) and power.status != "取消"


def render(model, key: str = "") -> str:
    refs = [r for r in model.all_refs() if r.resolved]
    split = paging.split(model)
    areas = [{"area": a, "office": office_name(model, a.office_id), "counts": type_counts(a.powers),
              "applicable": sum(_applicable(p) for p in a.powers)} for a in model.areas]
    applicable = [] if split else [{"power": p, "decider": decider(p), "deadline": plain_deadline(p.time_limit)}
                                   for p in model.powers if _applicable(p)]
    return render_template(
        "home.md.j2", SRC_URI, agency_name=model.agency.name if model.agency else "（未配置机关）",
        site_title=model.agency.data["site"]["title"] if model.agency else "法治账图",
        as_of=model.agency.data.get("as_of", "") if model.agency else "", areas=areas,
        as_of_note=model.agency.data.get("as_of_note", "") if model.agency else "",
        map=overview(model, lambda url: links.rel(SRC_URI, url), compact=split), split=split,
        power_count=len(model.powers), counts=type_counts(model.powers),
        law_count=len(cited_law_ids(model)), law_total=len(model.laws),
        article_count=len({(r.law_id, r.version_id, r.at.article) for r in refs}),
        example_count=sum(p.is_example for p in model.powers), applicable=applicable)


register(PageKind("home", pages, render))
