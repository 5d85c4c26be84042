"""Reverse index of citations: for each cited law unit (条/款/项 of one version), the powers and duties relying on it.

MkDocs-free, so the site's law pages and 依据查询 and the API exports share one answer.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import wraps

from .diagnostics import Report
from .model import Model, Power, Ref
from . import rules


@dataclass(frozen=True)
class Use:
    """One reliance on a law unit: which power, in what role (依据类别, 责任事项 stage, 追责依据 …), and the ref itself."""

    ref: Ref
    role: str
    detail: str = ""
    power: Power | None = None
    owner: str = ""  # for refs not made by a power (agency.yaml …): what makes them

    @property
    def anchor(self) -> str:
        return self.ref.anchor()


def power_uses(power: Power) -> list[Use]:
    uses = [Use(r, r.kind or "依据", r.note or "", power) for r in power.bases]
    uses += _subitem_uses(power)
    for resp in power.responsibilities:
        uses += [Use(r, f"责任事项·{resp.stage}", resp.duty, power) for r in resp.bases]
    uses += [Use(r, "追责依据", "；".join(power.accountability.get("cases", [])), power)
             for r in power.accountability_bases]
    return uses


def _subitem_uses(power: Power) -> list[Use]:
    return [Use(ref, ref.kind or "子项依据", sub.name, power) for sub in power.subitems for ref in sub.bases]


def once_per_model(compute):
    """Compute something over the whole model once per loaded model (kept in model.derived): every page that asks
    again gets the same object, so a page costs its own part, not the whole model. Callers must not change it."""
    key = f"{compute.__module__}.{compute.__qualname__}"

    @wraps(compute)
    def cached(model: Model):
        if key not in model.derived:
            model.derived[key] = compute(model)
        return model.derived[key]
    return cached


@once_per_model
def all_uses(model: Model) -> list[Use]:
    """Every resolved citation in the model, powers first, then the agency's own (执法主体, 救济途径)."""
    uses = [u for p in model.powers for u in power_uses(p)]
    if model.agency:
        uses += [Use(r, "执法主体依据", owner="机关信息") for r in model.agency.enforcement_bases]
        for remedy, refs in zip(model.agency.data.get("remedies", []), model.agency.remedy_bases):
            uses += [Use(r, f"救济途径·{remedy.get('kind', '')}", owner="机关信息") for r in refs]
    return [u for u in uses if u.ref.resolved]


@once_per_model
def uses_by_article(model: Model) -> dict[tuple[str, str, int], list[Use]]:
    """(law id, version id, article no) → every use of that article or of a 款/项 inside it, in data order."""
    index: dict[tuple[str, str, int], list[Use]] = defaultdict(list)
    for use in all_uses(model):
        index[(use.ref.law_id, use.ref.version_id, use.ref.at.article)].append(use)
    return dict(index)


@once_per_model
def uses_by_unit(model: Model) -> dict[tuple[str, str, str], list[Use]]:
    """(law id, version id, unit anchor a30 / a30-k1 / a30-k1-i4) → the uses citing exactly that unit."""
    index: dict[tuple[str, str, str], list[Use]] = defaultdict(list)
    for use in all_uses(model):
        index[(use.ref.law_id, use.ref.version_id, use.anchor)].append(use)
    return dict(index)


def currency_problem(ref: Ref, today: str) -> str | None:
    """Why a basis is not current on `today` (repealed, superseded, not yet in force), in the validator's words."""
    report = Report()
    rules.check_currency(ref, today, report)
    return report.problems[0].message if report.problems else None
