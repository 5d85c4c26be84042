"""The validator's rules over the built model, one small function each; every finding goes to the Report."""
from __future__ import annotations

from collections import Counter

from .diagnostics import Report
from .model import Law, Model, Power, Ref
from .vocab import OFFICE_ROLES

BASIS_REQUIRED_BY_TYPE = {
    "行政处罚": {"处罚依据"},
    "行政强制": {"强制依据"},
    "行政许可": {"设定依据"},
}


def _duplicates(entries, what: str, report: Report) -> None:
    """entries: (key, pos) pairs; every repeat after the first is an error at its own place."""
    first = {}
    for key, pos in entries:
        if key in first:
            report.error(pos, f"{what} '{key}' 重复（{first[key]} 已有）")
        else:
            first[key] = pos


def check_unique(model: Model, law_docs: list[Law], report: Report) -> None:
    _duplicates(((law.id, law.pos) for law in law_docs), "法律 id", report)
    _duplicates(((a.id, a.pos) for a in model.areas), "领域 id", report)
    _duplicates(((p.code, p.pos) for p in model.powers), "事项编码", report)
    for power in model.powers:
        _duplicates(((s.id, power.pos) for s in power.subitems), f"事项 {power.code} 的子项 id", report)
        _duplicates(((s.id, power.pos) for s in power.process), f"事项 {power.code} 的流程步骤 id", report)


def check_law_file(law: Law, stem: str, report: Report) -> None:
    if law.id != stem:
        report.error(law.pos, f"法律 id '{law.id}' 应与文件名 '{stem}.yaml' 一致")
    for version in law.versions.values():
        _check_version(law, version, report)


def _check_version(law: Law, version, report: Report) -> None:
    if version.effective < version.promulgated:
        report.error(version.pos, f"《{law.title}》{version.id} 版本的施行日期 {version.effective} 早于公布日期 {version.promulgated}")
    if version.status == "已修改" and not version.superseded_by:
        report.error(version.pos, f"《{law.title}》{version.id} 版本状态为“已修改”，须写明 superseded_by（取代它的版本）")
    if version.superseded_by:
        successor = law.versions.get(version.superseded_by)
        if successor is None:
            report.error(version.pos, f"《{law.title}》没有 {version.superseded_by} 版本（superseded_by 指向不存在的版本）")
        elif successor.effective <= version.effective:
            report.error(version.pos, f"《{law.title}》取代版本 {successor.id} 的施行日期须晚于 {version.id} 版本")


def resolve_ref(ref: Ref, laws: dict[str, Law], report: Report) -> None:
    """Fill ref.law/version/article/para/item, or report exactly what does not exist."""
    law = laws.get(ref.law_id)
    if law is None:
        report.error(ref.pos, f"引用了不存在的法律 '{ref.law_id}'（data/laws/ 中没有该 id）")
        return
    ref.law = law
    version = law.versions.get(ref.version_id)
    if version is None:
        report.error(ref.pos, f"《{law.title}》没有 {ref.version_id} 版本（已有：{'、'.join(law.versions)}）")
        return
    ref.version = version
    if ref.at is None:
        report.error(ref.pos, f"无法识别的条款写法“{ref.raw_at}”（可写 第三十条第一款第（四）项 或 30/1/4）")
        return
    if ref.at.whole:
        _check_whole(ref, law, version, report)
        return
    _resolve_article(ref, law, version, report)


def _check_whole(ref: Ref, law: Law, version, report: Report) -> None:
    """全文 cites a regulation as a whole: only where no reference text lets an article be quoted (version unchecked)."""
    if version.reference:
        report.error(ref.pos, f"《{law.title}》（{version.id}）有参考文本，请引用具体条文，不要写“全文”")


