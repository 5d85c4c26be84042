"""分图 — one page per business area: 职责, powers, the legal bases they use, 责任, 追责 and a risk overview."""
from __future__ import annotations

from . import Page, PageKind, links, paging, register
from .map_area import area_diagram
from .map_overview import GROUPS
from .templating import render_template
from .views import office_name, ref_views, type_counts


def src_uri(area_id: str) -> str:
    return f"areas/{area_id}.md"


def pages(model):
    return [Page(src_uri(a.id), "area", a.id) for a in model.areas]


def _laws(area) -> list[dict]:
    """Each (law, version) cited by the area's powers, with its cited units in article order."""
    rows: dict[tuple, dict] = {}
    for power in area.powers:
        for ref in power.all_refs():
            if not ref.resolved:
                continue
            row = rows.setdefault((ref.law.id, ref.version.id), {"law": ref.law, "version": ref.version, "units": {}})
            label = ref.at.chinese(len(ref.article.paras) == 1)
            row["units"].setdefault(ref.anchor(), {"label": label, "url": links.law_url(ref),
                                                   "sort": (ref.at.article, ref.at.para or 0, ref.at.item or 0)})
    for row in rows.values():
        row["units"] = sorted(row["units"].values(), key=lambda u: u["sort"])
    return sorted(rows.values(), key=lambda r: (r["law"].title, r["version"].id))


def _risks(area) -> list[dict]:
    rows = []
    for power in area.powers:
        levels = [r.level for r in power.risks]
        rows.append({"power": power, "high": levels.count("高"), "mid": levels.count("中"), "low": levels.count("低"),
                     "high_points": [r.point for r in power.risks if r.level == "高"]})
    return rows


def render(model, key: str) -> str:
    area = paging.area_of(model, key)
    return render_template(
        "area.md.j2", src_uri(area.id), a=area, office=office_name(model, area.office_id),
        diagram=area_diagram(area, src_uri(area.id)), groups=GROUPS,
        counts=type_counts(area.powers), laws=_laws(area), risks=_risks(area),
        accountability=[{"power": p, "refs": ref_views(p.accountability_bases, model)} for p in area.powers])


register(PageKind("area", pages, render))
