"""`python -m lawmap law-update LAW NEW_VERSION_REFERENCE`: record a law's new version and report what it changes.

Adds the version (its reference text named by a file in reference/laws/) to data/laws/LAW.yaml — ruamel round trip,
comments and order kept — marks the previous current version 已修改 with superseded_by, then writes the impact
report: every citation of the old version, the proposed new 条/款/项 (matched by text, lawmap/amend.py) and the text
diff, and the citations it cannot place. Nothing in the area files is changed: moving them is a reviewed edit. The
same report is on the staff page 工作人员 → 法律修订影响 for as long as any citation of the old version remains.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..amend import Proposal, impact
from ..loader import load_project
from .fill_articles import _yaml, reference_dir

_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.md$")


class UpdateError(Exception):
    pass


def version_id_of(reference: str) -> str:
    match = _DATE_IN_NAME.search(reference)
    if not match:
        raise UpdateError(f"参考文本文件名“{reference}”应为 名称(YYYY-MM-DD).md，日期即版本号")
    return match.group(1)


def _current(data) -> CommentedMap | None:
    live = [v for v in data["versions"] if v["status"] == "现行有效"]
    return max(live, key=lambda v: str(v["effective"]), default=None)


def add_version(law_file: Path, reference: str, effective: str | None, doc_no: str | None) -> tuple[str, str | None]:
    """Add the version to the law file (unless already there); returns (new id, id of the version it supersedes)."""
    yaml, new_id = _yaml(), version_id_of(reference)
    data = yaml.load(law_file.read_text(encoding="utf-8"))
    existing = {str(v["id"]): v for v in data["versions"]}
    if new_id in existing:
        old = next((v for v in data["versions"] if str(v.get("superseded_by", "")) == new_id), None)
        return new_id, str(old["id"]) if old is not None else None
    old = _current(data)
    version = CommentedMap()
    version["id"] = DoubleQuotedScalarString(new_id)
    if doc_no:
        version["doc_no"] = doc_no
    version["promulgated"] = DoubleQuotedScalarString(new_id)
    version["effective"] = DoubleQuotedScalarString(effective or new_id)
    version["status"] = "现行有效"
    version["reference"] = DoubleQuotedScalarString(reference)
    version["articles"] = CommentedSeq()
    data["versions"].append(version)
    if old is not None:
        old["status"] = "已修改"
        old["superseded_by"] = DoubleQuotedScalarString(new_id)
    with law_file.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return new_id, str(old["id"]) if old is not None else None


def _diff_text(proposal: Proposal) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in proposal.diff)


def report_lines(title: str, old_id: str, new_id: str, proposals: list[Proposal]) -> list[str]:
    mapped = [p for p in proposals if p.new is not None]
    unmapped = [p for p in proposals if p.new is None]
    lines = [f"# 《{title}》{old_id} → {new_id} 修订影响", "",
             f"引用旧版本 {len(proposals)} 处：可对应到新版本 {len(mapped)} 处，须人工确定 {len(unmapped)} 处。", ""]
    if mapped:
        lines += ["## 建议改引", ""]
    for p in mapped:
        also = f"；另见第{'、'.join(map(str, p.candidates))}条" if p.candidates else ""
        lines.append(f"- {p.owner}（{p.role}）{p.ref.pos}：{p.ref.at.chinese()} → {p.new.chinese()}"
                     f"（相似度 {p.ratio:.0%}{also}）")
        lines.append(f"  - 文字变化：{_diff_text(p)}" if any(op != "=" for op, _ in p.diff) else "  - 文字未变")
    if unmapped:
        lines += ["", "## 无法自动对应，须人工确定", ""]
    for p in unmapped:
        near = f"；最接近：第{'、'.join(map(str, p.candidates))}条" if p.candidates else ""
        where = p.ref.at.chinese() if p.ref.at else str(p.ref.raw_at)
        lines.append(f"- {p.owner}（{p.role}）{p.ref.pos}：{where}：{p.reason}{near}")
    return lines


def run(data_dir: Path, law_id: str, reference: str, effective: str | None, doc_no: str | None) -> list[str]:
    law_file = data_dir / "laws" / f"{law_id}.yaml"
    if not law_file.is_file():
        raise UpdateError(f"没有 {law_file}")
    if not (reference_dir() / reference).is_file():
        raise UpdateError(f"参考文本库 {reference_dir()} 中没有“{reference}”：请先把新版本文本放进去")
    new_id, old_id = add_version(law_file, reference, effective, doc_no)
    if old_id is None:
        raise UpdateError(f"{law_file.name} 中没有被 {new_id} 版本取代的现行版本，无从比对")
    model = load_project(data_dir).model
    law = model.laws[law_id]
    proposals = impact(model, law, law.versions[old_id], law.versions[new_id], reference_dir())
    return report_lines(law.title, old_id, new_id, proposals)


def cmd_law_update(args) -> int:
    try:
        lines = run(Path(args.data_dir), args.law, args.reference, args.effective, args.doc_no)
    except UpdateError as exc:
        print(f"law-update: {exc}", file=sys.stderr)
        return 1
    text = "\n".join(lines) + "\n"
    if args.report:
        Path(args.report).write_text(text, encoding="utf-8")
        print(f"已写入 {args.report}；同一报告见站点“工作人员 → 法律修订影响”")
    else:
        print(text, end="")
    return 0


def register(sub) -> None:
    cmd = sub.add_parser("law-update", help="录入法律的新版本，按条文文字对应新旧条文，输出修订影响报告")
    cmd.add_argument("law", help="data/laws/ 中的法律 id，如 cishan-fa")
    cmd.add_argument("reference", help="reference/laws/ 中新版本的文件名，如 慈善法(2023-12-29).md")
    cmd.add_argument("--effective", help="新版本施行日期（默认同公布日期，请核对）")
    cmd.add_argument("--doc-no", help="文号，如 国务院令第753号")
    cmd.add_argument("--data-dir", default="data")
    cmd.add_argument("--report", help="把报告写入此文件（默认打印）")
    cmd.set_defaults(func=cmd_law_update)
