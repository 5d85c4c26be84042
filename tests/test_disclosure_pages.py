"""Each /disclosure/ page kind, read as a visitor reads it in the built site: the records it must show, its counts,
and links that land on real pages and anchors."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from disclosure_helpers import ROOT

DATA = ROOT / "data" / "disclosure"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.chunks, self._in_article = set(), [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._in_article = True
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and self._in_article and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False

    def handle_data(self, data):
        if self._in_article:
            self.chunks.append(data)


def read(site: Path, url: str) -> _Page:
    page = _Page()
    page.feed((site / url / "index.html").read_text(encoding="utf-8"))
    page.text = html.unescape(re.sub(r"\s+", " ", " ".join(page.chunks)))
    page.url = url
    return page


def lands(site: Path, page: _Page, href: str) -> bool:
    """A relative link of the page points at an existing page (and anchor, when it has one)."""
    path, _, anchor = href.partition("#")
    target = (site / page.url / path).resolve() if path else (site / page.url).resolve()
    index = target / "index.html" if target.is_dir() else target
    if not index.exists():
        return False
    return not anchor or anchor in read_ids(index)


def read_ids(index: Path) -> set:
    parser = _Page()
    parser.feed(index.read_text(encoding="utf-8"))
    return parser.ids


def data(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def assert_links_land(site, page, prefix=""):
    local = [h for h in page.hrefs if not h.startswith(("http", "mailto")) and h.startswith(prefix)]
    assert local
    broken = [h for h in local if not lands(site, page, h)]
    assert broken == []


def test_index_lays_out_open_gov_and_enforcement_entries(built_site):
    page = read(built_site, "disclosure")
    for title in ["政府信息公开指南", "政府信息公开目录", "年度报告", "事前公开", "事后公开", "三张清单", "规范性文件", "证明事项清单"]:
        assert title in page.text
    assert_links_land(built_site, page)


def test_before_shows_subject_officers_powers_with_law_links_remedies_and_random_list(built_site):
    page = read(built_site, "disclosure/before")
    officers = data("officers.yaml")["officers"]
    assert all(o["name"] in page.text and o["cert_no"] in page.text for o in officers)
    assert "示例记录" in page.text and f"其中示例 {len(officers)} 人" in page.text
    assert "遂宁市人民政府申请行政复议" in page.text
    powers = [p for f in sorted((ROOT / "data" / "areas").glob("*.yaml")) for p in yaml.safe_load(f.read_text(encoding="utf-8"))["powers"]]
    assert all(p["code"] in page.text for p in powers)
    assert any(h.startswith("../../laws/") and "#" in h for h in page.hrefs)
    random_items = [i for i in data("inspections.yaml")["items"] if i.get("random")]
    assert all(i["name"] in page.text.split("随机抽查事项清单")[-1] for i in random_items)
    assert_links_land(built_site, page)


def test_after_shows_each_decision_masked_with_deadline_and_revocations(built_site):
    page = read(built_site, "disclosure/after")
    decisions = data("decisions/2023.yaml")["decisions"]
    assert all(d["doc_no"] in page.text and d["target"]["name"] in page.text for d in decisions)
    active, changed = page.text.split("已撤销、变更或确认违法的决定", 1)
    revoked = [d for d in decisions if d["status"] != "有效"]
    assert revoked and all(d["doc_no"] in changed and d["change_reason"] in changed for d in revoked)
    assert "2023-09-28 2023-10-13 7 个工作日（时限 7）" in page.text  # across 国庆 2023, on the last day
    assert f"共 {len(decisions)} 件，其中真实记录 0 件、示例 {len(decisions)} 件" in page.text
    assert_links_land(built_site, page)


def test_lenient_counts_come_from_data_and_rows_link_to_powers_and_articles(built_site):
    page = read(built_site, "disclosure/lenient")
    rows = data("lenient.yaml")["rows"]
    for name, reported in [("不予处罚", 18), ("从轻处罚", 52), ("减轻处罚", 54)]:
        mine = [r for r in rows if r["list"] == name]
        assert f"{name}事项清单 {reported} 项（ 2023年报告 二(二)2 ） {len(mine)} 行 0 行 {len(mine)} 行" in page.text
    assert f"本站收录 {len(rows)} 行，其中真实 0 行、示例 {len(rows)} 行" in page.text
    assert sum(1 for h in page.hrefs if "#subitems" in h) == len(rows)
    assert sum(1 for h in page.hrefs if "laws/xingzheng-chufa-fa/" in h) >= len(rows)
    assert "《中华人民共和国行政处罚法》第三十三条第一款" in page.text
    assert "没有下限的罚款无从减轻" in page.text  # why 减轻 holds fewer rows than the report's 54
    assert_links_land(built_site, page)


def test_inspections_list_six_items_and_the_2023_random_plan(built_site):
    page = read(built_site, "disclosure/inspections")
    items = data("inspections.yaml")["items"]
    assert len(items) == 6 and all(i["power"] in page.text for i in items)
    assert "分类行政检查事项 6 项" in page.text
    assert "市市场监管局、市教育体育局、市卫生健康委、市消防救援支队" in page.text
    assert "养老机构 4 家、殡葬服务机构 2 家、社会组织 15 家，共 21 家" in page.text
    assert_links_land(built_site, page)


def test_normative_document_shows_review_and_post_assessment_with_sources(built_site):
    page = read(built_site, "disclosure/normative")
    assert "遂民规〔2023〕1号" in page.text and "关于调整全市城乡居民最低生活保障标准和特困人员基本生活标准的通知" in page.text
    assert "合法性审查 通过合法性审查" in page.text and "后评估 选取为重大行政决策及规范性文件后评估对象" in page.text
    assert "印发日期 未收录（以官网公布为准）" in page.text  # no invented dates
    assert_links_land(built_site, page)


def test_certificates_says_none_beyond_the_law(built_site):
    page = read(built_site, "disclosure/certificates")
    assert "0 项。" in page.text and "未在法律法规之外新增其他证明事项" in page.text
    assert "《优化营商环境条例》第四十四条" in page.text
    assert_links_land(built_site, page)


def test_report_page_publishes_every_section_under_its_own_number(built_site):
    page = read(built_site, "disclosure/reports/2023")
    report = data("reports/2023.yaml")
    assert all(s["heading"] in page.text for s in report["sections"])
    assert "全年在网站主动公开政务信息909条" in page.text and "遂宁市民政局 2023-12-18" in page.text
    assert {"s1", "s2-1-1", "s2-5-2", "s4-3"} <= page.ids


def test_figures_page_shows_every_figure_with_a_link_to_its_section(built_site):
    page = read(built_site, "disclosure/figures/2023")
    figures = data("reports/2023.yaml")["figures"]
    for f in figures:
        assert f"{f['label']} {f['value']:g} {f['unit']} {f['section']}" in page.text
    assert sum(1 for h in page.hrefs if "reports/2023/#s" in h) == len(figures)
    assert_links_land(built_site, page)


@pytest.mark.parametrize("label, shown", [
    ("保留权责事项", "35 项"), ("不予处罚事项清单", "18 项"), ("从轻处罚事项清单", "52 项"), ("减轻处罚事项清单", "54 项"),
    ("网站主动公开政务信息", "909 条"), ("微信公众号发布信息", "538 条"), ("微博发布信息", "980 条"),
    ("承办人大建议意见、政协提案", "30 件"), ("其中人大建议", "6 件"), ("其中政协提案", "24 件"), ("其中主办", "15 件"),
    ("其中协办", "9 件"), ("其中意见建议", "6 件"), ("梳理政务数据目录", "70 条"), ("开放数据", "55 条"),
    ("向领导干部及职工发放学习材料", "240 本"), ("参加学法考法平台学习并通过年度学法考试的职工", "100 名"),
    ("在“天府通办”上线的接口", "12 个"), ("分类行政检查事项", "6 项"),
])
def test_report_figures_named_in_the_issue_are_on_the_figures_page(built_site, label, shown):
    assert f" {label} {shown} 二(" in read(built_site, "disclosure/figures/2023").text


def test_guide_gives_scope_time_limits_and_the_agency_contacts(built_site):
    page = read(built_site, "disclosure/guide")
    agency = yaml.safe_load((ROOT / "data" / "agency.yaml").read_text(encoding="utf-8"))
    assert all(p["number"] in page.text for p in agency["phone"]) and agency["address"] in page.text
    assert "20个工作日内" in page.text and "《中华人民共和国政府信息公开条例》第二十条" in page.text
    assert_links_land(built_site, page)


def test_catalog_indexes_every_category_with_dates(built_site):
    page = read(built_site, "disclosure/catalog")
    for c in data("open-gov.yaml")["categories"]:
        assert c["name"] in page.text
    assert "SNMZ-02-001" in page.text and "遂民规〔2023〕1号" in page.text
    assert_links_land(built_site, page)


def test_annual_entry_links_the_report_and_its_disclosure_figures(built_site):
    page = read(built_site, "disclosure/annual")
    assert "遂宁市民政局2023年法治政府建设工作情况报告" in page.text
    for label, value in [("网站主动公开政务信息", "909条"), ("微信公众号发布信息", "538条"), ("微博发布信息", "980条"), ("依申请公开件", "0件")]:
        assert f"{label} {value}" in page.text
    assert_links_land(built_site, page)
