"""The 权责清单 workbook and CSV as staff open them, and the round trip: export then import changes no byte of data/."""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from snapshots import snapshot
from openpyxl import load_workbook

from lawmap.loader import load_project
from lawmap.staff.xlsx_export import table_rows, write_csv, write_xlsx
from lawmap.staff.xlsx_import import import_workbook

ROOT = Path(__file__).resolve().parent.parent


def test_workbook_has_summary_and_one_sheet_per_area(data, tmp_path):
    out = tmp_path / "清单.xlsx"
    write_xlsx(load_project(data).model, out)
    book = load_workbook(out)
    assert book.sheetnames == ["总表", "社会组织管理"]
    sheet = book["社会组织管理"]
    header = [c.value for c in sheet[1]]
    assert header[:9] == ["序号", "事项编码", "事项名称", "子项", "事项类型", "行使层级", "实施主体", "承办机构", "设定依据"]
    assert {"实施依据", "责任事项", "追责情形", "追责依据", "办理时限", "收费", "备注"} <= set(header)
    row = dict(zip(header, (c.value for c in sheet[2])))
    assert row["事项编码"] == "T-CF-001" and row["承办机构"] == "测试科"
    assert row["子项"] == "不按照规定办理变更登记 [biangeng]"
    assert row["实施依据"] == "《社会团体登记管理条例》第三十条第一款第（四）项 [处罚依据]"
    assert "不按照规定办理变更登记的" in row["依据条文（只读）"]
    assert row["责任事项"] == "立案：对违法行为立案\n  《社会团体登记管理条例》第三十条第二款"
    assert row["办理时限"] == "法定：九十日"
    assert sheet.freeze_panes == "D2" and book["总表"].freeze_panes == "E2"
    assert sheet["M2"].alignment.wrap_text and sheet.column_dimensions["C"].width == 24
    assert book["总表"]["B2"].value == "社会组织管理"


def test_csv_is_utf8_with_bom_and_matches_the_summary(data, tmp_path):
    model = load_project(data).model
    out = tmp_path / "quanze.csv"
    write_csv(model, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(True)))
    assert rows == table_rows(model) and rows[1][2] == "T-CF-001"


def test_export_refuses_data_with_errors(data, tmp_path):
    path = data / "areas" / "zuzhi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("at: 30/2", "at: 99"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lawmap", "export-xlsx", str(tmp_path / "x.xlsx"),
                             "--data-dir", str(data)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "未收录第99条" in result.stdout and "未导出" in result.stdout
    assert not (tmp_path / "x.xlsx").exists()


def test_round_trip_of_minimal_fixture_changes_no_byte(data, tmp_path):
    before = snapshot(data)
    write_xlsx(load_project(data).model, tmp_path / "x.xlsx")
    assert import_workbook(tmp_path / "x.xlsx", data) == ([], [])
    assert snapshot(data) == before


