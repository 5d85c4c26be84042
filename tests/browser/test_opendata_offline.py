"""The offline copy opened from disk (file://) in Chromium: search finds pages, links open pages, nothing else is fetched."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

OWN_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", service_workers="block")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page, requested
    context.close()


def test_search_works_from_disk_and_its_result_opens_the_page(offline_site, offline_page):
    page, requested = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator("input.md-search__input").focus()
    page.keyboard.type("婚姻登记")
    page.locator(".md-search-result__item").first.wait_for()
    expect(page.locator(".md-search-result__meta")).to_contain_text("符合条件的结果")  # may follow the first item
    with page.expect_navigation():  # the results stay on screen until the new page replaces them
        page.locator(".md-search-result__item a").first.click()
    assert page.url.startswith("file://") and page.url.split("?")[0].split("#")[0].endswith("/index.html")
    expect(page.locator("article.md-content__inner")).to_contain_text("婚姻登记")
    assert any(url.endswith("search/search_index.js") for url in requested)
    assert [url for url in requested if not url.startswith(OWN_SCHEMES)] == []


def test_navigation_from_disk_opens_pages_and_fetches_nothing_else(offline_site, offline_page):
    page, requested = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator("nav a", has_text="开放数据").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/open-data/index.html")
    assert page.locator("article h1").inner_text() == "开放数据"
    page.locator("article").get_by_role("link", name="调整记录", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/open-data/changes/index.html")
    assert [url for url in requested if not url.startswith(OWN_SCHEMES)] == []
