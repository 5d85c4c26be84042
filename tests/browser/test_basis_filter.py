"""依据查询 filtered as a clerk would: pick a law, a power type or an area, and only the matching laws and powers stay."""
from __future__ import annotations


def _visible(page, selector):
    return page.evaluate(f"""() => [...document.querySelectorAll({selector!r})]
        .filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('data-law') || e.querySelector('a').textContent)""")


def test_filter_by_law_type_and_area(page, site_url):
    page.goto(site_url + "/basis/")
    form = page.locator("form.lm-basis-filter")
    assert form.is_visible()
    page.select_option("select[name=law]", "binzang-tiaoli")
    assert _visible(page, "section.lm-basis-law") == ["binzang-tiaoli"]
    page.select_option("select[name=law]", "")
    page.select_option("select[name=type]", "行政给付")
    types = page.evaluate("""() => [...document.querySelectorAll('.lm-basis-power')]
        .filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('data-type'))""")
    assert types and set(types) == {"行政给付"}
    page.select_option("select[name=area]", "binzang")
    assert _visible(page, ".lm-basis-power") == []  # no 行政给付 in 殡葬管理
    assert "显示 0 部" in page.locator("form.lm-basis-filter output").inner_text()
