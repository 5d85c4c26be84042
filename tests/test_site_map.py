"""总图 and 分图 as inline SVG: every area and power is a link, grouped by what it means to a person, with a text
alternative; phone and desktop variants never draw text below 12 px."""
from __future__ import annotations

import pytest

from lawmap.loader import load_project
from lawmap.site.map_overview import person_group
from site_html import content, page, text


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def _svgs(body, variant):
    return body.select(f".lm-svg-{variant} svg")


@pytest.mark.parametrize("variant", ["wide", "narrow"])
def test_the_home_map_links_every_area_and_every_power(built_site, model, variant):
    body = content(page(built_site, ""))
    svgs = _svgs(body.select_one(".lm-svgmap"), variant)
    hrefs = {a["href"] for svg in svgs for a in svg.find_all("a")}
    assert {f"areas/{a.id}/" for a in model.areas if a.powers} <= hrefs
    assert {f"powers/{p.code}/" for p in model.powers} <= hrefs
    for svg in svgs:
        assert svg.title and text(svg.title) and svg.desc and text(svg.desc)
        assert all(int(t["font-size"]) >= 13 for t in svg.find_all("text"))


def test_the_map_says_what_the_bureau_does_for_and_to_a_person(built_site, model):
    body = content(page(built_site, ""))
    halves = [text(h) for h in body.select(".lm-svgmap-title")]
    for_me = sum(person_group(p) in ("apply", "give") for p in model.powers)
    to_me = sum(person_group(p) in ("check", "punish") for p in model.powers)
    assert halves == [f"本局为您办理、为您发放（{for_me} 项）", f"本局可能对您检查、处罚或强制（{to_me} 项）"]
    titles = [text(s.title) for s in _svgs(body, "wide")]
    assert any(t.startswith("可能处罚或强制我") for t in titles) and any(t.startswith("我可以申请") for t in titles)
    punish = next(s for s in _svgs(body, "wide") if text(s.title).startswith("可能处罚或强制我"))
    codes = {a["href"].split("/")[1] for a in punish.find_all("a") if a["href"].startswith("powers/")}
    assert codes == {p.code for p in model.powers if p.type in ("行政处罚", "行政强制")}


def test_the_text_list_of_the_map_stays_for_screen_readers(built_site, model):
    details = content(page(built_site, "")).select_one("details.lm-map-text")
    assert [a.get_text() for a in details.select(".lm-map-area-name a")] == [a.name for a in model.areas]


def test_each_area_diagram_goes_from_duties_to_powers_to_their_steps(built_site, model):
    for area in model.areas:
        body = content(page(built_site, f"areas/{area.id}/"))
        for svg in body.select(".lm-svg-area-map svg"):
            hrefs = [a["href"] for a in svg.find_all("a")]
            assert hrefs[0] == "#duties"
            for power in area.powers:
                assert f"../../powers/{power.code}/" in hrefs
                steps = [h for h in hrefs if h.startswith(f"../../powers/{power.code}/#step-")]
                assert steps == [f"../../powers/{power.code}/#step-{s.id}" for s in power.process]
            assert f"职责 {len(area.duties)} 项" in text(svg.title)
