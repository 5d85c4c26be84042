"""The disclosure validator: masked names, fictional 示例 organisations, links to powers and 子项, withdrawals,
法制审核, report figures tied to the report's words — each problem one line with file:line."""
from __future__ import annotations

from lawmap.loader import load_project

from disclosure_helpers import ROOT, decision, decisions_file, make_data


def problems(tmp_path, files) -> list[str]:
    return load_project(make_data(tmp_path, files)).report.lines()


def test_bundled_disclosure_data_has_no_problem():
    report = load_project(ROOT / "data").report
    assert [line for line in report.lines() if "disclosure" in line] == []


def test_person_must_be_masked_as_surname_mou(tmp_path):
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision("ok", target_type="个人", target="欧阳某"), decision("bad", target_type="个人", target="张三丰"))})
    assert len(lines) == 1
    assert "decisions/2023.yaml:" in lines[0] and "执法决定 bad 的当事人：个人的姓名须脱敏为“姓＋某”或“姓＋某某”" in lines[0]


def test_example_organisation_must_be_obviously_fictional(tmp_path):
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(decision("x", target="测试市蓝天养老院"))})
    assert len(lines) == 1 and "须是明显虚构的名称（含“某某”）" in lines[0]


def test_minor_party_cannot_be_published(tmp_path):
    record = decision("m", target_type="个人", target="李某").replace("name: 李某}", "name: 李某, minor: true}")
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(record)})
    assert len(lines) == 1 and "当事人是未成年人：此类决定不得公开" in lines[0]


def test_unknown_power_and_subitem_are_named(tmp_path):
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(
        decision("a").replace("T-CF-001", "T-CF-999"), decision("b").replace("subitem: biangeng", "subitem: nope"))})
    assert any("a：权责清单中没有事项编码 'T-CF-999'" in line for line in lines)
    assert any("b：事项 T-CF-001 没有子项 'nope'（已有：biangeng）" in line for line in lines)


def test_revoked_decision_needs_reason_and_withdrawal_date(tmp_path):
    record = decision("r").replace("status: 有效", "status: 已撤销")
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(record)})
    assert len(lines) == 1 and "状态为“已撤销”，须写明 changed_on 和 change_reason" in lines[0]
    late = record.replace("status: 已撤销", 'status: 已撤销\n    changed_on: "2023-09-28"\n    change_reason: 复议撤销\n'
                                           '    withdrawn_on: "2023-10-10"')
    lines = problems(tmp_path / "2", {"disclosure/decisions/2023.yaml": decisions_file(late)})
    assert len(lines) == 1 and ": warning: " in lines[0] and "应在 3 个工作日内撤下公示，逾期 1 个工作日" in lines[0]


def test_major_decision_is_reviewed_before_it_is_made(tmp_path):
    record = decision("z").replace("status: 有效", 'legal_review: {required: true, reviewed_on: "2023-09-29"}\n    status: 有效')
    lines = problems(tmp_path, {"disclosure/decisions/2023.yaml": decisions_file(record)})
    assert len(lines) == 1 and "法制审核晚于决定日期" in lines[0]


def test_example_officer_name_must_say_example(tmp_path):
    officers = ("as_of: \"2023-12-18\"\nofficers:\n"
                "  - {id: a, name: 示例执法人员甲, cert_no: X-1, categories: [民政], office: ke, source: 示例}\n"
                "  - {id: b, name: 王建国, cert_no: X-2, categories: [民政], office: ke, source: 示例}\n")
    lines = problems(tmp_path, {"disclosure/officers.yaml": officers})
    assert len(lines) == 1 and "disclosure/officers.yaml:4:19: error:" in lines[0]
    assert "不得使用像真实人名的“王建国”" in lines[0]


