"""工作人员 → 待处理问题 (/staff/findings/): every finding of the data check that does not block publishing (a cited
version superseded or not yet in force, a disclosure past its deadline, an article nothing cites), with file:line."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..diagnostics import WARNING
from ..index import once_per_model
from . import Page, PageKind, links, register
from .templating import render_template

SRC_URI = "staff/findings.md"


def pages(model):
    return [Page(SRC_URI, "staff-findings")]


def page_of(problem, model) -> tuple[str, str] | None:
    """(site path, title) of the page a finding concerns: the power written around its line, or the law of its file."""
    file, line = problem.pos.file, problem.pos.line
    lines, powers = _powers_by_file(model).get(file, ([], []))
    above = bisect_right(lines, line)  # the powers starting on or above the finding's line
    if above:
        power = powers[bisect_left(lines, lines[above - 1])]  # the last of them (the first written, on a shared line)
        return links.power_url(power.code), power.name
    law = _laws_by_file(model).get(file)
    return (links.law_page_url(law.id), law.title) if law else None


@once_per_model
def _powers_by_file(model) -> dict[str, tuple[list[int], list]]:
    """file → (the lines its powers start on, the powers) in line order: one lookup per finding, not a scan."""
    by_file: dict[str, list] = {}
    for power in model.powers:
        by_file.setdefault(power.file, []).append(power)
    ordered = {file: sorted(powers, key=lambda p: p.pos.line) for file, powers in by_file.items()}
    return {file: ([p.pos.line for p in powers], powers) for file, powers in ordered.items()}


@once_per_model
def _laws_by_file(model) -> dict:
    by_file: dict = {}
    for law in model.laws.values():
        by_file.setdefault(law.file, law)
    return by_file


def render(model, key: str = "") -> str:
    findings = [{"problem": p, "page": page_of(p, model)}
                for p in model.problems if p.severity == WARNING]  # errors never reach a built site
    return render_template("staff_findings.md.j2", SRC_URI, findings=findings, today=model.today)


register(PageKind("staff-findings", pages, render))
