"""Tiny inline-SVG writer for the build-time diagrams: text measured and wrapped by hand, every data value escaped.

No JavaScript and nothing from another host: the diagram is plain SVG text in the page, so it reads offline, in
print and with the browser's own zoom. Text is never smaller than FONT px at the width each variant is shown at.
"""
from __future__ import annotations

from functools import lru_cache
from unicodedata import east_asian_width

from markupsafe import Markup

from .escape import entities

FONT = 13  # px: the smallest text of any diagram (the floor is 12 px on a 375 px phone)
LINE = 18  # px between wrapped lines


def esc(value) -> str:
    """XML-safe text or attribute value (numeric character references, as escape.html; no <br> for newlines)."""
    return entities(" ".join(str(value or "").split()))


@lru_cache(maxsize=8192)
def _wide(char: str) -> bool:
    return east_asian_width(char) in "WF"


def _char_width(char: str, size: float) -> float:
    return size if _wide(char) else size * 0.6


@lru_cache(maxsize=16384, typed=True)  # the same step names (受理, 审查, 决定…) recur in every diagram
def text_width(text: str, size: float = FONT) -> float:
    return sum(_char_width(c, size) for c in text)


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Greedy wrap to lines no wider than `width` px (CJK text breaks anywhere; keeps closing punctuation on the line)."""
    return list(_wrapped(" ".join(str(text or "").split()), width, size))


@lru_cache(maxsize=16384)
def _wrapped(text: str, width: float, size: float) -> tuple[str, ...]:
    """wrap() of a text with single spaces; the line's width is summed as it grows (the same sum text_width gives)."""
    lines, line, line_width = [], "", 0
    for char in text:
        with_char = line_width + _char_width(char, size)
        if line and with_char > width and char not in "，、。；：）》”":
            lines.append(line)
            line, line_width = ("", 0) if char == " " else (char, _char_width(char, size))
        else:
            line, line_width = line + char, with_char
    return tuple(lines + [line] if line else lines or [""])


class Canvas:
    """Collects SVG elements; `svg()` closes it into one <svg> with a <title> and <desc> for screen readers."""

    def __init__(self, width: int):
        self.width = width
        self.height = 0
        self.parts: list[str] = []

    def grow(self, bottom: float) -> None:
        self.height = max(self.height, int(bottom + 0.999))

    def rect(self, x, y, w, h, cls: str, rx: int = 3) -> None:
        self.parts.append(f'<rect class="{cls}" x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{rx}"/>')
        self.grow(y + h)

    def line(self, x1, y1, x2, y2, cls: str = "lm-svg-edge") -> None:
        self.parts.append(f'<path class="{cls}" d="M{x1:g} {y1:g}L{x2:g} {y2:g}"/>')

    def arrow(self, x1, y, x2, cls: str = "lm-svg-edge") -> None:
        """A horizontal arrow from x1 to x2 at height y, its head drawn as a small filled triangle."""
        self.line(x1, y, x2 - 5, y, cls)
        self.parts.append(f'<path class="lm-svg-arrow" d="M{x2 - 6:g} {y - 4:g}L{x2:g} {y:g}L{x2 - 6:g} {y + 4:g}Z"/>')

    def text(self, x, y, lines: list[str], cls: str = "", size: int = FONT) -> float:
        """Lines of text with their first baseline at y; returns the y below the last line."""
        attr = f' class="{cls}"' if cls else ""
        for i, line in enumerate(lines):
            self.parts.append(f'<text{attr} x="{x:g}" y="{y + i * LINE:g}" font-size="{size}">{esc(line)}</text>')
        self.grow(y + (len(lines) - 1) * LINE + 5)
        return y + (len(lines) - 1) * LINE

    def link(self, href: str, label: str) -> None:
        self.parts.append(f'<a href="{esc(href)}" aria-label="{esc(label)}">')

    def end_link(self) -> None:
        self.parts.append("</a>")

    def svg(self, uid: str, title: str, desc: str, cls: str = "") -> Markup:
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="lm-svg {cls}" viewBox="0 0 {self.width} {self.height}" '
                f'width="{self.width}" height="{self.height}" role="group" aria-labelledby="{uid}-t {uid}-d">'
                f'<title id="{uid}-t">{esc(title)}</title><desc id="{uid}-d">{esc(desc)}</desc>')
        return Markup(head + "".join(self.parts) + "</svg>")  # one line: Markdown must see one HTML block
