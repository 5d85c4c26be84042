"""The static JSON API, api/v1/: powers.json, powers/<code>.json, areas.json, laws.json, laws/<id>.json,
disclosures.json and schema/.

powers.json and laws.json list a summary of each power and law with a link to its detail; the detail is only in
powers/<code>.json or laws/<id>.json (a law's articles with the powers citing each), so nothing is published twice
and no file grows with the whole data set (at 100× the bureau, one laws.json with every article's citing powers was
25 MB). Files are produced one at a time (`iter_files`), so a writer need not hold them all.

Field names are stable (changes go in meta.API_CHANGELOG with a new SCHEMA_VERSION); every file carries `meta`
and names its JSON Schema (kept in schema/api/, published under api/v1/schema/). UTF-8, keys in a fixed order.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Iterator

from .. import index
from ..disclosure.records import Disclosure, Record, records
from ..model import Area, Law, Model, Power, Ref, Version
from ..site import links
from . import jsontext
from .meta import Provenance

API_DIR = "api/v1"
SCHEMA_SRC = Path(__file__).resolve().parent.parent.parent / "schema" / "api"


def dumps(data) -> bytes:
    """The one JSON encoding of every API file (deterministic: insertion order, 1-space indent, final newline):
    json.dumps(data, ensure_ascii=False, indent=1), written by jsontext."""
    return (jsontext.dumps(data, default=_plain) + "\n").encode("utf-8")


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"不能写入 JSON：{type(value).__name__}")


def ref_json(ref: Ref) -> dict:
    return {"law": ref.law_id, "law_title": ref.law.title if ref.law else ref.law_id, "version": ref.version_id,
            "at": ref.at.key() if ref.at else str(ref.raw_at), "citation": ref.citation(), "kind": ref.kind,
            "note": ref.note, "resolved": ref.resolved, "url": links.law_url(ref), "text": ref.quoted_text()}


def _named(item_id: str, name: str | None) -> dict:
    return {"id": item_id, "name": name or item_id}


def power_json(model: Model, power: Power) -> dict:
    office = model.agency.offices.get(power.office_id) if model.agency else None
    subitems = [{"id": sub.id, "name": sub.name, "bases": [ref_json(r) for r in sub.bases]} for sub in power.subitems]
    return {
        "code": power.code, "name": power.name, "type": power.type, "level": power.level, "subject": power.subject,
        "area": _named(power.area.id, power.area.name) if power.area else _named("", ""),
        "office": _named(power.office_id, office.name if office else None),
        "on_application": power.on_application, "service_code": power.service_code,
        "service_category": power.service_category, "subitems": subitems,
        "bases": [ref_json(r) for r in power.bases],
        "responsibilities": [{"stage": r.stage, "duty": r.duty, "bases": [ref_json(b) for b in r.bases]}
                             for r in power.responsibilities],
        "accountability": {**{k: v for k, v in power.accountability.items() if k != "bases"},
                           "bases": [ref_json(r) for r in power.accountability_bases]},
        "time_limit": power.time_limit.to_json(), "fee": power.fee, "process": [s.to_json() for s in power.process],
        "risks": [r.to_json() for r in power.risks],
        "status": power.status, "adjusted_on": power.adjusted_on, "source": power.source,
        "is_example": power.is_example, "source_note": power.source_note, "note": power.note,
        "url": links.power_url(power.code),
    }


def power_detail_path(code: str) -> str:
    """Where a power's detail is, relative to the API root (api/v1/)."""
    return f"powers/{code}.json"


def power_summary_json(power: Power) -> dict:
    """One entry of powers.json: enough to list and filter; `detail` names the file with everything else."""
    return {"code": power.code, "name": power.name, "type": power.type,
            "area": _named(power.area.id, power.area.name) if power.area else _named("", ""),
            "status": power.status, "is_example": power.is_example, "detail": power_detail_path(power.code),
            "url": links.power_url(power.code)}


def area_json(model: Model, area: Area) -> dict:
    office = model.agency.offices.get(area.office_id) if model.agency else None
    by_type = Counter(p.type for p in area.powers)
    return {"id": area.id, "name": area.name, "order": area.order,
            "office": _named(area.office_id, office.name if office else None), "summary": area.summary,
            "source": area.source, "duties": area.duties, "powers": [p.code for p in area.powers],
            "by_type": dict(sorted(by_type.items())), "url": links.area_url(area.id)}


def citing_json(use: index.Use) -> dict:
    return {"power": use.power.code, "name": use.power.name, "role": use.role,
            "at": use.ref.at.key(), "citation": use.ref.citation()}


