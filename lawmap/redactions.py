"""data/redactions.yaml: commits whose content must not be republished (personal data committed by mistake).

The 调整记录 and feed.xml are read from git history, which is never rewritten; a commit listed here is passed over
as if it had not been made (the next commit is compared with the state before it), so its content leaves the
public record. List every commit that carried the content, e.g. the one that added it and any before its fix.
"""
from __future__ import annotations

from .diagnostics import Report
from .record_kinds import RecordKind
from .model import Model

KEY = "redactions"


def build(docs, model: Model, report: Report) -> None:
    model.extras[KEY] = [item for doc in docs for item in doc.data.get("redactions") or []]


def commits(model: Model) -> tuple[str, ...]:
    """The listed commit ids (full or abbreviated), lower case."""
    return tuple(sorted(str(item["commit"]).lower() for item in model.extras.get(KEY, [])))


KINDS = [RecordKind(KEY, "redactions.yaml", "redactions", build)]  # listed by record_kinds.registered()
