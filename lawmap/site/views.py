"""Small read-only views over the model that several page kinds share (refs with their links and warnings, counts)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..citation import int_to_cn
from ..index import currency_problem, once_per_model, uses_by_article
from ..model import Model, Power, Ref
from . import links

EXAMPLE_REASON = "本记录没有可核对的公开来源（如正式公布的权责清单），由本站依据现行法律条文整理，仅作示例，以正式公布的清单为准。"


@dataclass(frozen=True)
class RefView:
    ref: Ref
    citation: str
    url: str
    text: str
    problem: str | None

    @property
    def kind(self) -> str:
        return self.ref.kind or ""


def ref_view(ref: Ref, model: Model) -> RefView:
    return RefView(ref, ref.citation(), links.law_url(ref), ref.quoted_text(), currency_problem(ref, model.today))


def ref_views(refs: list[Ref], model: Model) -> list[RefView]:
    return [ref_view(r, model) for r in refs]


def stale_problems(power: Power, model: Model) -> list[str]:
    """Distinct currency warnings over every citation of the power, in order."""
    seen: list[str] = []
    for ref in power.all_refs():
        problem = currency_problem(ref, model.today)
        if problem and problem not in seen:
            seen.append(problem)
    return seen


def type_counts(powers: list[Power]) -> list[tuple[str, int]]:
    """(type, count) in the fixed order of power types, only types present."""
    counts = Counter(p.type for p in powers)
    return [(t, counts[t]) for t in links.POWER_TYPES if counts[t]] + \
        [(t, n) for t, n in counts.items() if t not in links.TYPE_SLUGS]


def office_name(model: Model, office_id: str) -> str:
    office = model.agency.offices.get(office_id) if model.agency else None
    return office.name if office else office_id


def flow_steps(power: Power) -> list[dict]:
    """Process steps with their outgoing edges resolved: default next = the following step unless next/branches say."""
    names = power.step_names()
    steps = []
    for i, step in enumerate(power.process):
        following = power.process[i + 1].id if i + 1 < len(power.process) else None
        nexts = list(step.next or [])
        branches = [{"when": b.when, "to": b.to, "name": names.get(b.to, b.to)} for b in step.branches or []]
        jumps = [{"to": n, "name": names.get(n, n)} for n in nexts if n != following]
        ends_here = step.next == []  # `next: []` says the flow ends at this step (办结)
        falls_through = following is not None and not ends_here and (not nexts or following in nexts)
        end = ends_here or (following is None and not nexts and not branches)
        steps.append({"step": step, "no": i + 1, "branches": branches, "jumps": jumps,
                      "falls_through": falls_through, "end": end})
    return steps


def risks_by_step(power: Power) -> list[dict]:
    """The 风险点 in flow order, each with the name of its step: {"risk", "step_name"}."""
    names = power.step_names()
    order = {s.id: i for i, s in enumerate(power.process)}
    rows = sorted(power.risks, key=lambda r: order.get(r.step, len(order)))
    return [{"risk": r, "step_name": names.get(r.step, r.step)} for r in rows]


LEVEL_LABELS = {"省级": "省级", "市级": "市级", "县级": "县级", "市级、县级": "市、县两级"}


def decider(power: Power) -> dict:
    """谁来决定: the level that exercises the power (市级 / 县级 / both) and the deciding body, from the power's fields."""
    return {"level": LEVEL_LABELS.get(power.level, power.level), "subject": power.subject,
            "county": "县级" in power.level}


@once_per_model
def cited_law_ids(model: Model) -> set[str]:
    """Laws at least one resolved citation of the data points at: the one count of "laws cited" every page uses."""
    return {r.law_id for r in model.all_refs() if r.resolved}


def powers_citing(law, model: Model) -> list[dict]:
    """The powers relying on a law, once each (area order, then data order), with the articles they cite:
    [{"power", "articles": [{"label": 第三十条, "id": anchor on the law page}]}]. Callers must not change it."""
    return _powers_citing_by_law(model).get(law.id, [])


@once_per_model
def _powers_citing_by_law(model: Model) -> dict[str, list[dict]]:
    """powers_citing for every law, in one pass over the citation index (law id → rows)."""
    by_law: dict[str, dict[str, dict]] = {}
    for (law_id, version_id, no), uses in sorted(uses_by_article(model).items(), key=lambda kv: (kv[0][2], kv[0][1])):
        rows = by_law.setdefault(law_id, {})
        law = model.laws.get(law_id) or uses[0].ref.law
        for use in uses:
            if use.power is None:
                continue
            row = rows.setdefault(use.power.code, {"power": use.power, "articles": {}})
            row["articles"].setdefault((version_id, no), {"label": f"第{int_to_cn(no)}条",
                                                          "id": links.unit_anchor(law, version_id, f"a{no}")})
    area_order = {a.id: i for i, a in enumerate(model.areas)}
    return {law_id: _ranked(rows, area_order) for law_id, rows in by_law.items()}


def _ranked(rows: dict[str, dict], area_order: dict[str, int]) -> list[dict]:
    """A law's rows in area order, then data order, each with its articles as a list."""
    order = {code: i for i, code in enumerate(rows)}
    ranked = sorted(rows.values(), key=lambda r: (area_order.get(r["power"].area.id if r["power"].area else "", 0),
                                                  order[r["power"].code]))
    return [dict(r, articles=list(r["articles"].values())) for r in ranked]
