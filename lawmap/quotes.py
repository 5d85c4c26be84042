"""Quotes against the official texts: each version's `reference:` names a file in the reference folder, and every
quoted 条/款/项 equals that file's text (whitespace aside) — a wrong quote is an error at its own file:line.

The reference folder is LAWMAP_REFERENCE_DIR when set, else the repository's reference/laws/ (also for a data dir
kept elsewhere: the texts belong to the engine's checkout, not to one data set).
"""
from __future__ import annotations

import os
from pathlib import Path

from .citation import int_to_cn as cn
from .diagnostics import Report
from .lawtext import RefArticle, load_reference, normalise
from .model import Article, Law, Model, Version

DEFAULT_REFERENCE_DIR = Path(__file__).resolve().parent.parent / "reference" / "laws"


def reference_dir() -> Path:
    return Path(os.environ.get("LAWMAP_REFERENCE_DIR") or DEFAULT_REFERENCE_DIR)


def reference_file(name: str, folder: Path | None = None) -> tuple[Path | None, str | None]:
    """(path, None) when `name` is a plain file name of an existing file in the folder, else (None, what is wrong)."""
    folder = folder or reference_dir()
    shown = _shown(folder)
    plain = name and name == Path(name).name and "\\" not in name and not name.startswith(".")
    if not plain:
        return None, f"参考文本“{name}”须是 {shown} 中的文件名（不带路径，不含 ..）"
    path = folder / name
    if not path.is_file():
        return None, f"参考文本“{name}”不存在（在 {shown} 中找不到；文件名须与该文件夹中的文件完全一致）"
    return path, None


def _shown(folder: Path) -> str:
    """The folder as messages show it: relative to the working directory when inside it."""
    try:
        return f"{folder.resolve().relative_to(Path.cwd())}/"
    except ValueError:
        return str(folder)


def check_quotes(model: Model, report: Report, folder: Path | None = None) -> None:
    """Every version's reference file exists; every quoted article of it equals the reference."""
    folder = folder or reference_dir()
    for law in model.laws.values():
        for version in law.versions.values():
            if not version.reference:
                continue  # `unchecked:` says why; the law page marks its quotes as not checked
            path, problem = reference_file(version.reference, folder)
            if problem:
                report.error(version.reference_pos or version.pos, problem)
                continue
            if not version.articles:
                continue
            reference = load_reference(path)  # parsed once per file (lawtext caches it)
            for article in version.articles.values():
                _compare_article(law, version, article, reference.get(article.no), report)


def _compare_article(law: Law, version: Version, article: Article, theirs: RefArticle | None, report: Report) -> None:
    where = f"《{law.title}》（{version.id}）第{cn(article.no)}条"
    if theirs is None:
        report.error(article.pos, f"{where}在参考文本 {version.reference} 中不存在")
        return
    if len(article.paras) != len(theirs.paras):
        report.error(article.pos, f"{where}收录 {len(article.paras)} 款，参考文本 {version.reference} 中为 "
                                  f"{len(theirs.paras)} 款")
    for para in article.paras:
        if para.no > len(theirs.paras):
            continue  # the count difference above names it
        ref_para = theirs.paras[para.no - 1]
        if normalise(para.text) != normalise(ref_para.text):
            report.error(para.text_pos or para.pos, _differs(f"{where}第{cn(para.no)}款", version, para.text, ref_para.text))
        # a record may keep only some items of a 款 (they are numbered), but each kept one must match
        for item in para.items:
            ref_item = ref_para.items[item.no - 1] if 0 < item.no <= len(ref_para.items) else None
            if ref_item is None:
                report.error(item.pos, f"{where}第{cn(para.no)}款第（{cn(item.no)}）项在参考文本 {version.reference} 中不存在")
            elif normalise(item.text) != normalise(ref_item):
                report.error(item.pos, _differs(f"{where}第{cn(para.no)}款第（{cn(item.no)}）项", version, item.text, ref_item))


def _differs(unit: str, version: Version, ours: str, theirs: str) -> str:
    return f"{unit}与参考文本 {version.reference} 不一致：本站为“{ours}”，参考文本为“{theirs}”"
