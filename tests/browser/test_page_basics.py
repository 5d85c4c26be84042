"""Every page kind in a real browser: nothing loads from another host, nothing scrolls sideways on a phone, and the
printed page is the content without the site's navigation."""
from __future__ import annotations

import pytest

from site_pages import PAGES, search

NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner",
              ".lm-search", ".lm-a11y"]
SIDEWAYS = """() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
                    - document.documentElement.clientWidth"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_and_its_search_load_only_from_this_host(page, site_url, requests, path):
    page.goto(site_url + path)
    assert search(page, "民政").count() > 0  # results shown: Pagefind's script, wasm, index chunks and fragments loaded
    assert any(url.startswith(site_url) for url in requests)
    assert requests.foreign() == []


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_nothing_scrolls_sideways_on_a_375px_phone(context, site_url, path, large_text):
    if large_text:
        context.add_init_script("localStorage.setItem('lawmap.large', '1')")
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.clientWidth") == 375
    overflow = page.evaluate(SIDEWAYS)
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     && !e.closest('.lm-table-wrap, .md-typeset__scrollwrap, pre, [hidden]'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert overflow <= 0, f"{path} is {overflow}px wider than the phone screen; widest elements: {wide}"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_print_shows_the_content_without_navigation(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    content = page.locator("article.md-content__inner")
    assert content.is_visible()
    assert content.locator("h1").first.is_visible()
    assert len(content.inner_text().strip()) > 50
    shown = [selector for selector in NAVIGATION if any(e.is_visible() for e in page.locator(selector).all())]
    assert shown == [], f"printed page still shows {shown}"
