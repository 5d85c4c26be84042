"""Search synonyms (data/synonyms.yaml): the words people say (低保, 年检, 结婚证) → the formal wording in power names.

Registered into the loader as a record kind, so the file is loaded, schema-checked and reported like every other.
The site adds each `says` word to the search tags of the powers whose name holds one of its `means`.
"""
from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Pos, Report
from .record_kinds import RecordKind
from .model import Model, Power


@dataclass(frozen=True)
class Synonym:
    says: tuple[str, ...]
    means: tuple[str, ...]
    pos: Pos


def synonyms(model: Model) -> list[Synonym]:
    return model.extras.get("synonyms", [])


def _build(docs, model: Model, report: Report) -> None:
    model.extras["synonyms"] = [
        Synonym(tuple(s["says"]), tuple(s["means"]), doc.pos(("synonyms", i)))
        for doc in docs for i, s in enumerate(doc.data["synonyms"])]


def matches(synonym: Synonym, power: Power) -> bool:
    """The power's name holds one of the formal wordings (names only: a sub-item mentioning 地名命名 is not the power)."""
    return any(m in power.name for m in synonym.means)


def everyday_words(model: Model, power: Power) -> list[str]:
    """The words people say for this power, in file order, without repeats or words its name already holds."""
    words: list[str] = []
    for synonym in synonyms(model):
        if matches(synonym, power):
            words += [w for w in synonym.says if w not in words and w not in power.name]
    return words


def _check(model: Model, report: Report) -> None:
    """A synonym whose formal wording no power name holds finds nothing: tell staff (the data may have changed)."""
    powers = model.powers
    for synonym in synonyms(model):
        if not any(matches(synonym, p) for p in powers):
            report.warning(synonym.pos, f"同义词 {'、'.join(synonym.says)} 找不到事项：没有事项名称包含"
                                        f" {'、'.join(synonym.means)}")


KINDS = [RecordKind("synonyms", "synonyms.yaml", "synonyms", _build, check=_check)]  # listed by record_kinds.registered()