REPORT = """\
year: 2023
title: 测试报告
addressee: 市政府
signer: 测试市民政局
signed_on: "2023-12-18"
sections:
  - {id: 二(二)2, heading: 强化法治化营商环境建设, text: 包含不予处罚事项清单(1项)。}
figures:
  - {id: lenient-buyu, means: 不予处罚清单事项数, label: 不予处罚事项清单, value: 1, unit: 项, section: 二(二)2, quote: 不予处罚事项清单(1项)}
  - {id: wrong-quote, label: 某数字, value: 2, unit: 项, section: 二(二)2, quote: 共2项}
  - {id: wrong-section, label: 某数字, value: 3, unit: 项, section: 二(九)9}
"""

LENIENT_ROW = """\
  - id: {id}
    list: 不予处罚
    power: T-CF-001
    subitem: biangeng
    conditions: [初次违法]
    measures: [批评教育]
    lenient_bases: [{{law: shetuan-tiaoli, version: "2016-02-06", at: 30/1/4}}]
    source: 示例
"""


def test_report_figures_cite_real_sections_and_words(tmp_path):
    lines = problems(tmp_path, {"disclosure/reports/2023.yaml": REPORT})
    assert len(lines) == 2
    assert "报告数字 wrong-quote 的引文不在报告 二(二)2 的原文中" in lines[0] + lines[1]
    assert "报告数字 wrong-section 的出处 '二(九)9' 不是报告中的一节" in lines[0] + lines[1]


def test_lenient_rows_may_not_outnumber_the_report(tmp_path):
    report = REPORT.split("  - {id: wrong-quote")[0]
    rows = "title: 三张清单\nrows:\n" + LENIENT_ROW.format(id="a") + LENIENT_ROW.format(id="b")
    lines = problems(tmp_path, {"disclosure/reports/2023.yaml": report, "disclosure/lenient.yaml": rows})
    assert len(lines) == 1 and "不予处罚清单有 2 行，多于年度报告公布的 1 项" in lines[0]


def test_a_count_check_finds_its_figure_by_meaning_not_by_id(tmp_path):
    report = REPORT.split("  - {id: wrong-quote")[0].replace("id: lenient-buyu", "id: any-name-staff-like")
    rows = "title: 三张清单\nrows:\n" + LENIENT_ROW.format(id="a") + LENIENT_ROW.format(id="b")
    lines = problems(tmp_path, {"disclosure/reports/2023.yaml": report, "disclosure/lenient.yaml": rows})
    assert len(lines) == 1 and "不予处罚清单有 2 行，多于年度报告公布的 1 项" in lines[0]


def test_a_figure_the_check_needs_but_cannot_find_is_an_error(tmp_path):
    report = REPORT.split("  - {id: wrong-quote")[0].replace("means: 不予处罚清单事项数, ", "")
    rows = "title: 三张清单\nrows:\n" + LENIENT_ROW.format(id="a")
    lines = problems(tmp_path, {"disclosure/reports/2023.yaml": report, "disclosure/lenient.yaml": rows})
    assert len(lines) == 1 and "disclosure/reports/2023.yaml:9:" in lines[0] and ": error: " in lines[0]
    assert "2023年度报告没有 means: 不予处罚清单事项数 的数字，无法核对不予处罚清单的行数" in lines[0]


def test_without_any_report_the_count_checks_are_errors_not_skipped(tmp_path):
    rows = "title: 三张清单\nrows:\n" + LENIENT_ROW.format(id="a")
    lines = problems(tmp_path, {"disclosure/lenient.yaml": rows})
    assert len(lines) == 1 and "disclosure/lenient.yaml:3:" in lines[0]
    assert "不予处罚清单的行数须与年度报告的数字核对，但 data/disclosure/reports/ 中没有年度报告" in lines[0]


def test_a_meaning_is_declared_once_per_report(tmp_path):
    report = REPORT.split("  - {id: wrong-quote")[0] + (
        "  - {id: again, means: 不予处罚清单事项数, label: 不予处罚, value: 1, unit: 项, section: 二(二)2}\n")
    lines = problems(tmp_path, {"disclosure/reports/2023.yaml": report})
    assert len(lines) == 1 and "报告数字 again 与 lenient-buyu 的含义（means）相同" in lines[0]
