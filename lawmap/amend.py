"""A law amended: map the articles of the old version to the new one by their text (difflib), so every citation of the
old version gets a proposed new 条/款/项 with the text diff — or is listed as one a person must place by hand.

Both versions are read from their reference texts (reference/laws/), which hold every article, not only the cited
ones. Matching is by text, not by number: 慈善法 2023 renumbered from old 第二十七条 on (old 98 → new 109).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .citation import At
from .lawtext import RefArticle, load_reference, normalise
from .model import Law, Model, Ref, Version

MIN_RATIO = 0.6  # below this the best new article is not the same provision: the citation is listed as unmappable
HINT_RATIO = 0.3  # an unmappable article still names the new articles at least this close, for the person placing it
CLOSE = 0.08  # other new articles within this of the best are shown as candidates (an old article split in two)


@dataclass
class Match:
    old_no: int
    new_no: int | None
    ratio: float
    candidates: list[tuple[int, float]] = field(default_factory=list)  # further new articles nearly as close


@dataclass
class Proposal:
    """One citation of the old version and where it should point in the new one (new None: cannot be mapped)."""

    ref: Ref
    owner: str  # the power code, or 机关信息 / the disclosure record
    role: str
    new: At | None
    ratio: float
    old_text: str
    new_text: str
    candidates: list[int] = field(default_factory=list)
    reason: str = ""

    @property
    def diff(self) -> list[tuple[str, str]]:
        return text_diff(self.old_text, self.new_text)


def article_text(article: RefArticle) -> str:
    return normalise(_article_plain(article))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def best_match(text: str, new: dict[int, RefArticle], prefer: int) -> Match:
    """The new article closest in text; at equal score the one with the same number.

    An article kept word for word scores 1.0: then only articles within CLOSE of it can be candidates, and the
    quick upper bounds of difflib rule out the others without computing their ratio (most articles are kept).
    Otherwise the exact ratio (slow) is computed only for articles whose upper bound (quick_ratio) could still place
    them among the answer's."""
    texts = _article_texts(new)
    floor = 1.0 - CLOSE if text in texts.values() else HINT_RATIO
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)
    bounds = []
    for no, candidate in texts.items():
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= floor and (bound := matcher.quick_ratio()) >= floor:
            bounds.append((bound, no))
    scored: list[tuple[float, bool, int]] = []
    for bound, no in sorted(bounds, reverse=True):
        if bound < _still_needed(scored):
            break  # this one and every later one scores below what the answer can hold
        matcher.set_seq1(texts[no])
        scored.append((1.0 if texts[no] == text else matcher.ratio(), no == prefer, no))
    scored = sorted(s for s in scored if s[0] >= HINT_RATIO)[::-1]
    if not scored:
        return Match(prefer, None, 0.0)
    ratio, _, no = scored[0]
    if ratio < MIN_RATIO:  # no same provision: name the nearest ones as hints
        return Match(prefer, None, ratio, [(n, r) for r, _, n in scored[:3]])
    return Match(prefer, no, ratio, [(n, r) for r, _, n in scored[1:] if r >= ratio - CLOSE])


def _still_needed(scored: list[tuple[float, bool, int]]) -> float:
    """The lowest ratio a further article could need to make the answer: within CLOSE of the best once the best is a
    match; else among the three nearest, or a candidate of a match still to come."""
    ratios = sorted((r for r, _, _ in scored), reverse=True)
    if ratios and ratios[0] >= MIN_RATIO:
        return max(HINT_RATIO, ratios[0] - CLOSE)
    third = ratios[2] if len(ratios) >= 3 else HINT_RATIO
    return max(HINT_RATIO, min(third, MIN_RATIO - CLOSE))


_TEXTS: dict[int, tuple[dict, dict[int, str]]] = {}


def _article_texts(articles: dict[int, RefArticle]) -> dict[int, str]:
    """article_text of each article of a version, once per articles dict (reference texts are parsed once per file)."""
    cached = _TEXTS.get(id(articles))
    if cached is None or cached[0] is not articles:
        cached = _TEXTS[id(articles)] = (articles, {no: article_text(a) for no, a in articles.items()})
    return cached[1]


def map_articles(old: dict[int, RefArticle], new: dict[int, RefArticle], numbers) -> dict[int, Match]:
    """For each old article number in `numbers`: its match in the new version."""
    return {no: (best_match(article_text(old[no]), new, no) if no in old else Match(no, None, 0.0)) for no in numbers}


def _best_index(text: str, options: list[str]) -> tuple[int | None, float]:
    scored = [(_ratio(normalise(text), normalise(o)), i) for i, o in enumerate(options)]
    if not scored:
        return None, 0.0
    ratio, index = max(scored)
    return (index, ratio) if ratio >= MIN_RATIO else (None, ratio)


