"""Generated pages rendered once: their renderers write finished HTML, so MkDocs' Markdown pass is skipped for them.

A generated page's source is a one-line macro call; mkdocs-macros replaces it with the renderer's HTML (page.markdown).
Running Python-Markdown over that HTML again would only re-parse it (three quarters of a plain MkDocs build's time),
so `GeneratedPage.render` takes it as the content and reads the table of contents, the title and the anchors off the
headings the templates write (`<h2 id="…">`). MkDocs lets a plugin set `File.page` to a `Page` subclass.
"""
from __future__ import annotations

import re

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_HEADING = re.compile(r'<h([1-6])(?: id="([^"]*)")?>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]*>")
_ANCHOR = re.compile(r'\bid="([^"]+)"')


class GeneratedPage(Page):
    """A page whose Markdown, after the macros ran, is already its HTML."""

    def render(self, config, files) -> None:
        html = self.markdown or ""
        self.content = html
        tokens, title = _headings(html)
        self.toc = get_toc(nest_toc_tokens(tokens))
        self._title_from_render = title
        self.present_anchor_ids = set(_ANCHOR.findall(html))


def _headings(html: str) -> tuple[list[dict], str | None]:
    """The <h2>…<h6> with an id as toc tokens (the <h1> is the page title, as Material reads it), and the title."""
    tokens, title = [], None
    for level, anchor, inner in _HEADING.findall(html):
        text = _TAG.sub("", inner).strip()
        if level == "1":
            title = title or text
        elif anchor:
            tokens.append({"level": int(level), "id": anchor, "name": text, "html": inner, "children": []})
    return tokens, title


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
