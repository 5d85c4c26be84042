"""Bounded pages: above `site.page_limit` powers, 权责清单总表, 依据查询, 事前公开 and the home map become indexes of
one sub-page per area; every power stays reachable by links and no link breaks. The fixture is the bundled data with
the limit lowered to 10 (so it builds as fast as the bundled site); the bundled data itself stays unsplit."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from filelock import FileLock

from builds import session_dir
from lawmap.disclosure import records
from lawmap.loader import load_project
from lawmap.site import all_pages, paging, render
from lawmap.site import map_overview
from site_html import content, page
from test_site_links import test_every_internal_link_resolves as check_every_internal_link_resolves

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
LIMIT = 10
SPLIT_PAGES = ("list", "basis", "disclosure/before")
POWER_LINK = re.compile(r"^powers/([^/#]+)/")


def _with_limit(target: Path) -> Path:
    """A copy of the bundled data whose agency.yaml sets site.page_limit (the one change a staff member makes)."""
    shutil.copytree(DATA, target)
    agency = target / "agency.yaml"
    text = agency.read_text(encoding="utf-8")
    description = "  description: " + yaml.safe_load(text)["site"]["description"] + "\n"
    assert description in text
    agency.write_text(text.replace(description, description + f"  page_limit: {LIMIT}\n", 1), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def paged_data(tmp_path_factory) -> Path:
    target = session_dir(tmp_path_factory) / "paged-data"
    with FileLock(str(target) + ".lock"):
        if not target.exists():
            _with_limit(target)
    return target


@pytest.fixture(scope="session")
def paged_model(paged_data):
    return load_project(paged_data).model


@pytest.fixture(scope="session")
def paged_site(build_site, paged_data) -> Path:
    return build_site(paged_data)


def _power_links(site: Path, url: str) -> set[str]:
    """The power codes the page at `url` links to (its article body)."""
    codes = set()
    for a in content(page(site, url)).find_all("a", href=True):
        target = urlsplit(urljoin("http://x/" + url, a["href"])).path.lstrip("/")
        if match := POWER_LINK.match(target):
            codes.add(match.group(1))
    return codes


def _links(site: Path, url: str) -> set[str]:
    return {urlsplit(urljoin("http://x/" + url, a["href"])).path.lstrip("/")
            for a in content(page(site, url)).find_all("a", href=True)}


def test_the_bundled_data_is_not_split():
    model = load_project(DATA).model
    assert not paging.split(model)
    assert not [p for p in all_pages(model) if p.kind.endswith("-area")]


def test_above_the_limit_each_page_links_to_one_sub_page_per_area(paged_site, paged_model):
    areas = [a for a in paged_model.areas if a.powers]
    assert len(paged_model.powers) > LIMIT and len(areas) > 1
    for base in SPLIT_PAGES:
        links = _links(paged_site, base + "/")
        for area in areas:
            assert f"{base}/{area.id}/" in links, (base, area.id)
            sub = content(page(paged_site, f"{base}/{area.id}/"))
            assert area.name in sub.find("h1").get_text()


def test_every_power_is_reachable_from_each_split_page_through_its_sub_pages(paged_site, paged_model):
    codes = {p.code for p in paged_model.powers}
    for base in SPLIT_PAGES:
        reached = set()
        for area in paged_model.areas:
            if area.powers:
                found = _power_links(paged_site, f"{base}/{area.id}/")
                assert found == {p.code for p in area.powers}, (base, area.id)
                reached |= found
        assert reached == codes, base


def test_index_pages_no_longer_list_every_power(paged_site, paged_model):
    """The home map, its text list, 我要办事, the 总表 and 依据查询 link to areas, not to each power; 事前公开 keeps only
    its random-inspection list (bounded by the inspection catalogue, not by the powers)."""
    for url in ("", "list/", "basis/"):
        assert _power_links(paged_site, url) == set(), url
    random_items = {row["power"] for row in records(paged_model).inspections if row.get("random")}
    assert _power_links(paged_site, "disclosure/before/") <= random_items
    home = content(page(paged_site, ""))
    for area in paged_model.areas:  # every area is still one click from home (分图)
        assert home.find("a", href=f"areas/{area.id}/") is not None, area.id


def test_type_links_from_power_cards_still_land_on_the_split_list(paged_site, paged_model):
    power = paged_model.powers[0]
    card = content(page(paged_site, f"powers/{power.code}/"))
    href = card.find("a", string=power.type)["href"]
    anchor = href.partition("#")[2]
    assert page(paged_site, "list/").find(id=anchor) is not None


def test_no_internal_link_breaks_in_the_split_site(paged_site):
    check_every_internal_link_resolves(paged_site)


def test_the_home_map_draws_a_bounded_number_of_areas(paged_model, monkeypatch):
    """With more areas than the map draws, the rest are one row linking to the list of every area."""
    monkeypatch.setattr(map_overview, "COMPACT_AREAS", 2)
    soup = BeautifulSoup(render(paged_model, "home"), "html.parser")
    panels = soup.find_all("svg")
    for svg in panels:
        assert len(svg.find_all("a", attrs={"aria-label": re.compile("^分图：")})) <= 2
    more = [svg.find("a", href="list/#by-area") for svg in panels]
    assert any(a is not None and a.get_text().startswith("另 ") for a in more)


def test_law_updates_link_to_one_sub_page_per_amended_law(paged_site, paged_model):
    from lawmap.amend import amended_laws
    ids = {law.id for law, _, _ in amended_laws(paged_model)}
    assert ids, "the bundled data records amended laws"
    index = content(page(paged_site, "staff/law-updates/"))
    assert index.find("table") is None  # the per-article tables live on the sub-pages
    links = _links(paged_site, "staff/law-updates/")
    for law_id in ids:
        assert f"staff/law-updates/{law_id}/" in links
        sub = content(page(paged_site, f"staff/law-updates/{law_id}/"))
        assert paged_model.laws[law_id].title in sub.find("h1").get_text()
        assert sub.find("table") is not None


def test_laws_index_links_to_one_page_per_level_and_every_law_is_listed_there(paged_site, paged_model):
    assert len(paged_model.laws) > LIMIT
    links = _links(paged_site, "laws/")
    assert not {f"laws/{law_id}/" for law_id in paged_model.laws} & links  # the index lists levels, not laws
    reached = set()
    for level_url in sorted(link for link in links if link.startswith("laws/level/")):
        reached |= {link for link in _links(paged_site, level_url) if link.startswith("laws/")}
    assert {f"laws/{law_id}/" for law_id in paged_model.laws} <= reached


def test_law_pages_give_the_citing_powers_per_area(paged_site, paged_model):
    """A law every 处罚 relies on would list them all: split, it lists the areas, each to its 依据查询 page at the law."""
    law_id = "xingzheng-chufa-fa"
    areas = {p.area.id for p in paged_model.powers for ref in p.all_refs() if ref.law_id == law_id}
    assert len(areas) > 1
    assert _power_links(paged_site, f"laws/{law_id}/") == set()
    links = {a["href"] for a in content(page(paged_site, f"laws/{law_id}/")).find_all("a", href=True)}
    for area_id in areas:
        assert f"../../basis/{area_id}/#{law_id}" in links
