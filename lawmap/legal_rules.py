"""Legal-accuracy rules over the built model, one small function each: who decides at which level, which version was
in force on the data's as-of date, whether a basis really sets the act it is cited for, 减轻处罚 only below a lower
limit, and repealed national laws entered as current. Findings go to the Report like every other rule's."""
from __future__ import annotations

import re

from .diagnostics import Report
from .index import once_per_model
from .model import Law, Model, Power, Ref

# the words by which an article sets an act of that kind; a basis of that kind whose text has none sets nothing
SANCTION_WORDS = ("罚款", "警告", "没收", "吊销", "责令", "取缔", "撤销登记", "通报批评", "停止活动", "停止违法行为",
                  "收缴", "禁止从事", "停业", "拘留", "暂扣", "降低资质")
COERCION_WORDS = ("封存", "查封", "扣押", "冻结", "扣留", "强制")
LICENCE_WORDS = ("许可", "登记", "批准", "审批", "核准", "准予", "审查同意", "资格")
ACT_WORDS = {"处罚依据": ("处罚", SANCTION_WORDS), "强制依据": ("强制措施", COERCION_WORDS)}
LICENCE_ACT = ("许可", LICENCE_WORDS)
# a lower limit: 1倍以上, 2000元以上, 二万元以上 … (减轻处罚 = below it, 处罚法第三十二条)
FLOOR = re.compile(r"[0-9零一二三四五六七八九十百千万]+(?:倍|元|万元)以上")
COUNTY_BODY = "县级人民政府民政部门"  # "县级以上人民政府民政部门" does not contain it
DISCIPLINE = re.compile(r"给予处分|政务处分|予以警告、记过")
LEVEL_KINDS = ("设定依据", "处罚依据", "强制依据", "给付依据")


def unit_text(ref: Ref) -> str:
    """The words of the cited unit that carry its effect: for a 项 its 款's lead-in too (社团条例 30/1/4 → 款 1)."""
    if ref.item is not None and ref.para is not None:
        return ref.para.text + ref.item.text
    return ref.quoted_text()


def _checkable(ref: Ref) -> bool:
    """Only a resolved, quoted unit can be read; a whole-regulation citation of an unchecked 规章 cannot."""
    return ref.resolved and not (ref.at is not None and ref.at.whole)


def check_basis_sets_act(power: Power, report: Report) -> None:
    """A 处罚依据 / 强制依据 (and a 许可's 设定依据) must quote an article whose text sets that kind of act."""
    for ref in power.bases + power.subitem_bases:
        wanted = ACT_WORDS.get(ref.kind or "")
        if ref.kind == "设定依据" and power.type == "行政许可":
            wanted = LICENCE_ACT
        if wanted is None or not _checkable(ref):
            continue
        act, words = wanted
        text = _licence_words_only(unit_text(ref)) if wanted is LICENCE_ACT else unit_text(ref)
        if not any(w in text for w in words):
            report.warning(ref.pos, f"事项 {power.code} 的{ref.kind}{ref.citation()}的条文中没有设定{act}的内容"
                                    f"（未见“{'、'.join(words[:6])}”等字样），请核对是否引错条文")


def _licence_words_only(text: str) -> str:
    """登记 inside 登记管理机关 (the authority's name) or 撤销登记 (a sanction) does not set a licence."""
    return text.replace("登记管理机关", "").replace("撤销登记", "")


def _names_county(subject: str, city: str) -> bool:
    return "县" in subject.replace(city, "")


def is_county_agency(model: Model) -> bool:
    """The agency is itself a county-level bureau (agency.yaml level: 县级): its 县级 powers are its own."""
    return bool(model.agency) and model.agency.data.get("level") == "县级"


def check_level_subject(power: Power, model: Model, report: Report) -> None:
    """行使层级 and 实施主体 agree: a county power is not decided by the city bureau, a city power not by a county.

    For a county bureau (agency.yaml level: 县级) a 县级 power is its own: the subject names the bureau itself."""
    if is_county_agency(model):
        if power.level == "县级" and model.agency.name not in power.subject:
            report.error(power.pos, f"事项 {power.code} 行使层级为县级，实施主体应写本局（{model.agency.name}），现为“{power.subject}”")
        return
    city = model.agency.name if model.agency else ""
    names_city = bool(city) and city in power.subject
    names_county = _names_county(power.subject, city)
    where = f"事项 {power.code} 行使层级为{power.level}"
    if power.level == "县级":
        if names_city or not names_county:
            report.error(power.pos, f"{where}，实施主体却是“{power.subject}”：应写县级机关（如 县级人民政府民政部门），"
                                    f"本局的指导、监督职责写在 supervision")
        if not power.supervision:
            report.error(power.pos, f"{where}：须在 supervision 写明本局（{city or '市级'}）的指导、监督职责")
    elif power.level == "市级" and names_county and not names_city:
        report.error(power.pos, f"{where}，实施主体却是县级机关“{power.subject}”")
    elif power.level == "市级、县级" and not (names_city and names_county):
        report.error(power.pos, f"{where}：实施主体须分别写明市级（{city}）和县级的实施机关，现为“{power.subject}”")
    check_county_only_bases(power, report)


