"""事后公开 (/disclosure/after/): published enforcement decisions — 执法机关, 对象, 类别, 结论, dates, 法制审核 —
with the working days each took to publish, and withdrawn or changed decisions shown as such."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template


def _row(model, decision) -> dict:
    power = model.power(decision["power"])
    power_type = power.type if power else ""
    return {"d": decision, "p": power, "type": power_type, "subitem": dc.subitem_name(power, decision.get("subitem")),
            "days": dc.publication_days(decision, power_type), "active": decision["status"] == "有效"}


def render(model, key: str = "") -> str:
    d = records(model)
    rows = [_row(model, x) for x in d.decisions]
    return render_template(
        "disclosure_after.md.j2", dc.src_uri("after"), dc=dc, active=[r for r in rows if r["active"]],
        changed=[r for r in rows if not r["active"]], counts=dc.counts(d.decisions),
        years=sorted({x.doc.data["year"] for x in d.decisions}, reverse=True))


register(PageKind("disclosure-after", dc.single_page("after", "disclosure-after"), render))
