"""Phone-first tables: every cell of an `lm-table` gets its column name (data-label), so on a phone each row reads as
a card ("防控措施：…") instead of a column squeezed to one character a line (tables of three columns or more). Applied to the finished page HTML once,
so no template has to repeat its headers; tables marked `lm-wide` keep scrolling sideways (with a visible hint)."""
from __future__ import annotations

import re

from .svg import esc

_TABLE = re.compile(r'<table class="lm-table(?P<cls>[^"]*)"(?P<rest>[^>]*)>(?P<body>.*?)</table>', re.S)
_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_TAGS = re.compile(r"<[^>]+>")


def _labels(body: str) -> list[str]:
    head = _HEAD.search(body)
    if not head:
        return []
    return [" ".join(_TAGS.sub(" ", cell).split()) for cell in _HEAD_CELL.findall(head.group(1))]


def _label_row(row: str, labels: list[str]) -> str:
    column = 0

    def cell(match):
        nonlocal column
        tag, attrs = match.group(1), match.group(2)
        label = labels[column] if column < len(labels) else ""
        span = re.search(r'colspan="(\d+)"', attrs)
        column += int(span.group(1)) if span else 1
        if "data-label" in attrs or not label or span:
            return match.group(0)
        return f'<{tag}{attrs} data-label="{esc(label)}">'
    return _CELL.sub(cell, row)


def _label_table(match) -> str:
    cls, rest, body = match.group("cls"), match.group("rest"), match.group("body")
    if "lm-wide" in cls:
        return match.group(0)
    labels = _labels(body)
    head_end = body.find("</thead>")
    head, rows = (body[: head_end + 8], body[head_end + 8:]) if head_end >= 0 else ("", body)
    rows = _ROW.sub(lambda r: r.group(1) + _label_row(r.group(2), labels) + r.group(3), rows)
    stack = "" if " lm-stack" in cls or len(labels) < 3 else " lm-stack"  # two columns fit a phone side by side
    return f'<table class="lm-table{cls}{stack}"{rest}>{head}{rows}</table>'


def label_tables(html: str) -> str:
    """The page with each lm-table's cells labelled by their column header (tables without <thead> left alone)."""
    if 'class="lm-table' not in html:
        return html
    return _TABLE.sub(_label_table, html)
