"""The site's search box (Pagefind), typed into as a visitor would: Chinese terms, 事项编码 and law short names find
the right page; nothing of the index loads before the box is used, and a query fetches only some of it."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from site_pages import SEARCHES, search


@pytest.mark.parametrize("query, expected", SEARCHES.items(), ids=SEARCHES.keys())
def test_search_puts_the_right_page_first(page, site_url, query, expected):
    page.goto(site_url + "/")
    results = [urlsplit(a.get_attribute("href")).path for a in search(page, query).all()[:5]]
    assert results[0] == expected, f"{query!r} → {results}"


@pytest.mark.parametrize("query", ["低保", "社会团体", "殡葬"])
def test_result_snippets_leave_out_the_example_notice(page, site_url, query):
    page.goto(site_url + "/")
    search(page, query)
    snippets = page.locator(".lm-search__results li").all_inner_texts()
    assert snippets and not [s for s in snippets if "公开来源" in s or "仅作示例" in s], snippets
