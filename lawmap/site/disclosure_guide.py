"""政府信息公开指南 (/disclosure/guide/): scope, channels, time limits, applications and remedies from open-gov.yaml,
and the office contacts from agency.yaml (never typed twice)."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template
from .views import ref_views


def render(model, key: str = "") -> str:
    d = records(model)
    agency = model.agency.data if model.agency else {}
    office = model.agency.office_for("政务公开") if model.agency else None
    guide = [{"g": g, "bases": ref_views(g.refs, model)} for g in d.guide]
    return render_template(
        "disclosure_guide.md.j2", dc.src_uri("guide"), dc=dc, agency=agency, office=office.name if office else "",
        guide=guide, categories=d.categories, opengov=d.opengov,
        application_bases=ref_views(d.opengov.refs, model) if d.opengov else [])


register(PageKind("disclosure-guide", dc.single_page("guide", "disclosure-guide"), render))
