"""事项卡片 — one page per power: facts, bases with quoted articles, 责任事项, 追责, 运行流程图 and 风险防控."""
from __future__ import annotations

from . import Page, PageKind, links, register
from .templating import render_template
from .deadlines import plain_deadline
from .views import decider, flow_steps, office_name, ref_views, risks_by_step, stale_problems


def src_uri(code: str) -> str:
    return f"powers/{code}.md"


def pages(model):
    return [Page(src_uri(p.code), "power", p.code) for p in model.powers]


def _subitems(power, model):
    return [{"id": s.id, "name": s.name, "bases": ref_views(s.bases, model)} for s in power.subitems]


def render(model, key: str) -> str:
    power = model.power(key)
    if power is None:
        raise KeyError(f"没有事项编码为 {key} 的事项")
    responsibilities = [{"stage": r.stage, "duty": r.duty, "bases": ref_views(r.bases, model)}
                        for r in power.responsibilities]
    return render_template(
        "power.md.j2", src_uri(power.code), p=power, office=office_name(model, power.office_id),
        bases=ref_views(power.bases, model), subitems=_subitems(power, model), responsibilities=responsibilities,
        accountability=ref_views(power.accountability_bases, model), flow=flow_steps(power),
        risks=risks_by_step(power), stale=stale_problems(power, model),
        decider=decider(power), deadline=plain_deadline(power.time_limit))


register(PageKind("power", pages, render))
