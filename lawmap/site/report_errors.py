"""如何报告错误 (/report-errors/): how a reader reports a mistake, with the bureau's contacts from agency.yaml."""
from __future__ import annotations

from . import Page, PageKind, register
from .templating import render_template

SRC_URI = "report-errors.md"


def pages(model):
    return [Page(SRC_URI, "report-errors")]


def render(model, key: str = "") -> str:
    agency = model.agency.data if model.agency else {"name": "本机关"}
    office = model.agency.office_for("投诉受理") if model.agency else None
    phones = agency.get("phone", [])
    return render_template(
        "report_errors.md.j2", SRC_URI, agency=agency, office=office.name if office else "", phones=phones,
        has_example_contact=any(p.get("source") == "示例" for p in phones),
        sample_code=model.powers[0].code if model.powers else "事项编码")


register(PageKind("report-errors", pages, render))
