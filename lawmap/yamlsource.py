"""Read one YAML file once (CSafeLoader when present) into plain data plus the file:line:col of every node.

Bad input — wrong encoding, tabs, syntax errors, duplicate keys, alias bombs, huge files — becomes one
clear Problem each, never a traceback.
"""
from __future__ import annotations

import datetime as dt
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Pos, Report

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64  # real data nests 6 deep; 20 000 levels would exhaust Python's stack
# control characters no text field may hold (tab and line break are fine): written raw or as a "\v"-style escape
CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

Path_ = tuple  # a JSON-pointer-like path: ("powers", 3, "bases", 0)
_STR = "tag:yaml.org,2002:str"


@dataclass
class Document:
    """One loaded file: its data and where each value (and each mapping key) stands in it."""

    file: str
    data: object
    positions: dict = field(default_factory=dict)  # path → line << 32 | column: no YAML Mark kept alive
    key_positions: dict = field(default_factory=dict)
    text: str = ""  # the file as read, comments included (the PII guard scans them)

    def pos(self, path: Path_ = ()) -> Pos:
        """The position of the value at path, or of its nearest located ancestor."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        packed = self.positions.get(path)
        return _packed_pos(self.file, packed) if packed is not None else Pos(self.file)

    def key_pos(self, path: Path_) -> Pos:
        packed = self.key_positions.get(tuple(path))
        return _packed_pos(self.file, packed) if packed is not None else self.pos(path)


class _TooManyNodes(Exception):
    pass


class _Stop(Exception):
    """The walk cannot go on (too deep); the problem is already reported."""


def _mark_pos(file: str, mark) -> Pos:
    return Pos(file, mark.line + 1, mark.column + 1)


# A node's line and column are kept as one int, `mark.line << 32 | mark.column` (written out where the walk stores
# them: it runs for every node): a tenth of the memory of the parser's Mark. Columns stay below 2**32 (MAX_BYTES).
def _packed_pos(file: str, packed: int) -> Pos:
    return Pos(file, (packed >> 32) + 1, (packed & 0xFFFFFFFF) + 1)


def _decode(raw: bytes, file: str, report: Report) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        report.error(Pos(file, line, col), "文件不是 UTF-8 编码，请用 UTF-8 保存（WPS/记事本：另存为 UTF-8）")
        return None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _check_controls(text: str, file: str, report: Report) -> bool:
    """Every control character written raw in the file, at its line:col (YAML would stop at the first)."""
    found = [m.start() for m in CONTROL.finditer(text)]
    for offset in found[:20]:
        report.error(Pos(file, *_line_col(text, offset)),
                     f"含有控制字符 U+{ord(text[offset]):04X}（不可见字符，常由复制粘贴带入），请删除")
    return not found


def _check_tabs(text: str, file: str, report: Report) -> bool:
    if "\t" not in text:
        return True
    ok = True
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            report.error(Pos(file, number, indent.index("\t") + 1), "缩进里有制表符 (Tab)，YAML 只能用空格缩进")
            ok = False
    return ok


class _Walker:
    """Turns a composed node tree into dicts/lists/scalars, recording positions and checking keys."""

    def __init__(self, doc: Document, loader, report: Report):
        self.doc, self.loader, self.report, self.count = doc, loader, report, 0
        self.ok = True  # False after a value that cannot be read (its problem is reported at its line:col)
        # raw control characters are refused before the walk: a value can hold one only through an escape (\v)
        self.escapes = "\\" in doc.text
        self.positions = doc.positions

    def walk(self, node, path: tuple):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes
        if len(path) > MAX_DEPTH:
            self.report.error(_mark_pos(self.doc.file, node.start_mark), f"嵌套超过 {MAX_DEPTH} 层，请检查缩进或括号")
            raise _Stop
        mark = node.start_mark
        self.positions[path] = mark.line << 32 | mark.column  # turned into a Pos only when a message needs it
        if node.tag == _STR and node.id == "scalar":
            return self._text(node)
        if node.id == "mapping":
            return self._mapping(node, path)
        if node.id == "sequence":
            return [self.walk(child, path + (i,)) for i, child in enumerate(node.value)]
        if node.tag == _TIMESTAMP and node.id == "scalar" and not self._explicit(node):
            return node.value  # dates stay the ISO text the staff wrote; the schema checks it is a calendar date
        try:
            value = self.loader.construct_object(node)
            return node.value if isinstance(value, (dt.date, dt.datetime)) else value
        except (ValueError, TypeError, AttributeError, OverflowError, yaml.YAMLError):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.report.error(_mark_pos(self.doc.file, node.start_mark),
                              f"值 {str(node.value)[:40]!r} 不能按标签 {tag} 读取（去掉标签，或改正值）")
            self.ok = False
            return None

    def _explicit(self, node) -> bool:
        """The tag was written (`!!timestamp "x"`), not resolved from the value's look."""
        return self.doc.text.startswith("!", node.start_mark.index)

    def _text(self, node) -> str:
        bad = self.escapes and CONTROL.search(node.value)
        if bad:
            self.report.error(_mark_pos(self.doc.file, node.start_mark),
                              f"文字中含有控制字符 U+{ord(bad.group()):04X}（如 \\v、\\f 转义），请删除")
            self.ok = False
        return node.value

    def _mapping(self, node, path: tuple) -> dict:
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.report.error(_mark_pos(self.doc.file, key_node.start_mark), "不支持 YAML 合并键 <<，请直接写出各字段")
                continue
            # keys are taken as written: YAML 1.1 would read `no:` as False and `on:` as True
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(self.loader.construct_object(key_node))
            if key in result:
                self.report.error(_mark_pos(self.doc.file, key_node.start_mark),
                                  f"重复的键 '{key}'（第 {first_line[key]} 行已有）")
                continue
            first_line[key] = key_node.start_mark.line + 1
            child = path + (key,)
            mark = key_node.start_mark
            self.doc.key_positions[child] = mark.line << 32 | mark.column
            result[key] = self.walk(value_node, child)
        return result


