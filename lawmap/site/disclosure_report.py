"""年度报告 (/disclosure/reports/<year>/): the bureau's 法治政府建设 report of that year, published from its data file
section by section with the report's own numbering as anchors, so every figure can link to the words it comes from."""
from __future__ import annotations


from ..disclosure import records
from . import Page, PageKind, register
from . import disclosure_common as dc
from .templating import render_template


def pages(model):
    return [Page(dc.report_src(year), "disclosure-report", str(year)) for year in sorted(records(model).reports)]


def _level(section_id: str) -> int:
    """一 → 2 (<h2>), 二(一) → 3, 二(一)1 → 4."""
    if "(" not in section_id:
        return 2
    return 3 if section_id.endswith(")") else 4


def _label(section_id: str, heading: str) -> str:
    match = dc.SECTION_ID.match(section_id)
    if match is None:
        return heading
    top, sub, point = match.groups()
    if point:
        return f"{point}. {heading}"
    return f"（{sub}）{heading}" if sub else f"{top}、{heading}"


def render(model, key: str) -> str:
    report = records(model).reports.get(int(key))
    if report is None:
        raise KeyError(f"没有 {key} 年度的报告")
    sections = [{"s": s, "level": _level(s["id"]), "anchor": dc.section_anchor(s["id"]),
                 "label": _label(s["id"], s["heading"]), "paras": [p for p in s.get("text", "").split("\n") if p.strip()]} for s in report["sections"]]
    return render_template("disclosure_report.md.j2", dc.report_src(report["year"]), dc=dc, r=report, sections=sections,
                           figure_count=len(report["figures"]))


register(PageKind("disclosure-report", pages, render))
