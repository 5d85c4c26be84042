"""The build's personal-data guard (lawmap_mkdocs/guard.py): a page is scanned where it is made and reported at the
published file's line; the theme's frame is scanned once in 404.html; files nothing scanned yet are read after the
build; the search indexes (made from the scanned pages) are not read back; a finding empties the output."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import Abort

from lawmap import pii
from lawmap_mkdocs.guard import PiiGuard

MOBILE = "139&#45;1234&#45;5678"  # as a page writes it


def _page(dest: str):
    return SimpleNamespace(file=SimpleNamespace(dest_uri=dest))


def test_a_page_is_reported_at_the_published_files_line(tmp_path):
    guard = PiiGuard(pii.Allowed())
    clean, dirty = _page("powers/A/index.html"), _page("powers/B/index.html")
    guard.scan_content(clean, "<p>无</p>")
    guard.scan_content(dirty, f"<p>联系</p>\n<p>{MOBILE}</p>")
    guard.scan_page(clean, "<html>\n<p>无</p>\n</html>")
    guard.scan_page(dirty, f"<html>\n<head>\n</head>\n<p>联系</p>\n<p>{MOBILE}</p>\n</html>")
    [(file, finding)] = guard.findings
    assert (file, finding.line, finding.kind) == ("powers/B/index.html", 5, pii.MOBILE)


def test_files_made_outside_the_scans_are_read_after_the_build_but_not_the_search_indexes(tmp_path):
    (tmp_path / "pagefind" / "fragment").mkdir(parents=True)
    (tmp_path / "pagefind" / "fragment" / "x.pf_fragment").write_bytes(b"not read")
    (tmp_path / "404.html").write_text(f"<footer>\n{MOBILE}\n</footer>", encoding="utf-8")
    (tmp_path / "api.json").write_text('{"a": "13912345678"}', encoding="utf-8")
    guard = PiiGuard(pii.Allowed())
    guard.scan("api.json", b'{"a": "13912345678"}')  # an export, scanned as it was produced
    guard.findings.clear()
    guard.scan_rest(tmp_path)
    assert [(file, f.line) for file, f in guard.findings] == [("404.html", 2)]
    with pytest.raises(Abort, match="未脱敏"):
        guard.fail_if_found(str(tmp_path))
    assert list(tmp_path.iterdir()) == []  # nothing a deploy step could publish