@contextmanager
def cyclic_gc_paused():
    """Loading allocates tens of objects per YAML node and frees almost none, so Python's cyclic GC would rescan the
    growing heap again and again: superlinear, half the check time at 10× the data (benchmarks/README.md).
    For code that builds many objects it keeps (the loader, the history's parse of the committed area files, the
    XLSX workbook); what it frees is still freed at once by reference counting."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_yaml(path: Path, file: str, report: Report) -> Document | None:
    """Load path (shown as `file` in messages); None when it cannot be read at all."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        report.error(Pos(file), f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB），请拆分")
        return None
    text = _decode(path.read_bytes(), file, report)
    if text is None or not _check_controls(text, file, report) or not _check_tabs(text, file, report):
        return None
    doc = Document(file, None, text=text)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            report.error(Pos(file), "文件是空的")
            return None
        walker = _Walker(doc, loader, report)
        doc.data = walker.walk(node, ())
        if not walker.ok:
            return None
    except _TooManyNodes:
        report.error(Pos(file), f"节点过多（超过 {MAX_NODES} 个），疑似 YAML 别名炸弹")
        return None
    except _Stop:
        return None
    except RecursionError:
        report.error(Pos(file), f"嵌套过深（超过 {MAX_DEPTH} 层），请检查缩进或括号")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark_pos(file, mark) if mark else Pos(file)
        report.error(where, f"YAML 语法错误：{exc.problem or exc.context}")
        return None
    except yaml.reader.ReaderError as exc:
        report.error(Pos(file, *_line_col(text, exc.position)), f"YAML 无法读取：含有不允许的字符 U+{exc.character:04X}"
                     if isinstance(exc.character, int) else f"YAML 无法读取：{exc.reason}")
        return None
    except yaml.YAMLError as exc:
        report.error(Pos(file), f"YAML 无法读取：{exc}")
        return None
    finally:
        loader.dispose()
    return doc
