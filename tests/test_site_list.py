"""权责清单总表: every power once, one section per type (so filtering works without JavaScript), counts that add up."""
from __future__ import annotations

from collections import Counter

import pytest

from lawmap.loader import load_project
from lawmap.site import links
from site_html import content, page, text


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def test_each_type_has_its_own_section_with_its_powers(built_site, model):
    body = content(page(built_site, "list/"))
    counts = Counter(p.type for p in model.powers)
    for power_type, count in counts.items():
        heading = body.find(id=links.type_anchor(power_type))
        assert heading is not None and f"{power_type}（{count} 项）" in text(heading)
        table = heading.find_next_sibling("div").table
        codes = [row.code.get_text() for row in table.tbody.find_all("tr")]
        assert sorted(codes) == sorted(p.code for p in model.powers if p.type == power_type)


def test_count_table_matches_the_data_and_totals(built_site, model):
    body = content(page(built_site, "list/"))
    table = body.select_one("table.lm-counts")
    shown = {row.th.get_text(): int(row.td.get_text()) for row in table.tbody.find_all("tr")}
    assert shown == dict(Counter(p.type for p in model.powers))
    assert int(table.tfoot.td.get_text()) == len(model.powers) == sum(shown.values())


def test_every_power_appears_once_and_links_to_its_card_and_area(built_site, model):
    body = content(page(built_site, "list/"))
    rows = body.select("table.lm-powers tbody tr")
    assert len(rows) == len(model.powers)
    for power in model.powers:
        row = next(r for r in rows if r.code.get_text() == power.code)
        hrefs = [a["href"] for a in row.find_all("a")]
        assert f"../powers/{power.code}/" in hrefs and f"../areas/{power.area.id}/" in hrefs


def test_areas_filter_is_plain_links(built_site, model):
    body = content(page(built_site, "list/"))
    hrefs = [a["href"] for a in body.select("#by-area ~ ul a")]
    assert hrefs == [f"../areas/{a.id}/" for a in model.areas]


def test_bureau_list_has_35_items(built_site, site_data_dir):
    from pathlib import Path
    if Path(site_data_dir) != Path(__file__).resolve().parent.parent / "data":
        pytest.skip("only the bureau's own data has the 35 items of its 权责清单")
    assert "共 35 项" in text(content(page(built_site, "list/")))


def test_powers_of_type_macro_links_from_the_calling_page(model):
    from lawmap.site.power_list import render_type
    power_type = model.powers[0].type
    html = render_type(model, power_type, here="guide/apply.md")
    for power in model.powers:
        assert (f'href="../../powers/{power.code}/"' in html) == (power.type == power_type)
