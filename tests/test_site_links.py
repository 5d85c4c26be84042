"""Whole-site checks over every built HTML page: nothing loads from another host, and every internal link resolves
(the page exists and, for #fragments, the id exists on it)."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from site_html import html_files, url_of

LOADING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
           "embed": "src", "object": "data", "track": "src"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
BASE = "http://site.invalid/"


def _soups(site: Path):
    for path in html_files(site):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_page_loads_anything_from_another_host(built_site):
    offending = []
    for path, soup in _soups(built_site):
        for tag, attr in LOADING.items():
            offending += [(path, el[attr]) for el in soup.find_all(tag) if el.get(attr) and _is_external(el[attr])]
        for link in soup.find_all("link", href=True):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect",
                      "dns-prefetch"} and _is_external(link["href"]):
                offending.append((path, link["href"]))
        for style in soup.find_all(style=True):
            offending += [(path, u) for u in CSS_URL.findall(style["style"]) if _is_external(u)]
        for style in soup.find_all("style"):
            offending += [(path, u) for u in CSS_URL.findall(style.get_text()) if _is_external(u)]
    for css in built_site.rglob("*.css"):
        offending += [(css, u) for u in CSS_URL.findall(css.read_text(encoding="utf-8")) if _is_external(u)]
    assert offending == []


def _target_file(site: Path, path: str) -> Path | None:
    local = site / unquote(path).lstrip("/")
    for candidate in (local, local / "index.html"):
        if candidate.is_file():
            return candidate
    return None


def _ids(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return cache[path]


def test_every_internal_link_resolves(built_site):
    broken, ids = [], {}
    for path, soup in _soups(built_site):
        here = BASE + url_of(built_site, path)
        for a in soup.find_all("a", href=True):
            href = a["href"]
            if _is_external(href) or href.startswith(("mailto:", "tel:")):
                continue
            target = urlsplit(urljoin(here, href))
            target_file = _target_file(built_site, target.path[len(urlsplit(BASE).path):])
            if target_file is None:
                broken.append((url_of(built_site, path), href))
            elif target.fragment and target_file.suffix == ".html" and unquote(target.fragment) not in _ids(target_file, ids):
                broken.append((url_of(built_site, path), href))
    assert broken == []


def test_no_link_or_script_is_a_javascript_url(built_site):
    for path, soup in _soups(built_site):
        for el in soup.find_all(href=True):
            assert not el["href"].strip().lower().startswith("javascript:"), path
