"""MkDocs hook: rewrite the search index as plain UTF-8 JSON (same data, same order).

Material writes search/search_index.json with every Chinese character escaped as \\uXXXX (6 bytes instead of 3)
and every jieba word break as \\u200b; browsers fetch this file on every first visit, so this saves about half of
it raw and a fifth gzipped (benchmarks/README.md: first-load weight of a power page).
"""
from __future__ import annotations

import json
from pathlib import Path


def on_post_build(config):
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
