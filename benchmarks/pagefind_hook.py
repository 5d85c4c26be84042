"""Benchmark-only MkDocs hook for the plain build (b): the same Pagefind run over the built site as the lawmap plugin
makes, so (a) and (b) pay for the same search (a plain-Markdown site with Pagefind runs it after `mkdocs build`)."""
from __future__ import annotations

from lawmap_mkdocs.search import run_pagefind


def on_post_build(config):
    run_pagefind(config["site_dir"])
