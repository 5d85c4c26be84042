"""权责清单 调整记录: which powers each commit to data/areas/ added, removed or changed (field, old → new), from git.

Read straight from git objects (`git log`, `git ls-tree`, `git cat-file --batch`), never from the working tree, so a
record is what was committed. Works in a shallow clone (the oldest available commit becomes the baseline and the
history says it is partial) and without git (status "unavailable" with the reason; callers warn, never fail).
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .citation import cite, parse_at
from .diagnostics import Report
from .yamlsource import cyclic_gc_paused, load_yaml

FIELD_LABELS = {
    "area": "业务领域", "code": "事项编码", "name": "事项名称", "subitems": "子项", "type": "权力类型", "level": "行使层级",
    "subject": "实施主体", "office": "承办机构", "on_application": "是否依申请", "bases": "依据", "responsibilities": "责任事项",
    "accountability": "追责", "time_limit": "办理时限", "fee": "收费", "process": "办理流程", "risks": "风险点",
    "status": "状态", "adjusted_on": "调整日期", "service_code": "政务服务事项编码", "service_category": "政务服务类别",
    "source": "来源", "source_note": "来源说明", "note": "备注",
}
FULL, PARTIAL, UNAVAILABLE = "full", "partial", "unavailable"


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass
class PowerChange:
    code: str
    name: str
    action: str  # 新增 | 删除 | 调整
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Entry:
    commit: str
    date: str       # YYYY-MM-DD, the commit date in its own time zone
    timestamp: str  # ISO 8601 committer date
    subject: str
    changes: list[PowerChange]

    @property
    def short(self) -> str:
        return self.commit[:8]


@dataclass
class History:
    status: str                 # full | partial | unavailable
    entries: list[Entry]        # newest first
    reason: str = ""            # why history is partial or unavailable (Chinese, for the page and the build log)
    since: str | None = None    # partial: date of the oldest commit, whose own changes are unknown


class GitError(Exception):
    pass


def _git(repo: Path, *args: str, input: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), "-c", "core.quotepath=off", *args], input=input,
                              capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("未安装 git") from exc
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} 失败")
    return done.stdout


def compute(data_dir: str | Path, law_titles: dict[str, str] | None = None, redacted: tuple[str, ...] = (),
            loaded: dict[Path, object] | None = None) -> History:
    """The 调整记录 of the powers under data_dir/areas/, newest commit first; commits in `redacted` (ids or their
    prefixes, data/redactions.yaml) are passed over, as are commits whose area files did not parse.
    `loaded`: files this build already parsed (path → data): a committed file with the same bytes is not parsed again."""
    data_dir = Path(data_dir).resolve()
    try:
        top = Path(_git(data_dir, "rev-parse", "--show-toplevel").decode().strip())
        prefix = _git(data_dir, "rev-parse", "--show-prefix").decode().strip()
        return _compute(top, prefix + "areas", law_titles or {}, redacted, _by_blob_id(loaded or {}))
    except GitError as exc:
        return History(UNAVAILABLE, [], reason=f"无法读取 git 历史（{exc}），调整记录暂不可用")


def _by_blob_id(loaded: dict[Path, object]) -> dict[str, object]:
    """The parsed files by the id git gives their bytes (a file changed since the commit gets another id)."""
    known = {}
    for path, data in loaded.items():
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        known[hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()] = data
    return known


_CACHE: dict[tuple, History] = {}  # compute() once per data dir, HEAD, law titles and redactions (page and feed ask)


def for_data_dir(data_dir: str | Path, law_titles: dict[str, str] | None = None, redacted: tuple[str, ...] = (),
                 loaded: dict[Path, object] | None = None) -> History:
    try:
        head = _git(Path(data_dir), "rev-parse", "HEAD").decode().strip()
    except GitError:
        head = ""
    key = (str(Path(data_dir).resolve()), head, tuple(sorted((law_titles or {}).items())), tuple(redacted))
    if key not in _CACHE:
        if len(_CACHE) >= 8:
            del _CACHE[next(iter(_CACHE))]
        _CACHE[key] = compute(data_dir, law_titles, tuple(redacted), loaded)
    return _CACHE[key]


def for_model(data_dir: str | Path, model) -> History:
    """The history as the site publishes it: law titles from the model, data/redactions.yaml applied; the area
    files the model was loaded from are not parsed a second time."""
    from . import redactions
    loaded = {Path(area.file).resolve(): area.data for area in model.areas if area.data is not None}
    return for_data_dir(data_dir, {law.id: law.title for law in model.laws.values()}, redactions.commits(model), loaded)


def _is_redacted(sha: str, redacted: tuple[str, ...]) -> bool:
    return any(sha.startswith(prefix) for prefix in redacted)


def _compute(repo: Path, areas: str, titles: dict[str, str], redacted: tuple[str, ...] = (),
             known: dict[str, object] | None = None) -> History:
    log = _git(repo, "log", "--reverse", "--format=%H%x1f%cI%x1f%s%x1e", "--", areas).decode("utf-8", "replace")
    commits = [line.strip("\n").split("\x1f") for line in log.split("\x1e") if line.strip()]
    shallow = _shallow_commits(repo)
    blobs = _BlobReader(repo, known or {})
    entries, previous, since = [], None, None
    for sha, when, subject in commits:
        if previous is None:
            previous = _baseline(repo, sha, areas, blobs, shallow)
            if previous is None:  # the oldest commit of a shallow clone: what it changed is unknown
                previous, since = _powers_at(repo, sha, areas, blobs) or {}, when[:10]
                continue
        if _is_redacted(sha, redacted):
            continue  # as if never made: the next commit is compared with the state before this one
        current = _powers_at(repo, sha, areas, blobs)
        if current is None:
            continue  # an area file of this commit did not parse: its fix is compared with the last good state
        changes = diff_powers(previous, current, titles)
        if changes:
            entries.append(Entry(sha, when[:10], when, subject, changes))
        previous = current
    entries.reverse()
    if since:
        return History(PARTIAL, entries, since=since,
                       reason=f"本副本是浅克隆，只含 {since} 以来的提交，此前的调整记录不完整")
    return History(FULL, entries)


def _shallow_commits(repo: Path) -> set[str]:
    path = Path(_git(repo, "rev-parse", "--git-path", "shallow").decode().strip())
    path = path if path.is_absolute() else repo / path
    return set(path.read_text().split()) if path.exists() else set()


def _baseline(repo: Path, sha: str, areas: str, blobs, shallow: set[str]) -> dict | None:
    """The powers just before the first commit that touched areas/: none for a root commit; None if unknowable."""
    if sha in shallow:
        return None
    try:
        parent = _git(repo, "rev-parse", "--verify", "--quiet", f"{sha}^1").decode().strip()
    except GitError:
        return {}  # a root commit: nothing existed before it
    return _powers_at(repo, parent, areas, blobs) or {}


class _BlobReader:
    """Data of git blobs by object id, read through `git cat-file --batch` and parsed like every data file
    (yamlsource: keys as written, dates as text); a file that does not parse is None. `known`: data already parsed
    by blob id (the build's own data files), which is read-only here."""

    def __init__(self, repo: Path, known: dict[str, object]):
        self.repo, self.parsed = repo, dict(known)

    def load(self, ids: list[str]) -> None:
        wanted = [i for i in ids if i not in self.parsed]
        if not wanted:
            return
        out = _git(self.repo, "cat-file", "--batch", input="".join(i + "\n" for i in wanted).encode())
        pos = 0
        with tempfile.TemporaryDirectory(prefix="lawmap-history-") as tmp, cyclic_gc_paused():
            for oid in wanted:
                header_end = out.index(b"\n", pos)
                size = int(out[pos:header_end].split()[2])
                path = Path(tmp) / f"{oid}.yaml"
                path.write_bytes(out[header_end + 1:header_end + 1 + size])
                pos = header_end + 1 + size + 1
                doc = load_yaml(path, path.name, Report())
                self.parsed[oid] = doc.data if doc is not None else None


def _powers_at(repo: Path, sha: str, areas: str, blobs: _BlobReader) -> dict[str, dict] | None:
    """code → power mapping (with its area id under 'area') in commit sha; None when an area file did not parse."""
    listing = _git(repo, "ls-tree", "-r", "-z", sha, "--", areas).decode("utf-8", "replace")
    files = []
    for row in filter(None, listing.split("\0")):
        meta, path = row.split("\t", 1)
        if path.endswith(".yaml"):
            files.append((path, meta.split()[2]))
    blobs.load([oid for _, oid in files])
    powers = {}
    for path, oid in sorted(files):
        data = blobs.parsed.get(oid)
        if not isinstance(data, dict) or not isinstance(data.get("powers") or [], list):
            return None
        for power in data.get("powers") or []:
            if isinstance(power, dict) and power.get("code") is not None:
                powers.setdefault(str(power["code"]), {"area": data.get("id"), **power})
    return powers


def diff_powers(old: dict[str, dict], new: dict[str, dict], titles: dict[str, str]) -> list[PowerChange]:
    changes = [PowerChange(code, str(new[code].get("name", "")), "新增") for code in new if code not in old]
    changes += [PowerChange(code, str(old[code].get("name", "")), "删除") for code in old if code not in new]
    for code in new:
        if code in old and old[code] != new[code]:
            fields = [FieldChange(k, FIELD_LABELS.get(k, k), describe(k, old[code].get(k), titles),
                                  describe(k, new[code].get(k), titles))
                      for k in _keys(old[code], new[code]) if old[code].get(k) != new[code].get(k)]
            changes.append(PowerChange(code, str(new[code].get("name", "")), "调整", fields))
    return sorted(changes, key=lambda c: c.code)


def _keys(old: dict, new: dict) -> list[str]:
    order = list(FIELD_LABELS)
    keys = set(old) | set(new)
    return sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), k))


def describe(key: str, value, titles: dict[str, str]) -> str:
    """A field value as one line of text: citations in Chinese form, other structures as compact JSON."""
    if value is None:
        return "（无）"
    if key == "bases" and isinstance(value, list):
        return "；".join(_citation(b, titles) for b in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return str(value)


def _citation(basis, titles: dict[str, str]) -> str:
    if not isinstance(basis, dict):
        return str(basis)
    law = str(basis.get("law", ""))
    try:
        text = cite(titles.get(law, law), parse_at(basis.get("at")))
    except (ValueError, TypeError):
        text = f"《{titles.get(law, law)}》{basis.get('at')}"
    return f"{text}（{basis.get('version')}版）"
