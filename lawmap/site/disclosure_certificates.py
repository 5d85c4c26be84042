"""证明事项清单 (/disclosure/certificates/): what the bureau asks applicants to prove and on which basis — per the 2023
report no 证明事项 beyond those set by law, which the page says plainly instead of inventing rows."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template
from .views import ref_views


def render(model, key: str = "") -> str:
    cert = records(model).certificates
    section = cert.get("report_section") if cert else None
    report = records(model).latest_report()
    return render_template(
        "disclosure_certificates.md.j2", dc.src_uri("certificates"), dc=dc, c=cert,
        bases=ref_views(cert.refs, model) if cert else [], figure=dc.figure_view(model, "新增证明事项数"),
        section_url=dc.report_url(report["year"], section) if section and report else "",
        report_year=report["year"] if report else "")


register(PageKind("disclosure-certificates", dc.single_page("certificates", "disclosure-certificates"), render))
