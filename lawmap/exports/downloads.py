"""The 权责清单 downloads: CSV (UTF-8 with BOM, for Excel and WPS) and XLSX, the staff export's table with sub-items
by name. Links to them save under a Chinese file name (download_name: 遂宁市民政局权责清单.xlsx).

openpyxl stamps docProps/core.xml (modified, at save) and every zip entry with the clock; both are set to the build
date here, so two builds of one commit give the same bytes. openpyxl writes into an uncompressed zip, which the
restamping then compresses once.
"""
from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

from openpyxl.writer.excel import ExcelWriter

from ..model import Model
from ..staff.xlsx_export import table_rows, workbook, write_csv
from ..yamlsource import cyclic_gc_paused
from .meta import Provenance

CSV_PATH = "downloads/quanze-qingdan.csv"
XLSX_PATH = "downloads/quanze-qingdan.xlsx"


def csv_bytes(model: Model, table: list[list[str]] | None = None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="lawmap-csv-") as tmp:
        path = Path(tmp) / "list.csv"
        write_csv(model, path, public=True, table=table)
        return path.read_bytes()


@cyclic_gc_paused()  # two cells per power and column, all kept until saved: the GC would rescan the whole heap
def xlsx_bytes(model: Model, provenance: Provenance, table: list[list[str]] | None = None) -> bytes:
    book = workbook(model, public=True, table=table)
    when = provenance.build_time.replace(tzinfo=None)
    book.properties.created = book.properties.modified = when
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:  # compressed once, by _restamp
        ExcelWriter(book, archive).save()
    return _restamp(raw.getvalue(), when.timetuple()[:6], when.strftime("%Y-%m-%dT%H:%M:%SZ"))


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _restamp(data: bytes, date_time: tuple, stamp: str) -> bytes:
    """The same zip with every entry dated date_time (zip dates start in 1980) and core.xml modified = stamp."""
    date_time = max(date_time, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", body)
            dst.writestr(entry, body)
    return out.getvalue()


def files(model: Model, provenance: Provenance) -> dict[str, bytes]:
    table = table_rows(model, public=True)  # one table for both
    return {CSV_PATH: csv_bytes(model, table), XLSX_PATH: xlsx_bytes(model, provenance, table)}


def download_name(model: Model, path: str) -> str:
    """The file name a visitor's browser saves a download under: the agency's name + 权责清单 + the extension."""
    agency = model.agency.name if model.agency else ""
    return f"{agency}权责清单{Path(path).suffix}"
