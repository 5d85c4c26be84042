"""Finds 身份证号 (18 and 15 digits), mobile numbers and bank cards however they are written: full-width digits,
spaces, dots, hyphens or zero-width characters between the digits.

One regex pass finds runs of at least 11 digits, the shortest personal number (a mobile), so dates never qualify;
only those runs are normalised (NFKC) and split into digit groups, and each span of groups is judged: an ID by its
region and birth date (plausible whatever the check digit), a mobile by its prefix and grouping, a card by Luhn.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Iterator

ID_CARD = "身份证号"
MOBILE = "手机号码"
BANK_CARD = "银行卡号"

# between digits: spaces, dots, hyphens and dashes (ASCII and full-width) and invisible zero-width characters
_SEP = r"[ \t\u00a0\u2009\u202f\u3000\-.\u00b7\u2010-\u2015\u2212\u30fb\uff0d\uff0e\uff65\u200b-\u200d\u2060\ufeff]"
_RUN = re.compile(r"\d(?:" + _SEP + r"{0,3}\d){10,}(?:" + _SEP + r"{0,3}[XxＸｘ])?")
_SPLIT = re.compile(_SEP + "+")
_WORD_CHAR = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
              61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
_MOBILE_SHAPES = {(11,), (3, 4, 4), (3, 8), (7, 4)}


def _born(text: str) -> bool:
    try:
        born = dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def plausible_id(number: str) -> bool:
    """An 18-digit (last may be X) or 15-digit resident ID with a real province code and birth date; the check
    digit is not required: a mistyped ID is still a person's ID."""
    if re.fullmatch(r"\d{17}[0-9Xx]", number):
        return int(number[:2]) in _PROVINCES and _born(number[6:14])
    if re.fullmatch(r"\d{15}", number):
        return int(number[:2]) in _PROVINCES and _born("19" + number[6:12])
    return False


def luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _mobile(digits: str, shape: tuple, whole: bool) -> bool:
    if len(digits) == 13 and digits.startswith("86"):
        digits, shape = digits[2:], (shape[1:] if shape[0] == 2 else (shape[0] - 2,) + shape[1:])
    if len(digits) != 11 or not re.match(r"1[3-9]", digits):
        return False
    return whole or shape in _MOBILE_SHAPES


def _card(digits: str, shape: tuple) -> bool:
    if not 16 <= len(digits) <= 19 or not luhn_ok(digits):
        return False
    return len(shape) == 1 or all(n == 4 for n in shape[:-1]) or min(shape) >= 3


def _groups(run: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end, digits) of each digit group of a run, offsets in the original text, digits normalised."""
    groups, pos = [], 0
    for piece in _SPLIT.split(run):
        at = run.index(piece, pos)
        pos = at + len(piece)
        groups.append((start + at, start + pos, unicodedata.normalize("NFKC", piece).upper()))
    return groups


def _judge(digits: str, shape: tuple, whole: bool, allowed) -> str | None:
    if allowed(digits):
        return None
    if len(digits) in (15, 18) and plausible_id(digits):
        return ID_CARD
    if "X" in digits:
        return None
    if _card(digits, shape):
        return BANK_CARD
    if _mobile(digits, shape, whole):
        return MOBILE
    return None


def find_numbers(text: str, allowed=lambda digits: False) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every personal number in text; allowed(digits) exempts published numbers."""
    for match in _RUN.finditer(text):
        start, end = match.span()
        if (start and _WORD_CHAR.match(text[start - 1])) or (end < len(text) and _WORD_CHAR.match(text[end])):
            continue
        groups = _groups(match.group(), start)
        yield from _spans(groups, allowed)


def _spans(groups: list[tuple[int, int, str]], allowed) -> Iterator[tuple[int, int, str]]:
    """Judge every span of consecutive groups that could hold one number (11 to 19 digits), longest first."""
    taken_until = -1
    for i in range(len(groups)):
        spans, digits = [], ""
        for j in range(i, len(groups)):
            digits += groups[j][2]
            if len(digits) > 19:
                break
            if len(digits) >= 11:
                spans.append((j, digits))
        for j, digits in reversed(spans):
            kind = _judge(digits, tuple(len(g[2]) for g in groups[i:j + 1]), i == 0 and j == len(groups) - 1, allowed)
            if kind:
                if groups[i][0] >= taken_until:
                    taken_until = groups[j][1]
                    yield groups[i][0], groups[j][1], kind
                break
