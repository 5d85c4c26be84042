"""总图 and 分图: the map lists every area and power with counts by type, each area page has its parts, and every
page's footer shows the data as-of date and the source commit."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from lawmap.loader import load_project
from lawmap.provenance import source_commit
from site_html import content, html_files, page, text


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def test_the_map_shows_every_area_with_its_powers_and_counts(built_site, model):
    home = content(page(built_site, ""))
    boxes = home.select(".lm-map-area")
    assert [b.h3.get_text(strip=True) for b in boxes] == [a.name for a in model.areas]
    for area, box in zip(model.areas, boxes):
        assert [a["href"] for a in box.select(".lm-map-powers a")] == [f"powers/{p.code}/" for p in area.powers]
        chips = [c.get_text() for c in box.select(".lm-chip")]
        assert sorted(chips) == sorted(f"{t} {n}" for t, n in Counter(p.type for p in area.powers).items())
    assert f"{len(model.powers)}项权责事项" in text(home).replace(" ", "")


def test_public_way_in_lists_what_can_be_applied_for(built_site, model):
    home = content(page(built_site, ""))
    rows = home.select("#public ~ div table tbody tr")
    applicable = [p for p in model.powers if p.on_application and p.status != "取消"]
    assert [r.a["href"] for r in rows if r.a] == [f"powers/{p.code}/" for p in applicable]


def test_each_area_page_has_duties_powers_bases_and_risks(built_site, model):
    for area in model.areas:
        body = content(page(built_site, f"areas/{area.id}/"))
        for section in ("duties", "powers", "bases", "responsibilities", "accountability", "risks"):
            assert body.find(id=section) is not None, f"{area.id}: no {section}"
        assert [li.get_text() for li in body.select("ol.lm-duties li")] == [d["text"] for d in area.duties]
        codes = [c.get_text() for c in body.select("#powers + .lm-table-wrap code")]
        assert codes == [p.code for p in area.powers]


def test_every_page_footer_shows_data_date_and_a_version_linked_to_the_changes(built_site, model):
    commit = source_commit()
    as_of = model.agency.data["as_of"]
    for path in html_files(built_site):
        if path.name != "index.html" or "<html" not in path.read_text(encoding="utf-8")[:500]:
            continue
        url = path.parent.relative_to(built_site).as_posix()
        line = page(built_site, "" if url == "." else url).select_one(".lm-footer-line")
        assert line is not None, f"{path}: no footer line"
        assert f"数据截至 {as_of}" in text(line) and commit not in text(line), path  # no bare hash for the public
        version = line.select_one("a.lm-footer-version")
        assert re.fullmatch(r"版本 \d{4}-\d{2}-\d{2}（调整记录）", text(version)), path
        assert (path.parent / version["href"]).resolve() == (built_site / "open-data" / "changes").resolve(), path
        assert version["data-commit"] == commit
