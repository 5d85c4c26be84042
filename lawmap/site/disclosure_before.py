"""事前公开 (/disclosure/before/): 执法主体, 执法人员, 职责, 权限和依据, 程序, 救济途径, 随机抽查事项清单 —
all derived from agency.yaml, the areas and the disclosure records, never typed twice. Above the page limit
(paging.py) 职责, 权限和依据 and 执法程序 move to one sub-page per area (/disclosure/before/<area>/)."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, links, paging, register
from . import disclosure_common as dc
from .templating import render_template
from .views import office_name, ref_views

FLOW_TYPES = ["行政许可", "行政处罚", "行政检查"]


def _powers_by_type(model, all_powers) -> list[dict]:
    groups = []
    for power_type in links.POWER_TYPES:
        powers = [p for p in all_powers if p.type == power_type]
        if powers:
            groups.append({"type": power_type, "anchor": links.type_anchor(power_type),
                           "rows": [{"p": p, "bases": ref_views(p.bases, model)} for p in powers]})
    return groups


def _flows(powers) -> list[dict]:
    return [{"type": t, "rows": [{"p": p, "steps": [s.name for s in p.process]} for p in powers if p.type == t]}
            for t in FLOW_TYPES]


def _random_items(model) -> list[dict]:
    rows = []
    for item in records(model).inspections:
        power = model.power(item["power"])
        if item.get("random") and power is not None:
            rows.append({"item": item, "p": power, "bases": ref_views(power.bases, model)})
    return rows


def render_part(model, key: str) -> str:
    """One area's 职责, 权限和依据 and 执法程序, when the data is split."""
    area = paging.area_of(model, key)
    return render_template("disclosure_before.md.j2", paging.part_src(dc.src_uri("before"), key), dc=dc, area=area,
                           split=False, parts=[], areas=[area], power_groups=_powers_by_type(model, area.powers),
                           flows=_flows(area.powers))


def render(model, key: str = "") -> str:
    d = records(model)
    split = paging.split(model)
    agency = model.agency
    officers = [{"o": o, "office": office_name(model, o["office"])} for o in d.officers]
    remedies = [{"r": r, "bases": ref_views(bases, model)}
                for r, bases in zip(agency.data["remedies"], agency.remedy_bases)] if agency else []
    return render_template(
        "disclosure_before.md.j2", dc.src_uri("before"), dc=dc, agency=agency.data if agency else {},
        enforcement_bases=ref_views(agency.enforcement_bases, model) if agency else [],
        offices=list(agency.offices.values()) if agency else [], officers=officers,
        officer_counts=dc.counts(d.officers), officers_note=d.officers_file.get("note") if d.officers_file else "",
        officers_as_of=d.officers_file.get("as_of") if d.officers_file else "", areas=model.areas,
        area=None, split=split,
        parts=paging.parts(model, dc.src_uri("before")) if split else [],
        power_groups=[] if split else _powers_by_type(model, model.powers),
        flows=[] if split else _flows(model.powers), remedies=remedies, random_items=_random_items(model))


register(PageKind("disclosure-before", dc.single_page("before", "disclosure-before"), render))
register(PageKind("disclosure-before-area", paging.part_pages(dc.src_uri("before"), "disclosure-before-area"),
                  render_part))