def _resolve_article(ref: Ref, law: Law, version, report: Report) -> None:
    where = f"《{law.title}》（{version.id}）"
    article = version.articles.get(ref.at.article)
    if article is None:
        report.error(ref.pos, f"{where}未收录第{ref.at.article}条（请在 {law.file} 中补上该条原文）")
        return
    para_no = ref.at.para
    if para_no is None and ref.at.item is not None:
        if len(article.paras) != 1:
            report.error(ref.pos, f"{where}第{ref.at.article}条有 {len(article.paras)} 款，引用项时须写明第几款")
            return
        para_no = 1
    if para_no is not None:
        para = article.para(para_no)
        if para is None:
            report.error(ref.pos, f"{where}第{ref.at.article}条没有第{para_no}款（共 {len(article.paras)} 款）")
            return
        ref.para = para
        if ref.at.item is not None:
            item = next((i for i in para.items if i.no == ref.at.item), None)
            if item is None:
                report.error(ref.pos, f"{where}第{ref.at.article}条第{para_no}款没有第{ref.at.item}项")
                return
            ref.item = item
    ref.article = article


def check_currency(ref: Ref, today: str, report: Report) -> None:
    """A repealed law is an error; a version no longer (or not yet) in force is a stale-basis warning."""
    law, version = ref.law, ref.version
    if law is None or version is None:
        return
    if (law.repealed_on and law.repealed_on <= today) or version.status == "已废止":
        report.error(ref.pos, f"《{law.title}》已废止，不能作为现行依据")
        return
    current = law.in_force(today)
    if version.effective > today:
        report.warning(ref.pos, f"《{law.title}》{version.id} 版本自 {version.effective} 起施行，目前尚未施行")
    elif current is not None and current.id != version.id:
        report.warning(ref.pos, f"依据已过时：《{law.title}》{version.id} 版本已不是现行版本，现行版本为 "
                                f"{current.id}（自 {current.effective} 施行），请核对条文序号和内容")


def check_power(power: Power, model: Model, report: Report) -> None:
    kinds = {b.kind for b in power.bases}
    needed = BASIS_REQUIRED_BY_TYPE.get(power.type, set())
    if needed and not needed & kinds:
        report.error(power.pos, f"事项 {power.code}（{power.type}）缺少{'或'.join(sorted(needed))}")
    if model.agency and power.office_id not in model.agency.offices:
        report.error(power.pos, f"事项 {power.code} 的承办机构 '{power.office_id}' 不在 agency.yaml 的科室中")
    steps = {s.id for s in power.process}
    for step in power.process:
        for target in step.targets:
            if target not in steps:
                report.error(power.pos, f"事项 {power.code} 的流程步骤 '{step.id}' 指向不存在的步骤 '{target}'")
    for risk in power.risks:
        if risk.step not in steps:
            report.error(power.pos, f"事项 {power.code} 的风险点“{risk.point}”对应的步骤 '{risk.step}' 不存在")


def check_area_office(model: Model, report: Report) -> None:
    if model.agency is None:
        return
    for area in model.areas:
        if area.office_id not in model.agency.offices:
            report.error(area.pos, f"领域 {area.id} 的承办科室 '{area.office_id}' 不在 agency.yaml 的科室中")


def check_office_roles(model: Model, report: Report) -> None:
    """Each role (政务公开, 法制审核, 投诉受理) is played by exactly one office: pages name it, never a fixed id."""
    if model.agency is None:
        return
    where = model.agency.offices_pos or model.agency.pos
    for role in OFFICE_ROLES:
        playing = [o for o in model.agency.offices.values() if role in o.roles]
        if not playing:
            report.error(where, f"agency.yaml 的科室中没有承担“{role}”的科室：请在该科室下写 roles: [{role}]")
        for extra in playing[1:]:
            report.error(extra.pos, f"“{role}”已由科室 {playing[0].id} 承担，科室 {extra.id} 不能再写这一职能")


def check_uncited_articles(model: Model, refs: list[Ref], report: Report) -> None:
    """Only cited articles are kept: an article nothing cites is a warning (the project quotes, never copies)."""
    cited = Counter((r.law_id, r.version_id, r.at.article) for r in refs if r.at)
    for law in model.laws.values():
        for version in law.versions.values():
            for no, article in version.articles.items():
                if not cited[(law.id, version.id, no)]:
                    report.warning(article.pos, f"《{law.title}》（{version.id}）第{no}条没有任何数据引用，请删去")
