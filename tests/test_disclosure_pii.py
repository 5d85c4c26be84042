"""The PII guard: each kind of personal data is caught — in the data, in pages, in the search index, in exports —
office phones from agency.yaml pass, and a record with a citizen's ID number can neither be checked in nor built."""
from __future__ import annotations

import gzip
import json
import os
import sys

import pytest
from openpyxl import Workbook

from lawmap import pii

from builds import run_build
from disclosure_helpers import ROOT, decision, decisions_file, make_data, run_check

ID_NUMBER = "11010519491231002X"  # the GB 11643 sample number: valid check digit
MOBILE = "13912345678"
CARD = "6222020000000000000"  # 19 digits, Luhn-valid
ADDRESS = "船山区某某路12号3栋2单元501室"
AGENCY = pii.Allowed(phones=["0825-2222222", "13800000000", "115109199001010000"], addresses=["四川省遂宁市某某大道1号"])


def kinds(text, allowed=AGENCY):
    return [f.kind for f in pii.scan_text(text, allowed)]


@pytest.mark.parametrize("text, kind", [
    (f"当事人身份证号{ID_NUMBER}。", pii.ID_CARD),
    (f"联系电话：{MOBILE}", pii.MOBILE),
    ("联系电话：139 1234 5678", pii.MOBILE),
    ("联系电话：+86 139-1234-5678", pii.MOBILE),
    (f"收款账号 {CARD}", pii.BANK_CARD),
    ("收款账号 6217 0000 0000 0006", pii.BANK_CARD),
    (f"住所：{ADDRESS}", pii.ADDRESS),
    ("家庭住址：遂宁市船山区某某小区", pii.ADDRESS),
    ("某某村3组12号", pii.ADDRESS),
    # written the way a hurried clerk or an attacker writes them: the ID with a wrong check digit is still an ID
    ("证号 110105194912310021", pii.ID_CARD),
    ("证号 ５１０９０２１９９００１０１１２３４", pii.ID_CARD),           # full-width digits
    ("证号 5109 0219 9001 0112 34", pii.ID_CARD),                   # spaces
    ("证号 510902\u200b19900101\u200b1234", pii.ID_CARD),           # zero-width spaces
    ("证号 510902-1990-0101-123X", pii.ID_CARD),
    ("旧证号 510902900101123", pii.ID_CARD),                         # 15 digits
    ("电话 138.1234.5678", pii.MOBILE),
    ("电话 １３８－１２３４－５６７８", pii.MOBILE),
    ("电话 138\u200b1234\u200b5678", pii.MOBILE),
    ("账号 6217\u30000000\u30000000\u30000006", pii.BANK_CARD),
])
def test_each_kind_of_personal_data_is_found(text, kind):
    assert kinds(text) == [kind]


@pytest.mark.parametrize("text", [
    "办公室电话 0825-2222222",               # a landline
    "值班电话 13800000000",                  # an office number listed in agency.yaml
    "地址：四川省遂宁市某某大道1号",            # the bureau's own address
    "11010519491231002Y",                    # a letter that no ID ends with
    "990105194912310021 110105194913310021",  # no such province; no 13th month
    "2023-10-13 2023-10-14 2023-10-15",      # dates side by side
    "统一社会信用代码 115109199001010000",     # declared in agency.yaml (public_numbers)
    "6222020000000000001",                   # fails Luhn
    "遂民规〔2023〕1号；民政部令第66号；事项编码 511F0287300000；2023-10-13",
])
def test_office_phones_and_ordinary_numbers_pass(text):
    assert kinds(text) == []


def test_finding_has_line_and_column_and_is_masked_in_messages():
    [finding] = pii.scan_text(f"第一行\n姓名：张某，证号 {ID_NUMBER}\n")
    assert (finding.line, finding.col) == (2, 10)
    assert ID_NUMBER not in pii.describe("x.html", finding)
    assert pii.describe("x.html", finding).startswith("x.html:2:10: error: 含有未脱敏的身份证号")


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "open-data").mkdir()
    (site / "index.html").write_text("<p>首页</p>\n<p>办公室 0825&#45;2222222</p>\n", encoding="utf-8")
    (site / "assets" / "javascripts" / "bundle.js").write_text(f"var x={CARD};", encoding="utf-8")
    return site


def test_clean_site_passes_and_theme_assets_are_not_read(site):
    assert pii.scan_site(site, AGENCY) == []


def test_page_with_escaped_mobile_is_caught_with_file_and_line(site):
    page = site / "powers" / "X" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html>\n<body>\n<td>139&#45;1234&#45;5678</td>\n</body>\n", encoding="utf-8")
    [(file, finding)] = pii.scan_site(site, AGENCY)
    assert (file, finding.line, finding.kind) == ("powers/X/index.html", 3, pii.MOBILE)


