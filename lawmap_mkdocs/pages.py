"""Generated pages rendered once: the page's renderer (lawmap.site) writes its finished HTML, and nothing renders it
again — no Jinja pass of mkdocs-macros over it, no Markdown pass of MkDocs.

MkDocs lets a plugin set `File.page` to a `Page` subclass. `GeneratedPage.read_source` takes the renderer's HTML as
the page's source (meta `render_macros: false` tells mkdocs-macros to leave it as it is, so data never reaches Jinja
as template text); `render` takes that as the content and reads the table of contents, the title and the anchors
off the headings the templates write (`<h2 id="…">`). Running Python-Markdown over the HTML would only re-parse it:
three quarters of a plain MkDocs build's time (benchmarks/README.md). Hand-written pages (docs/) still go through
mkdocs-macros and Markdown, and may call the same renderers as macros (macros.py).
"""
from __future__ import annotations

import re
from typing import Callable

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_HEADING = re.compile(r'<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]*>")


class GeneratedPage(Page):
    """A page of the model: `source()` returns its HTML (called when MkDocs reads the page, so one page's HTML is
    made at a time, as MkDocs reads Markdown files)."""

    def __init__(self, title, file, config, source: Callable[[], str]):
        super().__init__(title, file, config)
        self._source = source

    def read_source(self, config) -> None:
        self.markdown = self._source()
        self.meta = {"render_macros": False}

    def render(self, config, files) -> None:
        html = self.markdown or ""
        self.content, self.markdown = html, ""  # the HTML held once (on_page_content makes the content anew)
        self.toc, self._title_from_render = toc_and_title(html)
        self.present_anchor_ids = set(_ID.findall(html))


def toc_and_title(html: str):
    """The table of contents of the <h2>…<h6> that have an id (the <h1> is the page title, as Material reads it),
    and the title. Also for a hand-written page whose headings all come from a renderer (raw HTML to Markdown)."""
    tokens, title = [], None
    for level, attributes, inner in _HEADING.findall(html):
        text = _TAG.sub("", inner).strip()
        anchor = _ID.search(attributes)
        if level == "1":
            title = title or text
        elif anchor:
            tokens.append({"level": int(level), "id": anchor.group(1), "name": text, "html": inner, "children": []})
    return get_toc(nest_toc_tokens(tokens)), title


def nav_titles(nav) -> dict[str, str]:
    """src path → the title mkdocs.yml's nav gives it (a generated page listed there keeps that title)."""
    titles: dict[str, str] = {}

    def walk(entries):
        for entry in entries or []:
            if isinstance(entry, dict):
                for title, value in entry.items():
                    if isinstance(value, str):
                        titles[value] = title
                    else:
                        walk(value)
    walk(nav)
    return titles
