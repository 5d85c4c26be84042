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


def test_a_page_loads_none_of_the_index_and_a_query_only_part_of_it(page, site_url, requests, built_site):
    page.goto(site_url + "/powers/SNMZ-CF-012/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url] == []
    search(page, "低保")
    fetched = {urlsplit(url).path for url in requests if "/pagefind/" in url}
    for kind in ("fragment", "index"):
        files = {f"/pagefind/{kind}/{p.name}" for p in (built_site / "pagefind" / kind).iterdir()}
        assert 0 < len(fetched & files) < len(files) / 2, kind
    assert requests.foreign() == []


def test_the_keyboard_alone_finds_and_opens_a_page(page, site_url):
    page.goto(site_url + "/laws/")
    page.keyboard.press("/")  # as in Material: / puts the cursor in the search box
    page.keyboard.type("殡葬")
    page.get_by_role("status").filter(has_text="“殡葬”").wait_for()
    page.keyboard.press("ArrowDown")
    assert urlsplit(page.evaluate("document.activeElement.href")).path == "/areas/binzang/"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")  # Enter in the box opens the first result
    page.wait_for_url("**/areas/binzang/")
    assert page.locator("article h1").inner_text() == "殡葬管理"


def test_escape_clears_the_box_and_hides_the_results(page, site_url):
    page.goto(site_url + "/")
    search(page, "低保")
    page.keyboard.press("Escape")
    assert page.get_by_role("searchbox", name="搜索本站").input_value() == ""
    assert not page.locator(".lm-search__results").is_visible()
