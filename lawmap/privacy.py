"""The data-side privacy rules: no personal number or address in any data file (all YAML under data/, comments too),
and one masking rule (姓 + 某 or 某某) for every field that names a private person.

The build's scan of the output (lawmap_mkdocs.hooks) stays as the second net; this one points staff at the data
file's line:col, where the fix is made.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import pii
from .diagnostics import Pos, Report

# 复姓: a masked name is a one-character surname + 某/某某, or one of these + 某/某某 (张三某 is not masked)
COMPOUND_SURNAMES = (
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 公孙 慕容 "
    "仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 "
    "段干 百里 呼延 东郭 南门 羊舌 微生 公户 公玉 公仪 梁丘 公仲 公上 公门 公山 公坚 左丘 公伯 西门 公祖 第五 公乘 贯丘 公皙 "
    "南荣 东里 东宫 仲长 子书 子桑 即墨 达奚 褚师"
).split()
_HAN = "[\u4e00-\u9fff]"
_MASKED = re.compile(r"(?:" + "|".join(COMPOUND_SURNAMES) + r"|(?!某)" + _HAN + r")某{1,2}\Z")
# a short run of Chinese characters without an organisation word reads as a person's name
_ORG_WORDS = re.compile(r"公司|中心|院|所|站|会|社|厂|店|部|局|委|办|校|园|馆|室|队|组|团|行|场|堂|处|司|家|村|户")


def masked(name: str) -> bool:
    """张某, 欧阳某某: a surname and 某 or 某某, nothing else."""
    return bool(_MASKED.match(name))


def looks_like_person(name: str) -> bool:
    """2–4 Chinese characters and no organisation word (张三丰, 李四): a name field that may hold a private person."""
    return bool(re.fullmatch(_HAN + "{2,4}", name)) and not _ORG_WORDS.search(name)


def check_person_name(name: str, pos: Pos, what: str, report: Report, is_person: bool | None = None) -> None:
    """The one masking rule; is_person None: judge from the name itself (a field that may name a person or a body)."""
    if not isinstance(name, str):
        return
    if is_person is None:
        is_person = looks_like_person(name)
    if is_person and not masked(name):
        report.error(pos, f"{what}：个人的姓名须脱敏为“姓＋某”或“姓＋某某”（如 张某、欧阳某某），不得写“{name}”")


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for pattern in ("*.yaml", "*.yml") for p in data_dir.rglob(pattern) if p.is_file())


def check_text(file: str, text: str, allowed: pii.Allowed, report: Report) -> None:
    """One data file's text, comments included: every personal number or address in it is an error at its line."""
    for f in pii.scan_text(text, allowed):
        report.error(Pos(file, f.line, f.col), f"含有未脱敏的{f.kind} {f.masked()}：公开数据不得含个人信息，请删除或脱敏")


def check_files(data_dir: Path, scanned: set[Path], display, allowed: pii.Allowed, report: Report,
                max_bytes: int) -> None:
    """Scan every YAML file under data_dir but those in `scanned` (the loader scanned them as it read them)."""
    for path in data_files(data_dir):
        if path in scanned or not path.resolve().is_relative_to(data_dir):
            continue  # scanned already, or refused by the loader: a link out of the data folder
        if path.stat().st_size > max_bytes:
            continue  # the loader reports it as too large
        check_text(display(path), path.read_bytes().decode("utf-8", "replace"), allowed, report)
