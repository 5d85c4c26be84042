"""Synthetic data at N× the bureau's size, derived from the real data/ and kept valid (`lawmap check --strict`).

Copy 0 is the real data unchanged. Copy k (1 ≤ k < N) adds a twin of every area file (`<id>-s<k>`, power codes
`<code>-S<k>`) and of every disclosure record that grows with the powers (执法决定, 双随机 tasks and results, 执法人员).
What makes it a realistic larger bureau, not N copies of one:
- the laws are the same 27 files at every size: the twins cite the same laws and articles (a bureau's set of laws is
  bounded; more powers means more citations of them, not more laws). Article text is never touched;
- each twin's own text differs: names, duties, notes, process steps, risks, accountability cases … are re-mixed per
  copy, deterministically, from real phrases of the same field elsewhere in the data (`vary`), so compression and
  caches see as many distinct texts as a real larger data set would, in the same vocabulary.
三张清单, the inspection catalogue and the annual report keep their real size: the validator checks them against the
figures the report publishes.
"""
from __future__ import annotations

import copy
import random
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads keys as lawmap does: `no:` and `on:` stay strings (YAML 1.1 would make them booleans)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
DUMP = dict(Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False, width=10_000)

# Free-text fields written by staff (never ids, codes, enums, dates or citations): re-mixed per copy.
TEXT_KEYS = {"name", "summary", "text", "duty", "note", "point", "measures", "cases", "targets", "when", "who",
             "limit", "legal", "promised", "fee", "source_note", "post", "conclusion", "follow_up"}
# Sub-trees left as written: a decision's party (its name is checked for masking / fictional names).
KEEP = {"target"}
# Disclosure lists that grow with the powers: list key → how a twin of a record is made (see _record_twin).
SCALED_LISTS = {"decisions", "tasks", "results", "officers"}
_CLAUSE = re.compile(r"[^，。；：、,;:]+[，。；：、,;:]?")
_PUNCT = "，。；：、,;:"


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _write(path: Path, data, schema_line: str) -> None:
    """The file with the same first line (its schema), data dumped by PyYAML (shared nodes stay YAML aliases)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_line + "\n" + yaml.dump(data, **DUMP), encoding="utf-8")


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\n")


def _texts(node, key: str | None = None):
    """(field, text) of every free-text value under node."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name not in KEEP:
                yield from _texts(value, name)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, key)
    elif isinstance(node, str) and key in TEXT_KEYS and node.strip():
        yield key, node


def phrase_pool(*trees) -> dict[str, list[str]]:
    """Per field, the distinct clauses the real data uses in it (sorted: the same pool on every run)."""
    pool: dict[str, set] = {}
    for tree in trees:
        for key, text in _texts(tree):
            pool.setdefault(key, set()).update(c.rstrip(_PUNCT) for c in _CLAUSE.findall(text) if c.rstrip(_PUNCT))
    return {key: sorted(clauses) for key, clauses in pool.items()}


def vary(text: str, key: str, k: int, pool: dict[str, list[str]]) -> str:
    """Copy k's version of a text: each clause kept or swapped for a real clause of the same field; a one-clause text
    (a name) is spliced with another real one. Deterministic in (k, field, text), so boilerplate that repeats within
    the real data repeats within each copy too, and differs between copies."""
    rng = random.Random(zlib.crc32(f"{k}\0{key}\0{text}".encode("utf-8")))
    donors = pool.get(key) or [text]
    clauses = _CLAUSE.findall(text) or [text]
    if len(clauses) > 1:
        out = "".join(c if rng.random() < 0.35 else rng.choice(donors) + c[len(c.rstrip(_PUNCT)):] for c in clauses)
    else:
        donor = rng.choice(donors)
        cut = rng.randint(1, max(1, len(text) - 1))
        out = text[:cut] + donor[max(0, len(donor) - (len(text) - cut)):]
    return out if out != text else text + "，" + rng.choice(donors)


def _remix(node, k: int, pool: dict, seen: set, key: str | None = None):
    """In place: every free-text value under node re-mixed for copy k (shared YAML nodes once)."""
    if id(node) in seen:
        return node
    seen.add(id(node))
    if isinstance(node, dict):
        for name, value in node.items():
            if name in KEEP:
                continue
            if isinstance(value, str) and name in TEXT_KEYS:
                node[name] = vary(value, name, k, pool)
            else:
                _remix(value, k, pool, seen, name)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, str) and key in TEXT_KEYS:
                node[i] = vary(value, key, k, pool)
            else:
                _remix(value, k, pool, seen, key)
    return node


def _area_twin(area: dict, k: int, pool: dict) -> dict:
    twin = copy.deepcopy(area)  # deepcopy keeps YAML-alias sharing, so each shared node is changed once
    twin["id"] = f"{area['id']}-s{k}"
    for power in twin.get("powers", []):
        power["code"] = f"{power['code']}-S{k}"
    return _remix(twin, k, pool, set())


def _record_twin(record: dict, k: int, codes: set, pool: dict) -> dict:
    """Copy k of a disclosure record: its own id, the copy-k power or task, its own wording."""
    twin = _remix(copy.deepcopy(record), k, pool, set())
    if "id" in twin:
        twin["id"] = f"{record['id']}-s{k}"
    if twin.get("power") in codes:
        twin["power"] = f"{record['power']}-S{k}"
    if "task" in twin:
        twin["task"] = f"{record['task']}-s{k}"
    if "cert_no" in twin:  # an officer: another person, another certificate
        twin["cert_no"] = f"{record['cert_no']}-{k}"
        twin["name"] = f"{record['name']}{k}"
    return twin


def _scale_disclosure(data, copies: int, codes: set, pool: dict) -> int:
    """Append copy-k twins to every list that grows with the powers; returns how many records were added."""
    added = 0
    for key, records in list(data.items()) if isinstance(data, dict) else []:
        if key in SCALED_LISTS and isinstance(records, list) and all(isinstance(r, dict) for r in records):
            originals = list(records)
            records.extend(_record_twin(r, k, codes, pool) for k in range(1, copies) for r in originals)
            added += len(originals) * (copies - 1)
    return added


def generate(source: Path, target: Path, copies: int) -> dict:
    """Write source's data ×copies into target (a fresh dir); return counts of what was written."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    areas = {p: _load(p) for p in sorted((source / "areas").glob("*.yaml"))}
    disclosures = {p: _load(p) for p in sorted((source / "disclosure").rglob("*.yaml"))}
    codes = {power["code"] for area in areas.values() for power in area.get("powers", [])}
    pool = phrase_pool(list(areas.values()), list(disclosures.values()))
    for k in range(1, copies):
        for path, area in areas.items():
            _write(target / "areas" / f"{area['id']}-s{k}.yaml", _area_twin(area, k, pool), _first_line(path))
    added = 0
    for path, data in disclosures.items() if copies > 1 else []:
        more = _scale_disclosure(data, copies, codes, pool)
        if more:
            _write(target / path.relative_to(source), data, _first_line(path))
            added += more
    return {"laws": sum(1 for _ in (target / "laws").glob("*.yaml")), "areas": len(areas) * copies,
            "powers": len(codes) * copies, "disclosure records added": added,
            "files": sum(1 for _ in target.rglob("*.yaml"))}


def commit(repo: Path) -> None:
    """Make target a one-commit git repository, so the build's history and provenance steps run as on real data."""
    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=benchmark", "-c", "user.email=benchmark@localhost", "commit", "-q", "--allow-empty", "-m",
        "synthetic data")
