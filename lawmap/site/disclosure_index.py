"""政务公开 (/disclosure/): the section's front page, laid out as a government site does — 政府信息公开 (指南、目录、年报)
and 行政执法公示 (事前、事后、三张清单、检查事项、规范性文件、证明事项), each entry with its record counts."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template


def render(model, key: str = "") -> str:
    d = records(model)
    report = d.latest_report()
    return render_template(
        "disclosure_index.md.j2", dc.src_uri("index"), dc=dc, d=d, agency=model.agency.data if model.agency else {},
        report=report, years=sorted(d.reports, reverse=True), powers=len(model.powers),
        decisions=dc.counts(d.decisions), lenient=dc.counts(d.lenient))


register(PageKind("disclosure-index", dc.single_page("index", "disclosure-index"), render))
