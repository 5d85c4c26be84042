"""包容审慎监管“三张清单” (/disclosure/lenient/): 不予、从轻、减轻处罚 rows, each tied to a penalty power and one of its
子项; counts are computed from the data and set against the figures of the annual report."""
from __future__ import annotations

from ..disclosure import records
from ..disclosure.checks import LIST_FIGURES
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template
from .views import ref_views

LIST_ANCHORS = {"不予处罚": "buyu", "从轻处罚": "congqing", "减轻处罚": "jianqing"}


def _row(model, row) -> dict:
    power = model.power(row["power"])
    refs = dc.subitem_refs(power, row["subitem"]) if power else []
    return {"r": row, "p": power, "subitem": dc.subitem_name(power, row["subitem"]),
            "penalty": ref_views(refs, model), "lenient": ref_views(row.refs, model)}


def _summary(model, rows) -> list[dict]:
    summary = []
    for name, figure_id in LIST_FIGURES.items():
        mine = [r for r in rows if r["list"] == name]
        summary.append({"name": name, "anchor": LIST_ANCHORS[name], "figure": dc.figure_view(model, figure_id),
                        **dc.counts(mine)})
    return summary


def render(model, key: str = "") -> str:
    d = records(model)
    grouped = dc.by_list(d.lenient, LIST_FIGURES)
    lists = [{"name": name, "anchor": LIST_ANCHORS.get(name, name), "rows": [_row(model, r) for r in rows]}
             for name, rows in grouped.items()]
    return render_template(
        "disclosure_lenient.md.j2", dc.src_uri("lenient"), dc=dc, summary=_summary(model, d.lenient), lists=lists,
        counts=dc.counts(d.lenient), meta=d.lenient_file.data if d.lenient_file else {})


register(PageKind("disclosure-lenient", dc.single_page("lenient", "disclosure-lenient"), render))
