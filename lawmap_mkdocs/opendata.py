"""MkDocs side of the open data: the API/feeds/downloads as site files, and the offline copy's fixes.

- The exports are added in on_files as generated files, so pages can link to them and MkDocs checks those links.
  Each is written to a build-scoped temporary folder as it is produced (MkDocs copies it from there), so the
  exports — tens of MB at a province's scale — are never all held in memory.
- Offline (the plugin's `offline` option enables Material's `offline` plugin): the search worker shim is served from
  this repository instead of unpkg.com, and every link to a directory gets an explicit index.html so file:// works.
"""
from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from mkdocs.structure.files import File

from lawmap import history
from lawmap.exports import iter_site_files

log = logging.getLogger("lawmap.build")  # not under "mkdocs": a warning here is shown but does not fail --strict
UNPKG_SHIM = "https://unpkg.com/iframe-worker/shim"
SHIM_SRC = Path(__file__).resolve().parent / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
_exports: tempfile.TemporaryDirectory | None = None  # this build's exports on disk; removed by the next build or at exit


def offline_config(config) -> None:
    """After Material's offline plugin set its defaults: directory URLs (on_post_build adds index.html), no site
    URL (the copy on disk points at nothing on the web), and the worker shim from this site."""
    config["use_directory_urls"] = True
    config["site_url"] = None
    polyfills = config["extra"].get("polyfills", [])
    config["extra"]["polyfills"] = [SHIM_URI if p == UNPKG_SHIM else p for p in polyfills]


def add_files(files, config, model, facts, offline: bool, scan=lambda path, content: None) -> None:
    """Every export as a generated file; `scan(path, content)` sees each one as it is produced (the PII guard)."""
    _warn_about_history(facts.history)
    out = _fresh_exports_dir()
    for path, content in iter_site_files(model, facts, config.get("site_url") or ""):
        if files.get_file_from_path(path) is None:
            scan(path, content)
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            files.append(File.generated(config, path, abs_src_path=str(target)))
    if offline:
        files.append(File.generated(config, SHIM_URI, content=SHIM_SRC.read_bytes()))


def _fresh_exports_dir() -> Path:
    global _exports
    if _exports is not None:
        _exports.cleanup()
    _exports = tempfile.TemporaryDirectory(prefix="lawmap-exports-")
    return Path(_exports.name)


def _warn_about_history(found) -> None:
    if found.status != history.FULL:
        if not log.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("WARNING -  lawmap: %(message)s"))
            log.addHandler(handler)
            log.propagate = False
        log.warning(found.reason)


_ATTR = re.compile(r'((?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def with_index_html(url: str, empty: str = "") -> str:
    """A relative link to a directory as a link to its index.html ("../areas/x/#a" → "../areas/x/index.html#a").

    External, absolute and file links are unchanged; an empty path (a same-page #fragment) becomes `empty`.
    """
    path, rest = re.match(r"^([^?#]*)(.*)$", url, re.S).groups()
    if _SCHEME.match(path) or path.startswith("/"):
        return url
    if path == "":
        return (empty + rest) if empty else url
    if path.endswith("/") or path.rsplit("/", 1)[-1] in (".", ".."):
        return path.rstrip("/") + "/index.html" + rest
    return url


def index_location(url: str) -> str:
    """A search result's location in the offline copy."""
    return with_index_html(url, empty="index.html")


def link_index_html(site_dir: str) -> None:
    """Offline copy: make every directory link of every page open its index.html from file://."""
    for page in sorted(Path(site_dir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = _ATTR.sub(lambda m: m[1] + with_index_html(m[2]) + m[3], text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
