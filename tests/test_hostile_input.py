"""Sloppy and hostile data: every attack family is reported by `lawmap check` as `FILE:LINE:COL: error: …` at the
data file, with no traceback — impossible dates, YAML tags, deep nesting, control characters, ids with a trailing
newline, huge text, future decisions, a malformed LAWMAP_TODAY, links out of the data folder, personal data in any
file written any way, and unmasked private persons' names."""
from __future__ import annotations

import os
import re

import pytest

from disclosure_helpers import decision, decisions_file, make_data, run_check

AREA = "data/areas/zuzhi.yaml"


def _area_with(tmp_path, old: str, new: str):
    data = make_data(tmp_path, {})
    area = data / "areas" / "zuzhi.yaml"
    text = area.read_text(encoding="utf-8")
    assert old in text
    area.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    return data


def _fails_at(done, where: str, message: str) -> None:
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "Traceback" not in out, out
    assert re.search("^" + re.escape(where) + r"\d+: error: .*" + message, done.stdout, re.M), out


def _line_of(data, rel: str, needle: str) -> str:
    lines = (data.parent / rel).read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if needle in line)
    return f"{rel}:{number}:"


@pytest.mark.parametrize("old, new, message", [
    ("    status: 保留", "    status: 保留\n    adjusted_on: 2023-02-30", "不是日历上存在的日期"),         # unquoted
    ("    status: 保留", '    status: 保留\n    adjusted_on: "2023-02-30"', "不是日历上存在的日期"),       # quoted
    ("    status: 保留", '    status: 保留\n    adjusted_on: "２０２３-０１-０５"', "不是日历上存在的日期"),  # full-width
])
def test_impossible_or_full_width_dates_are_errors_at_their_line(tmp_path, old, new, message):
    data = _area_with(tmp_path, old, new)
    _fails_at(run_check(data), _line_of(data, AREA, "adjusted_on"), message)


def test_impossible_date_in_agency_as_of_is_an_error(tmp_path):
    data = make_data(tmp_path, {})
    agency = data / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace('as_of: "2023-12-18"', "as_of: 2023-13-01"), encoding="utf-8")
    _fails_at(run_check(data), _line_of(data, "data/agency.yaml", "as_of"), "不是日历上存在的日期")


@pytest.mark.parametrize("value, message", [('!!int "four"', "不能按标签 !!int"), ('!!timestamp "x"', "不能按标签 !!timestamp"),
                                            ('!!float "x"', "不能按标签 !!float"), ('!!binary "*"', "应为文字")])
def test_yaml_tags_that_cannot_be_read_are_errors(tmp_path, value, message):
    data = _area_with(tmp_path, "    fee: 不收费", f"    fee: {value}")
    _fails_at(run_check(data), _line_of(data, AREA, "fee:"), message)


def test_twenty_thousand_levels_of_nesting_are_an_error(tmp_path):
    data = _area_with(tmp_path, "    fee: 不收费", "    fee: " + "[" * 20000 + "]" * 20000)
    _fails_at(run_check(data), _line_of(data, AREA, "fee:"), "嵌套超过")


@pytest.mark.parametrize("written", ['"对社会团体\\v违法行为"', "对社会团体\x0b违法行为", '"对社会团体\\x1b违法行为"'])
def test_control_characters_are_errors_with_line_and_column(tmp_path, written):
    data = _area_with(tmp_path, "    name: 对社会团体违法行为的行政处罚", f"    name: {written}")
    _fails_at(run_check(data), _line_of(data, AREA, "    name: "), "控制字符")


def test_id_with_a_trailing_newline_is_not_an_id(tmp_path):
    data = _area_with(tmp_path, "  - code: T-CF-001", '  - code: "T-CF-001\\n"')
    _fails_at(run_check(data), _line_of(data, AREA, "- code:"), "格式不对")


def test_a_200000_character_name_is_an_error_not_a_23_gb_build(tmp_path):
    data = _area_with(tmp_path, "    name: 对社会团体违法行为的行政处罚", "    name: " + "很" * 200_000)
    done = run_check(data)
    _fails_at(done, _line_of(data, AREA, "    name: "), r"过长（200000 字，上限 200 字）")
    assert len(done.stdout) < 5000  # the value itself is not echoed


def test_a_decision_dated_in_the_future_is_an_error(tmp_path):
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision(decided="2099-01-05", published="2099-01-06"))})
    _fails_at(run_check(data), _line_of(data, "data/disclosure/decisions/2023.yaml", "decided_on"), "晚于今天")


