"""Atom feeds: feed.xml (权责清单 调整记录, one entry per commit that changed powers) and feed-disclosures.xml (公开记录).

Written with the standard library's ElementTree (two small feeds need no dependency). Entry ids are UUIDs derived
from the commit or record, dates come from the data, so the feeds are the same on every build of one commit.
Links are absolute when mkdocs.yml sets site_url, else relative to the site root (where both feeds live).
"""
from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from .. import history
from ..model import Model
from .api import disclosures_json
from .meta import Provenance

ATOM = "http://www.w3.org/2005/Atom"
CHANGES_FEED = "feed.xml"
DISCLOSURE_FEED = "feed-disclosures.xml"
CHANGES_PAGE = "open-data/changes/"
DISCLOSURE_PAGE = "disclosure/"
MAX_ENTRIES = 50
DISCLOSURE_LABELS = {
    "officers": "行政执法人员", "decisions": "行政执法决定", "lenient": "包容审慎监管三张清单", "inspections": "分类检查事项",
    "random_checks": "双随机、一公开", "normative": "规范性文件", "certificates": "证明事项清单",
    "reports": "法治政府建设年度报告", "opengov": "政府信息公开指南", "officers_file": "行政执法人员名单",
    "inspections_file": "分类检查事项目录（目录说明）", "lenient_file": "三张清单（清单说明）",
    "guide": "政府信息公开指南（各节）", "categories": "政府信息公开目录类别",
}
DATE_KEYS = ("published_on", "issued_on", "signed_on", "decided_on", "as_of")
TITLE_KEYS = ("title", "name", "doc_no", "id", "year")

ET.register_namespace("", ATOM)


def _uuid(*parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "lawmap:" + ":".join(parts)).urn


def _sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _feed(title: str, subtitle: str, feed_id: str, updated: str, self_href: str, page_href: str, agency: str):
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "zh-CN"})
    _sub(feed, "title", title)
    _sub(feed, "subtitle", subtitle)
    _sub(feed, "id", feed_id)
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", href=self_href, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=page_href, type="text/html")
    _sub(_sub(feed, "author"), "name", agency or "本站")
    return feed


def _entry(feed, entry_id: str, title: str, updated: str, href: str, text: str) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", entry_id)
    _sub(entry, "title", title)
    _sub(entry, "updated", updated)
    _sub(entry, "link", rel="alternate", href=href, type="text/html")
    _sub(entry, "content", text, type="text")


def _bytes(feed: ET.Element) -> bytes:
    ET.indent(feed, space=" ")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def change_summary(entry: history.Entry) -> str:
    counts = {action: sum(1 for c in entry.changes if c.action == action) for action in ("新增", "调整", "删除")}
    return "，".join(f"{action} {n} 项" for action, n in counts.items() if n)


def change_text(entry: history.Entry) -> str:
    lines = [f"{entry.subject}（提交 {entry.short}）"]
    for change in entry.changes:
        lines.append(f"{change.action}：{change.code} {change.name}")
        lines += [f"  {f.label}：{f.old} → {f.new}" for f in change.fields]
    return "\n".join(lines)


def changes_feed(found: history.History, provenance: Provenance, base: str) -> bytes:
    entries = found.entries[:MAX_ENTRIES]
    subtitle = "权责事项的新增、调整和删除，按提交日期排列。" + (found.reason and f"注意：{found.reason}。")
    feed = _feed(f"{provenance.agency}权责清单调整记录", subtitle, _uuid(provenance.agency, CHANGES_FEED),
                 entries[0].timestamp if entries else provenance.build_date, base + CHANGES_FEED,
                 base + CHANGES_PAGE, provenance.agency)
    for entry in entries:
        _entry(feed, _uuid("commit", entry.commit), f"{entry.date} 权责清单调整：{change_summary(entry)}",
               entry.timestamp, f"{base}{CHANGES_PAGE}#c{entry.short}", change_text(entry))
    return _bytes(feed)


def dated_disclosures(model: Model) -> list[tuple[str, str, str, dict]]:
    """(date, kind, title, record) for every disclosure record that carries a date, newest first."""
    found = []
    for kind, items in disclosures_json(model).items():
        for record in items:
            date = next((str(record[k]) for k in DATE_KEYS if record.get(k)), None)
            if date:
                name = next((str(record[k]) for k in TITLE_KEYS if record.get(k)), "")
                prefix = "（示例）" if record.get("source") == "示例" else ""
                label = DISCLOSURE_LABELS.get(kind, kind)
                found.append((date, kind, f"{prefix}{label}：{name}" if name else f"{prefix}{label}", record))
    return sorted(found, key=lambda row: (row[0], row[1], row[2]), reverse=True)


def disclosure_feed(model: Model, provenance: Provenance, base: str) -> bytes:
    rows = dated_disclosures(model)[:MAX_ENTRIES]
    feed = _feed(f"{provenance.agency}政务公开更新", "新公开的行政执法决定、规范性文件、年度报告等，按公开日期排列。",
                 _uuid(provenance.agency, DISCLOSURE_FEED), f"{rows[0][0]}T00:00:00+08:00" if rows
                 else provenance.build_date, base + DISCLOSURE_FEED, base + DISCLOSURE_PAGE, provenance.agency)
    for date, kind, title, record in rows:
        key = str(record.get("id") or record.get("doc_no") or record.get("year") or title)
        note = "本记录为示例数据，不是真实公开内容。" if record.get("source") == "示例" else ""
        _entry(feed, _uuid("disclosure", kind, key), title, f"{date}T00:00:00+08:00", base + DISCLOSURE_PAGE,
               f"{title}（{date}）{note}")
    return _bytes(feed)


def files(model: Model, facts, site_url: str = "") -> dict[str, bytes]:
    """Both feeds; `facts`: the build's BuildFacts (provenance and history, computed once per build)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return {CHANGES_FEED: changes_feed(facts.history, facts.provenance, base),
            DISCLOSURE_FEED: disclosure_feed(model, facts.provenance, base)}
