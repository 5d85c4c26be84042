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
from lawmap_mkdocs import opendata, state  # noqa: E402


def on_config(config):
    project = state.project(config)  # fails the build early, listing every data problem
    opendata.on_config(config, state.data_dir(config), project.model)  # build date, offline switches
    return config


def on_files(files, config):
    model = state.project(config).model
    for page in all_pages(model):
        if files.get_file_from_path(page.src_uri) is None:
            content = f'{{{{ render("{page.kind}", "{page.key}") }}}}\n'
            files.append(File.generated(config, page.src_uri, content=content))
    opendata.add_files(files, config, state.data_dir(config), model)  # api/v1/, feeds, downloads
    return files


def on_post_build(config):
    opendata.on_post_build(config)
    _pii_guard(config)  # last: every page, the search index and every export are written by now


def _pii_guard(config):
    """Fail the build when any published file holds a 身份证号, mobile, bank card or personal address (file:line)."""
    from mkdocs.exceptions import Abort

    from lawmap import pii
    agency = state.project(config).model.agency
    findings = pii.scan_site(config["site_dir"], pii.Allowed.from_agency(agency.data if agency else None))
    for file, finding in findings:
        state.log.error(pii.describe(file, finding))
    if findings:
        from mkdocs.utils import clean_directory
        clean_directory(config["site_dir"])  # nothing a deploy step could publish is left behind
        raise Abort(f"生成的站点中有 {len(findings)} 处未脱敏的个人信息，已清空 {config['site_dir']}，站点不得发布"
                    f"（见上方 文件:行 列表）")
