"""`python -m lawmap export-xlsx OUT.xlsx`: the 权责清单 in the standard column layout, one sheet per area plus a 总表.

Plain openpyxl (frozen header, wrapped text, widths, an auto filter) so that Excel and WPS open it cleanly; every
cell is text, so codes and dates are not turned into numbers. The same rows are the open data CSV/XLSX:
`table_rows(model)`, `write_csv(model, path)`, `write_xlsx(model, path)`. `lawmap.staff.xlsx_import` reads it back.
"""
from __future__ import annotations

import csv
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..loader import load_project
from ..model import Area, Model
from .xlsx_cells import AREA_HEADER, COLUMNS, NUMBER_HEADER, Context, neutralise

SUMMARY_SHEET = "总表"
READ_ONLY_FILL = PatternFill("solid", fgColor="EEEEEE")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_title(area: Area) -> str:
    """The area's sheet: its name as Excel allows it (≤31 characters, no []:*?/\\)."""
    return area.name.translate(_BAD_SHEET_CHARS)[:31]


def headers(with_area: bool) -> list[str]:
    return [NUMBER_HEADER] + ([AREA_HEADER] if with_area else []) + [c.header for c in COLUMNS]


def table_rows(model: Model, public: bool = False) -> list[list[str]]:
    """The 总表 as a list of rows of text, header first: 序号, 业务领域, then the 权责清单 columns; every cell as
    neutralise() writes it (a value starting with = + - @ gets a leading ' , which the import takes off again).
    public: the published download (sub-items by name, see Context)."""
    ctx, rows, number = Context(model, public), [headers(True)], 0
    for area in model.areas:
        for power in area.powers:
            number += 1
            rows.append([str(number), neutralise(area.name)] + [neutralise(c.format(power, ctx)) for c in COLUMNS])
    return rows


def write_csv(model: Model, path: str | Path, public: bool = False, table: list[list[str]] | None = None) -> None:
    """The 总表 as CSV, UTF-8 with BOM so that Excel and WPS detect the encoding (`table`: table_rows, if at hand)."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(table or table_rows(model, public))


def _fill_sheet(sheet, header: list[str], rows: list[list[str]]) -> None:
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    read_only = {i for i, h in enumerate(header, 1) if h == NUMBER_HEADER or h.endswith("（只读）")}
    widths = {NUMBER_HEADER: 6, AREA_HEADER: 14} | {c.header: c.width for c in COLUMNS}
    for index, name in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(index)].width = widths[name]
    styles: dict[str, object] = {}  # per kind of cell: its style, set on the first such cell and copied to the rest
    for row in sheet.iter_rows():
        for cell in row:
            cell.data_type = "s"  # text, whatever it looks like: openpyxl would store "=…" as a formula
            kind = "header" if cell.row == 1 else "read-only" if cell.column in read_only else "text"
            if kind not in styles:
                _style(cell, kind)
                styles[kind] = cell._style
            cell._style = copy(styles[kind])  # what setting each attribute gives, without hashing styles per cell
    sheet.freeze_panes = "D2" if AREA_HEADER not in header else "E2"
    sheet.auto_filter.ref = sheet.dimensions


def _style(cell, kind: str) -> None:
    """Wrapped text-format cells; the header bold on blue, read-only columns grey."""
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.number_format = "@"
    if kind == "header":
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    elif kind == "read-only":
        cell.fill = READ_ONLY_FILL


def workbook(model: Model, public: bool = False, table: list[list[str]] | None = None) -> Workbook:
    """总表 first, then one sheet per area in the areas' order (public: the published download, see Context); an
    area's sheet is its part of the 总表 (`table`: table_rows, if at hand) numbered anew, without the area column."""
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    table = table or table_rows(model, public)
    _fill_sheet(summary, table[0], table[1:])
    start = 1
    for area in model.areas:
        rows = table[start:start + len(area.powers)]
        start += len(area.powers)
        _fill_sheet(book.create_sheet(sheet_title(area)), headers(False),
                    [[str(n)] + row[2:] for n, row in enumerate(rows, 1)])
    return book


def write_xlsx(model: Model, path: str | Path) -> None:
    workbook(model).save(str(path))


def cmd_export(args) -> int:
    project = load_project(args.data_dir)
    if project.report.errors:
        print("\n".join(project.report.lines()))
        print("数据有错误，未导出；请先改正（python -m lawmap check）")
        return 1
    write_xlsx(project.model, args.out)
    print(f"已导出 {len(project.model.powers)} 项事项到 {args.out}（{len(project.model.areas)} 个领域工作表 + 总表）")
    return 0


def register(sub) -> None:
    cmd = sub.add_parser("export-xlsx", help="导出权责清单 Excel（每个领域一个工作表，另有总表）")
    cmd.add_argument("out", help="输出文件，如 权责清单.xlsx")
    cmd.add_argument("--data-dir", default="data")
    cmd.set_defaults(func=cmd_export)
