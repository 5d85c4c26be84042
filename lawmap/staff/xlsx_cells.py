"""The 权责清单 columns: how each power field is written into a cell, and how a staff member's cell is read back.

Format and parse sit side by side so that parse(format(x)) == x for every field the sheet carries; the export,
the CSV/XLSX open data and the import all use these columns.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..citation import At, parse_at
from ..model import Model, Power, Ref
from ..vocab import BASIS_KINDS, LEVELS, SOURCES, STAGES, STATUSES
from ..vocab import POWER_TYPES as TYPES

LIMIT_LABELS = {"法定": "legal", "承诺": "promised"}


class CellError(ValueError):
    """A cell that cannot be read; the message is shown after the cell's address."""


@dataclass
class Context:
    """What cells are written and read against: law titles and office names. `public`: the published download, where
    sub-items are listed by name only (their [id] keys matter only to staff re-importing the sheet)."""

    model: Model
    public: bool = False

    def office_name(self, office_id: str) -> str:
        agency = self.model.agency
        office = agency.offices.get(office_id) if agency else None
        return office.name if office else office_id

    def office_id(self, text: str) -> str:
        agency = self.model.agency
        offices = agency.offices.values() if agency else []
        for office in offices:
            if text in (office.id, office.name):
                return office.id
        names = "、".join(o.name for o in offices)
        raise CellError(f"没有名为“{text}”的承办机构（可填：{names}）")

    def law(self, name: str):
        """A law by full title, title without 中华人民共和国, short name or id."""
        for law in self.model.laws.values():
            if name in (law.title, law.short, law.id, law.title.removeprefix("中华人民共和国")):
                return law
        raise CellError(f"data/laws/ 中没有《{name}》（写全称或简称，如《社会团体登记管理条例》）")


# ---- citations -------------------------------------------------------------------------------------------------

def format_ref(ref: Ref, ctx: Context, kind_default: str | None = None) -> str:
    """《title》（version, only when the law has several）第…条 [kind]（注：note）"""
    law = ctx.model.laws.get(ref.law_id)
    title = law.title if law else ref.law_id
    version = f"（{ref.version_id}）" if law is None or len(law.versions) > 1 else ""
    at = ref.at.chinese() if ref.at else str(ref.raw_at)
    kind = f" [{ref.kind}]" if ref.kind and ref.kind != kind_default else ""
    note = f"（注：{ref.note}）" if ref.note else ""
    return f"《{title}》{version}{at}{kind}{note}"


@dataclass(frozen=True)
class RefValue:
    """A citation read from a cell: law id, version id, where, and for a basis its kind and note."""

    law: str
    version: str
    at: At
    kind: str | None = None
    note: str | None = None


_VERSION = re.compile(r"^[（(](\d{4}-\d{2}-\d{2})[）)]")


def parse_ref(line: str, ctx: Context, kind_default: str | None = None) -> RefValue:
    """Read one citation line; kind_default None means a plain reference (no kind, no note allowed)."""
    text = line.strip()
    match = re.match(r"^《([^》]+)》", text)
    if not match:
        raise CellError(f"依据“{text}”应以《法规名称》开头，如《社会团体登记管理条例》第三十条第一款第（四）项")
    law, rest = ctx.law(match.group(1).strip()), text[match.end():].strip()
    note = kind = None
    if "（注：" in rest and rest.endswith("）"):
        rest, note = rest[:-1].rsplit("（注：", 1)
        note, rest = note.strip() or None, rest.strip()
    bracket = re.search(r"[\[【]([^\]】]*)[\]】]$", rest)
    if bracket:
        kind, rest = bracket.group(1).strip(), rest[:bracket.start()].strip()
    version, rest = _version(law, rest)
    try:
        at = parse_at(rest)
    except ValueError as exc:
        raise CellError(str(exc)) from None
    if kind_default is None:
        if kind or note:
            raise CellError(f"“{text}”：此处的依据不写种类和注")
        return RefValue(law.id, version, at)
    kind = kind or kind_default
    if kind not in BASIS_KINDS:
        raise CellError(f"依据种类“{kind}”不认识（可填：{'、'.join(BASIS_KINDS)}）")
    return RefValue(law.id, version, at, kind, note)