def test_search_index_with_unicode_escaped_address_is_caught(site):
    index = {"docs": [{"location": "a/", "title": "甲", "text": "无"}, {"location": "b/", "title": "乙", "text": f"住址 {ADDRESS}"}]}
    raw = json.dumps(index)  # ensure_ascii: Chinese as \\uXXXX, as mkdocs writes it
    assert "路" not in raw
    (site / "search" / "search_index.json").write_text(raw, encoding="utf-8")
    [(file, finding)] = pii.scan_site(site, AGENCY)
    assert file == "search/search_index.json" and finding.kind == pii.ADDRESS and finding.where == "$.docs[1].text"


def test_a_pagefind_result_fragment_with_a_mobile_number_is_caught(site):
    fragment = {"url": "/powers/X/", "content": f"联系\u200b电话\u200b {MOBILE}", "meta": {"title": "甲"}}
    (site / "pagefind" / "fragment").mkdir(parents=True)
    raw = b"pagefind_dcd" + json.dumps(fragment, ensure_ascii=False).encode("utf-8")
    (site / "pagefind" / "fragment" / "zh_1a2b3c.pf_fragment").write_bytes(gzip.compress(raw))
    [(file, finding)] = pii.scan_site(site, AGENCY)
    assert file == "pagefind/fragment/zh_1a2b3c.pf_fragment" and finding.kind == pii.MOBILE


def test_exported_csv_and_xlsx_are_scanned(site):
    (site / "open-data" / "decisions.csv").write_text(f"对象,账号\n某某协会,{CARD}\n", encoding="utf-8")
    book = Workbook()
    book.active.title = "决定"
    book.active["B3"] = f"身份证 {ID_NUMBER}"
    book.save(site / "open-data" / "decisions.xlsx")
    found = {(file, f.kind, f.line) for file, f in pii.scan_site(site, AGENCY)}
    assert found == {("open-data/decisions.csv", pii.BANK_CARD, 2), ("open-data/decisions.xlsx", pii.ID_CARD, 3)}


def test_bundled_data_and_built_site_hold_no_personal_data(built_site):
    agency = json.loads(json.dumps(__import__("yaml").safe_load((ROOT / "data" / "agency.yaml").read_text(encoding="utf-8"))))
    assert pii.scan_site(built_site, pii.Allowed.from_agency(agency)) == []
    assert list((built_site / "pagefind" / "fragment").glob("*.pf_fragment"))  # the search index was scanned too


def _record_with_id(tmp_path):
    """A decision whose 执法结论 carries the party's ID number; returns the data dir and "line:col" of the number."""
    record = decision("d1", target_type="个人", target="张某").replace(
        "    conclusion: 给予警告\n", f"    conclusion: 给予警告（当事人身份证号 {ID_NUMBER}）\n")
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(record)})
    lines = (data / "disclosure/decisions/2023.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if ID_NUMBER in text)
    return data, f"{line}:{lines[line - 1].index(ID_NUMBER) + 1}"


def test_unmasked_id_number_fails_lawmap_check_with_file_and_line(tmp_path):
    data, line = _record_with_id(tmp_path)
    done = run_check(data)
    assert done.returncode == 1
    assert f"data/disclosure/decisions/2023.yaml:{line}: error: 含有未脱敏的身份证号" in done.stdout
    assert ID_NUMBER not in done.stdout  # the message does not republish the number


def _build(data, out, factory):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(data))
    return run_build(factory, f"mkdocs build {data} (must fail)", [sys.executable, "-m", "mkdocs", "build", "--strict",
                                                                    "-d", str(out)], env)


def test_unmasked_id_number_fails_mkdocs_build(tmp_path, tmp_path_factory):
    data, line = _record_with_id(tmp_path)
    done = _build(data, tmp_path / "site", tmp_path_factory)
    assert done.returncode != 0
    assert f"2023.yaml:{line}: error: 含有未脱敏的身份证号" in done.stderr
    assert not (tmp_path / "site" / "disclosure" / "after" / "index.html").exists()


def test_personal_data_in_an_area_file_fails_check_and_build_at_the_data_file(tmp_path, tmp_path_factory):
    """Every data file is scanned, not only disclosure files: the message points at the area file, not at the
    output files the value would have reached (the output scan stays as the second net: tests/test_redactions.py)."""
    data = make_data(tmp_path, {})
    area = data / "areas" / "zuzhi.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("    source: 示例", f"    note: 咨询 {MOBILE}\n    source: 示例"),
                    encoding="utf-8")
    line = next(i for i, text in enumerate(area.read_text(encoding="utf-8").splitlines(), 1) if MOBILE in text)
    done = run_check(data)
    assert done.returncode == 1
    assert f"data/areas/zuzhi.yaml:{line}:14: error: 含有未脱敏的手机号码 139*****678" in done.stdout
    done = _build(data, tmp_path / "site", tmp_path_factory)
    log = done.stdout + done.stderr
    assert done.returncode != 0 and f"zuzhi.yaml:{line}:14: error: 含有未脱敏的手机号码" in log
    assert MOBILE not in log and "Traceback" not in log
    assert not (tmp_path / "site" / "powers").exists()
