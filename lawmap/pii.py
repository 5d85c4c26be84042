"""PII guard: finds 身份证号, mobile numbers, bank-card numbers and personal addresses in data and in the built site.

One scanner serves `lawmap check` (every data file, lawmap.privacy) and the build (every page, the search index,
every exported file), so nothing with a citizen's personal data can be published. Numbers are found however they are
written (lawmap.pii_numbers). The bureau's published numbers and address (agency.yaml) are allowed through.
"""
from __future__ import annotations

import gzip
import html
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterable

from .pii_numbers import BANK_CARD, ID_CARD, MOBILE, find_numbers, luhn_ok, plausible_id  # noqa: F401

ADDRESS = "个人住址"

_HAN = r"[\u4e00-\u9fff]"
_ADDRESS_RES = [
    # 某某路 12 号（3 栋 2 单元 501 室）
    re.compile(_HAN + r"{1,12}(?:路|街|大道|巷|胡同|弄)\s*\d+\s*号(?:院)?(?:\s*\d+\s*(?:栋|幢|号楼))?(?:\s*\d+\s*单元)?"
               r"(?:\s*\d+\s*(?:室|号|楼))?"),
    # 3 栋 2 单元 501 室 / 5 幢 302 室
    re.compile(r"\d+\s*(?:栋|幢|号楼)\s*(?:\d+\s*单元\s*)?\d+\s*(?:室|号)"),
    # 某某村 3 组 12 号
    re.compile(r"(?:" + _HAN + r"{1,8}村)?\d+\s*(?:组|社)\s*\d+\s*号"),
    # 家庭住址：… / 住址：…
    re.compile(r"(?:家庭住址|家庭地址|现住址|户籍地址|住址)\s*[:：]\s*" + _HAN + r"[^\s<>\"',，。;；]{2,}"),
]
# Cheap necessary conditions, searched first: the address patterns each need their marker next to a digit. Pages
# are mostly Chinese text, so the slower patterns run only where they could match.
_ADDRESS_HINTS = [re.compile(r"[路街道巷同弄]\s*\d"), re.compile(r"栋|幢|号楼"), re.compile(r"[组社]\s*\d"), None]
TEXT_SUFFIXES = {".html", ".htm", ".json", ".geojson", ".csv", ".tsv", ".txt", ".xml", ".md", ".yaml", ".yml"}
SCANNED_SUFFIXES = TEXT_SUFFIXES | {".xlsx", ".pf_fragment"}
_XML_TAG = re.compile(r"<[^>]*>")
SKIPPED_DIRS = ("assets/javascripts", "assets/stylesheets", "assets/images")


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    line: int
    col: int
    where: str = ""  # for structured files: the JSON path or the sheet!cell

    def masked(self) -> str:
        """The match with its middle hidden, so the build log does not republish it."""
        t = self.text
        keep = 3 if len(t) > 8 else 1
        return t[:keep] + "*" * max(len(t) - 2 * keep, 1) + t[-keep:]


def _digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", unicodedata.normalize("NFKC", text).upper())


class Allowed:
    """What may appear although it looks personal, as declared in agency.yaml: the bureau's published office phones
    (`phone`), organisations' 统一社会信用代码 and other published numbers (`public_numbers`), its own address."""

    def __init__(self, phones: Iterable[str] = (), addresses: Iterable[str] = ()):
        self.phones = {_digits(p) for p in phones if _digits(p)}
        self.addresses = [a for a in addresses if a]

    @classmethod
    def from_agency(cls, agency_data: dict | None) -> "Allowed":
        data = agency_data if isinstance(agency_data, dict) else {}
        numbers = [p.get("number", "") for key in ("phone", "public_numbers") for p in data.get(key) or []
                   if isinstance(p, dict) and isinstance(p.get("number", ""), str)]
        address = data.get("address", "")
        return cls(numbers, [address] if isinstance(address, str) else [])

    def phone(self, text: str) -> bool:
        digits = _digits(text)
        return digits in self.phones or (digits.startswith("86") and digits[2:] in self.phones)

    def address_spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for address in self.addresses:
            start = text.find(address)
            while start >= 0:
                spans.append((start, start + len(address)))
                start = text.find(address, start + 1)
        return spans


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def scan_text(text: str, allowed: Allowed | None = None) -> list[Finding]:
    """Every piece of personal data in text, with its 1-based line and column."""
    allowed = allowed or Allowed()
    hits: list[tuple[int, int, str]] = list(find_numbers(text, allowed.phone))
    own = allowed.address_spans(text)
    for pattern, hint in zip(_ADDRESS_RES, _ADDRESS_HINTS):
        if hint is not None and not hint.search(text):
            continue
        for m in pattern.finditer(text):
            if not _inside(m.span(), own):
                hits.append((m.start(), m.end(), ADDRESS))
    return _findings(text, hits)


