"""Phone-first pages as a citizen reads them: table cells carry their column names (cards on a phone), the 示例 notice
is one line that opens, 谁来决定 tells 市级 from 县级, and 多长时间 says the deadline plainly with the law behind it."""
from __future__ import annotations

import openpyxl
import pytest

from lawmap.diagnostics import Pos
from lawmap.loader import load_project
from lawmap.model import TimeLimit
from lawmap.site.deadlines import cn_to_int, plain_deadline
from lawmap.site.tables import label_tables
from site_html import content, page, text


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


def test_table_cells_get_their_column_names():
    html = ('<table class="lm-table lm-risks"><thead><tr><th scope="col">环节</th><th scope="col">防控<br>措施</th>'
            '<th scope="col">岗位</th></tr></thead><tbody><tr><th scope="row">受理</th><td><ul><li>x</li></ul></td>'
            '<td>窗口</td></tr><tr><td colspan="3">无</td></tr></tbody></table>')
    out = label_tables(html)
    assert '<th scope="row" data-label="环节">受理</th><td data-label="防控 措施">' in out
    assert '<td colspan="3">无</td>' in out and 'class="lm-table lm-risks lm-stack"' in out
    two = label_tables('<table class="lm-table"><thead><tr><th>类型</th><th>数</th></tr></thead><tbody></tbody></table>')
    assert "lm-stack" not in two  # two columns fit a phone side by side
    assert label_tables(html.replace("lm-risks", "lm-wide")) == html.replace("lm-risks", "lm-wide")


def test_every_table_on_a_power_card_reads_as_cards(built_site, model):
    for power in model.powers:
        for table in content(page(built_site, f"powers/{power.code}/")).select("table.lm-table"):
            assert "lm-stack" in table["class"] or len(table.thead.select("th")) < 3, power.code
            cells = table.tbody.select("tr > td, tr > th")
            assert all(c.get("data-label") for c in cells if not c.get("colspan")), power.code


def test_the_example_notice_is_one_line_that_opens(built_site, model):
    for power in [p for p in model.powers if p.is_example][:5]:
        notice = content(page(built_site, f"powers/{power.code}/")).select_one("details.lm-example")
        assert notice is not None and "open" not in notice.attrs
        summary = text(notice.summary)
        assert "示例" in summary and len(summary) <= 40
        assert "source" not in text(content(page(built_site, f"powers/{power.code}/")))


def test_who_decides_tells_city_from_county(built_site, model):
    for power in model.powers:
        dd = content(page(built_site, f"powers/{power.code}/")).select_one(".lm-level-tag")
        expected = {"市级": "市级", "县级": "县级", "市级、县级": "市、县两级"}.get(power.level, power.level)
        assert text(dd) == expected, power.code
        assert ("lm-county" in dd["class"]) == ("县级" in power.level)


def test_deadlines_are_said_plainly_with_the_law_behind_them(built_site, model):
    assert cn_to_int("六十") == 60 and cn_to_int("二十") == 20 and cn_to_int("一百二十") == 120
    said = plain_deadline(TimeLimit(legal="二十日（慈善法第二十二条第一款，自受理申请之日起）", pos=Pos("t.yaml"),
                                    promised="示例：十五个工作日"))
    assert said["legal"] == "受理申请后 20 日" and said["promised"] == "15 个工作日" and said["example"]
    rows = content(page(built_site, "")).select("table.lm-apply tbody tr")
    applicable = [p for p in model.powers if p.on_application and p.status != "取消"]
    assert len(rows) == len(applicable)
    for row, power in zip(rows, applicable):
        cell = row.select_one('td[data-label="多长时间"]')
        assert text(cell.select_one("details.lm-why p")) == " ".join(power.time_limit.legal.split())
        assert text(row.select_one('td[data-label="谁来决定"]')).endswith(power.subject)


def test_the_list_page_offers_the_downloads_under_chinese_names(built_site, model):
    body = content(page(built_site, "list/"))
    links = {a["href"]: a["download"] for a in body.select(".lm-downloads a[download]")}
    agency = model.agency.name
    assert links == {"../downloads/quanze-qingdan.xlsx": f"{agency}权责清单.xlsx",
                     "../downloads/quanze-qingdan.csv": f"{agency}权责清单.csv"}
    book = openpyxl.load_workbook(built_site / "downloads" / "quanze-qingdan.xlsx")
    sheet = book["总表"]
    header = [c.value for c in sheet[1]]
    column = header.index("子项")
    cells = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True) if row[column]]
    assert cells and not [c for c in cells if "[" in c]  # 子项 by name, no internal [keys]


def test_a_law_page_lists_the_powers_based_on_it_before_its_articles(built_site, model):
    for law in model.laws.values():
        body = content(page(built_site, f"laws/{law.id}/"))
        heading = body.find(id="powers")
        codes = {p.code for p in model.powers for r in p.all_refs() if r.resolved and r.law_id == law.id}
        assert text(heading) == f"依据本法的事项（{len(codes)} 项）", law.id
        listed = [a["href"] for a in body.select("ul.lm-law-powers > li > a:first-child")]
        assert sorted(listed) == sorted(f"../../powers/{c}/" for c in codes), law.id
        assert str(body).index('id="powers"') < str(body).index('id="versions"')


def test_home_and_law_index_count_the_same_cited_laws(built_site, model):
    cited = {r.law_id for r in model.all_refs() if r.resolved}
    home = text(content(page(built_site, ""))).replace(" ", "")
    laws = text(content(page(built_site, "laws/"))).replace(" ", "")
    assert f"{len(cited)}部法律法规被引用" in home and f"其中{len(cited)}部被" in home
    assert f"本站收录{len(model.laws)}部法律法规，其中{len(cited)}部被" in laws
