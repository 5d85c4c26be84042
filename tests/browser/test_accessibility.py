"""Accessibility (GB/T 37668-2019 basics, via axe-core) and the 适老化 features on every page kind: the 大字 and
高对比 switches (keyboard-operable, remembered across pages) and the skip-to-content link."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_pages import PAGES

SERIOUS = ("serious", "critical")
MODES = {"normal": "", "large-text": "lawmap.large", "high-contrast": "lawmap.contrast"}
MODE_PAGES = ["home", "power", "law", "disclosure"]
TAB_STOPS = 40


@pytest.fixture(scope="module")
def axe():
    return Axe()  # axe-core's own script, shipped inside axe-playwright-python: nothing is fetched


def _serious(results) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:4]]}"
            for v in results.response["violations"] if v["impact"] in SERIOUS]


def _open(context, site_url, path, storage_key=""):
    if storage_key:
        context.add_init_script(f"localStorage.setItem('{storage_key}', '1')")
    page = context.new_page()
    page.goto(site_url + path)
    return page


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_nothing_serious(context, site_url, requests, axe, path):
    page = _open(context, site_url, path)
    assert page.evaluate("document.documentElement.lang").startswith("zh")
    assert _serious(axe.run(page)) == []
    assert requests.foreign() == []


@pytest.mark.parametrize("mode", ["large-text", "high-contrast"])
@pytest.mark.parametrize("name", MODE_PAGES)
def test_axe_finds_nothing_serious_in_each_reading_mode(context, site_url, axe, name, mode):
    page = _open(context, site_url, PAGES[name], MODES[mode])
    assert _serious(axe.run(page)) == []


def _tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with Tab")


def _root_font_px(page) -> float:
    return float(page.evaluate("getComputedStyle(document.documentElement).fontSize").removesuffix("px"))


def test_large_text_switch_works_by_keyboard_and_is_remembered(context, site_url):
    page = _open(context, site_url, PAGES["home"])
    normal = _root_font_px(page)
    _tab_to(page, "lm-a11y-large")
    assert page.locator("#lm-a11y-large").inner_text() == "大字"
    page.keyboard.press("Enter")
    assert page.get_attribute("#lm-a11y-large", "aria-pressed") == "true"
    assert _root_font_px(page) >= normal * 1.15
    page.goto(site_url + PAGES["power"])  # another page: the choice is kept, before any click
    assert page.evaluate("document.documentElement.classList.contains('lm-large')")
    assert page.get_attribute("#lm-a11y-large", "aria-pressed") == "true"
    assert _root_font_px(page) >= normal * 1.15
    _tab_to(page, "lm-a11y-large")
    page.keyboard.press("Space")
    page.reload()
    assert page.get_attribute("#lm-a11y-large", "aria-pressed") == "false"
    assert _root_font_px(page) == normal


def test_high_contrast_switch_works_by_keyboard_and_is_remembered(context, site_url):
    page = _open(context, site_url, PAGES["power"])
    _tab_to(page, "lm-a11y-contrast")
    page.keyboard.press("Space")
    assert page.get_attribute("#lm-a11y-contrast", "aria-pressed") == "true"
    text_colour = "getComputedStyle(document.querySelector('.md-typeset %s')).color"
    assert page.evaluate(text_colour % "p") == "rgb(0, 0, 0)"
    assert page.evaluate(text_colour % ".lm-step-who") == "rgb(0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(0, 0, 0)"
    page.goto(site_url + PAGES["law"])
    assert page.get_attribute("#lm-a11y-contrast", "aria-pressed") == "true"
    assert page.evaluate(text_colour % "p") == "rgb(0, 0, 0)"


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_first_tab_reaches_a_skip_link_to_the_content(page, site_url, path):
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    target = skip.get_attribute("href")
    assert target.startswith("#")
    assert page.locator(f"article.md-content__inner [id='{target[1:]}']").count() == 1
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_tab_order_follows_the_page_and_never_lands_on_something_hidden(page, site_url, path):
    """Tab goes through the controls in document order (no tabindex > 0 reorders it), each stop is on screen."""
    page.goto(site_url + path)
    stops = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate_handle("document.activeElement")
        if page.evaluate("e => e === document.body", stop):
            break
        stops.append(stop)
    assert len(stops) > 5
    assert page.evaluate("e => e.classList.contains('md-skip')", stops[0])
    hidden = [page.evaluate("e => e.outerHTML.slice(0, 100)", s) for s in stops
              if not page.evaluate("e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }", s)]
    assert hidden == []
    backwards = [page.evaluate("e => e.outerHTML.slice(0, 100)", b) for a, b in zip(stops, stops[1:])
                 if page.evaluate("([a, b]) => !(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)", [a, b])]
    assert backwards == []
