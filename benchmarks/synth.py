"""Synthetic data at N× the bureau's size, derived from the real data/ with renamed ids and kept valid.

Copy 0 is the real data unchanged. Copy k (1 ≤ k < N) adds, for every law file and every area file, a renamed
twin (`<id>-s<k>`, power codes `<code>-S<k>`) whose citations point at the copy-k laws; every disclosure record
that names a power (the 执法决定 — see NOT_SCALED) gets a copy-k twin naming the copy-k power. So
areas, powers, laws, articles and disclosures all grow N-fold and the twins are as valid as the originals.
"""
from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from lawmap.citation import parse_at

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads keys as lawmap does: `no:` and `on:` stay strings (YAML 1.1 would make them booleans)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
# 三张清单 rows and the inspection catalogue are checked against the counts the annual report publishes:
# more rows there would be a (correct) error or warning, so those two files keep their real size.
NOT_SCALED = {"disclosure/lenient.yaml", "disclosure/inspections.yaml"}
DUMP = dict(Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=10_000)


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _write(path: Path, data, schema_line: str) -> None:
    """The file with the same first line (its schema), data dumped by PyYAML (shared nodes stay YAML aliases)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_line + "\n" + yaml.dump(data, **DUMP), encoding="utf-8")


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\n")


def _rename_refs(node, k: int, law_ids: set, codes: set, seen: set) -> None:
    """In place: every `law:` naming a real law and every `power:` naming a real code points at copy k."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "law" and value in law_ids:
                node[key] = f"{value}-s{k}"
            elif key == "power" and value in codes:
                node[key] = f"{value}-S{k}"
            else:
                _rename_refs(value, k, law_ids, codes, seen)
    elif isinstance(node, list):
        for value in node:
            _rename_refs(value, k, law_ids, codes, seen)


def _citations(node, law_ids: set, found: set, seen: set) -> set:
    """(law id, version, article no) of every citation under node."""
    if id(node) in seen:
        return found
    seen.add(id(node))
    if isinstance(node, dict):
        if node.get("law") in law_ids and "at" in node:
            found.add((node["law"], str(node.get("version")), parse_at(node["at"]).article))
        for value in node.values():
            _citations(value, law_ids, found, seen)
    elif isinstance(node, list):
        for value in node:
            _citations(value, law_ids, found, seen)
    return found


def _cited_only(law: dict, cited: set) -> dict | None:
    """The law with only the articles the twins cite (an uncited article is a check warning); None if none is."""
    law = copy.deepcopy(law)
    kept = 0
    for version in law.get("versions", []):
        articles = [a for a in version.get("articles", [])
                    if (law["id"], str(version["id"]), a["no"]) in cited]
        if "articles" in version:
            version["articles"] = articles
        kept += len(articles)
    return law if kept else None


def _law_twin(law: dict, k: int) -> dict:
    twin = copy.deepcopy(law)
    twin["id"] = f"{law['id']}-s{k}"
    twin["title"] = f"{law['title']}（样本{k}）"
    if "short" in twin:
        twin["short"] = f"{law['short']}（样本{k}）"
    return twin


def _area_twin(area: dict, k: int, law_ids: set, codes: set) -> dict:
    twin = copy.deepcopy(area)  # deepcopy keeps YAML-alias sharing, so each shared node is renamed once
    twin["id"] = f"{area['id']}-s{k}"
    twin["name"] = f"{area['name']}（样本{k}）"
    for power in twin.get("powers", []):
        power["code"] = f"{power['code']}-S{k}"
    _rename_refs(twin, k, law_ids, codes, set())
    return twin


def _power_records(disclosures, codes: set) -> list:
    """The disclosure records that name a power: the ones that get twins."""
    return [r for data in disclosures if isinstance(data, dict) for records in data.values()
            if isinstance(records, list) for r in records if isinstance(r, dict) and r.get("power") in codes]


def _disclosure_twins(data, copies: int, law_ids: set, codes: set) -> int:
    """Append copy-k twins of every record that names a real power; returns how many records were added."""
    added = 0
    for key, records in list(data.items()) if isinstance(data, dict) else []:
        if not (isinstance(records, list) and records and all(isinstance(r, dict) and r.get("power") in codes
                                                              for r in records)):
            continue
        originals = list(records)
        for k in range(1, copies):
            for record in originals:
                twin = copy.deepcopy(record)
                twin["id"] = f"{record['id']}-s{k}"
                _rename_refs(twin, k, law_ids, codes, set())
                records.append(twin)
                added += 1
    return added


def generate(source: Path, target: Path, copies: int) -> dict:
    """Write source's data ×copies into target (a fresh dir); return counts of what was written."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    laws = {p: _load(p) for p in sorted((source / "laws").glob("*.yaml"))}
    areas = {p: _load(p) for p in sorted((source / "areas").glob("*.yaml"))}
    law_ids = {law["id"] for law in laws.values()}
    codes = {power["code"] for area in areas.values() for power in area.get("powers", [])}
    disclosures = {p: _load(p) for p in sorted((source / "disclosure").rglob("*.yaml"))
                   if p.relative_to(source).as_posix() not in NOT_SCALED}
    cited = _citations([list(areas.values()), _power_records(disclosures.values(), codes)], law_ids, set(), set())
    twinned = {p: law for p, law in ((p, _cited_only(law, cited)) for p, law in laws.items()) if law}
    for k in range(1, copies):
        for path, law in twinned.items():
            _write(target / "laws" / f"{law['id']}-s{k}.yaml", _law_twin(law, k), _first_line(path))
        for path, area in areas.items():
            _write(target / "areas" / f"{area['id']}-s{k}.yaml", _area_twin(area, k, law_ids, codes), _first_line(path))
    added = 0
    for path, data in disclosures.items() if copies > 1 else []:
        more = _disclosure_twins(data, copies, law_ids, codes)
        if more:
            _write(target / path.relative_to(source), data, _first_line(path))
            added += more
    return {"laws": len(laws) + len(twinned) * (copies - 1), "areas": len(areas) * copies,
            "powers": len(codes) * copies, "disclosure records added": added,
            "files": sum(1 for _ in target.rglob("*.yaml"))}


def commit(repo: Path) -> None:
    """Make target a one-commit git repository, so the build's history and provenance steps run as on real data."""
    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "-m", "synthetic data")
