"""Open data written into the built site: the JSON API, Atom feeds and 权责清单 downloads, all from the one model.

`iter_site_files(model, facts)` yields (site path, bytes) one file at a time — the MkDocs adapter writes each to
disk as it comes, so the exports are never all in memory; `site_files` is the same as a dict for other publishers.
Every file is a pure function of the data commit (see meta.build_date).
"""
from __future__ import annotations

from typing import Iterator

from ..model import Model
from .facts import BuildFacts


def iter_site_files(model: Model, facts: BuildFacts, site_url: str = "") -> Iterator[tuple[str, bytes]]:
    """Every open-data file of the site; `facts` (BuildFacts.of(model, data_dir)) are the build's commit, dates, history."""
    from . import api, downloads, feeds
    provenance = facts.provenance
    yield from api.iter_files(model, provenance)
    yield from feeds.files(model, facts, site_url).items()
    yield from downloads.files(model, provenance).items()


def site_files(model: Model, facts: BuildFacts, site_url: str = "") -> dict[str, bytes]:
    return dict(sorted(iter_site_files(model, facts, site_url)))
