"""Shared pieces of the /disclosure/ pages: their URLs, report-section anchors, and views over the disclosure records."""
from __future__ import annotations

import datetime as dt
import re

from ..disclosure import records
from ..disclosure.checks import OTHER_LIMIT, SHORT_LIMIT_TYPES
from ..disclosure.deadline import CalendarUnknown, workdays_between
from ..model import Model, Power, Ref
from . import Page

CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
SECTION_ID = re.compile(r"^([一二三四五六七八九十]+)(?:\(([一二三四五六七八九十]+)\)(\d+)?)?$")


def src_uri(name: str) -> str:
    return f"disclosure/{name}.md"


def url(name: str) -> str:
    return "disclosure/" if name == "index" else f"disclosure/{name}/"


def report_src(year: int) -> str:
    return f"disclosure/reports/{year}.md"


def figures_src(year: int) -> str:
    return f"disclosure/figures/{year}.md"


def cn_number(text: str) -> int:
    """一 … 九十九 → 1 … 99 (the report numbers its parts with small Chinese numerals)."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def section_anchor(section_id: str) -> str:
    """二(一)1 → s2-1-1: an ASCII id for a section of the report, by the report's own numbering."""
    match = SECTION_ID.match(section_id)
    if match is None:
        return "s-" + "".join(c for c in section_id if c.isascii() and c.isalnum())
    top, sub, point = match.groups()
    parts = [str(cn_number(top))] + ([str(cn_number(sub))] if sub else []) + ([point] if point else [])
    return "s" + "-".join(parts)


def report_url(year: int, section_id: str | None = None) -> str:
    return f"disclosure/reports/{year}/" + (f"#{section_anchor(section_id)}" if section_id else "")


def figures_url(year: int) -> str:
    return f"disclosure/figures/{year}/"


def single_page(name: str, kind: str):
    """pages() for a one-page kind; the page exists even without records (it says so), as the nav links to it."""
    def pages(model: Model):
        return [Page(src_uri(name), kind)]
    return pages


def counts(items) -> dict:
    """How many records are real (with a source) and how many are 示例."""
    example = sum(1 for r in items if r.is_example)
    return {"total": len(items), "example": example, "real": len(items) - example}


def figure_view(model: Model, means: str, year: int | None = None, of: str | None = None) -> dict | None:
    """The report figure that `means` this (report schema: figures[].means), with its year and the link to the
    report section it comes from; None when that year's report declares no such figure."""
    d = records(model)
    report = d.reports.get(year) if year else d.latest_report()
    if report is None:
        return None
    figure = d.figure(means, report["year"], of)
    if figure is None:
        return None
    return dict(figure, year=report["year"], url=report_url(report["year"], figure["section"]),
                value_text=f"{figure['value']:g}")


def subitem_name(power: Power | None, subitem_id: str | None) -> str:
    if power is None or not subitem_id:
        return ""
    sub = power.subitem(subitem_id)
    return sub.name if sub else subitem_id


def subitem_refs(power: Power, subitem_id: str | None) -> list[Ref]:
    """The bases of one 子项 when it lists its own; else the power's 处罚依据 (检查依据), else all its bases."""
    own = next((s.bases for s in power.subitems if s.id == subitem_id and s.bases), None)
    if own:
        return list(own)
    return [b for b in power.bases if b.kind in ("处罚依据", "检查依据")] or list(power.bases)


def publication_days(decision, power_type: str) -> dict:
    """Working days from decision to publication, against its limit (7 for 许可/处罚, 20 otherwise)."""
    limit = SHORT_LIMIT_TYPES.get(power_type, OTHER_LIMIT)
    try:
        used = workdays_between(_date(decision["decided_on"]), _date(decision["published_on"]))
    except CalendarUnknown:
        return {"limit": limit, "used": None, "late": False}
    return {"limit": limit, "used": used, "late": used > limit}


def by_list(rows, order) -> dict[str, list]:
    grouped = {name: [] for name in order}
    for row in rows:
        grouped.setdefault(row["list"], []).append(row)
    return grouped


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
