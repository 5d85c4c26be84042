"""URLs of every generated page and law unit, and relative links between pages (site may live in a sub-folder).

All `*_url` functions return site-root paths such as "powers/T-CF-001/" or "laws/x/#a30"; `rel(here, url)` turns
one into a link valid on the page whose docs path is `here` (e.g. "powers/T-CF-001.md"), since the site uses
directory URLs and may be served below a sub-path. Use these rather than building paths yourself.
"""
from __future__ import annotations

import posixpath

from ..model import Law, Ref
from ..vocab import POWER_TYPES

TYPE_SLUGS = {
    "行政许可": "xuke", "行政处罚": "chufa", "行政强制": "qiangzhi", "行政征收": "zhengshou", "行政给付": "jifu",
    "行政检查": "jiancha", "行政确认": "queren", "行政奖励": "jiangli", "行政裁决": "caijue",
    "其他行政权力": "qita", "公共服务": "gonggong",
}
# URL slugs are the site's own; the types themselves come from the schema (tests/test_vocab.py: one slug per type)


def page_url(src_uri: str) -> str:
    """docs path → site path: index.md → "", list.md → list/, laws/index.md → laws/, powers/X.md → powers/X/."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def rel(here: str, url: str) -> str:
    """A link from the page with docs path `here` to the site path `url` (which may carry a #fragment)."""
    return linker(here)(url)


def linker(here: str):
    """rel(here, ·) with the page's own place worked out once: a page at a province's scale holds thousands of links."""
    start = page_url(here) or "."
    base = None if start.startswith("/") or ".." in start else [part for part in start.split("/") if part and part != "."]

    def link(url: str) -> str:
        path, _, fragment = url.partition("#")
        target = _relpath(path or ".", start, base)
        target = "./" if target == "." else target + ("/" if path.endswith("/") else "")
        return target + (f"#{fragment}" if fragment else "")
    return link


def _relpath(path: str, start: str, base: list[str] | None) -> str:
    """posixpath.relpath(path, start) for the site's own relative paths (no "..", not absolute; `base`: start's
    parts), without its abspath/getcwd calls. Anything else goes to posixpath.relpath."""
    if base is None or path.startswith("/") or ".." in path:
        return posixpath.relpath(path, start)
    target = [part for part in path.split("/") if part and part != "."]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def home_url() -> str:
    return ""


def area_url(area_id: str) -> str:
    return f"areas/{area_id}/"


def power_url(code: str, section: str = "") -> str:
    return f"powers/{code}/" + (f"#{section}" if section else "")


def list_url(power_type: str | None = None) -> str:
    return "list/" + (f"#{type_anchor(power_type)}" if power_type else "")


def type_anchor(power_type: str) -> str:
    return f"t-{TYPE_SLUGS.get(power_type, 'other')}"


def laws_url() -> str:
    return "laws/"


def law_page_url(law_id: str) -> str:
    return f"laws/{law_id}/"


def shows_versions(law: Law) -> bool:
    """The law page shows several versions, so every anchor carries its version prefix (v2023-12-29-a22)."""
    return len(law.versions) > 1


def unit_anchor(law: Law, version_id: str, anchor: str) -> str:
    """The HTML id of a unit (anchor a30 / a30-k1 / a30-k1-i4) of one version on its law page."""
    return f"v{version_id}-{anchor}" if shows_versions(law) else anchor


def version_anchor(version_id: str) -> str:
    return f"v{version_id}"


def law_url(ref: Ref, here: str | None = None) -> str:
    """The cited unit on its law page; relative to the page `here` when given. The ref must be resolved."""
    if ref.law is None or ref.article is None:
        url = law_page_url(ref.law_id)
    else:
        url = law_page_url(ref.law.id) + "#" + unit_anchor(ref.law, ref.version_id, ref.anchor())
    return rel(here, url) if here is not None else url


def basis_url() -> str:
    return "basis/"


def report_errors_url() -> str:
    return "report-errors/"
