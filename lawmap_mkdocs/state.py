"""The model for the current build: loaded and validated once per data state, every problem logged for staff."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from lawmap.loader import Project, load_project

log = logging.getLogger("mkdocs.plugins.lawmap")


def data_signature(path: Path) -> tuple:
    """What changes when any data file changes (mkdocs serve reloads the model only then)."""
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_checked(path: Path) -> Project:
    """Load and validate; every problem is logged, and any error aborts the build.

    Warnings are findings that arrive with time (a superseded cited version, a late disclosure): they are printed at
    INFO level, so `mkdocs build --strict` still publishes the site with its banners and the staff page 待处理问题
    lists them; `python -m lawmap check --strict` fails on them for local use.
    """
    loaded = load_project(path)
    for problem in loaded.report.sorted():
        (log.error if problem.severity == "error" else log.info)(str(problem))
    if loaded.report.errors:
        raise Abort(f"数据检查发现 {len(loaded.report.errors)} 个错误，站点未生成（运行 python -m lawmap check 查看）")
    return loaded
