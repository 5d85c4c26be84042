"""A workbook a staff member edited comes back as exactly that edit in data/; each bad cell is named by its address."""
from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lawmap.loader import load_project
from lawmap.staff.xlsx_export import write_xlsx
from lawmap.staff.xlsx_import import import_workbook

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
AREA = "areas/zuzhi.yaml"
MORE = """\

  # ── 检查 ──
  - code: T-JC-002   # 年检
    name: 社会团体年度检查
    type: 行政检查
    level: 市级
    subject: 测试市民政局
    office: ke
    on_application: false
    bases:
      - {kind: 检查依据, law: shetuan-tiaoli, version: "2016-02-06", at: 30/2}
    responsibilities:
      - {stage: 检查, duty: 年度检查}
    accountability:
      targets: 直接责任人员
      cases: [不依法检查]
      bases: [{law: shetuan-tiaoli, version: "2016-02-06", at: 30/1/1}]
    time_limit: {legal: 无}
    fee: 不收费
    process:
      - {id: jiancha, name: 检查, who: 承办科室}
    risks: []
    status: 保留
    source: 示例

  - code: T-QT-003
    name: 社会团体信息公开
    type: 其他行政权力
    level: 市级
    subject: 测试市民政局
    office: ke
    on_application: false
    bases:
      - {kind: 实施依据, law: shetuan-tiaoli, version: "2016-02-06", at: 第三十条第二款}
    responsibilities:
      - {stage: 公开, duty: 公开信息}
    accountability:
      targets: 直接责任人员
      cases: [不依法公开]
      bases: [{law: shetuan-tiaoli, version: "2016-02-06", at: 30/1/4}]
    time_limit: {legal: 无}
    fee: 不收费
    process:
      - {id: gongkai, name: 公开, who: 承办科室}
    risks: []
    status: 保留
    source: 示例
"""


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL, tmp_path / "data")
    with (tmp_path / "data" / AREA).open("a", encoding="utf-8") as handle:
        handle.write(MORE)
    assert load_project(tmp_path / "data").report.lines() == []
    return tmp_path / "data"


@pytest.fixture
def book(data, tmp_path):
    path = tmp_path / "清单.xlsx"
    write_xlsx(load_project(data).model, path)
    return path


def edit(path: Path, change) -> None:
    """Open the exported workbook, let `change(sheet, book)` edit it as staff would, save it."""
    workbook = load_workbook(path)
    change(workbook["社会组织管理"], workbook)
    workbook.save(path)


def cell(sheet, code: str, header: str):
    column = next(c.column for c in sheet[1] if c.value == header)
    code_column = next(c.column for c in sheet[1] if c.value == "事项编码")
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[code_column - 1].value == code)
    return sheet.cell(row, column)


