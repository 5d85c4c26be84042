"""年度报告 (/disclosure/annual/): the entry point to each year's reports — the 法治政府建设 report (full text and
figures) and what is known of the 政府信息公开工作年度报告, with that year's disclosure figures."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template

OPEN_FIGURES = ["网站公开信息数", "微信公开信息数", "微博公开信息数", "依申请公开数"]  # figures[].means


def render(model, key: str = "") -> str:
    d = records(model)
    notes = {a["year"]: a for a in (d.opengov["annual_reports"] if d.opengov else [])}
    years = sorted(set(d.reports) | set(notes), reverse=True)
    rows = [{"year": y, "report": d.reports.get(y), "note": notes.get(y),
             "figures": [f for f in (dc.figure_view(model, fid, y) if y in d.reports else None for fid in OPEN_FIGURES) if f]}
            for y in years]
    return render_template("disclosure_annual.md.j2", dc.src_uri("annual"), dc=dc, rows=rows)


register(PageKind("disclosure-annual", dc.single_page("annual", "disclosure-annual"), render))
