"""Open data written into the built site: the JSON API, Atom feeds and 权责清单 downloads, all from the one model.

`site_files(model, data_dir)` returns {site path: bytes}; the MkDocs adapter adds them as generated files, and
the same call serves any other publisher. Every file is a pure function of the data commit (see meta.build_date).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Model


def site_files(model: Model, data_dir: str | Path, site_url: str = "") -> dict[str, bytes]:
    from . import api, downloads, feeds
    from .meta import Provenance
    provenance = Provenance.of(model, data_dir)
    files = api.files(model, provenance)
    files.update(feeds.files(model, data_dir, provenance, site_url))
    files.update(downloads.files(model, provenance))
    return dict(sorted(files.items()))
