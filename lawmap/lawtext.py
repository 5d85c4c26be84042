"""Parse a reference law text (the national database's Markdown, as in reference/laws/) into 条/款/项.

Used to check quoted articles against the reference and to print a ready-to-paste YAML block
(`python -m lawmap quote FILE 30 31`), so staff never retype an article by hand.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .citation import cn_to_int

_ARTICLE = re.compile(r"^第([零一二三四五六七八九十百千]+)条[\s\u3000]*(.*)$")
_ITEM = re.compile(r"^[（(]([零一二三四五六七八九十]+)[）)][\s\u3000]*(.*)$")


@dataclass
class RefPara:
    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class RefArticle:
    no: int
    paras: list[RefPara] = field(default_factory=list)


def normalise(text: str) -> str:
    """Whitespace aside, as the laws' files mix spaces in (未保法 2024 第95条 "条 件")."""
    return re.sub(r"[\s\u3000]+", "", text)


def _body_lines(text: str) -> list[str]:
    if "<!-- INFO END -->" in text:
        text = text.split("<!-- INFO END -->", 1)[1]
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def parse_law_text(text: str) -> dict[int, RefArticle]:
    """Articles by number; an article heading is accepted only in sequence, so cross-references stay text."""
    articles: dict[int, RefArticle] = {}
    current: RefArticle | None = None
    for line in _body_lines(text):
        match = _ARTICLE.match(line)
        number = cn_to_int(match.group(1)) if match else None
        if match and (current is None or number == current.no + 1):
            current = articles.setdefault(number, RefArticle(number))
            current.paras.append(RefPara(match.group(2).strip()))
            continue
        if current is None:
            continue
        item = _ITEM.match(line)
        if item and current.paras:
            current.paras[-1].items.append(item.group(2).strip())
        else:
            current.paras.append(RefPara(line))
    return articles


def load_reference(path: Path) -> dict[int, RefArticle]:
    """The parsed text of a reference file, parsed once per file state: the quote check, the amendment pages and
    law-update all read the same files in one build (callers only read the result)."""
    stat = path.stat()
    return _parsed(Path(path).resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parsed(path: Path, mtime_ns: int, size: int) -> dict[int, RefArticle]:
    return parse_law_text(path.read_text(encoding="utf-8"))


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def article_yaml(article: RefArticle, indent: str = "      ") -> str:
    """The YAML block of one article, in the shape data/laws/*.yaml expects."""
    lines = [f"{indent}- no: {article.no}", f"{indent}  paras:"]
    for index, para in enumerate(article.paras, 1):
        lines.append(f"{indent}    - id: k{index}")
        lines.append(f"{indent}      text: {_yaml_str(para.text)}")
        if para.items:
            lines.append(f"{indent}      items:")
            for number, item in enumerate(para.items, 1):
                lines.append(f"{indent}        - {{no: {number}, text: {_yaml_str(item)}}}")
    return "\n".join(lines)