def _version(law, rest: str) -> tuple[str, str]:
    match = _VERSION.match(rest)
    if match:
        if match.group(1) not in law.versions:
            raise CellError(f"《{law.title}》没有 {match.group(1)} 版本（已有：{'、'.join(law.versions)}）")
        return match.group(1), rest[match.end():].strip()
    if len(law.versions) == 1:
        return next(iter(law.versions)), rest
    raise CellError(f"《{law.title}》有多个版本，请在书名号后写明版本，如《{law.title}》（{max(law.versions)}）")


def ref_value(ref: Ref) -> RefValue:
    """The value a data citation stands for, comparable with one read from a cell."""
    return RefValue(ref.law_id, ref.version_id, ref.at, ref.kind, ref.note)


# ---- one function pair per kind of cell ----------------------------------------------------------------------

def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def required(text: str) -> str:
    if not text.strip():
        raise CellError("不能为空")
    return text.strip()


def optional(text: str) -> str | None:
    return text.strip() or None


def choice(options: list[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = required(text)
        if value not in options:
            raise CellError(f"“{value}”不是可选值（可填：{' / '.join(options)}）")
        return value
    return parse


def parse_date(text: str) -> str | None:
    value = optional(text)
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise CellError(f"日期“{value}”应写成 2024-01-31 的形式") from None
    return value


def parse_yes_no(text: str) -> bool:
    value = required(text)
    if value not in ("是", "否"):
        raise CellError(f"“{value}”应填 是 或 否")
    return value == "是"


def format_subitems(power: Power, ctx: Context) -> str:
    if ctx.public:
        return "\n".join(s.name for s in power.subitems)
    return "\n".join(f"{s.name} [{s.id}]" for s in power.subitems)


def parse_subitems(text: str, ctx: Context) -> list[tuple[str | None, str]]:
    """[(id or None for a new line, name)]"""
    result = []
    for line in lines(text):
        match = re.match(r"^(.*?)\s*\[([^\]]*)\]$", line)
        name, sub_id = (match.group(1), match.group(2).strip()) if match else (line, None)
        if sub_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", sub_id):
            raise CellError(f"子项编号“{sub_id}”只能用小写字母、数字和连字符（新子项可不写编号）")
        if not name.strip():
            raise CellError(f"子项“{line}”缺少名称")
        result.append((sub_id, name.strip()))
    return result


def format_bases(kinds: str) -> Callable[[Power, Context], str]:
    """设定依据 column: bases of kind 设定依据; 实施依据 column: all others, each tagged with its kind."""
    def fmt(power: Power, ctx: Context) -> str:
        chosen = [r for r in power.bases if (r.kind == "设定依据") == (kinds == "设定依据")]
        return "\n".join(format_ref(r, ctx, kinds) for r in chosen)
    return fmt


def parse_bases(kinds: str) -> Callable[[str, Context], list[RefValue]]:
    def parse(text: str, ctx: Context) -> list[RefValue]:
        return [parse_ref(line, ctx, kinds) for line in lines(text)]
    return parse


def format_texts(power: Power, ctx: Context) -> str:
    """The quoted article text of every basis (read-only column)."""
    blocks = [f"{format_ref(r, ctx, r.kind)}\n{r.quoted_text()}" for r in power.bases if r.quoted_text()]
    text = "\n\n".join(blocks)
    return text if len(text) < 32000 else text[:32000] + "……"


def format_responsibilities(power: Power, ctx: Context) -> str:
    out = []
    for resp in power.responsibilities:
        out.append(f"{resp.stage}：{resp.duty}")
        out.extend(f"  {format_ref(r, ctx)}" for r in resp.bases)
    return "\n".join(out)


def parse_responsibilities(text: str, ctx: Context) -> list[tuple[str, str, tuple[RefValue, ...]]]:
    """Lines 阶段：职责, each followed by its citation lines 《…》第…条."""
    result: list[list] = []
    for line in lines(text):
        if line.startswith("《"):
            if not result:
                raise CellError(f"依据“{line}”前面缺少“阶段：职责”一行")
            result[-1][2].append(parse_ref(line, ctx))
            continue
        match = re.match(r"^([^：:]+)[：:](.+)$", line)
        if not match or match.group(1).strip() not in STAGES:
            raise CellError(f"“{line}”应写成“阶段：职责”，阶段可填：{'、'.join(STAGES)}")
        result.append([match.group(1).strip(), match.group(2).strip(), []])
    if not result:
        raise CellError("至少要有一项责任事项（阶段：职责）")
    return [(stage, duty, tuple(refs)) for stage, duty, refs in result]


def parse_cases(text: str, ctx: Context) -> list[str]:
    cases = lines(text)
    if not cases:
        raise CellError("至少要有一种追责情形（每行一种）")
    return cases


def parse_refs(text: str, ctx: Context) -> list[RefValue]:
    refs = [parse_ref(line, ctx) for line in lines(text)]
    if not refs:
        raise CellError("至少要有一条依据（每行一条）")
    return refs


def format_time_limit(power: Power, ctx: Context) -> str:
    labels = {v: k for k, v in LIMIT_LABELS.items()}
    limit = power.time_limit.to_json()
    return "\n".join(f"{labels[key]}：{limit[key]}" for key in ("legal", "promised") if key in limit)


def parse_time_limit(text: str, ctx: Context) -> dict:
    result = {}
    for line in lines(text):
        match = re.match(r"^(法定|承诺)[：:](.+)$", line)
        if not match:
            raise CellError(f"“{line}”应写成“法定：二十日”或“承诺：十日”")
        result[LIMIT_LABELS[match.group(1)]] = match.group(2).strip()
    if "legal" not in result:
        raise CellError("须写明法定时限（法定：……；没有的写“法定：无”）")
    return result


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    format: Callable[[Power, Context], str]
    parse: Callable[[str, Context], object] | None = None  # None: a column the import does not read


def _field(get: Callable[[Power], object]) -> Callable[[Power, Context], str]:
    return lambda power, ctx: "" if get(power) is None else str(get(power))


def _plain(parse: Callable[[str], object]) -> Callable[[str, Context], object]:
    return lambda text, ctx: parse(text)


COLUMNS = [
    Column("事项编码", 16, _field(lambda p: p.code)),
    Column("事项名称", 24, _field(lambda p: p.name), _plain(required)),
    Column("子项", 24, format_subitems, parse_subitems),
    Column("事项类型", 10, _field(lambda p: p.type), _plain(choice(TYPES))),
    Column("行使层级", 8, _field(lambda p: p.level), _plain(choice(LEVELS))),
    Column("实施主体", 14, _field(lambda p: p.subject), _plain(required)),
    Column("承办机构", 14, lambda p, ctx: ctx.office_name(p.office_id), lambda text, ctx: ctx.office_id(required(text))),
    Column("设定依据", 36, format_bases("设定依据"), parse_bases("设定依据")),
    Column("实施依据", 36, format_bases("实施依据"), parse_bases("实施依据")),
    Column("依据条文（只读）", 50, format_texts),
    Column("是否依申请", 8, lambda p, ctx: "是" if p.on_application else "否", _plain(parse_yes_no)),
    Column("责任事项", 48, format_responsibilities, parse_responsibilities),
    Column("追责对象", 18, _field(lambda p: p.accountability["targets"]), _plain(required)),
    Column("追责情形", 30, lambda p, ctx: "\n".join(p.accountability["cases"]), parse_cases),
    Column("追责依据", 32, lambda p, ctx: "\n".join(format_ref(r, ctx) for r in p.accountability_bases), parse_refs),
    Column("办理时限", 16, format_time_limit, parse_time_limit),
    Column("收费", 10, _field(lambda p: p.fee), _plain(required)),
    Column("状态", 8, _field(lambda p: p.status), _plain(choice(STATUSES))),
    Column("调整日期", 12, _field(lambda p: p.adjusted_on), _plain(parse_date)),
    Column("来源", 8, _field(lambda p: p.source), _plain(choice(SOURCES))),
    Column("备注", 24, _field(lambda p: p.note), _plain(optional)),
]
NUMBER_HEADER, AREA_HEADER = "序号", "业务领域"


# OWASP CSV injection: a cell starting with one of these is a formula (or DDE) in Excel, WPS and LibreOffice
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what the xlsx format cannot hold (rejected at load anyway)


def neutralise(text: str) -> str:
    """A cell's text as written to CSV/XLSX: never a formula (prefixed with ' ), never a character xlsx refuses."""
    text = _ILLEGAL.sub("\ufffd", text)
    return "'" + text if text.startswith(FORMULA_STARTS) or _neutralised(text) else text


def _neutralised(text: str) -> bool:
    return text.startswith("'") and text[1:].startswith(FORMULA_STARTS + ("'",))


def restore(text: str) -> str:
    """The value neutralise() was given: the import reads '=… back as =…."""
    return text[1:] if _neutralised(text) else text


def normalise(value) -> str:
    """A cell as text, the way both sides of a comparison see it: numbers and dates as typed, line ends unified."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
