"""工作人员 → 待处理问题 (/staff/findings/): every finding of the data check that does not block publishing (a cited
version superseded or not yet in force, a disclosure past its deadline, an article nothing cites), with file:line."""
from __future__ import annotations

from ..diagnostics import WARNING
from . import Page, PageKind, register
from .templating import render_template

SRC_URI = "staff/findings.md"


def pages(model):
    return [Page(SRC_URI, "staff-findings")]


def render(model, key: str = "") -> str:
    findings = [p for p in model.problems if p.severity == WARNING]  # errors never reach a built site
    return render_template("staff_findings.md.j2", SRC_URI, findings=findings, today=model.today)


register(PageKind("staff-findings", pages, render))
