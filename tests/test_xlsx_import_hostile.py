"""import-xlsx with sloppy and hostile workbooks: all files or none, limits checked before unzipping, capped error
lists, formula cells without a value refused by cell name, YAML 1.1 words kept as text."""
from __future__ import annotations

import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from snapshots import snapshot
from openpyxl import load_workbook

from lawmap.staff import xlsx_guard
from lawmap.loader import load_project
from lawmap.staff.xlsx_export import write_xlsx
from lawmap.staff.xlsx_import import import_workbook

ROOT = Path(__file__).resolve().parent.parent
SHEET = "社会组织管理"


def exported(data: Path, out: Path) -> Path:
    write_xlsx(load_project(data).model, out)
    return out


def edit(path: Path, sheet: str, changes: dict[tuple[int, str], object]) -> None:
    book = load_workbook(path)
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    for (row, column), value in changes.items():
        ws.cell(row, header.index(column) + 1).value = value
    book.save(path)


def cli_import(workbook: Path, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawmap", "import-xlsx", str(workbook), "--data-dir", str(data)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_yaml_1_1_words_typed_in_cells_are_written_quoted_and_read_back_as_text(data, tmp_path):
    book = exported(data, tmp_path / "x.xlsx")
    edit(book, SHEET, {(2, "收费"): "no", (2, "备注"): "on", (2, "实施主体"): "Yes"})
    assert import_workbook(book, data)[0] == []
    text = (data / "areas" / "zuzhi.yaml").read_text(encoding="utf-8")
    assert 'fee: "no"' in text and 'note: "on"' in text and 'subject: "Yes"' in text
    power = load_project(data).model.power("T-CF-001")
    assert (power.fee, power.note, power.subject) == ("no", "on", "Yes")


def test_a_read_only_target_is_found_before_anything_is_written(tmp_path, monkeypatch):
    """Two area files change; the second is read-only: neither is written."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    for part in ("laws", "areas"):
        shutil.copytree(ROOT / "data" / part, data / part)
    shutil.copy(ROOT / "data" / "agency.yaml", data)
    model = load_project(data).model
    first, second = model.areas[0], model.areas[1]
    book = exported(data, tmp_path / "x.xlsx")
    from lawmap.staff.xlsx_export import sheet_title
    edit(book, sheet_title(first), {(2, "备注"): "第一处修改"})
    edit(book, sheet_title(second), {(2, "备注"): "第二处修改"})
    locked = Path(second.file)
    locked.chmod(0o444)
    before = snapshot(data)
    try:
        errors, changes = import_workbook(book, data)
    finally:
        locked.chmod(0o644)
    assert changes == [] and len(errors) == 1 and errors[0].endswith("文件是只读的，未写入任何文件（请先取消只读）")
    assert errors[0].startswith(str(locked))
    assert snapshot(data) == before
    assert not [p for p in data.rglob("*.tmp")]


def test_write_all_moves_temporary_files_into_place_keeping_the_mode(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("a: 1\n")
    a.chmod(0o640)
    assert xlsx_guard.write_all({a: "a: 2\n", b: "b: 1\n"}) == []
    assert (a.read_text(), b.read_text()) == ("a: 2\n", "b: 1\n")
    assert stat.S_IMODE(a.stat().st_mode) == 0o640 and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_zip_bomb_is_refused_from_its_directory_before_unzipping(data, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(xlsx_guard.MAX_UNZIPPED_BYTES // len(chunk) + 1):
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    errors, changes = import_workbook(bomb, data)
    assert changes == [] and len(errors) == 1 and "解压后有 101 MB（上限 100 MB）" in errors[0] and "未读取" in errors[0]


def test_a_sheet_with_200000_rows_is_refused_before_loading(data, tmp_path):
    book = exported(data, tmp_path / "x.xlsx")
    wb = load_workbook(book)
    wb[SHEET].cell(200_000, 2).value = "T-X"
    wb.save(book)
    errors, changes = import_workbook(book, data)
    assert changes == [] and errors and "有 200000 行（上限 5000 行），未读取" in errors[0]


def test_at_most_50_errors_are_printed_then_a_count(data, tmp_path):
    book = exported(data, tmp_path / "x.xlsx")
    edit(book, SHEET, {(row, "事项编码"): f"坏编码{row}" for row in range(3, 83)})
    done = cli_import(book, data)
    lines = done.stdout.splitlines()
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(lines) == 51 and lines[-1] == "……另有 30 个错误未列出（共 80 个）"
    assert lines[0].startswith(f"{SHEET}!B3: 事项编码“坏编码3”")


def test_a_formula_cell_without_a_cached_value_is_refused_by_its_cell_name(data, tmp_path):
    book = exported(data, tmp_path / "x.xlsx")
    edit(book, SHEET, {(2, "备注"): "=1+1"})  # openpyxl stores the formula without computing it
    before = snapshot(data)
    errors, changes = import_workbook(book, data)
    header = [c.value for c in load_workbook(book)[SHEET][1]]
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[header.index("备注")]
    assert changes == [] and errors == [f"{SHEET}!{letter}2: 单元格是公式且没有计算结果；请在 Excel/WPS 中打开并保存，或把公式改为文字"]
    assert snapshot(data) == before


def test_a_workbook_that_is_not_a_zip_is_one_line(data, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    done = cli_import(bad, data)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.strip().endswith("无法打开工作簿（File is not a zip file）；请保存为 .xlsx 格式")
