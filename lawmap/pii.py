"""PII guard: finds 身份证号, mobile numbers, bank-card numbers and personal addresses in data and in the built site.

One scanner serves `lawmap check` (disclosure data files) and the build (every page, the search index, every
exported file), so nothing with a citizen's personal data can be published. The bureau's own office phones and
address (agency.yaml) are allowed through.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

ID_CARD = "身份证号"
MOBILE = "手机号码"
BANK_CARD = "银行卡号"
ADDRESS = "个人住址"

_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"
_ID_RE = re.compile(_NOT_ALNUM_BEFORE + r"[1-9]\d{16}[0-9Xx]" + _NOT_ALNUM_AFTER)
_MOBILE_RE = re.compile(_NOT_ALNUM_BEFORE + r"(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}" + _NOT_ALNUM_AFTER)
_BANK_RE = re.compile(_NOT_ALNUM_BEFORE + r"\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?" + _NOT_ALNUM_AFTER)
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
# Cheap necessary conditions, searched first: a page without a 7-digit run (even with one space or hyphen) holds no
# ID, mobile or bank number; the address patterns each need their marker next to a digit. Pages are mostly Chinese
# text, so the slow patterns (lookbehind at every position) run only where they could match: 3-4× faster.
_NUMBER_HINT = re.compile(r"\d{3}[ -]?\d{4}")
_ADDRESS_HINTS = [re.compile(r"[路街道巷同弄]\s*\d"), re.compile(r"栋|幢|号楼"), re.compile(r"[组社]\s*\d"), None]
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
TEXT_SUFFIXES = {".html", ".htm", ".json", ".geojson", ".csv", ".tsv", ".txt", ".xml", ".md", ".yaml", ".yml"}
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


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999 check digit (ISO 7064 MOD 11-2) and a real birth date."""
    if not re.fullmatch(r"\d{17}[0-9Xx]", number):
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not dt.date(1900, 1, 1) <= born <= dt.date.today():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class Allowed:
    """What may appear although it looks personal: the bureau's office phones and its own address."""

    def __init__(self, phones: Iterable[str] = (), addresses: Iterable[str] = ()):
        self.phones = {_digits(p) for p in phones if _digits(p)}
        self.addresses = [a for a in addresses if a]

    @classmethod
    def from_agency(cls, agency_data: dict | None) -> "Allowed":
        data = agency_data or {}
        phones = [p.get("number", "") for p in data.get("phone", [])]
        return cls(phones, [data.get("address", "")])

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
    hits: list[tuple[int, int, str]] = []
    numbers = _NUMBER_HINT.search(text) is not None
    for m in _ID_RE.finditer(text) if numbers else ():
        if id_checksum_ok(m.group()):
            hits.append((m.start(), m.end(), ID_CARD))
    for m in _MOBILE_RE.finditer(text) if numbers else ():
        if not allowed.phone(m.group()):
            hits.append((m.start(), m.end(), MOBILE))
    for m in _BANK_RE.finditer(text) if numbers else ():
        digits = _digits(m.group())
        if 16 <= len(digits) <= 19 and luhn_ok(digits) and not allowed.phone(digits):
            hits.append((m.start(), m.end(), BANK_CARD))
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
    """JSON (e.g. the search index, which escapes Chinese as \\uXXXX): scan each decoded string, keep its path."""
    try:
        data = json.loads(raw)
    except ValueError:
        return scan_text(raw, allowed)
    findings = []
    for path, value in _json_strings(data):
        for f in scan_text(value, allowed):
            line = raw.count("\n", 0, max(raw.find(f.text), 0)) + 1
            findings.append(Finding(f.kind, f.text, line, 1, path))
    return findings


def scan_xlsx(path: Path, allowed: Allowed | None = None) -> list[Finding]:
    from openpyxl import load_workbook
    findings = []
    workbook = load_workbook(path, read_only=True, data_only=True)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    for f in scan_text(str(cell.value), allowed):
                        findings.append(Finding(f.kind, f.text, cell.row, cell.column, f"{sheet.title}!{cell.coordinate}"))
    workbook.close()
    return findings


def scan_file(path: Path, allowed: Allowed | None = None) -> list[Finding]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return scan_xlsx(path, allowed)
    raw = path.read_text(encoding="utf-8", errors="replace")
    if suffix in (".json", ".geojson"):
        return scan_json(raw, allowed)
    if suffix in (".html", ".htm", ".xml"):
        # pages write "-" as &#45;: read the text as a browser shows it (entities hold no newlines, lines stay put)
        raw = "\n".join(html.unescape(line) for line in raw.split("\n"))
    return scan_text(raw, allowed)


def site_files(site_dir: Path) -> list[Path]:
    """Every published file that carries content: pages, the search index, exports (theme assets excluded)."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_file() and not rel.startswith(SKIPPED_DIRS) and path.suffix.lower() in TEXT_SUFFIXES | {".xlsx"}:
            files.append(path)
    return files


def scan_site(site_dir: str | Path, allowed: Allowed | None = None) -> list[tuple[str, Finding]]:
    """(file relative to site_dir, finding) for every piece of personal data in the built site."""
    site_dir = Path(site_dir)
    return [(path.relative_to(site_dir).as_posix(), f) for path in site_files(site_dir) for f in scan_file(path, allowed)]


def describe(file: str, finding: Finding) -> str:
    where = f"（{finding.where}）" if finding.where else ""
    return f"{file}:{finding.line}:{finding.col}: error: 含有未脱敏的{finding.kind} {finding.masked()}{where}，不得公开"
