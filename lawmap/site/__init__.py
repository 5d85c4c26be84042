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
    name: str
    pages: Callable[[Model], Iterable[Page]]
    render: Callable[[Model, str], str]


KINDS: dict[str, PageKind] = {}


def register(kind: PageKind) -> PageKind:
    KINDS[kind.name] = kind
    return kind


def all_pages(model: Model) -> list[Page]:
    _load_kinds()
    return [page for kind in KINDS.values() for page in kind.pages(model)]


def render(model: Model, kind: str, key: str = "") -> str:
    _load_kinds()
    return KINDS[kind].render(model, key)


def _load_kinds() -> None:
    from . import kinds  # noqa: F401  (imports every renderer module, each registering itself)
