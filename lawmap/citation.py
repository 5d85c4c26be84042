"""Article citations: parse 第三十条第一款第（二）项 / 30/1/2 / 30(二), and format them back the Chinese way."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DIGITS = "零一二三四五六七八九"
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(text: str) -> int:
    """一千零四十九 → 1049; plain digits pass through."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in DIGITS:
            current = DIGITS.index(char)
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            raise ValueError(f"不是中文数字：{text}")
    return total + current


@lru_cache(maxsize=4096)
def int_to_cn(number: int) -> str:
    """1049 → 一千零四十九, 12 → 十二 (the form used in article numbers); cached, as pages name the same few
    hundred article numbers over and over."""
    if number == 0:
        return DIGITS[0]
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            if zero and parts:
                parts.append(DIGITS[0])
            parts.append(("" if (unit == "十" and digit == 1 and not parts) else DIGITS[digit]) + unit)
            zero = False
        else:
            zero = True
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class At:
    """An address inside a law version: 条, optional 款 (ordinal in that version) and 项."""

    article: int
    para: int | None = None
    item: int | None = None

    @property
    def whole(self) -> bool:
        """The regulation as a whole (written 全文): cited where no article can be sourced yet."""
        return self.article == 0

    def key(self) -> str:
        """The normalised machine form: 30, 30/1, 30/1/4 (全文 for the whole regulation)."""
        if self.whole:
            return WHOLE_TEXT
        parts = [self.article, self.para, self.item]
        while parts[-1] is None:
            parts.pop()
        return "/".join("" if p is None else str(p) for p in parts)

    def chinese(self, single_para: bool = False) -> str:
        """第三十条第一款第（四）项; the 款 is left out where the article has only one (as the laws cite)."""
        if self.whole:
            return WHOLE_TEXT
        text = f"第{int_to_cn(self.article)}条"
        if self.para is not None and not (single_para and self.para == 1):
            text += f"第{int_to_cn(self.para)}款"
        if self.item is not None:
            text += f"第（{int_to_cn(self.item)}）项"
        return text


WHOLE_TEXT = "全文"
WHOLE = At(0)  # a citation of a whole 规章 whose articles cannot be sourced (version marked unchecked:)

_NUM = r"[0-9零一二三四五六七八九十百千]+"
_CHINESE = re.compile(rf"^第({_NUM})条(?:第({_NUM})款)?(?:第?[（(]({_NUM})[）)]项?)?$")
_SLASH = re.compile(r"^(\d+)(?:/(\d+))?(?:/(\d+))?$")
_SHORT = re.compile(rf"^(\d+)[（(]({_NUM})[）)]$")  # 24(二): 项 of an article with one 款


def parse_at(value) -> At:
    """Accept 30, "30/1/4", "第三十条第一款第（四）项", "24(二)", "全文"; raise ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"无法识别的条款写法：{value!r}")
    if isinstance(value, int):
        return At(value)
    return _parse_text(str(value))


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> At:
    """parse_at of a text; cached, as the same few hundred citations recur thousands of times at a province's scale."""
    text = re.sub(r"\s+", "", value)
    if text == WHOLE_TEXT:
        return WHOLE
    for pattern, has_para in ((_SLASH, True), (_CHINESE, True), (_SHORT, False)):
        match = pattern.match(text)
        if match:
            nums = [cn_to_int(g) if g else None for g in match.groups()]
            at = At(nums[0], nums[1], nums[2]) if has_para else At(nums[0], None, nums[1])
            if 0 in (at.article, at.para, at.item):
                break
            return at
    raise ValueError(f"无法识别的条款写法“{value}”（可写 第三十条第一款第（四）项 或 30/1/4）")


def cite(title: str, at: At, single_para: bool = False) -> str:
    """《社会团体登记管理条例》第三十条第一款第（四）项"""
    return f"《{title}》{at.chinese(single_para)}"