def version_json(law: Law, version: Version, uses: dict) -> dict:
    articles = []
    for no in sorted(version.articles):
        article = version.articles[no]
        anchor = links.unit_anchor(law, version.id, f"a{no}")
        articles.append({
            "no": no, "anchor": anchor, "url": links.law_page_url(law.id) + "#" + anchor,
            "paras": [{"id": p.id, "no": p.no, "text": p.text, "items": [{"no": i.no, "text": i.text} for i in p.items]}
                      for p in article.paras],
            "cited_by": [citing_json(u) for u in uses.get((law.id, version.id, no), []) if u.power is not None]})
    return {"id": version.id, "promulgated": version.promulgated, "effective": version.effective,
            "status": version.status, "doc_no": version.doc_no, "superseded_by": version.superseded_by,
            "articles": articles}


def law_json(law: Law, uses: dict) -> dict:
    versions = sorted(law.versions.values(), key=lambda v: v.effective)
    return {"id": law.id, "title": law.title, "short": law.short, "level": law.level, "issuer": law.issuer,
            "repealed_on": law.repealed_on, "note": law.note, "url": links.law_page_url(law.id),
            "versions": [version_json(law, v, uses) for v in versions]}


def law_detail_path(law_id: str) -> str:
    """Where a law's detail is, relative to the API root (api/v1/)."""
    return f"laws/{law_id}.json"


def law_summary_json(law: Law) -> dict:
    """One entry of laws.json: the law and its versions without their articles; `detail` names the file with them."""
    versions = sorted(law.versions.values(), key=lambda v: v.effective)
    return {"id": law.id, "title": law.title, "short": law.short, "level": law.level, "issuer": law.issuer,
            "repealed_on": law.repealed_on, "note": law.note,
            "versions": [{"id": v.id, "effective": v.effective, "status": v.status} for v in versions],
            "detail": law_detail_path(law.id), "url": links.law_page_url(law.id)}


def disclosures_json(model: Model) -> dict[str, list]:
    """Each kind of disclosure record as a list of its YAML data, in the order the data gives."""
    found = records(model)
    out = {}
    for f in dataclasses.fields(Disclosure):
        value = getattr(found, f.name)
        if isinstance(value, dict) and all(isinstance(v, Record) for v in value.values()):
            out[f.name] = [value[k].data for k in sorted(value)]
        elif isinstance(value, list) and all(isinstance(v, Record) for v in value):
            out[f.name] = [r.data for r in value]
        elif isinstance(value, Record):
            out[f.name] = [value.data]
    return out


def _document(schema: str, provenance: Provenance, depth: int = 0, **body) -> bytes:
    return dumps({"$schema": "../" * depth + f"schema/{schema}", "meta": provenance.meta(), **body})


def iter_files(model: Model, provenance: Provenance) -> Iterator[tuple[str, bytes]]:
    """Every API file as (site path, bytes), one at a time: each power's detail is built, encoded and handed on alone."""
    yield f"{API_DIR}/powers.json", _document("powers.schema.json", provenance, count=len(model.powers),
                                              powers=[power_summary_json(p) for p in model.powers])
    for power in model.powers:
        yield f"{API_DIR}/{power_detail_path(power.code)}", _document("power.schema.json", provenance, 1,
                                                                      power=power_json(model, power))
    yield f"{API_DIR}/areas.json", _document("areas.schema.json", provenance, count=len(model.areas),
                                             areas=[area_json(model, a) for a in model.areas])
    laws = sorted(model.laws.values(), key=lambda law: law.id)
    yield f"{API_DIR}/laws.json", _document("laws.schema.json", provenance, count=len(laws),
                                            laws=[law_summary_json(law) for law in laws])
    uses = index.uses_by_article(model)
    for law in laws:
        yield f"{API_DIR}/{law_detail_path(law.id)}", _document("law.schema.json", provenance, 1,
                                                                law=law_json(law, uses))
    disclosures = disclosures_json(model)
    yield f"{API_DIR}/disclosures.json", _document(
        "disclosures.schema.json", provenance, counts={k: len(v) for k, v in disclosures.items()},
        disclosures=disclosures)
    for path in sorted(SCHEMA_SRC.glob("*.schema.json")):
        yield f"{API_DIR}/schema/{path.name}", path.read_bytes()


def files(model: Model, provenance: Provenance) -> dict[str, bytes]:
    """Every API file by its site path (all in memory: for callers that want a dict)."""
    return dict(iter_files(model, provenance))
