"""工作人员 → 待处理问题 (/staff/findings/): every finding of the data check that does not block publishing (a cited
version superseded or not yet in force, a disclosure past its deadline, an article nothing cites), with file:line."""
from __future__ import annotations

from ..diagnostics import WARNING
from . import Page, PageKind, links, register
from .templating import render_template

SRC_URI = "staff/findings.md"


def pages(model):
    return [Page(SRC_URI, "staff-findings")]


def page_of(problem, model) -> tuple[str, str] | None:
    """(site path, title) of the page a finding concerns: the power written around its line, or the law of its file."""
    file, line = problem.pos.file, problem.pos.line
    powers = [p for p in model.powers if p.file == file and p.pos.line <= line]
    if powers:
        power = max(powers, key=lambda p: p.pos.line)
        return links.power_url(power.code), power.name
    law = next((law for law in model.laws.values() if law.file == file), None)
    return (links.law_page_url(law.id), law.title) if law else None


def render(model, key: str = "") -> str:
    findings = [{"problem": p, "page": page_of(p, model)}
                for p in model.problems if p.severity == WARNING]  # errors never reach a built site
    return render_template("staff_findings.md.j2", SRC_URI, findings=findings, today=model.today)


register(PageKind("staff-findings", pages, render))
