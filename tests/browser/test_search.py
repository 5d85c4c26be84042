"""Material's search box, typed into as a visitor would: Chinese terms, 事项编码 and law short names find the right page."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from site_pages import SEARCHES, search


@pytest.mark.parametrize("query, expected", SEARCHES.items(), ids=SEARCHES.keys())
def test_search_puts_the_right_page_first(page, site_url, query, expected):
    page.goto(site_url + "/")
    results = [urlsplit(a.get_attribute("href")).path for a in search(page, query).all()[:5]]
    assert results[0] == expected, f"{query!r} → {results}"
