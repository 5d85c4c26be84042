"""Turn schema-valid YAML documents into model objects, keeping each object's position."""
from __future__ import annotations

from .citation import parse_at
from .model import (Agency, Area, Article, Branch, Item, Law, Office, Para, Power, Ref, Responsibility, Risk, Step,
                    SubItem, TimeLimit, Version)
from .yamlsource import Document


def make_ref(doc: Document, data: dict, path: tuple, kind: str | None = None) -> Ref:
    try:
        at = parse_at(data["at"])
    except ValueError:
        at = None  # reported by rules.resolve_refs, at this ref's position
    return Ref(law_id=data["law"], version_id=str(data["version"]), at=at, raw_at=data["at"], pos=doc.pos(path),
               kind=data.get("kind", kind), note=data.get("note"))


def make_refs(doc: Document, items: list, path: tuple) -> list[Ref]:
    return [make_ref(doc, d, path + (i,)) for i, d in enumerate(items or [])]


def build_law(doc: Document) -> Law:
    data = doc.data
    versions = {}
    for vi, v in enumerate(data["versions"]):
        vpath = ("versions", vi)
        articles = {}
        for ai, a in enumerate(v["articles"]):
            apath = vpath + ("articles", ai)
            paras = []
            for pi, p in enumerate(a["paras"]):
                ppath = apath + ("paras", pi)
                items = [Item(it["no"], it["text"], doc.pos(ppath + ("items", ii)))
                         for ii, it in enumerate(p.get("items", []))]
                paras.append(Para(p["id"], pi + 1, p["text"], items, doc.pos(ppath), doc.pos(ppath + ("text",))))
            articles.setdefault(a["no"], Article(a["no"], paras, doc.pos(apath)))
        versions.setdefault(v["id"], Version(
            id=v["id"], promulgated=v["promulgated"], effective=v["effective"], status=v["status"], articles=articles,
            pos=doc.pos(vpath), doc_no=v.get("doc_no"), superseded_by=v.get("superseded_by"),
            reference=v.get("reference"), unchecked=v.get("unchecked"), reference_pos=doc.pos(vpath + ("reference",))))
    return Law(id=data["id"], title=data["title"], short=data["short"], level=data["level"], issuer=data["issuer"],
               versions=versions, pos=doc.pos(), file=doc.file, repealed_on=data.get("repealed_on"),
               note=data.get("note"))


def build_subitems(doc: Document, items: list, path: tuple) -> list[SubItem]:
    return [SubItem(s["id"], s["name"], make_refs(doc, s.get("bases"), path + (i, "bases")), doc.pos(path + (i,)))
            for i, s in enumerate(items)]


def build_step(doc: Document, data: dict, path: tuple) -> Step:
    branches = data.get("branches")
    return Step(id=data["id"], name=data["name"], who=data["who"], pos=doc.pos(path), limit=data.get("limit"),
                next=list(data["next"]) if "next" in data else None,
                branches=None if branches is None else [Branch(b["when"], b["to"]) for b in branches])


def build_risk(doc: Document, data: dict, path: tuple) -> Risk:
    return Risk(step=data["step"], point=data["point"], level=data["level"], measures=list(data["measures"]),
                pos=doc.pos(path), post=data.get("post"))


def build_time_limit(doc: Document, data: dict, path: tuple) -> TimeLimit:
    return TimeLimit(legal=data["legal"], pos=doc.pos(path), promised=data.get("promised"))


def build_power(doc: Document, data: dict, path: tuple) -> Power:
    responsibilities = [
        Responsibility(r["stage"], r["duty"], make_refs(doc, r.get("bases"), path + ("responsibilities", i, "bases")),
                       doc.pos(path + ("responsibilities", i)))
        for i, r in enumerate(data["responsibilities"])]
    return Power(
        code=str(data["code"]), name=data["name"], type=data["type"], level=data["level"], subject=data["subject"],
        office_id=data["office"], on_application=data["on_application"],
        bases=[make_ref(doc, b, path + ("bases", i)) for i, b in enumerate(data["bases"])],
        responsibilities=responsibilities, accountability=data["accountability"],
        accountability_bases=make_refs(doc, data["accountability"]["bases"], path + ("accountability", "bases")),
        time_limit=build_time_limit(doc, data["time_limit"], path + ("time_limit",)), fee=data["fee"],
        process=[build_step(doc, s, path + ("process", i)) for i, s in enumerate(data["process"])],
        risks=[build_risk(doc, r, path + ("risks", i)) for i, r in enumerate(data["risks"])],
        status=data["status"], source=data["source"], pos=doc.pos(path), file=doc.file, path=path,
        service_code=data.get("service_code"), service_category=data.get("service_category"),
        subitems=build_subitems(doc, data.get("subitems", []), path + ("subitems",)),
        adjusted_on=data.get("adjusted_on"), source_note=data.get("source_note"), note=data.get("note"),
        supervision=data.get("supervision"))


def build_area(doc: Document, keep_data: bool = True) -> Area:
    """`keep_data`: keep the file as loaded on the area (a build's history reuses it; `check` has no use for it)."""
    data = doc.data
    area = Area(id=data["id"], name=data["name"], office_id=data["office"], duties=data["duties"], powers=[],
                pos=doc.pos(), file=doc.file, order=data.get("order", 0), summary=data.get("summary"),
                source=data.get("source"), data=data if keep_data else None)
    for i, p in enumerate(data["powers"]):
        power = build_power(doc, p, ("powers", i))
        power.area = area
        area.powers.append(power)
    return area


def build_agency(doc: Document) -> Agency:
    data = doc.data
    offices = {}
    for i, o in enumerate(data["offices"]):
        offices.setdefault(o["id"], Office(o["id"], o["name"], o["duties"], doc.pos(("offices", i)), o.get("roles", [])))
    remedy_bases = [make_refs(doc, r.get("bases"), ("remedies", i, "bases")) for i, r in enumerate(data["remedies"])]
    return Agency(data=data, offices=offices,
                  enforcement_bases=make_refs(doc, data["enforcement"]["bases"], ("enforcement", "bases")),
                  remedy_bases=remedy_bases, pos=doc.pos(), file=doc.file, offices_pos=doc.key_pos(("offices",)))
