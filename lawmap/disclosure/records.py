"""The disclosure records held in model.extras["disclosure"]: plain YAML data, each item remembering its place."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Pos
from ..model import Model, Ref
from ..yamlsource import Document

KEY = "disclosure"


@dataclass
class Record:
    """One item of a disclosure file: its data, and where it was written (for file:line messages)."""

    data: dict
    doc: Document
    path: tuple = ()
    refs: list[Ref] = field(default_factory=list)  # the citations this item makes, resolved by the loader

    def __getitem__(self, key):
        return self.data[key]

    def get(self, key, default=None):
        return self.data.get(key, default)

    def pos(self, *sub) -> Pos:
        return self.doc.pos(self.path + sub)

    @property
    def is_example(self) -> bool:
        return self.data.get("source") == "示例"


@dataclass
class Disclosure:
    officers: list[Record] = field(default_factory=list)
    officers_file: Record | None = None
    decisions: list[Record] = field(default_factory=list)
    lenient: list[Record] = field(default_factory=list)
    lenient_file: Record | None = None
    inspections: list[Record] = field(default_factory=list)
    inspections_file: Record | None = None
    random_checks: dict[int, Record] = field(default_factory=dict)
    normative: list[Record] = field(default_factory=list)
    certificates: Record | None = None
    reports: dict[int, Record] = field(default_factory=dict)
    opengov: Record | None = None
    guide: list[Record] = field(default_factory=list)
    categories: list[Record] = field(default_factory=list)
    docs: list[Document] = field(default_factory=list)
    refs: dict[str, list[Ref]] = field(default_factory=dict)

    def inspection(self, item_id: str) -> Record | None:
        return next((r for r in self.inspections if r["id"] == item_id), None)

    def latest_report(self) -> Record | None:
        return self.reports[max(self.reports)] if self.reports else None

    def figure(self, means: str, year: int | None = None, of: str | None = None):
        """The figure (a dict: label, value, unit, section) that `means` this (figures[].means in the report schema,
        with `of` for a per-kind count) in that year's report, default the latest; None if absent."""
        report = self.reports.get(year) if year else self.latest_report()
        if report is None:
            return None
        return next((f for f in report["figures"] if f.get("means") == means and f.get("of") == of), None)


def records(model: Model) -> Disclosure:
    """The model's disclosure records (empty when the data holds none)."""
    return model.extras.setdefault(KEY, Disclosure())
