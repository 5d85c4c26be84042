"""Safety around import-xlsx: a workbook is measured before it is unzipped, formula cells without a value are
refused, the errors shown are capped, and data/ files are written all or none (temporary files, then os.replace)."""
from __future__ import annotations

import os
import re
import stat
import tempfile
import zipfile
from pathlib import Path

MAX_FILE_BYTES = 20 * 1024 * 1024        # the bundled 权责清单 exports to about 100 KB
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024   # every member of the zip together, as its directory declares them
MAX_ROWS = 5000                          # per sheet
MAX_SHOWN_ERRORS = 50
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def preflight(path: Path) -> list[str]:
    """Problems found from the zip directory and each sheet's first bytes, before openpyxl unzips anything."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [f"{path}: 无法读取（{exc.strerror}）"]
    if size > MAX_FILE_BYTES:
        return [f"{path}: 文件过大（{size // 1024 // 1024} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）"]
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unzipped = sum(m.file_size for m in members)
            if unzipped > MAX_UNZIPPED_BYTES:
                return [f"{path}: 解压后有 {unzipped // 1024 // 1024} MB（上限 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB），"
                        "不像是权责清单工作簿，未读取"]
            return [problem for m in members if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")
                    for problem in _rows(archive, m, path)]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return [f"{path}: 无法打开工作簿（{exc}）；请保存为 .xlsx 格式"]


def _rows(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path) -> list[str]:
    with archive.open(member) as handle:
        head = handle.read(4096)  # <dimension> comes first in a sheet; only this much is inflated
    match = _DIMENSION.search(head)
    rows = int(match.group(1) or 1) if match else 0
    if rows > MAX_ROWS:
        return [f"{path}: 工作表 {member.filename.rsplit('/', 1)[-1]} 有 {rows} 行（上限 {MAX_ROWS} 行），未读取"]
    return []


def too_many_rows(book) -> list[str]:
    """The same limit on what openpyxl read (a sheet may lack or misstate its <dimension>)."""
    return [f"{sheet.title}!A{MAX_ROWS + 1}: 工作表超过 {MAX_ROWS} 行，未读取" for sheet in book.worksheets
            if sheet.max_row > MAX_ROWS]


def formulas_without_value(path: Path, book) -> list[str]:
    """Formula cells with no cached result (a workbook written by a program, never opened in Excel/WPS): reading
    them would silently empty the field."""
    from openpyxl import load_workbook
    formulas = load_workbook(path, data_only=False, read_only=True)
    errors = []
    try:
        for sheet in formulas.worksheets:
            values = book[sheet.title]
            for row in sheet.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "f" and values[cell.coordinate].value is None:
                        errors.append(f"{sheet.title}!{cell.coordinate}: 单元格是公式且没有计算结果；请在 Excel/WPS 中"
                                      "打开并保存，或把公式改为文字")
    finally:
        formulas.close()
    return errors


def capped(errors: list[str]) -> list[str]:
    """At most MAX_SHOWN_ERRORS lines, then how many more there are."""
    if len(errors) <= MAX_SHOWN_ERRORS:
        return errors
    return errors[:MAX_SHOWN_ERRORS] + [f"……另有 {len(errors) - MAX_SHOWN_ERRORS} 个错误未列出（共 {len(errors)} 个）"]


def _read_only(path: Path) -> bool:
    if not path.exists():
        return not os.access(path.parent, os.W_OK)
    return not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR


def write_all(texts: dict[Path, str]) -> list[str]:
    """Write every file or none: refuse if any target is read-only, else write temporary files beside the targets
    and move them into place; a failure before the moves leaves data/ untouched."""
    locked = [f"{path}: 文件是只读的，未写入任何文件（请先取消只读）" for path in texts if _read_only(Path(path))]
    if locked:
        return locked
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in texts.items():
            path = Path(path)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            if path.exists():
                os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
            staged.append((temp, path))
    except OSError as exc:
        for temp, _ in staged:
            os.unlink(temp)
        return [f"{exc.filename or ''}: 写入失败（{exc.strerror}），未写入任何文件"]
    for temp, path in staged:
        os.replace(temp, path)
    return []
