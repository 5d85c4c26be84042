"""分类检查事项目录 and 双随机、一公开 (/disclosure/inspections/): the yearly list of inspection items, each tied to its
行政检查 power, and each year's joint random-check plan with its tasks and published results."""
from __future__ import annotations

from ..disclosure import records
from . import PageKind, register
from . import disclosure_common as dc
from .templating import render_template
from .views import ref_views


def _items(model) -> list[dict]:
    rows = []
    for item in records(model).inspections:
        power = model.power(item["power"])
        rows.append({"i": item, "p": power, "bases": ref_views(power.bases, model) if power else []})
    return rows


def _plan(model, year: int, plan) -> dict:
    d = records(model)
    tasks = [{"t": t, "item": d.inspection(t["inspection"]), "figure": dc.figure_view(model, "双随机抽查对象数", year, t["target_kind"]),
              "results": [r for r in plan["results"] if r["task"] == t["id"]]} for t in plan["tasks"]]
    results = plan["results"]
    example = sum(1 for r in results if r.get("source") == "示例")
    return {"year": year, "plan": plan["plan"], "tasks": tasks, "results": results, "planned": sum(t["count"] for t in plan["tasks"]),
            "result_counts": {"total": len(results), "example": example, "real": len(results) - example},
            "section_url": dc.report_url(year, plan["plan"].get("report_section")) if plan["plan"].get("report_section") else ""}


def render(model, key: str = "") -> str:
    d = records(model)
    meta = d.inspections_file.data if d.inspections_file else {}
    return render_template(
        "disclosure_inspections.md.j2", dc.src_uri("inspections"), dc=dc, meta=meta, items=_items(model),
        item_counts=dc.counts(d.inspections), figure=dc.figure_view(model, "检查事项数", meta.get("year")),
        plans=[_plan(model, y, d.random_checks[y]) for y in sorted(d.random_checks, reverse=True)])


register(PageKind("disclosure-inspections", dc.single_page("inspections", "disclosure-inspections"), render))
