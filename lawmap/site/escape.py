"""Escape data for HTML and for Markdown, so no data value is ever read as markup, a link, a table cell or a template.

Both escapers turn every character that means something to HTML, Markdown, tables or Jinja into a numeric
character reference; browsers show the character, and no later stage (Markdown, mkdocs-macros) sees syntax.
"""
from __future__ import annotations

from markupsafe import Markup

_HTML_SPECIAL = "&<>\"'\\`*_{}[]|#"  # markup, emphasis, links, table cells, Jinja, heading closers
_MD_SPECIAL = _HTML_SPECIAL + "()+-.!~:=%"  # also what starts a list, quote or heading at a line start
_HTML_TABLE = {ord(c): f"&#{ord(c)};" for c in _HTML_SPECIAL}
_MD_TABLE = {ord(c): f"&#{ord(c)};" for c in _MD_SPECIAL}


def entities(value, table=_HTML_TABLE) -> str:
    """The value as text with every special character a numeric reference (no <br>: newlines stay)."""
    return ("" if value is None else str(value)).translate(table)


def html(value) -> Markup:
    """HTML-escaped text for HTML blocks and attributes; a newline becomes <br>. Markup passes through unchanged."""
    if isinstance(value, Markup):
        return value
    text = entities(value)
    if "\n" in text:  # most values are one line: every printed value of every page passes here
        text = text.replace("\r\n", "\n").replace("\n", "<br>")
    return Markup(text)


def md(value) -> str:
    """Text safe anywhere in Markdown (paragraphs, headings, table cells): escaped, and kept on one line."""
    return " ".join(entities(value, _MD_TABLE).split("\n"))
