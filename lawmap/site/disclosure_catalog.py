"""政府信息公开目录 (/disclosure/catalog/): every published item of this site by category with 索引号, 名称, 内容概述 and
生成日期 (公开条例 第十二条), generated from the records so the catalogue cannot drift from the pages."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, links, register
from . import disclosure_common as dc
from .templating import render_template


def _entries(model) -> dict[str, list[dict]]:
    d = records(model)
    as_of = model.agency.data.get("as_of", "") if model.agency else ""
    entries = {
        "jigou": [("机关职能和内设机构", "执法主体、职责、内设科室、联系方式", as_of, dc.url("before") + "#duties")],
        "wenjian": [(f"《{n['title']}》（{n['doc_no']}）", n.get("subject", ""), n.get("issued_on") or str(n.get("year", "")),
                     dc.url("normative") + f"#{n['id']}") for n in d.normative],
        "zhifa": [("行政执法事前公开", "执法主体、人员、职责、依据、程序、救济途径、随机抽查事项清单", as_of, dc.url("before")),
                  ("包容审慎监管“三张清单”", f"不予、从轻、减轻处罚事项清单，收录 {len(d.lenient)} 行", as_of, dc.url("lenient")),
                  ("分类检查事项目录", f"检查事项 {len(d.inspections)} 项", as_of, dc.url("inspections")),
                  ("证明事项清单", "本局证明事项及其依据", as_of, dc.url("certificates"))]
        + [(f"“双随机、一公开”{y}年抽查", "抽查计划和结果", str(y), dc.url("inspections") + f"#random-{y}")
           for y in sorted(d.random_checks, reverse=True)]
        + [(f"行政执法决定：{x['doc_no']}", f"{x['target']['name']}，{x['conclusion']}", x["published_on"],
            dc.url("after") + f"#{x['id']}") for x in d.decisions if x["status"] == "有效"],
        "quanze": [("权责清单", f"本局保留的权责事项 {len(model.powers)} 项", as_of, links.list_url()),
                   ("法治账图", "总图、分图和事项卡片", as_of, links.home_url())],
        "baogao": [(r["title"], "法治政府建设年度报告全文及数字一览", r["signed_on"], dc.report_url(y))
                   for y, r in sorted(d.reports.items(), reverse=True)],
    }
    return entries


def render(model, key: str = "") -> str:
    d = records(model)
    entries = _entries(model)
    prefix = model.agency.data["catalog_prefix"] if model.agency else "ML"
    categories = []
    for number, c in enumerate(d.categories, 1):
        rows = [{"index": f"{prefix}-{number:02d}-{i:03d}", "name": name, "summary": summary, "date": date, "url": url}
                for i, (name, summary, date, url) in enumerate(entries.get(c["id"], []), 1)]
        categories.append({"c": c, "rows": rows})
    return render_template("disclosure_catalog.md.j2", dc.src_uri("catalog"), dc=dc, categories=categories)


register(PageKind("disclosure-catalog", dc.single_page("catalog", "disclosure-catalog"), render))
