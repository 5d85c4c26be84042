"""The disclosure rules, one small function each: links to powers, name masking, deadlines, PII, report figures."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .. import legal_rules, privacy
from ..diagnostics import Pos, Report
from ..model import Model
from .deadline import CalendarUnknown, add_workdays, days_late
from .records import Disclosure, Record

FICTIONAL_ORG = ("某某", "示例")
SHORT_LIMIT_TYPES = {"行政许可": 7, "行政处罚": 7}  # working days to publish; every other decision: 20
OTHER_LIMIT = 20
WITHDRAW_LIMIT = 3  # 处罚法 48: a changed or revoked decision is withdrawn within 3 working days
LIST_FIGURES = {"不予处罚": "不予处罚清单事项数", "从轻处罚": "从轻处罚清单事项数", "减轻处罚": "减轻处罚清单事项数"}


def check_all(model: Model, d: Disclosure, report: Report) -> None:
    check_unique_ids(d, report)
    for officer in d.officers:
        check_officer(model, officer, report)
    for decision in d.decisions:
        check_decision(model, decision, report)
    for row in d.lenient:
        check_lenient_row(model, row, report)
    check_lenient_counts(d, report)
    for item in d.inspections:
        check_inspection(model, item, report)
    check_inspection_count(d, report)
    for plan in d.random_checks.values():
        check_random_plan(d, plan, report)
    for year_report in d.reports.values():
        check_report_figures(year_report, report)


def check_unique_ids(d: Disclosure, report: Report) -> None:
    groups = {"执法人员": d.officers, "执法决定": d.decisions, "三张清单行": d.lenient, "检查事项": d.inspections,
              "规范性文件": d.normative}
    for what, items in groups.items():
        first: dict = {}
        for item in items:
            if item["id"] in first:
                report.error(item.pos("id"), f"{what} id '{item['id']}' 重复（{first[item['id']]} 已有）")
            first.setdefault(item["id"], item.pos("id"))


def check_officer(model: Model, officer: Record, report: Report) -> None:
    if officer.is_example and not officer["name"].startswith("示例"):
        report.error(officer.pos("name"), f"示例执法人员的姓名须以“示例”开头（如 示例执法人员甲），不得使用像真实人名的“{officer['name']}”")
    if model.agency and officer["office"] not in model.agency.offices:
        report.error(officer.pos("office"), f"执法人员 {officer['id']} 的科室 '{officer['office']}' 不在 agency.yaml 的科室中")


def _power(model: Model, record: Record, report: Report, want_type: str | None = None):
    power = model.power(record["power"])
    if power is None:
        report.error(record.pos("power"), f"{record['id']}：权责清单中没有事项编码 '{record['power']}'")
        return None
    if want_type and power.type != want_type:
        report.error(record.pos("power"), f"{record['id']}：事项 {power.code}（{power.name}）是{power.type}，不是{want_type}")
    subitem = record.get("subitem")
    if subitem and power.subitem(subitem) is None:
        known = "、".join(s.id for s in power.subitems) or "无"
        report.error(record.pos("subitem"), f"{record['id']}：事项 {power.code} 没有子项 '{subitem}'（已有：{known}）")
    return power


def check_decision(model: Model, decision: Record, report: Report) -> None:
    power = _power(model, decision, report)
    check_target(decision, report)
    if decision["decided_on"] > model.today:
        report.error(decision.pos("decided_on"), f"执法决定 {decision['id']} 的决定日期 {decision['decided_on']} 晚于今天"
                                                 f"（{model.today}）：不能公开尚未作出的决定")
    if decision["published_on"] < decision["decided_on"]:
        report.error(decision.pos("published_on"), f"执法决定 {decision['id']} 的公开日期早于决定日期")
    if power is not None:
        check_publication_deadline(decision, power.type, report)
        check_decision_level(model, power, decision, report)
    check_withdrawal(decision, report)
    check_legal_review(decision, report)


def check_target(decision: Record, report: Report) -> None:
    target = decision["target"]
    where = decision.pos("target", "name")
    if target.get("minor"):
        report.error(decision.pos("target"), f"执法决定 {decision['id']} 的当事人是未成年人：此类决定不得公开（未成年人保护法第四条）")
    privacy.check_person_name(target["name"], where, f"执法决定 {decision['id']} 的当事人", report,
                              is_person=True if target["type"] == "个人" else None)  # 组织: judged by the name
    if target["type"] == "组织" and decision.is_example and not any(m in target["name"] for m in FICTIONAL_ORG):
        report.error(where, f"示例执法决定 {decision['id']} 的当事人须是明显虚构的名称（含“某某”），不得写“{target['name']}”")


def check_publication_deadline(decision: Record, power_type: str, report: Report) -> None:
    """许可、处罚决定 7 个工作日内公开，其他执法决定 20 个工作日内（含法定节假日和调休）."""
    limit = SHORT_LIMIT_TYPES.get(power_type, OTHER_LIMIT)
    try:
        late = days_late(decision["decided_on"], decision["published_on"], limit)
        deadline = add_workdays(_date(decision["decided_on"]), limit)
    except CalendarUnknown as exc:
        report.warning(decision.pos("published_on"), f"执法决定 {decision['id']}：节假日日历未收录 {exc} 年，无法核对公开时限")
        return
    if late > 0:
        report.warning(decision.pos("published_on"),
                       f"执法决定 {decision['id']}（{power_type}）{decision['decided_on']} 作出，应在 {limit} 个工作日内"
                       f"（{deadline} 前）公开，实际 {decision['published_on']} 公开，逾期 {late} 个工作日")


def check_withdrawal(decision: Record, report: Report) -> None:
    if decision["status"] == "有效":
        return
    changed, withdrawn = decision.get("changed_on"), decision.get("withdrawn_on")
    if not changed or not decision.get("change_reason"):
        report.error(decision.pos("status"), f"执法决定 {decision['id']} 状态为“{decision['status']}”，须写明 changed_on 和 change_reason")
        return
    if not withdrawn:
        report.error(decision.pos("status"), f"执法决定 {decision['id']} 已{decision['status']}，须写明撤下或更正公示的日期 withdrawn_on")
        return
    try:
        late = days_late(changed, withdrawn, WITHDRAW_LIMIT)
    except CalendarUnknown:
        return
    if late > 0:
        report.warning(decision.pos("withdrawn_on"), f"执法决定 {decision['id']} 应在 {WITHDRAW_LIMIT} 个工作日内撤下公示，"
                                                     f"逾期 {late} 个工作日（行政处罚法第四十八条）")


def check_legal_review(decision: Record, report: Report) -> None:
    review = decision.get("legal_review")
    if not review or not review["required"]:
        return
    reviewed = review.get("reviewed_on")
    if not reviewed:
        report.error(decision.pos("legal_review"), f"执法决定 {decision['id']} 属于重大执法决定，须写明法制审核日期 reviewed_on")
    elif reviewed > decision["decided_on"]:
        report.error(decision.pos("legal_review", "reviewed_on"), f"执法决定 {decision['id']} 的法制审核晚于决定日期：须先审核、后决定（行政处罚法第五十八条）")


def check_decision_level(model: Model, power, decision: Record, report: Report) -> None:
    """A decision follows the level rule of its power: the city bureau does not decide what the law gives the county."""
    refs = power.subitem_refs(decision["subitem"]) if decision.get("subitem") else list(power.bases)
    problem = legal_rules.decision_level_problem(power, refs, decision["agency"], model.agency.name if model.agency else "",
                                                 legal_rules.is_county_agency(model))
    if problem:
        report.error(decision.pos("agency"), f"执法决定 {decision['id']}：{problem}")


def check_lenient_row(model: Model, row: Record, report: Report) -> None:
    power = _power(model, row, report, "行政处罚")
    if power is not None and not power.subitems:
        report.error(row.pos("power"), f"{row['id']}：事项 {power.code} 没有列出子项（违法情形），三张清单的每一行须对应一个子项")
    elif power is not None and power.subitem(row["subitem"]) is not None:
        problem = legal_rules.lenient_row_problem(row["list"], power.subitem_refs(row["subitem"]))
        if problem:
            report.error(row.pos("subitem"), f"{row['id']}（{row['list']}）：{problem}")


def needed_figure(d: Disclosure, means: str, where: Pos, what: str, report: Report):
    """The latest report's figure that `means` this; when there is none the check cannot run, which is an error
    (a renamed or missing figure never turns a check off silently)."""
    latest = d.latest_report()
    if latest is None:
        report.error(where, f"{what}须与年度报告的数字核对，但 data/disclosure/reports/ 中没有年度报告")
        return None
    figure = d.figure(means)
    if figure is None:
        report.error(latest.pos("figures"), f"{latest['year']}年度报告没有 means: {means} 的数字，无法核对{what}"
                                            "（在对应数字下写 means，见工作人员页“报告数字的含义”）")
    return figure


def check_lenient_counts(d: Disclosure, report: Report) -> None:
    """The data may hold fewer rows than the report counts (the real lists are not public), never more."""
    if d.lenient_file is None:
        return
    counts = Counter(row["list"] for row in d.lenient)
    where = d.lenient_file.pos("rows")
    for name, means in LIST_FIGURES.items():
        if not counts[name]:
            continue  # nothing to count against the report
        figure = needed_figure(d, means, where, f"{name}清单的行数", report)
        if figure is not None and counts[name] > figure["value"]:
            report.error(where, f"{name}清单有 {counts[name]} 行，多于年度报告公布的 {figure['value']:g} 项")


def check_inspection(model: Model, item: Record, report: Report) -> None:
    _power(model, item, report, "行政检查")


def check_inspection_count(d: Disclosure, report: Report) -> None:
    if d.inspections_file is None:
        return
    figure = needed_figure(d, "检查事项数", d.inspections_file.pos("items"), "分类检查事项目录的项数", report)
    if figure is not None and len(d.inspections) != figure["value"]:
        report.warning(d.inspections_file.pos("items"), f"分类检查事项目录有 {len(d.inspections)} 项，年度报告为 {figure['value']:g} 项")


def check_random_plan(d: Disclosure, plan: Record, report: Report) -> None:
    tasks = {t["id"]: t for t in plan["tasks"]}
    for i, task in enumerate(plan["tasks"]):
        if d.inspection(task["inspection"]) is None:
            report.error(plan.pos("tasks", i, "inspection"), f"抽查任务 {task['id']} 对应的检查事项 '{task['inspection']}' 不在分类检查事项目录中")
    done = Counter()
    for i, result in enumerate(plan["results"]):
        task = tasks.get(result["task"])
        if task is None:
            report.error(plan.pos("results", i, "task"), f"抽查结果指向不存在的抽查任务 '{result['task']}'")
            continue
        privacy.check_person_name(result["target"], plan.pos("results", i, "target"), "抽查对象", report)
        done[task["id"]] += 1
        if done[task["id"]] > task["count"]:
            report.error(plan.pos("results", i), f"抽查任务 {task['id']} 计划 {task['count']} 家，结果已超过")
        try:
            late = days_late(result["checked_on"], result["published_on"], OTHER_LIMIT)
        except CalendarUnknown:
            continue
        if late > 0:
            report.warning(plan.pos("results", i, "published_on"), f"抽查结果（{result['target']}）应在 {OTHER_LIMIT} 个工作日内公开，逾期 {late} 个工作日")


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_report_figures(year_report: Record, report: Report) -> None:
    """Every figure names the section it comes from, and its quote is that section's own words."""
    sections = {s["id"]: s for s in year_report["sections"]}
    seen = set()
    for i, figure in enumerate(year_report["figures"]):
        if figure["id"] in seen:
            report.error(year_report.pos("figures", i, "id"), f"报告数字 id '{figure['id']}' 重复")
        seen.add(figure["id"])
        check_figure_meaning(year_report, i, figure, report)
        section = sections.get(figure["section"])
        if section is None:
            report.error(year_report.pos("figures", i, "section"), f"报告数字 {figure['id']} 的出处 '{figure['section']}' 不是报告中的一节")
        elif figure.get("quote") and _normal(figure["quote"]) not in _normal(section.get("text", "")):
            report.error(year_report.pos("figures", i, "quote"), f"报告数字 {figure['id']} 的引文不在报告 {figure['section']} 的原文中")


def check_figure_meaning(year_report: Record, i: int, figure: dict, report: Report) -> None:
    """A meaning is declared once per report; `of` (the kind of checked object) goes with 双随机抽查对象数 only."""
    means = figure.get("means")
    if means is None:
        return
    if (means == "双随机抽查对象数") != bool(figure.get("of")):
        report.error(year_report.pos("figures", i, "means"), f"报告数字 {figure['id']}：means: 双随机抽查对象数 须同时写 of（抽查对象类别），其他含义不写 of")
    first = next(f for f in year_report["figures"] if f.get("means") == means and f.get("of") == figure.get("of"))
    if first is not figure:
        report.error(year_report.pos("figures", i, "means"), f"报告数字 {figure['id']} 与 {first['id']} 的含义（means）相同：每种含义只能有一个数字")


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
