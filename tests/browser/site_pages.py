"""The pages the browser tests visit — one of every page kind — and the searches they make. Add a page: one line."""
from __future__ import annotations

# name → path on the site. Every browser check (no foreign request, no sideways scroll on a phone, print view,
# axe-core, the 适老化 switches) runs on each of these.
PAGES = {
    "home": "/",
    "area": "/areas/binzang/",
    "power": "/powers/SNMZ-XK-023/",
    "power-penalty": "/powers/SNMZ-CF-003/",
    "list": "/list/",
    "laws": "/laws/",
    "law": "/laws/xingzheng-xuke-fa/",
    "basis": "/basis/",
    "report-errors": "/report-errors/",
    "staff-maintain": "/staff/maintain/",
    "open-data": "/open-data/",
    "disclosure": "/disclosure/",
    "disclosure-before": "/disclosure/before/",
    "disclosure-after": "/disclosure/after/",
    "disclosure-catalog": "/disclosure/catalog/",
    "disclosure-guide": "/disclosure/guide/",
    "disclosure-lenient": "/disclosure/lenient/",
    "disclosure-inspections": "/disclosure/inspections/",
    "disclosure-normative": "/disclosure/normative/",
    "disclosure-certificates": "/disclosure/certificates/",
    "disclosure-annual": "/disclosure/annual/",
    "disclosure-report": "/disclosure/reports/2023/",
    "disclosure-figures": "/disclosure/figures/2023/",
}

# query typed into the search box → the page that must come first
SEARCHES = {
    "殡葬": "/areas/binzang/",
    "社会团体": "/powers/SNMZ-XK-001/",
    "SNMZ-XK-001": "/powers/SNMZ-XK-001/",
    "社团条例": "/laws/shetuan-tiaoli/",
    "低保条例": "/laws/dibao-tiaoli/",
    "民非条例": "/laws/minfei-tiaoli/",
    # people's words (data/synonyms.yaml) find the power they mean
    "低保": "/powers/SNMZ-JF-028/",
    "五保": "/powers/SNMZ-JF-029/",
    "年检": "/powers/SNMZ-JC-007/",
    "年报": "/powers/SNMZ-JC-007/",
    "结婚证": "/powers/SNMZ-QR-040/",
    "离婚": "/powers/SNMZ-QR-040/",
    "养老院": "/powers/SNMZ-QT-020/",
    "领养": "/powers/SNMZ-QR-041/",
}

# power pages whose 运行流程图 is checked step by step against the data
FLOW_POWERS = ["SNMZ-XK-023", "SNMZ-CF-003"]


def search(page, query: str):
    """Type query into the site's search box as a visitor does; returns the result links (first = best)."""
    box = page.get_by_role("search").get_by_role("searchbox", name="搜索本站")
    box.click()
    box.fill(query)
    page.get_by_role("status").filter(has_text=f"“{query}”").wait_for()  # this query's results are on screen
    return page.locator(".lm-search__results a")
