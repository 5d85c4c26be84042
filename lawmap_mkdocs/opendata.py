"""MkDocs side of the open data: pin the build date, add the API/feeds/downloads as site files, and the offline copy.

- Reproducible: SOURCE_DATE_EPOCH (which MkDocs uses for sitemap dates and the sitemap.xml.gz header) is set to the
  data commit's date when the caller did not set it, so two builds of one commit are byte-identical.
- The exports are added in on_files as generated files, so pages can link to them and MkDocs checks those links.
- Offline (LAWMAP_OFFLINE=true enables Material's `offline` plugin): the search worker shim is served from this
  repository instead of unpkg.com, and every link to a directory gets an explicit index.html so file:// works.
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from mkdocs.structure.files import File

from lawmap import history
from lawmap.exports import site_files
from lawmap.exports.meta import build_epoch

log = logging.getLogger("lawmap.build")  # not under "mkdocs": a warning here is shown but does not fail --strict
UNPKG_SHIM = "https://unpkg.com/iframe-worker/shim"
SHIM_SRC = Path(__file__).resolve().parent / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"


def offline(config) -> bool:
    plugin = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config, data_dir: Path, model) -> None:
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        os.environ["SOURCE_DATE_EPOCH"] = str(build_epoch(model, data_dir))
    if offline(config):
        config["use_directory_urls"] = True  # pages link with directory URLs; on_post_build adds index.html
        config["site_url"] = None  # the copy on disk points at nothing on the web (canonical links, sitemap)
        polyfills = config["extra"].get("polyfills", [])
        config["extra"]["polyfills"] = [SHIM_URI if p == UNPKG_SHIM else p for p in polyfills]


def add_files(files, config, data_dir: Path, model) -> None:
    _warn_about_history(data_dir, model)
    for path, content in site_files(model, data_dir, config.get("site_url") or "").items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    if offline(config):
        files.append(File.generated(config, SHIM_URI, content=SHIM_SRC.read_bytes()))


def _warn_about_history(data_dir: Path, model) -> None:
    found = history.for_model(data_dir, model)
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


def on_post_build(config) -> None:
    """Offline copy: make every directory link open its index.html from file:// (pages and search results)."""
    if not offline(config):
        return
    site = Path(config["site_dir"])
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = _ATTR.sub(lambda m: m[1] + with_index_html(m[2]) + m[3], text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    index = site / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        for doc in data.get("docs", []):
            doc["location"] = with_index_html(doc["location"], empty="index.html")
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
