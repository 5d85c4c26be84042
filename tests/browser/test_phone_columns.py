"""At 375 px, no text on any page kind sits in a column narrower than 48 px (the issue measured 18–32 px columns of
one character a line in the 风险防控 table): each text's nearest block box inside the article is at least 48 px wide."""
from __future__ import annotations

import pytest

from site_pages import PAGES

NARROW_COLUMNS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    let box = node.parentElement;
    while (box !== article && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    if (box.closest('svg')) continue;  // diagram text is placed by the SVG, checked in test_site_map
    const rect = box.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;  // not shown (closed <details>, hidden variant)
    if (rect.width < 48) found.push(`${box.tagName}.${box.className} ${Math.round(rect.width)}px: ${node.textContent.trim().slice(0, 20)}`);
  }
  return found.slice(0, 8);
}"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_text_column_is_narrower_than_48px_on_a_phone(context, site_url, path):
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site_url + path)
    narrow = page.evaluate(NARROW_COLUMNS)
    assert narrow == [], f"{path}: text in columns narrower than 48 px: {narrow}"


def test_home_map_text_is_at_least_12px_on_a_phone(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site_url + "/")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.lm-svgmap svg text')]
        .filter(t => t.getBoundingClientRect().width > 0)
        .map(t => t.getScreenCTM().a * parseFloat(t.getAttribute('font-size')))""")
    assert sizes and min(sizes) >= 12, min(sizes or [0])
    shown = page.evaluate("""() => [...document.querySelectorAll('.lm-svgmap svg')]
        .filter(s => s.getBoundingClientRect().width > 0).map(s => s.getBoundingClientRect().width)""")
    assert shown and max(shown) <= 375