def test_round_trip_of_real_data_changes_no_byte(tmp_path, monkeypatch):
    """The bundled 权责清单 (agency, laws, areas copied): every sheet read back equals the YAML; nothing is rewritten."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    for part in ("laws", "areas"):
        shutil.copytree(ROOT / "data" / part, data / part)
    shutil.copy(ROOT / "data" / "agency.yaml", data)
    project = load_project(data)
    assert project.report.errors == [], "data/ must pass check before its round trip can be tested"
    before = snapshot(data)
    write_xlsx(project.model, tmp_path / "x.xlsx")
    book = load_workbook(tmp_path / "x.xlsx")
    assert len(book.sheetnames) == len(project.model.areas) + 1
    assert sum(book[name].max_row - 1 for name in book.sheetnames[1:]) == len(project.model.powers)
    assert import_workbook(tmp_path / "x.xlsx", data) == ([], [])
    assert snapshot(data) == before


def test_cli_round_trip_reports_no_change(data, tmp_path):
    out = tmp_path / "x.xlsx"
    run = [sys.executable, "-m", "lawmap"]
    export = subprocess.run(run + ["export-xlsx", str(out), "--data-dir", str(data)], capture_output=True, text=True,
                            cwd=ROOT)
    assert export.returncode == 0 and "已导出 1 项事项" in export.stdout
    back = subprocess.run(run + ["import-xlsx", str(out), "--data-dir", str(data)], capture_output=True, text=True,
                          cwd=ROOT)
    assert back.returncode == 0 and back.stdout.strip() == "工作簿与数据一致，无需改动"


FORMULAS = ['=HYPERLINK("http://example.com/x","点此")', "+1+2", "-2+3", "@SUM(A1)", "'=already quoted"]


def _with_formula_values(data: Path) -> None:
    path = data / "areas" / "zuzhi.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    name: 对社会团体违法行为的行政处罚", f"    name: '{FORMULAS[0].replace(chr(39), chr(39) * 2)}'")
    text = text.replace("    fee: 不收费", f'    fee: "{FORMULAS[1]}"\n    note: "{FORMULAS[2]}"')
    text = text.replace("      targets: 直接负责的主管人员和其他直接责任人员", f'      targets: "{FORMULAS[3]}"')
    text = text.replace("    subject: 测试市民政局", f"    subject: \"{FORMULAS[4]}\"")
    path.write_text(text, encoding="utf-8")


def test_csv_and_xlsx_cells_starting_like_a_formula_are_neutralised_and_read_back(data, tmp_path):
    _with_formula_values(data)
    project = load_project(data)
    assert project.report.errors == [], project.report.lines()
    before = snapshot(data)
    out = tmp_path / "x.xlsx"
    write_xlsx(project.model, out)
    book = load_workbook(out)  # not data_only: a formula would show as its "=…" text with data_type "f"
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert {c.data_type for c in cells} == {"s"}
    values = {c.value for c in cells}
    assert "'" + FORMULAS[0] in values and "'+1+2" in values and "'-2+3" in values and "'@SUM(A1)" in values
    assert "''=already quoted" in values
    assert not any(str(v).startswith(("=", "+", "-", "@", "\t")) for v in values)
    write_csv(project.model, tmp_path / "x.csv")
    rows = list(csv.reader((tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines(True)))
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows[1:] for cell in row)
    assert "'" + FORMULAS[0] in rows[1]
    assert import_workbook(out, data) == ([], [])  # the round trip restores every original value: no change
    assert snapshot(data) == before


def test_edited_formula_like_cell_is_read_back_as_the_text_typed(data, tmp_path):
    out = tmp_path / "x.xlsx"
    write_xlsx(load_project(data).model, out)
    book = load_workbook(out)
    sheet = book["社会组织管理"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("备注") + 1).value = "'-待核实"
    sheet.cell(2, header.index("备注") + 1).data_type = "s"
    book.save(out)
    errors, changes = import_workbook(out, data)
    assert errors == [] and any("备注" in c for c in changes)
    assert 'note: "-待核实"' in (data / "areas" / "zuzhi.yaml").read_text(encoding="utf-8") or \
        "note: -待核实" in (data / "areas" / "zuzhi.yaml").read_text(encoding="utf-8")


def test_a_control_character_never_reaches_openpyxl():
    """Rejected at load (tests/test_hostile_input.py); should one slip through, the cell gets U+FFFD, not a crash."""
    from lawmap.staff.xlsx_cells import neutralise, restore
    assert neutralise("甲\x0b乙") == "甲\ufffd乙"
    assert [restore(neutralise(v)) for v in ("=1", "'=1", "-", "正常")] == ["=1", "'=1", "-", "正常"]


def test_public_downloads_are_neutralised_too(data):
    """downloads/quanze-qingdan.csv and .xlsx, as the build publishes them."""
    import io
    from lawmap.exports import downloads
    from lawmap.exports.meta import Provenance
    _with_formula_values(data)
    model = load_project(data).model
    files = downloads.files(model, Provenance.of(model, data))
    text = files[downloads.CSV_PATH].decode("utf-8-sig")
    assert "'" + FORMULAS[0].replace('"', '""') in text and ",=" not in text and ",+" not in text and ",@" not in text
    book = load_workbook(io.BytesIO(files[downloads.XLSX_PATH]))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in cells} == {"s"} and "'" + FORMULAS[0] in {c.value for c in cells}