def diff(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def import_and_diff(data: Path, book: Path, name: str = AREA) -> list[str]:
    before = (data / name).read_text(encoding="utf-8")
    errors, changes = import_workbook(book, data)
    assert errors == [] and changes
    assert load_project(data).report.errors == []
    return diff(before, (data / name).read_text(encoding="utf-8"))


def test_changed_article_number_changes_only_that_citation(data, book):
    edit(book, lambda s, b: setattr(cell(s, "T-JC-002", "实施依据"), "value",
                                    "《社团条例》第三十条第一款第（一）项 [检查依据]"))
    assert import_and_diff(data, book) == [
        '-      - {kind: 检查依据, law: shetuan-tiaoli, version: "2016-02-06", at: 30/2}',
        '+      - {kind: 检查依据, law: shetuan-tiaoli, version: "2016-02-06", at: 30/1/1}',
    ]


def test_article_not_yet_quoted_is_filled_into_the_law_file(data, book):
    edit(book, lambda s, b: setattr(cell(s, "T-QT-003", "实施依据"), "value", "《社会团体登记管理条例》第三十三条"))
    law_before = (data / "laws/shetuan-tiaoli.yaml").read_text(encoding="utf-8")
    lines = import_and_diff(data, book)
    assert lines == [
        '-      - {kind: 实施依据, law: shetuan-tiaoli, version: "2016-02-06", at: 第三十条第二款}',
        '+      - {kind: 实施依据, law: shetuan-tiaoli, version: "2016-02-06", at: 第三十三条}',
    ]
    added = diff(law_before, (data / "laws/shetuan-tiaoli.yaml").read_text(encoding="utf-8"))
    assert "+      - no: 33" in added


def test_reordered_rows_move_records_with_their_comments(data, book):
    def swap(sheet, _):
        second = [c.value for c in sheet[3]]
        third = [c.value for c in sheet[4]]
        for c, value in zip(sheet[3], third):
            c.value = value
        for c, value in zip(sheet[4], second):
            c.value = value
    edit(book, swap)
    before = (data / AREA).read_text(encoding="utf-8")
    import_and_diff(data, book)
    after = (data / AREA).read_text(encoding="utf-8")
    assert after.index("code: T-QT-003") < after.index("code: T-JC-002")
    assert "  - code: T-JC-002   # 年检\n" in after
    assert sorted(after.splitlines()) == sorted(before.splitlines())
    # a comment line above a record travels with it
    assert "\n\n  # ── 检查 ──\n  - code: T-JC-002   # 年检\n" in after


def test_deleted_row_deletes_the_record_and_keeps_the_next_ones_comment(data, book):
    edit(book, lambda s, b: s.delete_rows(cell(s, "T-JC-002", "事项编码").row))
    lines = import_and_diff(data, book)
    assert lines[0] == "-  - code: T-JC-002   # 年检" and all(line.startswith("-") for line in lines)
    after = (data / AREA).read_text(encoding="utf-8")
    assert "# ── 检查 ──\n  - code: T-QT-003" in after
    assert "T-JC-002" not in after and "社会团体年度检查" not in after


def test_new_row_becomes_a_new_record(data, book):
    def add(sheet, _):
        values = [c.value for c in sheet[4]]
        headers = [c.value for c in sheet[1]]
        row = dict(zip(headers, values)) | {"事项编码": "T-QR-004", "事项名称": "社会团体信息确认", "事项类型": "行政确认",
                                            "实施依据": "《社会团体登记管理条例》第三十条第二款", "备注": "新增的示例"}
        sheet.append([row[h] for h in headers])
    edit(book, add)
    lines = import_and_diff(data, book)
    assert lines[0] == "+" and lines[1] == "+  - code: T-QR-004"
    added = "\n".join(line[1:] for line in lines)
    assert "    name: 社会团体信息确认\n    type: 行政确认" in added
    assert '      - {kind: 实施依据, law: shetuan-tiaoli, version: "2016-02-06", at: 第三十条第二款}' in added
    assert "      - {id: s1, name: 公开, who: 测试科}\n    risks: []" in added
    assert added.endswith("    source: 示例\n    note: 新增的示例")
    power = load_project(data).model.power("T-QR-004")
    assert power.area.id == "zuzhi" and power.bases[0].resolved


def test_edit_to_summary_sheet_is_refused(data, book):
    edit(book, lambda s, b: setattr(cell(b["总表"], "T-CF-001", "收费"), "value", "收费"))
    before = (data / AREA).read_bytes()
    errors, _ = import_workbook(book, data)
    assert errors == ["总表!S2: 总表只供浏览，请在社会组织管理!R2修改"]
    assert (data / AREA).read_bytes() == before


BAD_CELLS = [
    ("T-CF-001", "设定依据", "社会团体登记管理条例第三十条", "社会组织管理!I2: 依据“社会团体登记管理条例第三十条”应以《法规名称》开头"),
    ("T-CF-001", "实施依据", "《不存在的条例》第一条", "社会组织管理!J2: data/laws/ 中没有《不存在的条例》"),
    ("T-CF-001", "实施依据", "《社团条例》（2099-01-01）第三十条", "社会组织管理!J2: 《社会团体登记管理条例》没有 2099-01-01 版本"),
    ("T-CF-001", "实施依据", "《社团条例》第三十条之一", "社会组织管理!J2: 无法识别的条款写法“第三十条之一”"),
    ("T-CF-001", "实施依据", "《社团条例》第三十条 [依据]", "社会组织管理!J2: 依据种类“依据”不认识"),
    ("T-CF-001", "事项类型", "行政审批", "社会组织管理!E2: “行政审批”不是可选值"),
    ("T-CF-001", "承办机构", "办公室", "社会组织管理!H2: 没有名为“办公室”的承办机构（可填：测试科）"),
    ("T-CF-001", "是否依申请", "可能", "社会组织管理!L2: “可能”应填 是 或 否"),
    ("T-CF-001", "事项名称", "", "社会组织管理!C2: 不能为空"),
    ("T-CF-001", "责任事项", "受审：对违法行为立案", "社会组织管理!M2: “受审：对违法行为立案”应写成“阶段：职责”"),
    ("T-CF-001", "责任事项", "《社团条例》第三十条", "社会组织管理!M2: 依据“《社团条例》第三十条”前面缺少“阶段：职责”一行"),
    ("T-CF-001", "追责依据", "《社团条例》第三十条 [处罚依据]", "社会组织管理!P2: “《社团条例》第三十条 [处罚依据]”：此处的依据不写种类和注"),
    ("T-CF-001", "追责情形", "", "社会组织管理!O2: 至少要有一种追责情形"),
    ("T-CF-001", "办理时限", "九十日", "社会组织管理!Q2: “九十日”应写成“法定：二十日”或“承诺：十日”"),
    ("T-CF-001", "调整日期", "2024年1月", "社会组织管理!T2: 日期“2024年1月”应写成 2024-01-31 的形式"),
    ("T-CF-001", "子项", "变更 [Bian Geng]", "社会组织管理!D2: 子项编号“Bian Geng”只能用小写字母、数字和连字符"),
    ("T-CF-001", "事项编码", "T_CF_001", "社会组织管理!B2: 事项编码“T_CF_001”只能用字母、数字和连字符"),
    ("T-JC-002", "事项编码", "T-CF-001", "社会组织管理!B3: 事项编码 T-CF-001 重复（社会组织管理!B2 已有）"),
]


@pytest.mark.parametrize("code,header,value,message", BAD_CELLS, ids=[f"{h}:{v}" for _, h, v, _ in BAD_CELLS])
def test_each_bad_cell_is_reported_at_its_address_and_nothing_is_written(data, book, code, header, value, message):
    edit(book, lambda s, b: setattr(cell(s, code, header), "value", value))
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    errors, changes = import_workbook(book, data)
    assert len(errors) == 1 and errors[0].startswith(message), errors
    assert changes == [] and {p: p.read_bytes() for p in data.rglob("*.yaml")} == before


def test_all_errors_at_once_and_renamed_sheet(data, book):
    def damage(sheet, workbook):
        cell(sheet, "T-CF-001", "事项类型").value = "x"
        cell(sheet, "T-JC-002", "状态").value = "y"
        workbook.create_sheet("我的草稿")["A1"] = "草稿"
    edit(book, damage)
    errors, _ = import_workbook(book, data)
    assert [e.split(":")[0] for e in errors] == ["社会组织管理!E2", "社会组织管理!S3", "我的草稿!A1"]


def test_result_that_fails_check_is_not_written(data, book):
    edit(book, lambda s, b: setattr(cell(s, "T-CF-001", "实施依据"), "value", "《社团条例》第三十条第一款第（九）项 [处罚依据]"))
    before = (data / AREA).read_bytes()
    errors, changes = import_workbook(book, data)
    assert any("第三十条第1款没有第9项" in e or "没有第9项" in e for e in errors), errors
    assert errors[-1] == "导入后的数据有上述错误，未写入任何文件" and changes == []
    assert (data / AREA).read_bytes() == before


def test_cli_prints_cell_errors_and_exits_1(data, book):
    edit(book, lambda s, b: setattr(cell(s, "T-CF-001", "行使层级"), "value", "乡级"))
    result = subprocess.run([sys.executable, "-m", "lawmap", "import-xlsx", str(book), "--data-dir", str(data)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stdout.startswith("社会组织管理!F2: “乡级”不是可选值（可填：省级 / 市级 / 县级 / 市级、县级）")


def test_emptied_last_field_keeps_the_comment_above_the_next_record(data, book):
    path = data / AREA
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    source: 示例\n\n  # ── 检查 ──", "    source: 示例\n    note: 待删\n\n  # ── 检查 ──"), encoding="utf-8")
    write_xlsx(load_project(data).model, book)
    edit(book, lambda s, b: setattr(cell(s, "T-CF-001", "备注"), "value", None))
    assert import_and_diff(data, book) == ["-    note: 待删"]


@pytest.mark.parametrize("name", ["社会团体登记管理条例(1998-10-25).md", "../laws/社会团体登记管理条例(2016-02-06).md"])
def test_a_bad_reference_is_reported_not_a_traceback(data, book, name):
    law = data / "laws/shetuan-tiaoli.yaml"
    law.write_text(law.read_text(encoding="utf-8").replace("社会团体登记管理条例(2016-02-06).md", name), encoding="utf-8")
    edit(book, lambda s, b: setattr(cell(s, "T-QT-003", "实施依据"), "value", "《社会团体登记管理条例》第三十三条"))
    before = (data / AREA).read_bytes()
    result = subprocess.run([sys.executable, "-m", "lawmap", "import-xlsx", str(book), "--data-dir", str(data)],
                            capture_output=True, text=True, cwd=ROOT)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert any(line.startswith(f"{data}/laws/shetuan-tiaoli.yaml:") and name in line for line in result.stdout.splitlines())
    assert (data / AREA).read_bytes() == before