def map_unit(at: At, old: RefArticle, new_no: int, new: RefArticle) -> tuple[At | None, str, str]:
    """The 款/项 inside the matched new article: the closest 款, then the closest 项 in it."""
    if at.para is None and at.item is None:
        return At(new_no), _article_plain(old), _article_plain(new)
    para_no = at.para or 1
    if para_no > len(old.paras):
        return None, "", ""
    old_para = old.paras[para_no - 1]
    index, _ = _best_index(_para_plain(old_para), [_para_plain(p) for p in new.paras])
    if index is None:
        return None, old_para.text, ""
    new_para = new.paras[index]
    if at.item is None:
        return At(new_no, index + 1 if at.para else None), _para_plain(old_para), _para_plain(new_para)
    if at.item > len(old_para.items):
        return None, "", ""
    item_index, _ = _best_index(old_para.items[at.item - 1], new_para.items)
    if item_index is None:
        return None, old_para.items[at.item - 1], ""
    para = index + 1 if (at.para or len(new.paras) > 1) else None
    return (At(new_no, para, item_index + 1), old_para.text + old_para.items[at.item - 1],
            new_para.text + new_para.items[item_index])


def _para_plain(para) -> str:
    return para.text + "".join(para.items)


def _article_plain(article: RefArticle) -> str:
    return "".join(_para_plain(p) for p in article.paras)


def text_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs: '=' kept, '-' only in the old text, '+' only in the new one (character level)."""
    old, new = normalise(old), normalise(new)
    runs = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("=", old[a1:a2]))
        if op in ("delete", "replace"):
            runs.append(("-", old[a1:a2]))
        if op in ("insert", "replace"):
            runs.append(("+", new[b1:b2]))
    return runs


def citing(model: Model, law_id: str, version_id: str) -> list[tuple[Ref, str, str]]:
    """Every citation of that version: (ref, owner, role), powers first, in data order."""
    found = []
    for power in model.powers:
        for ref in power.all_refs():
            if ref.law_id == law_id and ref.version_id == version_id:
                found.append((ref, power.code, ref.kind or "责任事项/追责依据"))
    others = [r for r in model.all_refs() if r.law_id == law_id and r.version_id == version_id]
    seen = {id(r) for r, _, _ in found}
    found += [(r, "机关信息或公开记录", r.kind or "依据") for r in others if id(r) not in seen]
    return found


def impact(model: Model, law: Law, old: Version, new: Version, reference_dir: Path) -> list[Proposal]:
    """For each citation of `old`: the proposed unit of `new`, or why none can be proposed."""
    refs = citing(model, law.id, old.id)
    if not old.reference or not new.reference:
        return [Proposal(r, owner, role, None, 0.0, "", "", reason="旧版本或新版本没有参考文本，无法按条文比对")
                for r, owner, role in refs]
    old_text, new_text = load_reference(reference_dir / old.reference), load_reference(reference_dir / new.reference)
    numbers = sorted({r.at.article for r, _, _ in refs if r.at and not r.at.whole})
    matches = map_articles(old_text, new_text, numbers)
    return [_proposal(r, owner, role, matches, old_text, new_text) for r, owner, role in refs]


def _proposal(ref: Ref, owner: str, role: str, matches, old_text, new_text) -> Proposal:
    if ref.at is None or ref.at.whole:
        return Proposal(ref, owner, role, None, 0.0, "", "", reason="整部引用或条款写法无法识别，不按条文比对")
    match = matches[ref.at.article]
    if ref.at.article not in old_text:
        return Proposal(ref, owner, role, None, 0.0, "", "", reason=f"旧版本参考文本中没有第{ref.at.article}条")
    if match.new_no is None:
        return Proposal(ref, owner, role, None, match.ratio, _article_plain(old_text[ref.at.article]), "",
                        [n for n, _ in match.candidates],
                        reason=f"新版本中没有文字相近的条文（最高相似度 {match.ratio:.0%}），可能已删除或改写，须人工确定")
    at, before, after = map_unit(ref.at, old_text[ref.at.article], match.new_no, new_text[match.new_no])
    reason = "" if at else "条文找到了，但其中没有文字相近的款或项，须人工确定"
    return Proposal(ref, owner, role, at, match.ratio, before, after, [n for n, _ in match.candidates], reason)


def pending_updates(model: Model) -> list[tuple[Law, Version, Version]]:
    """(law, old, new): a superseded version that data still cites, and the version superseding it."""
    cited = {(r.law_id, r.version_id) for r in model.all_refs()}
    pairs = []
    for law in model.laws.values():
        for version in law.versions.values():
            successor = law.versions.get(version.superseded_by or "")
            if successor is not None and (law.id, version.id) in cited:
                pairs.append((law, version, successor))
    return pairs


def amended_laws(model: Model) -> list[tuple[Law, Version, Version]]:
    """(law, old, new) for every recorded amendment whose two versions both have reference texts."""
    pairs = []
    for law in model.laws.values():
        for version in law.versions.values():
            successor = law.versions.get(version.superseded_by or "")
            if successor is not None and version.reference and successor.reference:
                pairs.append((law, version, successor))
    return pairs
