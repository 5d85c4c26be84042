"""Law pages and 依据查询: an anchor per cited 条/款/项, a visible citation with a 复制引用 button, under each article
every power and responsibility relying on it, and banners on versions no longer in force."""
from __future__ import annotations

import pytest

from lawmap.index import all_uses
from lawmap.loader import load_project
from lawmap.site import links
from site_html import content, page, text


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def test_every_cited_unit_has_its_anchor_and_citation(built_site, model):
    for use in all_uses(model):
        ref = use.ref
        law_page = content(page(built_site, f"laws/{ref.law_id}/"))
        unit = law_page.find(id=links.unit_anchor(ref.law, ref.version_id, ref.anchor()))
        assert unit is not None, f"{ref.citation()} has no anchor on its law page"
        article = law_page.find(id=links.unit_anchor(ref.law, ref.version_id, f"a{ref.at.article}"))
        cites = [c.get_text() for c in article.select(".lm-cite-text")]
        assert ref.citation() in cites
        buttons = [b["data-cite"] for b in article.select("button.lm-copy")]
        assert ref.citation() in buttons and all(b.get_text() == "复制引用" for b in article.select("button.lm-copy"))


def test_under_each_article_every_power_relying_on_it_is_listed(built_site, model):
    for use in all_uses(model):
        if use.power is None:
            continue
        ref = use.ref
        law_page = content(page(built_site, f"laws/{ref.law_id}/"))
        article = law_page.find(id=links.unit_anchor(ref.law, ref.version_id, f"a{ref.at.article}"))
        uses = article.select_one(".lm-uses")
        hrefs = [a["href"].split("#")[0] for a in uses.find_all("a")]
        assert f"../../powers/{use.power.code}/" in hrefs, f"{use.power.code} missing under {ref.citation()}"
        assert use.role in text(uses)


def test_basis_index_lists_every_cited_unit_with_its_powers(built_site, model):
    basis = content(page(built_site, "basis/"))
    for use in all_uses(model):
        if use.power is None:
            continue
        target = "../" + links.law_url(use.ref)
        cell = next((a for a in basis.select("table.lm-basis-index a") if a["href"] == target), None)
        assert cell is not None, f"{use.ref.citation()} not in 依据查询"
        rows = cell.find_parent("tbody")
        assert f"../powers/{use.power.code}/" in [a["href"] for a in rows.find_all("a")]


def test_versions_no_longer_in_force_carry_a_banner_linking_the_current_one(built_site, model):
    checked = 0
    for law in model.laws.values():
        current = law.in_force(model.today)
        law_page = content(page(built_site, f"laws/{law.id}/"))
        for version in law.versions.values():
            heading = law_page.find(id=links.version_anchor(version.id))
            assert heading is not None and version.status in text(heading)
            banner = heading.find_next_sibling()
            is_banner = banner is not None and "lm-version-banner" in banner.get("class", [])
            assert is_banner == (version.status in ("已修改", "已废止")), f"{law.id} {version.id}"
            if is_banner and current:
                assert banner.find("a", href=f"#{links.version_anchor(current.id)}") is not None
                checked += 1
    assert checked or not any(v.status == "已修改" for law in model.laws.values() for v in law.versions.values())


def test_law_index_lists_every_law(built_site, model):
    index = content(page(built_site, "laws/"))
    hrefs = {a["href"] for a in index.find_all("a")}
    for law in model.laws.values():
        assert f"{law.id}/" in hrefs


def test_quotes_of_a_version_without_reference_text_are_marked_not_checked(build_site, built_site, model):
    from test_site_escape import FIXTURE
    law_page = content(page(build_site(FIXTURE), "laws/evil-law/"))
    section = law_page.find(id=links.version_anchor("2022-01-01"))
    banner = section.find_next_sibling(class_="lm-banner")
    assert "条文未经核对" in text(banner) and "未与官方文本逐字核对" in text(banner) and "测试用条文，未经核对" in text(banner)
    assert banner.find_next_sibling(class_="lm-article") is not None  # the banner stands above the quoted articles
    for law in model.laws.values():  # a version checked against its reference text carries no such banner
        real = content(page(built_site, f"laws/{law.id}/"))
        for version in law.versions.values():
            marked = "条文未经核对" in text(_version_part(real, version.id))
            assert marked == (version.reference is None), f"{law.id} {version.id}"


def _version_part(law_page, version_id: str):
    """The elements of one version's section (its heading up to the next version's heading), as one fragment."""
    from bs4 import BeautifulSoup
    heading = law_page.find(id=links.version_anchor(version_id))
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(str(sibling))
    return BeautifulSoup("".join(parts), "html.parser")


def test_basis_lists_each_law_s_powers_once_with_filter_keys(built_site, model):
    basis = content(page(built_site, "basis/"))
    for section in basis.select("section.lm-basis-law"):
        law = model.laws[section["data-law"]]
        items = section.select(".lm-basis-power")
        codes = [span.a["href"].split("/")[-2] for span in items]
        assert len(codes) == len(set(codes)), law.id  # a law's powers are listed once
        expected = {p.code for p in model.powers for r in p.all_refs() if r.resolved and r.law_id == law.id}
        assert set(codes) == expected, law.id
        for li, code in zip(items, codes):
            power = model.power(code)
            assert li["data-type"] == power.type and li["data-area"] == power.area.id
    options = [o["value"] for o in basis.select("form.lm-basis-filter select[name=law] option") if o["value"]]
    assert options == [s["data-law"] for s in basis.select("section.lm-basis-law")]
