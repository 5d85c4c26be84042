"""Read one YAML file once (CSafeLoader when present) into plain data plus the file:line:col of every node.

Bad input — wrong encoding, tabs, syntax errors, duplicate keys, alias bombs, huge files — becomes one
clear Problem each, never a traceback.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Pos, Report

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000

Path_ = tuple  # a JSON-pointer-like path: ("powers", 3, "bases", 0)
_STR = "tag:yaml.org,2002:str"


@dataclass
class Document:
    """One loaded file: its data and where each value (and each mapping key) stands in it."""

    file: str
    data: object
    positions: dict = field(default_factory=dict)
    key_positions: dict = field(default_factory=dict)
    text: str = ""  # the file as read, comments included (the PII guard scans them)

    def pos(self, path: Path_ = ()) -> Pos:
        """The position of the value at path, or of its nearest located ancestor."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        mark = self.positions.get(path)
        return _mark_pos(self.file, mark) if mark else Pos(self.file)

    def key_pos(self, path: Path_) -> Pos:
        mark = self.key_positions.get(tuple(path))
        return _mark_pos(self.file, mark) if mark else self.pos(path)


class _TooManyNodes(Exception):
    pass


def _mark_pos(file: str, mark) -> Pos:
    return Pos(file, mark.line + 1, mark.column + 1)


def _decode(raw: bytes, file: str, report: Report) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        report.error(Pos(file, line, col), "文件不是 UTF-8 编码，请用 UTF-8 保存（WPS/记事本：另存为 UTF-8）")
        return None


def _check_tabs(text: str, file: str, report: Report) -> bool:
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

    def walk(self, node, path: tuple):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooManyNodes
        self.doc.positions[path] = node.start_mark  # turned into a Pos only when a message needs it
        if node.tag == _STR:
            return node.value
        if node.id == "mapping":
            return self._mapping(node, path)
        if node.id == "sequence":
            return [self.walk(child, path + (i,)) for i, child in enumerate(node.value)]
        value = self.loader.construct_object(node)
        if isinstance(value, (dt.date, dt.datetime)):
            return node.value  # keep dates as the ISO text the staff wrote; the schema checks the format
        return value

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
            self.doc.key_positions[path + (key,)] = key_node.start_mark
            result[key] = self.walk(value_node, path + (key,))
        return result


def load_yaml(path: Path, file: str, report: Report) -> Document | None:
    """Load path (shown as `file` in messages); None when it cannot be read at all."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        report.error(Pos(file), f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_BYTES // 1024 // 1024} MB），请拆分")
        return None
    text = _decode(path.read_bytes(), file, report)
    if text is None or not _check_tabs(text, file, report):
        return None
    doc = Document(file, None, text=text)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            report.error(Pos(file), "文件是空的")
            return None
        doc.data = _Walker(doc, loader, report).walk(node, ())
    except _TooManyNodes:
        report.error(Pos(file), f"节点过多（超过 {MAX_NODES} 个），疑似 YAML 别名炸弹")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark_pos(file, mark) if mark else Pos(file)
        report.error(where, f"YAML 语法错误：{exc.problem or exc.context}")
        return None
    except yaml.YAMLError as exc:
        report.error(Pos(file), f"YAML 无法读取：{exc}")
        return None
    finally:
        loader.dispose()
    return doc
