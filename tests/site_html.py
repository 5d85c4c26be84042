"""Helpers for tests that read the built site: open a page by URL path, get its main content and visible text."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup


@lru_cache(maxsize=256)
def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at site-relative URL `url` ("", "powers/X/", "laws/y/"); parsed once, treat as read-only."""
    path = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The article body (what the renderer produced), without theme chrome."""
    return soup.select_one("article.md-content__inner")


def text(node) -> str:
    """Visible text with whitespace collapsed (the zero-width spaces search adds never reach pages)."""
    return re.sub(r"\s+", " ", node.get_text(" ", strip=True)).strip()


def squash(value: str) -> str:
    """Text with all whitespace removed, to compare quoted law text across line breaks."""
    return re.sub(r"\s+", "", value)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, path: Path) -> str:
    """The site-relative URL of a built HTML file (directory URLs)."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel
