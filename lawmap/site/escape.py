"""Escape data for HTML and for Markdown, so no data value is ever read as markup, a link, a table cell or a template."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def html(value) -> Markup:
    """HTML-escaped text (also neutralises Jinja/Markdown inside raw HTML blocks)."""
    text = str(escape("" if value is None else value))
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;").replace("|", "&#124;")
                  .replace("[", "&#91;").replace("]", "&#93;").replace("*", "&#42;").replace("_", "&#95;")
                  .replace("`", "&#96;").replace("\n", "<br>"))


def md(value) -> str:
    """Text safe inside Markdown (paragraphs, headings, table cells): HTML-escaped, Markdown specials backslashed."""
    text = str(escape("" if value is None else value))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", " ")
