"""Every data value shows as literal text: the adversarial fixture (markup, Jinja, Markdown links, table pipes in
every free-text field) builds, nothing in it becomes an element, a link, a template result or an extra table cell."""
from __future__ import annotations

from pathlib import Path

import pytest

from site_html import content, html_files, page, text, url_of

FIXTURE = Path(__file__).parent / "fixtures" / "adversarial"
NASTY = [
    "对<script>alert('power')</script>违法 | 行为的处罚",
    "主体 {{ 7*7 }}",
    "立案 | {% include 'x' %} | <img src=x onerror=alert('duty')>",
    "[x](javascript:alert('case'))",
    "风险 | <script>alert('risk')</script>",
    "措施 {{ 7*7 }}",
    "理由 <script>alert('note')</script> | 未公开",
]
PAGES = {
    "powers/EV-CF-001/": NASTY,
    "laws/evil-law/": ["恶意<script>alert('law')</script>条例", "第一款 <script>alert('para')</script> 与 {{ 7*7 }}：",
                       "项文 [点我](javascript:alert('item')) | 分隔", "第二款 *星号* _下划线_ # 井号 \\ 反斜杠 &amp; 实体",
                       "条文出处 <img src=x onerror=alert('src')>，未经核对"],
    "areas/evil/": ["恶意领域 <script>alert('area')</script>", "概述 {{ 7*7 }} {% include 'x' %} [链](javascript:alert('sum'))",
                    "职责 | 管道 | 分隔"],
    "": ["账图 <b>{{ title }}</b> | 标题"],  # the site title from agency.yaml
    "report-errors/": ["地址 {{ 7*7 }} | 一号", "办公室 <b>粗</b>", "[官网](javascript:alert('site'))"],
}


@pytest.fixture(scope="module")
def site(build_site):
    return build_site(FIXTURE)


@pytest.mark.parametrize("url", list(PAGES))
def test_values_render_literally(site, url):
    body = text(content(page(site, url)))
    for value in PAGES[url]:
        assert " ".join(value.split()) in body, f"{url}: {value!r} not shown literally"


def test_no_value_becomes_markup(site):
    for path in html_files(site):
        if path.name != "index.html":
            continue
        body = content(page(site, url_of(site, path)))
        if body is None:
            continue
        assert body.find_all(["script", "img", "iframe", "b"]) == [], path
        assert not [a for a in body.find_all("a", href=True) if "javascript" in a["href"]], path


def test_the_page_title_is_escaped(site):
    raw = (site / "powers" / "EV-CF-001" / "index.html").read_text(encoding="utf-8")
    assert "<title>对&lt;script&gt;" in raw and "<script>alert(" not in raw


def test_the_site_title_and_description_from_the_data_are_escaped(site):
    raw = (site / "404.html").read_text(encoding="utf-8")
    assert "<title>账图 &lt;b&gt;{{ title }}&lt;/b&gt; | 标题</title>" in raw
    assert 'content="简介 [链接](javascript:alert(1)) &lt;i&gt;x&lt;/i&gt;"' in raw and "<i>x</i>" not in raw


def test_pipes_never_split_a_table_cell(site):
    for url in PAGES:
        for table in content(page(site, url)).find_all("table"):
            width = len(table.thead.find_all("th")) if table.thead else None
            for row in table.tbody.find_all("tr"):
                cells = sum(int(c.get("colspan", 1)) for c in row.find_all(["td", "th"], recursive=False))
                if width and not row.find(attrs={"rowspan": True}):
                    assert cells == width, f"{url}: row {text(row)!r} has {cells} cells, header {width}"
