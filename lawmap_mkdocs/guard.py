"""The build's personal-data guard: every published file is scanned where the build produces it, once.

A page's content is scanned as it is made (on_page_content); only a page where that finds something is scanned
again whole as MkDocs writes it, so the message gives the published file's line. The theme's frame around the
content (site name, footer, nav) is the same on every page and is scanned once, in 404.html. The open data is
scanned as each export is produced; after the build, every other file except the search indexes, whose text
is that of the pages already scanned (Pagefind's fragments, Material's search_index.json; their search tags are
codes and data/synonyms.yaml words, which `lawmap check` scanned). No output file is read
back that the build already had in memory. Any finding fails the build and empties the output folder.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.utils import clean_directory

from lawmap import pii

from .state import log

DERIVED_FROM_PAGES = ("pagefind/", "search/")  # indexes of the pages' own text


class PiiGuard:
    def __init__(self, allowed: pii.Allowed):
        self.allowed = allowed
        self.findings: list[tuple[str, pii.Finding]] = []
        self.scanned: set[str] = set()
        self.flagged: set[str] = set()

    def scan(self, path: str, content: bytes | str) -> None:
        """One published file (path relative to the site) from what the build holds: a page's HTML, or an export's
        bytes (read by the suffix of its name)."""
        self.scanned.add(path)
        if isinstance(content, str):
            found = pii.scan_html(content, self.allowed)
        else:
            found = pii.scan_bytes(path, content, self.allowed)
        self.findings.extend((path, f) for f in found)

    def scan_content(self, page, html: str) -> None:
        """A page's content; a finding marks the page for scan_page (the published file's line numbers)."""
        if pii.scan_html(html, self.allowed):
            self.flagged.add(page.file.dest_uri)

    def scan_page(self, page, output: str) -> None:
        if page.file.dest_uri in self.flagged:
            self.scan(page.file.dest_uri, output)
        self.scanned.add(page.file.dest_uri)

    def scan_rest(self, site_dir: str | Path) -> None:
        """The files produced without passing through scan(): sitemap, 404 page, copied docs files …"""
        site_dir = Path(site_dir)
        for file in pii.site_files(site_dir):
            rel = file.relative_to(site_dir).as_posix()
            if rel not in self.scanned and not rel.startswith(DERIVED_FROM_PAGES):
                self.findings.extend((rel, f) for f in pii.scan_file(file, self.allowed))

    def fail_if_found(self, site_dir: str) -> None:
        """Every finding as file:line, then the output folder emptied and the build stopped."""
        for file, finding in sorted(self.findings, key=lambda x: (x[0], x[1].line, x[1].col)):
            log.error(pii.describe(file, finding))
        if self.findings:
            clean_directory(site_dir)  # nothing a deploy step could publish is left behind
            raise Abort(f"生成的站点中有 {len(self.findings)} 处未脱敏的个人信息，已清空 {site_dir}，站点不得发布"
                        f"（见上方 文件:行 列表）")
