"""The jieba user dictionary for Chinese search, built from the data so the index holds whole legal terms.

Words: law titles (without 中华人民共和国) and short names, each title's subject (社会团体登记管理条例 → 社会团体),
area names, the phrases of each power name (split at 对/的/和/、…), codes and the everyday words of data/synonyms.yaml. Whole power names are left out on
purpose: Material's client searches each term as a prefix (社会团体*), so a name kept as one token
(对社会团体违法行为的行政处罚) could no longer be found by the words inside it."""
from __future__ import annotations

import re

from ..model import Model
from ..synonyms import synonyms

_PREFIX = "中华人民共和国"
_SUFFIXES = ("登记管理暂行条例", "登记管理条例", "管理暂行条例", "管理条例", "暂行条例", "暂行办法", "管理办法", "登记办法",
             "条例", "办法", "法")
_CUT_WORDS = re.compile(r"[对的和与及或、（）()，,；]")
FREQ = 200000  # high enough that jieba keeps each term whole


def _subject(title: str) -> str:
    """The matter a law is about: 社会团体登记管理条例 → 社会团体, 中华人民共和国慈善法 → 慈善."""
    title = title.removeprefix(_PREFIX)
    for suffix in _SUFFIXES:
        if title.endswith(suffix) and len(title) > len(suffix) + 1:
            return title[: -len(suffix)]
    return ""


def terms(model: Model) -> list[str]:
    """Distinct dictionary words, longest first within each source, no blanks or spaces."""
    words: list[str] = []
    for law in model.laws.values():
        words += [law.title.removeprefix(_PREFIX), law.short, _subject(law.title)]
    for area in model.areas:
        words += [area.name] + [w for w in _CUT_WORDS.split(area.name) if len(w) >= 2]
    for power in model.powers:
        words += [power.code, power.service_code or ""]
        words += [w for w in _CUT_WORDS.split(power.name) if len(w) >= 2]
    for synonym in synonyms(model):  # the words people say (低保, 年检): kept whole, they are search tags too
        words += list(synonym.says)
    seen, result = set(), []
    for word in words:
        word = word.strip()
        if word and " " not in word and word not in seen:
            seen.add(word)
            result.append(word)
    return result


def user_dict(model: Model) -> str:
    """The dictionary in jieba's format: one `word freq` per line."""
    return "".join(f"{word} {FREQ}\n" for word in terms(model))


def _critical_terms(model: Model) -> set[str]:
    """The terms a reader types to find a page first: law short names and subjects, and area names."""
    words = set()
    for law in model.laws.values():
        words |= {law.short, _subject(law.title)}
    words |= {area.name for area in model.areas}
    return {w for w in words if w}


def shadowing_prefixes(model: Model) -> set[str]:
    """Proper beginnings of key terms (社会 of 社会团体, 慈善 of 慈善法, 民办 of 民办非企业单位).

    Material's client splits a Chinese query by the words in the index, but never keeps the whole query as one
    piece (its loop stops one character short), so with the bare word 社会 indexed, 社会团体 is searched as 社会*.
    """
    return {term[:k] for term in _critical_terms(model) for k in range(1, len(term))}


WORD_JOINER = "\u2060"  # invisible, not a search separator: 社会⁠ is its own index word, still found by 社会*


def mark_shadowing(segmented: str, prefixes: set[str], mark: str = "\u200b") -> str:
    """Suffix each indexed word that only begins a key term with an invisible word joiner (社会 → 社会⁠), so the
    client no longer finds the bare beginning in its word list and keeps a query such as 社会团体 whole; prefix search
    still finds 社会 itself."""
    return mark.join(word + WORD_JOINER if word in prefixes else word for word in segmented.split(mark))



def mark_tags(words: list[str], model: Model) -> list[str]:
    """Search tags marked as the index text is: 低保 (the beginning of 低保条例) becomes 低保⁠, so the query 低保条例 still
    stays whole while 低保* still finds the tag."""
    prefixes = model.derived.get("shadowing_prefixes")
    if prefixes is None:
        prefixes = model.derived["shadowing_prefixes"] = shadowing_prefixes(model)
    return [word + WORD_JOINER if word in prefixes else word for word in words]
