"""The Jinja environment for page templates: autoescape on, and every printed value passes through escape.html()."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..citation import At, cite, int_to_cn
from . import links
from .escape import html, md
from .views import EXAMPLE_REASON

TEMPLATES = Path(__file__).parent / "templates"


def _url(here: str):
    """A filter: a site path (from links.*_url) → a link valid on page `here`; urls are ids/codes, never free text."""
    link = links.linker(here)

    def to(url: str) -> Markup:
        return escape(link(url))  # escape() gives Markup
    return to


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), bytecode_cache=_compiled_templates(),
                      autoescape=True, finalize=html,
                      undefined=StrictUndefined,  # a misspelt name fails the build; optional keys: .get()
                      comment_start_string="{##", comment_end_string="##}",  # {# is left to the page text
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(links=links, cn=int_to_cn, cite=cite, At=At, example_reason=EXAMPLE_REASON)
    env.filters["md"] = lambda v: Markup(md(v))
    env.filters["id"] = lambda v: Markup(escape(v))  # ids/anchors are [a-z0-9-] by schema
    return env


def _compiled_templates() -> FileSystemBytecodeCache | None:
    """Jinja's own cache of compiled templates in the user's temp folder, so a build skips compiling them. Jinja
    checks each template's source; the environment's options (this module) shape the compiled code too, so the
    files are named after this module's text. None where no safe folder exists."""
    try:
        options = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
        return FileSystemBytecodeCache(pattern=f"__lawmap_{options}_%s.cache")
    except (RuntimeError, OSError):
        return None


def render_template(name: str, here: str, **context) -> str:
    """Render templates/<name> for the page whose docs path is `here` (links in it are made relative to it)."""
    env = environment()
    return env.get_template(name).render(here=here, url=_url(here), **context)
