"""Each validator rule, on a copy of the minimal fixture broken in one place: the exact line staff would see."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lawmap.loader import load_project

AREA = "areas/zuzhi.yaml"
LAW = "laws/shetuan-tiaoli.yaml"


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path, on: str = "2026-11-30") -> list[str]:
    return load_project(data, on=on).report.lines()


def test_minimal_fixture_is_clean(data):
    assert problems(data) == []


def test_schema_missing_field(data):
    edit(data, AREA, "    fee: 不收费\n", "")
    assert problems(data) == ["data/areas/zuzhi.yaml:7:5: error: 缺少必填字段 'fee'"]


def test_schema_unknown_field(data):
    edit(data, AREA, "    fee: 不收费\n", "    fee: 不收费\n    fees: 0\n")
    assert problems(data)[0].startswith("data/areas/zuzhi.yaml:26:5: error: 未知字段 'fees'（拼写错误？")


def test_schema_enum(data):
    edit(data, AREA, "type: 行政处罚", "type: 行政罚款")
    assert problems(data)[0].startswith("data/areas/zuzhi.yaml:11:11: error: 'type' 的值 '行政罚款' 不在允许的取值中：行政许可、")


def test_schema_wrong_type(data):
    edit(data, AREA, "on_application: false", "on_application: 否")
    assert problems(data) == ["data/areas/zuzhi.yaml:15:21: error: 'on_application' 应为true 或 false，实际是 '否'"]


def test_duplicate_power_code(data):
    text = (data / AREA).read_text(encoding="utf-8")
    power = text[text.index("  - code:"):]
    (data / AREA).write_text(text + power, encoding="utf-8")
    assert problems(data) == ["data/areas/zuzhi.yaml:33:5: error: 事项编码 'T-CF-001' 重复（data/areas/zuzhi.yaml:7:5 已有）"]


def test_unknown_law(data):
    edit(data, AREA, "{kind: 处罚依据, law: shetuan-tiaoli", "{kind: 处罚依据, law: shetuan")
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: error: 引用了不存在的法律 'shetuan'（data/laws/ 中没有该 id）"]


def test_unknown_version(data):
    edit(data, AREA, 'law: shetuan-tiaoli, version: "2016-02-06", at: 第三十条', 'law: shetuan-tiaoli, version: "1998-10-25", at: 第三十条')
    assert problems(data) == ["data/areas/zuzhi.yaml:17:9: error: 《社会团体登记管理条例》没有 1998-10-25 版本（已有：2016-02-06）"]


def test_missing_article(data):
    edit(data, AREA, "at: 30/2}", "at: 31/2}")
    assert problems(data) == ["data/areas/zuzhi.yaml:19:44: error: 《社会团体登记管理条例》（2016-02-06）未收录第31条"
                              "（请在 data/laws/shetuan-tiaoli.yaml 中补上该条原文）"]


def test_missing_para_and_item(data):
    edit(data, AREA, "at: 30/2}", "at: 30/3}")
    edit(data, AREA, "at: 30/1/1}", "at: 30/1/9}")
    assert problems(data) == [
        "data/areas/zuzhi.yaml:19:44: error: 《社会团体登记管理条例》（2016-02-06）第30条没有第3款（共 2 款）",
        "data/areas/zuzhi.yaml:23:15: error: 《社会团体登记管理条例》（2016-02-06）第30条第1款没有第9项",
    ]


def test_unparseable_citation(data):
    edit(data, AREA, "at: 30/2}", "at: 第三十条之一}")
    assert problems(data) == ["data/areas/zuzhi.yaml:19:44: error: 无法识别的条款写法“第三十条之一”"
                              "（可写 第三十条第一款第（四）项 或 30/1/4）"]


def test_chinese_and_slash_citations_resolve_alike(data):
    project = load_project(data, on="2026-11-30")
    first, second = project.model.powers[0].bases[0], project.model.powers[0].accountability_bases[0]
    assert first.at.key() == "30/1/4" and first.item.text == "不按照规定办理变更登记的；"
    assert second.citation() == "《社会团体登记管理条例》第三十条第一款第（一）项"
    assert first.anchor() == "a30-k1-i4"


def test_penalty_needs_penalty_basis(data):
    edit(data, AREA, "{kind: 处罚依据,", "{kind: 实施依据,")
    assert problems(data) == ["data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001（行政处罚）缺少处罚依据"]


def test_version_dates_in_order(data):
    edit(data, LAW, 'effective: "2016-02-06"', 'effective: "2016-01-01"')
    assert problems(data) == ["data/laws/shetuan-tiaoli.yaml:7:5: error: 《社会团体登记管理条例》2016-02-06 版本的施行日期 "
                              "2016-01-01 早于公布日期 2016-02-06"]


def test_stale_basis_is_a_warning_naming_the_version_in_force(data):
    edit(data, LAW, "    status: 现行有效\n", '    status: 已修改\n    superseded_by: "2025-01-01"\n')
    newer = ('  - id: "2025-01-01"\n    promulgated: "2025-01-01"\n    effective: "2025-03-01"\n    status: 现行有效\n'
             '    unchecked: 测试\n    articles: []\n')
    (data / LAW).write_text((data / LAW).read_text(encoding="utf-8") + newer, encoding="utf-8")
    lines = problems(data)
    assert len(lines) == 3
    assert lines[0] == ("data/areas/zuzhi.yaml:17:9: warning: 依据已过时：《社会团体登记管理条例》2016-02-06 版本已不是现行版本，"
                        "现行版本为 2025-01-01（自 2025-03-01 施行），请核对条文序号和内容")
    assert problems(data, on="2025-02-01") == []


def test_repealed_law_is_an_error(data):
    edit(data, LAW, "issuer: 国务院\n", 'issuer: 国务院\nrepealed_on: "2026-01-01"\n')
    lines = problems(data)
    assert lines[0] == "data/areas/zuzhi.yaml:17:9: error: 《社会团体登记管理条例》已废止，不能作为现行依据"
    assert len(lines) == 3


def test_uncited_article_is_a_warning(data):
    text = "社会团体的活动违反其他法律、法规的，由有关国家机关依法处理；有关国家机关认为应当撤销登记的，由登记管理机关撤销登记。"
    extra = f'      - no: 31\n        paras:\n          - {{id: k1, text: "{text}"}}\n'  # as in its reference text
    (data / LAW).write_text((data / LAW).read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert problems(data) == ["data/laws/shetuan-tiaoli.yaml:22:9: warning: 《社会团体登记管理条例》（2016-02-06）第31条没有任何数据引用，请删去"]


def test_flow_and_risk_targets_exist(data):
    edit(data, AREA, "{step: lian,", "{step: diaocha,")
    edit(data, AREA, "{id: lian, name: 立案, who: 承办科室}", "{id: lian, name: 立案, who: 承办科室, branches: [{when: 不予立案, to: jieshu}]}")
    assert problems(data) == [
        "data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 的流程步骤 'lian' 指向不存在的步骤 'jieshu'",
        "data/areas/zuzhi.yaml:7:5: error: 事项 T-CF-001 的风险点“选择性执法”对应的步骤 'diaocha' 不存在",
    ]


def test_office_must_exist(data):
    edit(data, AREA, "office: ke\nduties", "office: nope\nduties")
    assert problems(data) == ["data/areas/zuzhi.yaml:1:1: error: 领域 zuzhi 的承办科室 'nope' 不在 agency.yaml 的科室中"]


def test_all_problems_at_once_sorted(data):
    edit(data, AREA, "law: shetuan-tiaoli, version: \"2016-02-06\", at: 30/2", "law: gone, version: \"2016-02-06\", at: 30/2")
    edit(data, AREA, "at: 30/1/1}", "at: 30/1/9}")
    lines = problems(data)
    assert [line.split(": ")[0] for line in lines] == ["data/areas/zuzhi.yaml:19:44", "data/areas/zuzhi.yaml:23:15"]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    root = Path(__file__).resolve().parent.parent
    return subprocess.run([sys.executable, "-m", "lawmap", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(root), "LAWMAP_TODAY": "2026-11-30", "PATH": "/usr/bin:/bin"})


def test_cli_exit_codes_and_summary(data):
    ok = run_cli("check", "data", cwd=data.parent)
    assert ok.returncode == 0
    assert ok.stdout.splitlines() == ["领域 1 个，事项 1 项：行政处罚 1", "法律法规 1 部，被引用条文 1 条，引用 3 处",
                                      "错误 0 个，警告 0 个"]
    edit(data, LAW, "    status: 现行有效\n", '    status: 现行有效\n    superseded_by: "2025-01-01"\n')
    edit(data, LAW, '    effective: "2016-02-06"', '    effective: "2016-02-06"')
    text = "社会团体的活动违反其他法律、法规的，由有关国家机关依法处理；有关国家机关认为应当撤销登记的，由登记管理机关撤销登记。"
    extra = f'      - no: 31\n        paras:\n          - {{id: k1, text: "{text}"}}\n'  # as in its reference text
    (data / LAW).write_text((data / LAW).read_text(encoding="utf-8") + extra, encoding="utf-8")
    failing = run_cli("check", "data", cwd=data.parent)
    assert failing.returncode == 1 and "error: 《社会团体登记管理条例》没有 2025-01-01 版本" in failing.stdout


def test_cli_strict_fails_on_warnings(data):
    text = "社会团体的活动违反其他法律、法规的，由有关国家机关依法处理；有关国家机关认为应当撤销登记的，由登记管理机关撤销登记。"
    extra = f'      - no: 31\n        paras:\n          - {{id: k1, text: "{text}"}}\n'  # as in its reference text
    (data / LAW).write_text((data / LAW).read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert run_cli("check", "data", cwd=data.parent).returncode == 0
    assert run_cli("check", "--strict", "data", cwd=data.parent).returncode == 1
