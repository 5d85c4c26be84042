"""load → validate → model: the one entry point the site, the CLI and the exports all call."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from . import build, legal_rules, pii, privacy, quotes, rules
from .diagnostics import Pos, Report
from .model import Model
from .record_kinds import RecordKind, registered
from .schemas import calendar_date, check_schema
from .yamlsource import MAX_BYTES, Document, cyclic_gc_paused, load_yaml




class BadToday(ValueError):
    """LAWMAP_TODAY is set but is not a YYYY-MM-DD calendar date."""


def today() -> str:
    """The date rules are judged on (stale bases, deadlines): LAWMAP_TODAY when set, else the real date."""
    value = os.environ.get("LAWMAP_TODAY")
    if not value:
        return dt.date.today().isoformat()
    if not calendar_date(value):
        raise BadToday(f"LAWMAP_TODAY={value[:40]!r} 不是 YYYY-MM-DD 形式的日期（如 LAWMAP_TODAY=2024-01-31），或不设置")
    return value


@dataclass
class Project:
    model: Model
    report: Report
    files: list[str]


def _display(path: Path, data_dir: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _load(paths: list[Path], kind: str, data_dir: Path, report: Report, dropped: list[str],
          scan: Callable[[Path, str], None]) -> Iterator[Document]:
    """Load, scan for personal data and schema-check each file, one at a time (a caller that builds each document as
    it comes never holds more than one file's node positions); a file that fails is left out (named in `dropped`)."""
    for path in paths:
        if not path.resolve().is_relative_to(data_dir):
            report.error(Pos(_display(path, data_dir)), f"指向数据文件夹之外（{path.resolve()}）的链接不予读取")
            dropped.append(str(path))
            continue
        doc = load_yaml(path, _display(path, data_dir), report)
        if doc is not None:
            scan(path, doc.text)
            doc.text = ""  # scanned: not kept
        if doc is not None and check_schema(doc, kind, report):
            yield doc
        else:
            dropped.append(str(path))


class _Scanner:
    """The PII scan of each data file as the loader reads it; what agency.yaml allows is known once it is loaded
    (texts read before that wait for it)."""

    def __init__(self, data_dir: Path, report: Report):
        self.data_dir, self.report, self.allowed = data_dir, report, None
        self.scanned: set[Path] = set()
        self.waiting: list[tuple[Path, str]] = []

    def __call__(self, path: Path, text: str) -> None:
        self.scanned.add(path)
        if self.allowed is None:
            self.waiting.append((path, text))
        else:
            privacy.check_text(_display(path, self.data_dir), text, self.allowed, self.report)

    def allow(self, agency_data) -> None:
        self.allowed = pii.Allowed.from_agency(agency_data)
        for path, text in self.waiting:
            self(path, text)
        self.waiting = []


@cyclic_gc_paused()
def load_project(data_dir: str | Path = "data", on: str | None = None, kinds: list[RecordKind] | None = None,
                 keep_area_files: bool = True) -> Project:
    """Load every file under data_dir once, validate it, and return the model with all problems found.

    `kinds`: the further record kinds to load (default: every registered kind, record_kinds.registered()).
    `keep_area_files`: keep each area file as loaded (Area.data) for the build's history; `check` does without."""
    kinds = registered() if kinds is None else kinds
    data_dir = Path(data_dir).resolve()
    report = Report()
    try:
        on = on or today()
    except BadToday as exc:
        report.error(Pos("LAWMAP_TODAY"), str(exc))
        on = dt.date.today().isoformat()
    agency_path = data_dir / "agency.yaml"
    if not agency_path.exists():
        report.error(Pos(_display(agency_path, data_dir)), "缺少 agency.yaml（机关信息）")
    dropped: list[str] = []
    scan = _Scanner(data_dir, report)
    agency_docs = list(_load([agency_path] if agency_path.exists() else [], "agency", data_dir, report, dropped, scan))
    scan.allow(agency_docs[0].data if agency_docs else None)
    law_docs = list(_load(sorted((data_dir / "laws").glob("*.yaml")), "law", data_dir, report, dropped, scan))
    area_files = sorted((data_dir / "areas").glob("*.yaml"))
    areas = [build.build_area(d, keep_area_files) for d in _load(area_files, "area", data_dir, report, dropped, scan)]
    laws = [build.build_law(d) for d in law_docs]
    model = Model(agency=build.build_agency(agency_docs[0]) if agency_docs else None,
                  laws={law.id: law for law in reversed(laws)}, today=on, areas=sorted(areas, key=lambda a: (a.order, a.id)))
    files = [d.file for d in agency_docs + law_docs] + [a.file for a in areas]
    repealed_path = data_dir / "laws-repealed.yaml"
    repealed_docs = list(_load([repealed_path] if repealed_path.exists() else [], "laws-repealed", data_dir, report,
                               dropped, scan))
    model.repealed = [law for d in repealed_docs for law in d.data["laws"]]
    files += [d.file for d in repealed_docs]
    for kind in kinds:
        docs = list(_load(sorted(data_dir.glob(kind.pattern)), kind.schema, data_dir, report, dropped, scan))
        files += [d.file for d in docs]
        kind.build(docs, model, report)

    _validate(model, laws, law_docs, kinds, report, complete=not dropped)
    privacy.check_files(data_dir, scan.scanned, lambda p: _display(p, data_dir), scan.allowed, report, MAX_BYTES)
    model.problems = report.sorted()  # the staff page 待处理问题 lists them
    return Project(model, report, files)


def _validate(model: Model, laws, law_docs, kinds: list[RecordKind], report: Report, complete: bool) -> None:
    rules.check_unique(model, laws, report)
    for law, doc in zip(laws, law_docs):
        rules.check_law_file(law, Path(doc.file).stem, report)
        legal_rules.check_not_repealed(law, model.repealed, report)
    quotes.check_quotes(model, report)
    model.extra_refs = [r for kind in kinds for r in kind.refs(model)]
    refs = model.all_refs()
    for ref in refs:
        rules.resolve_ref(ref, model.laws, report)
        rules.check_currency(ref, model.today, report)
        legal_rules.check_in_force_on_as_of(ref, model, report)
    for power in model.powers:
        rules.check_power(power, model, report)
        legal_rules.check_basis_sets_act(power, report)
        legal_rules.check_level_subject(power, model, report)
        legal_rules.check_duty_basis(power, report)
    rules.check_area_office(model, report)
    rules.check_office_roles(model, report)
    if complete:  # with a file left out, its citations are unknown: no "uncited article" noise
        rules.check_uncited_articles(model, refs, report)
    for kind in kinds:
        kind.check(model, report)