def _findings(text: str, hits: list[tuple[int, int, str]]) -> list[Finding]:
    """One finding per place: an 18-digit ID that also passes Luhn is reported once, as an ID."""
    taken: list[tuple[int, int]] = []
    findings = []
    for start, end, kind in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        findings.append(Finding(kind, text[start:end], *_line_col(text, start)))
    return findings


def _json_strings(value, path: str = "$"):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


def scan_json(raw: str, allowed: Allowed | None = None) -> list[Finding]:
    """JSON (e.g. the search index, which escapes Chinese as \\uXXXX): scan each decoded string, keep its path.

    The strings are first scanned together, one per line (no number runs across a line break): only when that finds
    something is each string scanned on its own, for its exact path."""
    try:
        data = json.loads(raw)
    except ValueError:
        return scan_text(raw, allowed)
    strings = list(_json_strings(data))
    if not scan_text("\n".join(value for _, value in strings), allowed):
        return []
    findings = []
    for path, value in strings:
        for f in scan_text(value, allowed):
            line = raw.count("\n", 0, max(raw.find(f.text), 0)) + 1
            findings.append(Finding(f.kind, f.text, line, 1, path))
    return findings


def _xlsx_text(source: Path | BinaryIO) -> str:
    """Every cell's text of a workbook, one per line, read straight from its XML parts (shared and inline strings,
    values): a quick first pass, so openpyxl reads the workbook only when that finds something."""
    with zipfile.ZipFile(source) as book:
        parts = [book.read(n).decode("utf-8", errors="replace") for n in book.namelist()
                 if n.startswith("xl/") and n.endswith(".xml") and ("sharedStrings" in n or "/worksheets/" in n)]
    return "\n".join(html.unescape(_XML_TAG.sub("\n", part)) for part in parts)


def scan_xlsx(source: Path | BinaryIO, allowed: Allowed | None = None) -> list[Finding]:
    """Every finding with its sheet!cell."""
    if not scan_text(_xlsx_text(source), allowed):
        return []
    if not isinstance(source, Path):
        source.seek(0)
    from openpyxl import load_workbook
    findings = []
    workbook = load_workbook(source, read_only=True, data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    for f in scan_text(str(cell.value), allowed):
                        findings.append(Finding(f.kind, f.text, cell.row, cell.column, f"{sheet.title}!{cell.coordinate}"))
    workbook.close()
    return findings


def scan_file(path: Path, allowed: Allowed | None = None) -> list[Finding]:
    return scan_bytes(path.name, path.read_bytes(), allowed)


def scan_bytes(name: str, data: bytes, allowed: Allowed | None = None) -> list[Finding]:
    """A published file's content, read by its name's suffix (the build scans files as it produces them)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".xlsx":
        return scan_xlsx(io.BytesIO(data), allowed)
    if suffix == ".pf_fragment":  # a Pagefind search result: gzip of "pagefind_dcd" + JSON, words split by U+200B
        raw = gzip.decompress(data).decode("utf-8", errors="replace")
        return scan_json(raw.removeprefix("pagefind_dcd").replace("\u200b", ""), allowed)
    raw = data.decode("utf-8", errors="replace")
    if suffix in (".json", ".geojson"):
        return scan_json(raw, allowed)
    if suffix in (".html", ".htm", ".xml"):
        return scan_html(raw, allowed)
    return scan_text(raw, allowed)


def scan_html(raw: str, allowed: Allowed | None = None) -> list[Finding]:
    """A page as a browser shows its text: pages write "-" as &#45; (entities hold no newlines: lines stay put)."""
    return scan_text(html.unescape(raw), allowed)


def site_files(site_dir: Path) -> list[Path]:
    """Every published file that carries content: pages, the search index, exports (theme assets excluded)."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not rel.startswith(SKIPPED_DIRS) and path.suffix.lower() in SCANNED_SUFFIXES:
            files.append(path)
    return files


def scan_site(site_dir: str | Path, allowed: Allowed | None = None) -> list[tuple[str, Finding]]:
    """(file relative to site_dir, finding) for every piece of personal data in the built site."""
    site_dir = Path(site_dir)
    return [(path.relative_to(site_dir).as_posix(), f) for path in site_files(site_dir) for f in scan_file(path, allowed)]


def describe(file: str, finding: Finding) -> str:
    where = f"（{finding.where}）" if finding.where else ""
    return f"{file}:{finding.line}:{finding.col}: error: 含有未脱敏的{finding.kind} {finding.masked()}{where}，不得公开"
