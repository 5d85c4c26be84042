"""The registry of record kinds beyond laws and areas: a `RecordKind` says which files, which schema, how they build.

The loader takes the list it loads as an argument (default `registered()`); packages add their kinds here by an
explicit call, so the loader imports no record package and no package imports the loader (no import cycle).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .diagnostics import Report
from .model import Model, Ref
from .yamlsource import Document


@dataclass(frozen=True)
class RecordKind:
    """Files matching `pattern` under data/, checked by schema/<schema>.schema.json.

    build(docs, model, report) stores its objects in model.extras[name]; refs(model) lists the citations they make
    (resolved and checked like every other); check(model, report) runs its own rules.
    """

    name: str
    pattern: str
    schema: str
    build: Callable[[list[Document], Model, Report], None]
    refs: Callable[[Model], list[Ref]] = lambda model: []
    check: Callable[[Model, Report], None] = lambda model, report: None


def registered() -> list[RecordKind]:
    """Every kind the project's data may hold: the 政务公开 records (lawmap.disclosure.kinds), the commits kept out
    of the published history (lawmap.redactions) and the search synonyms (lawmap.synonyms)."""
    from . import redactions, synonyms
    from .disclosure import kinds as disclosure
    return list(disclosure.KINDS) + list(redactions.KINDS) + list(synonyms.KINDS)
