"""Open data written into the built site: the JSON API, Atom feeds and 权责清单 downloads, all from the one model.

`site_files(model, facts)` returns {site path: bytes}; the MkDocs adapter adds them as generated files, and
the same call serves any other publisher. Every file is a pure function of the data commit (see meta.build_date).
"""
from __future__ import annotations

from ..model import Model
from .facts import BuildFacts


def site_files(model: Model, facts: BuildFacts, site_url: str = "") -> dict[str, bytes]:
    """Every open-data file of the site; `facts` (BuildFacts.of(model, data_dir)) are the build's commit, dates, history."""
    from . import api, downloads, feeds
    provenance = facts.provenance
    files = api.files(model, provenance)
    files.update(feeds.files(model, facts, site_url))
    files.update(downloads.files(model, provenance))
    return dict(sorted(files.items()))
