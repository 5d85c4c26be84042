"""权责清单 调整记录 (/open-data/changes/): per commit to data/areas/, the powers added, removed or changed, from git.

Says so when the history is partial (shallow clone) or unavailable (no git); the same entries feed feed.xml.
"""
from __future__ import annotations

from ..exports.feeds import CHANGES_FEED, change_summary
from . import Page, PageKind, register
from .templating import render_template

SRC_URI = "open-data/changes.md"


def pages(model):
    return [Page(SRC_URI, "open-data-changes")]


def render(model, key: str, facts) -> str:
    found = facts.history
    current = {p.code for p in model.powers}
    entries = [{"entry": e, "summary": change_summary(e)} for e in found.entries]
    return render_template("opendata_changes.md.j2", SRC_URI, history=found, entries=entries, current=current,
                           feed=CHANGES_FEED, agency_name=model.agency.name if model.agency else "")


register(PageKind("open-data-changes", pages, render, uses_facts=True))
