"""报告数字一览 (/disclosure/figures/<year>/): every figure of that year's report as data, each with the report section
it comes from (a link to the words on the report page) and the quoted sentence."""
from __future__ import annotations

from ..disclosure import records
from . import Page, PageKind, register
from . import disclosure_common as dc
from .templating import render_template


def pages(model):
    return [Page(dc.figures_src(year), "disclosure-figures", str(year)) for year in sorted(records(model).reports)]


def render(model, key: str) -> str:
    report = records(model).reports.get(int(key))
    if report is None:
        raise KeyError(f"没有 {key} 年度的报告")
    headings = {s["id"]: s["heading"] for s in report["sections"]}
    groups: dict[str, list] = {}
    for figure in report["figures"]:
        top = figure["section"].split("(")[0]
        groups.setdefault(top, []).append(dict(figure, value_text=f"{figure['value']:g}",
                                                url=dc.report_url(report["year"], figure["section"])))
    ordered = [{"id": top, "heading": headings.get(top, top), "figures": groups[top]}
               for top in [s["id"] for s in report["sections"]] if top in groups]
    return render_template("disclosure_figures.md.j2", dc.figures_src(report["year"]), dc=dc, r=report, groups=ordered)


register(PageKind("disclosure-figures", pages, render))
