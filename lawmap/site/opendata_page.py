"""开放数据 (/open-data/): every published file, its fields (read from the JSON Schemas themselves), the API changelog.

The field tables are generated from schema/api/*.schema.json, so the documentation cannot drift from the schemas
the files are validated against.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from ..exports import api, downloads, feeds
from ..exports.meta import API_CHANGELOG, SCHEMA_VERSION
from ..staff.xlsx_export import headers
from . import Page, PageKind, register
from .templating import render_template

SRC_URI = "open-data.md"
TYPE_NAMES = {"string": "文字", "integer": "整数", "boolean": "true/false", "array": "列表", "object": "对象",
              "null": "null", "number": "数字"}
# (section id, heading, schema file, path to the definition inside it)
STRUCTURES = [
    ("f-meta", "meta：来源与版本（每个文件都有）", "common.schema.json", ("$defs", "meta")),
    ("f-summary", "summary：一项事项的摘要（powers.json）", "powers.schema.json", ("$defs", "summary")),
    ("f-power", "power：一项事项的全部内容（powers/<事项编码>.json）", "power.schema.json", ("$defs", "power")),
    ("f-ref", "ref：一处法律依据", "common.schema.json", ("$defs", "ref")),
    ("f-area", "area：一个业务领域", "areas.schema.json", ("$defs", "area")),
    ("f-law-summary", "law_summary：一部法律法规的摘要（laws.json）", "laws.schema.json", ("$defs", "law_summary")),
    ("f-law", "law：一部法律法规的全部内容（laws/<法规 id>.json）", "law.schema.json", ("$defs", "law")),
    ("f-version", "version：一个版本", "law.schema.json", ("$defs", "version")),
    ("f-article", "article：一条条文", "law.schema.json", ("$defs", "article")),
    ("f-citing", "citing：依赖该条的事项（反向索引）", "law.schema.json", ("$defs", "citing")),
]
REF_SECTIONS = {"meta": "f-meta", "summary": "f-summary", "power": "f-power", "ref": "f-ref", "refs": "f-ref", "area": "f-area",
                "law_summary": "f-law-summary", "law": "f-law", "version": "f-version", "article": "f-article",
                "citing": "f-citing"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    link: str  # section id of the structure it holds, or ""
    required: bool
    description: str


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((api.SCHEMA_SRC / name).read_text(encoding="utf-8"))


def _type(spec: dict) -> tuple[str, str]:
    if "$ref" in spec:
        target = spec["$ref"].rsplit("/", 1)[-1]
        if target == "refs":
            return "列表", "f-ref"
        if target == "named":
            return "对象 {id, name}", ""
        if target == "nullable_text":
            return "文字或 null", ""
        return "对象", REF_SECTIONS.get(target, "")
    kinds = spec.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    text = "或".join(TYPE_NAMES.get(k, k) for k in kinds)
    if "array" in kinds and isinstance(spec.get("items"), dict):
        inner, link = _type(spec["items"])
        return f"{text}（元素：{inner}）", link
    return text, ""


def fields(schema_name: str, path: tuple) -> list[Field]:
    node = schema(schema_name)
    for step in path:
        node = node[step]
    required = set(node.get("required", []))
    rows = []
    for name, spec in node.get("properties", {}).items():
        if name == "$schema":
            continue
        kind, link = _type(spec)
        rows.append(Field(name, kind, link, name in required, spec.get("description", "")))
    return rows


def files_table(model) -> list[dict]:
    """The API's files; a per-item file (`example`) is shown with a link to one real file of its kind."""
    base = api.API_DIR
    power = model.powers[0].code if model.powers else None
    law = min(model.laws) if model.laws else None
    return [
        {"path": f"{base}/powers.json", "what": "全部权责事项的摘要（count、powers），每项的 detail 指向其完整内容",
         "schema": "powers.schema.json"},
        {"path": f"{base}/powers/<事项编码>.json", "what": "单个事项的全部内容（power）：依据、责任事项、流程、风险点……",
         "schema": "power.schema.json",
         "example": power and (f"{power}.json", f"{base}/{api.power_detail_path(power)}")},
        {"path": f"{base}/areas.json", "what": "业务领域（分图）及其事项编码、按类型计数", "schema": "areas.schema.json"},
        {"path": f"{base}/laws.json", "what": "法律法规摘要（law_summary）：各版本及其时效状态，detail 指向详情文件",
         "schema": "laws.schema.json"},
        {"path": f"{base}/laws/<法规 id>.json", "what": "单部法律法规的全部内容（law）：版本、本站收录的条文，以及每条被哪些事项"
                                                       "引用（cited_by）", "schema": "law.schema.json",
         "example": law and (f"{law}.json", f"{base}/{api.law_detail_path(law)}")},
        {"path": f"{base}/disclosures.json", "what": "政务公开、行政执法公示记录，按类别", "schema": "disclosures.schema.json"},
    ]


def pages(model):
    return [Page(SRC_URI, "open-data")]


def render(model, key: str, facts) -> str:
    provenance = facts.provenance
    return render_template(
        "opendata_page.md.j2", SRC_URI, api_dir=api.API_DIR, files=files_table(model),
        structures=[(sid, title, fields(name, path)) for sid, title, name, path in STRUCTURES],
        csv_path=downloads.CSV_PATH, xlsx_path=downloads.XLSX_PATH, columns=headers(True),
        changes_feed=feeds.CHANGES_FEED, disclosure_feed=feeds.DISCLOSURE_FEED, changes_page="open-data/changes/",
        schema_version=SCHEMA_VERSION, changelog=API_CHANGELOG, provenance=provenance,
        counts={"powers": len(model.powers), "areas": len(model.areas), "laws": len(model.laws)},
        disclosure_kinds=sorted(api.disclosures_json(model).items()), disclosure_labels=feeds.DISCLOSURE_LABELS)


register(PageKind("open-data", pages, render, uses_facts=True))
