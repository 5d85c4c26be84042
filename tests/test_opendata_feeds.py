"""Atom feeds (权责清单 changes from git, new disclosures) and the 权责清单 CSV/XLSX downloads of the built site."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import openpyxl
import pytest

from lawmap.exports import feeds
from lawmap.exports.facts import BuildFacts
from lawmap.loader import load_project
from lawmap.staff.xlsx_export import headers, sheet_title
from test_history import repo  # noqa: F401  (the synthetic repository fixture)

A = "{http://www.w3.org/2005/Atom}"


def parse(data: bytes) -> ET.Element:
    feed = ET.fromstring(data)
    assert feed.tag == f"{A}feed"
    for element in [feed] + feed.findall(f"{A}entry"):  # what Atom (RFC 4287) requires of each
        assert element.findtext(f"{A}id") and element.findtext(f"{A}title") and element.findtext(f"{A}updated")
    assert feed.findtext(f"{A}author/{A}name")
    return feed


def entries(feed: ET.Element) -> list[dict]:
    return [{"title": e.findtext(f"{A}title"), "updated": e.findtext(f"{A}updated"),
             "link": e.find(f"{A}link").get("href"), "text": e.findtext(f"{A}content"), "id": e.findtext(f"{A}id")}
            for e in feed.findall(f"{A}entry")]


@pytest.fixture(scope="module")
def repo_feed(repo) -> list[dict]:  # noqa: F811
    model = load_project(repo / "data").model
    files = feeds.files(model, BuildFacts.of(model, repo / "data"), "https://example.org/lawmap/")
    return entries(parse(files[feeds.CHANGES_FEED]))


def test_the_changes_feed_has_one_entry_per_commit_that_changed_powers(repo_feed):
    assert [(e["title"], e["updated"]) for e in repo_feed] == [
        ("2024-04-05 权责清单调整：删除 1 项", "2024-04-05T23:30:00+08:00"),
        ("2024-03-04 权责清单调整：调整 1 项", "2024-03-04T09:00:00+08:00"),
        ("2024-02-03 权责清单调整：新增 1 项", "2024-02-03T09:00:00+08:00"),
        ("2024-01-02 权责清单调整：新增 1 项", "2024-01-02T09:00:00+08:00"),
    ]
    assert len({e["id"] for e in repo_feed}) == 4


def test_a_changes_entry_names_the_power_and_the_field_old_and_new(repo_feed):
    text = repo_feed[1]["text"]
    assert "调整：T-CF-001 对社会团体违法行为的行政处罚" in text
    assert ("依据：《社会团体登记管理条例》第三十条第一款第（四）项（2016-02-06版） → "
            "《社会团体登记管理条例》第三十条第一款第（一）项（2016-02-06版）") in text
    assert repo_feed[1]["link"].startswith("https://example.org/lawmap/open-data/changes/#c")


def test_the_built_feeds_are_atom_and_link_into_the_site(built_site):
    for name in (feeds.CHANGES_FEED, feeds.DISCLOSURE_FEED):
        feed = parse((built_site / name).read_bytes())
        for entry in entries(feed):
            page = entry["link"].split("#")[0]
            assert (built_site / page / "index.html").exists(), entry["link"]


def test_the_disclosure_feed_lists_dated_records_newest_first(built_site, site_data_dir):
    model = load_project(site_data_dir).model
    rows = feeds.dated_disclosures(model)
    found = entries(parse((built_site / feeds.DISCLOSURE_FEED).read_bytes()))
    assert [e["title"] for e in found] == [title for _, _, title, _ in rows][:feeds.MAX_ENTRIES]
    assert [e["updated"] for e in found] == sorted((e["updated"] for e in found), reverse=True)
    examples = [title for _, _, title, record in rows if record.get("source") == "示例"]
    assert all(t.startswith("（示例）") for t in examples)


def test_the_csv_download_opens_in_excel_as_utf8(built_site, site_data_dir):
    model = load_project(site_data_dir).model
    raw = (built_site / "downloads" / "quanze-qingdan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel and WPS need to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == headers(True)
    assert len(rows) == len(model.powers) + 1
    assert {row[rows[0].index("事项编码")] for row in rows[1:]} == {p.code for p in model.powers}


def test_the_xlsx_download_has_the_summary_and_one_sheet_per_area(built_site, site_data_dir):
    model = load_project(site_data_dir).model
    book = openpyxl.load_workbook(built_site / "downloads" / "quanze-qingdan.xlsx")
    assert book.sheetnames == ["总表"] + [sheet_title(a) for a in model.areas]
    assert book["总表"].max_row == len(model.powers) + 1
    assert book.properties.modified == book.properties.created  # the build date, not the clock
