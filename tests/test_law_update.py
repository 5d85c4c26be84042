"""`law-update` replayed on the 慈善法 2016 → 2023 amendment: a data set citing 2016 articles gets the 2023 version
added, and every citation a proposed new unit — each checked by reading both texts — or a place on the list of
those a person must decide (2016 第一百零一条 was split into 2023 第一百一十一条 and 第一百一十三条)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawmap.citation import parse_at
from lawmap.staff.fill_articles import fill, reference_dir
from lawmap.staff.law_update import run
from lawmap.loader import load_project
from lawmap.site import render

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
OLD, NEW = "慈善法(2016-03-16).md", "慈善法(2023-12-29).md"

# 2016 unit → 2023 unit, read off the two reference texts (domain notes §5 give the article map; 款/项 checked by hand)
EXPECTED = {
    "10/1": "10/1", "10/2": "10/2", "22/1": "22/1", "69": "75", "70/1/7": "76/1/7", "91": "100", "92": "103",
    "93/1/4": "104/1/4", "94": "105", "95": "106", "98/1/2": "109/1/2", "99/1/2": "110/1/3", "99/1/4": "110/1/6",
    "99/1/7": "110/1/9", "99/3": "110/3", "100": "112", "102": "115", "103": "116", "104": "117", "105": "118",
    "108": "120",
}
UNMAPPABLE = {"101": [111, 113], "26": []}  # 101 split in two; 26 rewritten

LAW = f"""id: cishan-fa
title: 中华人民共和国慈善法
short: 慈善法
level: 法律
issuer: 全国人民代表大会及其常务委员会
versions:
  - id: "2016-03-16"
    promulgated: "2016-03-16"
    effective: "2016-09-01"
    status: 现行有效
    reference: "{OLD}"
    articles: []
"""


def area(units) -> str:
    refs = "".join(f'      - {{kind: 其他依据, law: cishan-fa, version: "2016-03-16", at: "{u}"}}\n' for u in units)
    return f"""id: cishan
name: 慈善
office: ke
duties:
  - {{no: 1, text: 慈善组织管理}}
powers:
  - code: T-QT-001
    name: 慈善组织监督管理
    type: 其他行政权力
    level: 市级
    subject: 测试市民政局
    office: ke
    on_application: false
    bases:
{refs}    responsibilities:
      - {{stage: 检查, duty: 监督检查}}
    accountability:
      targets: 直接负责的主管人员和其他直接责任人员
      cases: [不依法履行职责]
      bases: [{{law: cishan-fa, version: "2016-03-16", at: 108}}]
    time_limit: {{legal: 无}}
    fee: 不收费
    process:
      - {{id: jiancha, name: 检查, who: 承办科室}}
    risks: []
    status: 保留
    source: 示例
"""


pytestmark = pytest.mark.skipif(not (reference_dir() / NEW).is_file(), reason="no reference law texts")


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    (data / "laws" / "cishan-fa.yaml").write_text(LAW, encoding="utf-8")
    (data / "areas" / "cishan.yaml").write_text(area(list(EXPECTED) + list(UNMAPPABLE)), encoding="utf-8")
    fill(data)  # quote the cited 2016 articles, as staff would have
    assert load_project(data, on="2020-01-01").report.errors == []
    return data


def proposals_by_unit(data: Path):
    from lawmap.amend import impact
    model = load_project(data).model
    law = model.laws["cishan-fa"]
    proposals = impact(model, law, law.versions["2016-03-16"], law.versions["2023-12-29"], reference_dir())
    return {p.ref.at.key(): p for p in proposals if p.role == "其他依据"}


def test_law_update_adds_the_version_and_supersedes_the_old_one(data):
    run(data, "cishan-fa", NEW, "2024-09-05", None)
    law = load_project(data).model.laws["cishan-fa"]
    old, new = law.versions["2016-03-16"], law.versions["2023-12-29"]
    assert (old.status, old.superseded_by) == ("已修改", "2023-12-29")
    assert (new.status, new.effective, new.reference, new.articles) == ("现行有效", "2024-09-05", NEW, {})
    text = (data / "laws" / "cishan-fa.yaml").read_text(encoding="utf-8")
    assert text.count("- id: \"2023-12-29\"") == 1 and "no: 98" in text  # the quoted 2016 articles are kept
    run(data, "cishan-fa", NEW, "2024-09-05", None)  # a second run adds nothing
    assert (data / "laws" / "cishan-fa.yaml").read_text(encoding="utf-8") == text


def test_every_mappable_citation_gets_the_right_new_unit(data):
    run(data, "cishan-fa", NEW, "2024-09-05", None)
    proposals = proposals_by_unit(data)
    got = {old: (p.new.key() if p.new else None) for old, p in proposals.items() if old in EXPECTED}
    assert got == {old: parse_at(new).key() for old, new in EXPECTED.items()}


def test_the_citations_it_cannot_map_are_listed_with_the_nearest_articles(data):
    run(data, "cishan-fa", NEW, "2024-09-05", None)
    proposals = proposals_by_unit(data)
    for old, near in UNMAPPABLE.items():
        p = proposals[old]
        assert p.new is None and "须人工确定" in p.reason
        assert p.candidates[:len(near)] == near


def test_the_diff_shows_what_2023_added_to_old_98(data):
    run(data, "cishan-fa", NEW, "2024-09-05", None)
    diff = proposals_by_unit(data)["98/1/2"].diff
    added = "".join(t for op, t in diff if op == "+")
    assert "予以警告" in added and "责令限期停止活动" in added and "没收违法所得" in added


def test_the_cli_writes_the_report_and_the_staff_page_shows_it(data, tmp_path):
    report = tmp_path / "report.md"
    done = subprocess.run([sys.executable, "-m", "lawmap", "law-update", "cishan-fa", NEW, "--effective", "2024-09-05",
                           "--data-dir", str(data), "--report", str(report)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8")
    assert "可对应到新版本 22 处，须人工确定 2 处" in text  # 21 bases + the 追责依据 (108 → 120)
    assert "第九十八条第一款第（二）项 → 第一百零九条第一款第（二）项" in text
    assert "第一百零一条：新版本中没有文字相近的条文" in text and "最接近：第111、113" in text
    page = render(load_project(data).model, "law-updates")
    assert "《中华人民共和国慈善法》2016-03-16 → 2023-12-29" in page
    assert "<strong>第一百零九条第一款第（二）项</strong>" in page and "<ins>" in page
    assert "T-QT-001" in page and "须人工确定" in page


def test_an_unknown_reference_file_is_a_clear_error(data):
    done = subprocess.run([sys.executable, "-m", "lawmap", "law-update", "cishan-fa", "慈善法(2099-01-01).md",
                           "--data-dir", str(data)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1 and "参考文本库" in done.stderr and "慈善法(2099-01-01).md" in done.stderr


def test_the_bundled_staff_page_lists_the_recorded_cishan_amendment():
    page = render(load_project(ROOT / "data").model, "law-updates")
    assert "目前没有引用已被取代版本的依据" in page
    section = page.split("《中华人民共和国慈善法》2016-03-16 → 2023-12-29", 1)[1].split("###", 1)[0]
    assert "<td data-label=\"新条文\">第一百零九条</td><td data-label=\"对应旧条文\">第九十八条</td>" in section
