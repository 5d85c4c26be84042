"""MkDocs hooks: validate the data before anything renders, and add one generated page per model page.

Each generated page is a one-line macro call `{{ render("kind", "key") }}`; mkdocs-macros renders it with
lawmap.site, so data never reaches Jinja as template text.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path: make the repo importable

from mkdocs.structure.files import File  # noqa: E402

from lawmap.site import all_pages  # noqa: E402
from lawmap_mkdocs import state  # noqa: E402


def on_config(config):
    state.project(config)  # fails the build early, listing every data problem
    return config


def on_files(files, config):
    model = state.project(config).model
    for page in all_pages(model):
        if files.get_file_from_path(page.src_uri) is None:
            content = f'{{{{ render("{page.kind}", "{page.key}") }}}}\n'
            files.append(File.generated(config, page.src_uri, content=content))
    return files
