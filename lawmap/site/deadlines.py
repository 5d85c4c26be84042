"""Plain-language deadlines for 我要办事: "收到申请后 30 日内" up front, the legal wording (with its citation) behind it.

Derived from the data's own time_limit text (never invented): the first clause, citations in brackets moved out,
Chinese numerals written as digits, "自…之日起" said as "…后".
"""
from __future__ import annotations

import re

from ..model import TimeLimit

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = re.compile(r"([零一二两三四五六七八九十百]+|\d+)(个工作日|个月|日|天|小时)")
_SINCE = re.compile(r"自(.{1,16}?)之日起(?:计算)?")
_BRACKETS = re.compile(r"（[^（）]*(?:第|条|法|示例|为准|以下)[^（）]*）")  # citations and notes, not （市、区）


def cn_to_int(text: str) -> int:
    """一百二十 → 120, 六十 → 60, 十五 → 15 (the numerals deadlines use)."""
    total, digit = 0, 0
    for char in text:
        if char == "百":
            total += (digit or 1) * 100
            digit = 0
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _DIGITS[char]
    return total + digit


def _digits(text: str) -> str:
    def number(m):
        value = m.group(1) if m.group(1).isdigit() else cn_to_int(m.group(1))
        return f" {value} {m.group(2)}"
    text = _NUMBER.sub(number, text).replace("  ", " ")
    return re.sub(r"([，、：；（]) ", r"\1", text).strip()


def _plain(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    first = re.split(r"[；;]", text, maxsplit=1)[0]
    inner = " ".join(_BRACKETS.findall(first))
    clause = _BRACKETS.sub("", first).strip("，, ")
    if _SINCE.search(clause):
        clause = _SINCE.sub(lambda m: f"{m.group(1)}后", clause)
    elif since := _SINCE.search(inner):
        clause = f"{since.group(1)}后{clause}"
    return _digits(clause)


def plain_deadline(time_limit: TimeLimit) -> dict:
    """{"legal": plain first clause, "promised": plain promise or "", "full": the data's legal text, "example": bool}."""
    legal = time_limit.legal or ""
    promised = time_limit.promised or ""
    example = "示例" in promised
    promised_plain = _plain(re.sub(r"^示例[：:]", "", promised).replace("（示例）", "").replace("（示例", "（"))
    return {"legal": _plain(legal), "promised": promised_plain, "full": legal, "full_promised": promised,
            "example": example}
