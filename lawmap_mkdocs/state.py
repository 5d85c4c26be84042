"""The model for the current build: loaded and validated once, reloaded when a data file changes (mkdocs serve)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort

from lawmap.loader import load_project

log = logging.getLogger("mkdocs.plugins.lawmap")
_cache: dict = {}


def data_dir(config) -> Path:
    extra = config.get("extra") or {}
    return (Path(config["config_file_path"]).parent / extra.get("data_dir", "data")).resolve()


def _signature(path: Path) -> tuple:
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def project(config):
    """Load and validate once per data state; every problem is logged, and any error aborts the build.

    Warnings are findings that arrive with time (a superseded cited version, a late disclosure): they are printed at
    INFO level, so `mkdocs build --strict` still publishes the site with its banners and the staff page 待处理问题
    lists them; `python -m lawmap check --strict` fails on them for local use.
    """
    path = data_dir(config)
    signature = _signature(path)
    if _cache.get("signature") != signature:
        loaded = load_project(path)
        for problem in loaded.report.sorted():
            (log.error if problem.severity == "error" else log.info)(str(problem))
        if loaded.report.errors:
            _cache.clear()
            raise Abort(f"数据检查发现 {len(loaded.report.errors)} 个错误，站点未生成（运行 python -m lawmap check 查看）")
        _cache.update(signature=signature, project=loaded)
    _cache["checked_for"] = id(config)
    return _cache["project"]


def current(config):
    """The project as checked at the start of this build (in on_config), without listing the data dir again: for
    calls made once per page, where re-reading every file's signature would make the build quadratic."""
    if _cache.get("checked_for") == id(config) and "project" in _cache:
        return _cache["project"]
    return project(config)