def test_malformed_lawmap_today_is_one_line(tmp_path, monkeypatch):
    data = make_data(tmp_path, {})
    monkeypatch.setenv("LAWMAP_TODAY", "garbage")
    done = run_check(data)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [line for line in done.stdout.splitlines() if "error" in line] == [
        "LAWMAP_TODAY:1:1: error: LAWMAP_TODAY='garbage' 不是 YYYY-MM-DD 形式的日期（如 LAWMAP_TODAY=2024-01-31），或不设置"]


def test_a_link_leaving_the_data_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: x\n", encoding="utf-8")
    data = make_data(tmp_path, {})
    os.symlink(secret, data / "areas" / "outside.yaml")
    _fails_at(run_check(data), "data/areas/outside.yaml:1:", "数据文件夹之外")


RANDOM_CHECKS = """\
year: 2023
plan: {{title: 抽查任务, partners: [市市场监管局], summary: 联合抽查, source: 示例}}
tasks:
  - {{id: t1, target_kind: 养老机构, count: 4, inspection: x, source: 示例}}
results:
  - {{task: t1, target: {target}, checked_on: "2023-09-12", result: 未发现问题, published_on: "2023-09-26", source: 示例}}
"""


@pytest.mark.parametrize("target_type, target", [("个人", "张三某"), ("个人", "张三"), ("个人", "某某"), ("组织", "张三丰")])
def test_decision_target_naming_a_person_must_be_masked(tmp_path, target_type, target):
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision("d1", target_type=target_type, target=target))})
    _fails_at(run_check(data), _line_of(data, "data/disclosure/decisions/2023.yaml", "target:"), f"不得写“{target}”")


@pytest.mark.parametrize("target", ["张三丰", "李四", "张三某"])
def test_random_check_target_naming_a_person_must_be_masked(tmp_path, target):
    data = make_data(tmp_path, {"disclosure/random-checks/2023.yaml": RANDOM_CHECKS.format(target=target)})
    _fails_at(run_check(data), _line_of(data, "data/disclosure/random-checks/2023.yaml", "target:"), f"不得写“{target}”")


@pytest.mark.parametrize("masked", ["张某", "欧阳某某", "司马某"])
def test_masked_names_pass(tmp_path, masked):
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision("d1", target_type="个人", target=masked))})
    assert "脱敏" not in run_check(data).stdout


@pytest.mark.parametrize("written, kind", [
    ("５１０９０２１９９００１０１１２３４", "身份证号"),
    ("5109 0219 9001 0112 34", "身份证号"),
    ("510902\u200b19900101\u200b1234", "身份证号"),
    ("510902900101123", "身份证号"),
    ("110105194912310021", "身份证号"),  # wrong check digit: still a person's ID
    ("138.1234.5678", "手机号码"),
    ("１３８１２３４５６７８", "手机号码"),
    ("6217 0000 0000 0006", "银行卡号"),
])
def test_personal_numbers_in_an_area_file_fail_check_at_the_area_file(tmp_path, written, kind):
    data = _area_with(tmp_path, "    fee: 不收费", f"    fee: 不收费\n    note: 咨询 {written}")
    done = run_check(data)
    where = _line_of(data, AREA, "note:")
    col = (data / "areas" / "zuzhi.yaml").read_text(encoding="utf-8").splitlines()[int(where.split(":")[1]) - 1].index(written[0]) + 1
    _fails_at(done, where, f"含有未脱敏的{kind}")
    assert f"{where}{col}: error: 含有未脱敏的{kind}" in done.stdout


def test_personal_numbers_in_a_comment_of_any_data_file_fail_check(tmp_path):
    data = make_data(tmp_path, {"notes/extra.yaml": "# 联系人电话 139 1234 5678\nx: 1\n"})
    _fails_at(run_check(data), "data/notes/extra.yaml:1:", "含有未脱敏的手机号码")


def test_declared_public_numbers_pass(tmp_path):
    data = make_data(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(decision()).replace(
        "name: 测试市某某协会}", "name: 测试市某某协会, credit_code: \"115109199001010000\"}")})
    assert "身份证号" in run_check(data).stdout
    agency = data / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + 'public_numbers:\n  - {label: 测试市某某协会统一社会信用代码, '
                      'number: "115109199001010000"}\n', encoding="utf-8")
    done = run_check(data)
    assert done.returncode == 0, done.stdout
