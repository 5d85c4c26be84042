"""规范性文件 (/disclosure/normative/): 文号, dates, 合法性审查, 备案, 后评估 of each normative document, each fact with
the report section it comes from; unknown dates are said to be unknown, never guessed."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template

STEPS = [("legality_review", "合法性审查"), ("filing", "备案"), ("post_assessment", "后评估")]


def _source_url(record_year: int | None, entry: dict) -> str:
    section = entry.get("report_section")
    return dc.report_url(record_year, section) if section and record_year else ""


def _doc(model, doc) -> dict:
    year = records(model).latest_report()["year"] if records(model).reports else None
    steps = [{"label": label, "s": doc.get(key), "url": _source_url(year, doc.get(key) or {})} for key, label in STEPS]
    return {"n": doc, "steps": steps, "url": _source_url(year, doc.data), "report_year": year}


def _review(docs, year) -> dict:
    """What the records say of that year's 合法性审查: how many documents, how many recorded as passed."""
    of_year = [x for x in docs if x.get("year") == year]
    passed = [x for x in of_year if (x.get("legality_review") or {}).get("done")]
    return {"recorded": len(of_year), "passed": len(passed)}


def render(model, key: str = "") -> str:
    d = records(model)
    figure = dc.figure_view(model, "出台规范性文件数")
    return render_template("disclosure_normative.md.j2", dc.src_uri("normative"), dc=dc,
                           docs=[_doc(model, x) for x in d.normative], figure=figure,
                           review=_review(d.normative, figure["year"]) if figure else None,
                           note=d.normative[0].doc.data.get("note") if d.normative else "")


register(PageKind("disclosure-normative", dc.single_page("normative", "disclosure-normative"), render))