def check_county_only_bases(power: Power, report: Report) -> None:
    """A basis that gives the act to 县级人民政府民政部门 cannot found a power exercised only by the city."""
    if "县级" in power.level:
        return
    for ref in power.bases + power.subitem_bases:
        if ref.kind in LEVEL_KINDS and _checkable(ref) and COUNTY_BODY in unit_text(ref):
            report.error(ref.pos, f"{ref.citation()}规定由{COUNTY_BODY}实施，事项 {power.code} 的行使层级却是{power.level}")


def decision_level_problem(power: Power, subitem_refs: list[Ref], decider: str, city: str,
                           county_agency: bool = False) -> str | None:
    """Why a decision by `decider` under this power (and 子项) breaks the level rule, or None (a county bureau
    decides its own 县级 powers)."""
    if not city or city not in decider or county_agency:
        return None
    if power.level == "县级":
        return f"事项 {power.code} 由县级实施，执法机关却是{decider}"
    for ref in subitem_refs:
        if ref.kind == "处罚依据" and _checkable(ref) and COUNTY_BODY in unit_text(ref):
            return f"执法机关是{decider}，所适用的{ref.citation()}却规定由{COUNTY_BODY}决定"
    return None


@once_per_model
def _as_of_exempt(model: Model) -> set[tuple[str, str]]:
    """(law, version) pairs agency.yaml exempts from the as-of rule; once per model (asked for every citation)."""
    rows = model.agency.data.get("as_of_exceptions", []) if model.agency else []
    return {(row["law"], row["version"]) for row in rows}


def check_in_force_on_as_of(ref: Ref, model: Model, report: Report) -> None:
    """Every cited version was the one in force on the data's as-of date (agency.yaml as_of), unless excepted there."""
    as_of = model.agency.data.get("as_of") if model.agency else None
    law, version = ref.law, ref.version
    if not as_of or law is None or version is None or (law.id, version.id) in _as_of_exempt(model):
        return
    if version.effective > as_of:
        report.warning(ref.pos, f"《{law.title}》{version.id} 版本自 {version.effective} 起施行，数据截至 {as_of} 时尚未施行"
                                f"（请改数据截至日期，或在 agency.yaml as_of_exceptions 写明理由）")
        return
    current = law.in_force(as_of)
    if current is not None and current.id != version.id:
        report.warning(ref.pos, f"数据截至 {as_of} 时《{law.title}》现行版本为 {current.id}，所引 {version.id} 版本已被取代")


def _plain_title(title: str) -> str:
    return title.removeprefix("中华人民共和国")


def check_not_repealed(law: Law, repealed: list[dict], report: Report) -> None:
    """A law the registry lists as repealed may be recorded only as repealed (repealed_on, or every version 已废止)."""
    for entry in repealed:
        if _plain_title(entry["title"]) != _plain_title(law.title):
            continue
        cutoff = entry.get("promulgated")
        for version in law.versions.values():
            if cutoff and version.promulgated > cutoff:
                continue  # a later text under the same name (地名管理条例 2022) is not the repealed one
            if version.status != "已废止" and not (law.repealed_on and law.repealed_on <= entry["repealed_on"]):
                report.error(version.pos, f"《{entry['title']}》已于 {entry['repealed_on']} 废止（{entry['repealed_by']}），"
                                          f"{version.id} 版本不能录为“{version.status}”")


def is_discipline_only(text: str) -> bool:
    """A clause whose only consequence is 处分 (政务处分法 39, 残保法 61/2); one that also has a superior organ
    责令改正 (救助办法 66) does give that organ a supervisory duty."""
    return bool(DISCIPLINE.search(text)) and "责令" not in text


def check_duty_basis(power: Power, report: Report) -> None:
    """A 责任事项 rests on the article that imposes the duty, not on a discipline clause (that is 追责依据)."""
    for resp in power.responsibilities:
        for ref in resp.bases:
            if _checkable(ref) and is_discipline_only(unit_text(ref)):
                report.warning(ref.pos, f"事项 {power.code} 的责任事项（{resp.stage}）以{ref.citation()}为依据，"
                                        f"该条是处分（追责）条款，不设定这项职责：请改引设定职责的条文，追责条款写在追责依据")


def lenient_row_problem(list_name: str, refs: list[Ref]) -> str | None:
    """Every row rests on a 处罚依据 of its 子项; 减轻处罚 means below the statutory minimum, so that 处罚依据 must
    show one (N倍以上, N元以上)."""
    sanctions = [r for r in refs if r.kind == "处罚依据"]
    if not sanctions:
        return "所对应的子项（违法情形）没有处罚依据"
    if list_name != "减轻处罚":
        return None
    unreadable = [r for r in sanctions if not _checkable(r)]
    if unreadable:
        return f"{unreadable[0].citation()}没有可核对的条文，看不出法定最低限度，不能列入减轻处罚清单"
    if not any(FLOOR.search(unit_text(r)) for r in sanctions):
        cited = "、".join(r.citation() for r in sanctions)
        return f"{cited}规定的处罚没有下限（无“×倍以上”“×元以上”），减轻处罚（在法定最低限度以下）无从适用"
    return None
