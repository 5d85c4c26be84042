"""Site pages generated from the model, engine-free: which pages exist, and how each kind renders.

A page kind is one renderer module in lawmap/site/ (with its template in templates/) that registers
`PageKind(name, pages, render)`. The MkDocs adapter (lawmap_mkdocs) only asks this registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Model


@dataclass(frozen=True)
class Page:
    """A generated page: its path under docs/ and the (kind, key) that renders it. Keys are ids/codes, never text."""

    src_uri: str
    kind: str
    key: str = ""


@dataclass(frozen=True)
class PageKind:
    """`render(model, key)`; a kind that states build facts (commit, build date, history) has uses_facts=True and
    is called render(model, key, facts) with the build's BuildFacts."""

    name: str
    pages: Callable[[Model], Iterable[Page]]
    render: Callable[..., str]
    uses_facts: bool = False


KINDS: dict[str, PageKind] = {}


def register(kind: PageKind) -> PageKind:
    KINDS[kind.name] = kind
    return kind


def all_pages(model: Model) -> list[Page]:
    _load_kinds()
    return [page for kind in KINDS.values() for page in kind.pages(model)]


def render(model: Model, kind: str, key: str = "", facts=None) -> str:
    """One page; `facts`: the build's BuildFacts (computed here from the model's data dir when not given)."""
    _load_kinds()
    page_kind = KINDS[kind]
    if not page_kind.uses_facts:
        return page_kind.render(model, key)
    if facts is None:
        from ..exports.facts import BuildFacts
        facts = BuildFacts.of(model)
    return page_kind.render(model, key, facts)


def _load_kinds() -> None:
    from . import kinds  # noqa: F401  (imports every renderer module, each registering itself)
