"""Write values read from the 权责清单 workbook into ruamel.yaml round-trip nodes, touching only what changed.

Lists are edited in place (difflib opcodes applied from the end), so an unchanged item keeps its node — its
comments, flow style and quoting — and a changed article number changes only that citation's `at`.
"""
from __future__ import annotations

import difflib
import re
from typing import Callable

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from ..citation import At
from .xlsx_cells import RefValue

POWER_KEYS = ["code", "service_code", "name", "subitems", "type", "service_category", "level", "subject", "office",
              "on_application", "bases", "responsibilities", "accountability", "time_limit", "fee", "process", "risks",
              "status", "adjusted_on", "source", "source_note", "note"]
REF_KEYS = ["kind", "law", "version", "at", "note"]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def flow_map(**values) -> CommentedMap:
    node = CommentedMap((k, v) for k, v in values.items() if v is not None)
    node.fa.set_flow_style()
    return node


def flow_seq(items) -> CommentedSeq:
    node = CommentedSeq(items)
    node.fa.set_flow_style()
    return node


def seq_like(parent, items) -> CommentedSeq:
    """A new list in its parent's style: flow inside a flow mapping, block (one item a line) otherwise."""
    return flow_seq(items) if parent.fa.flow_style() else CommentedSeq(items)


def _styled(old, value):
    """value in the quoting style of the value it replaces (dates always quoted, as the schema wants strings)."""
    if isinstance(value, str) and isinstance(old, ScalarString):
        return type(old)(value)
    if isinstance(value, str) and _DATE.match(value):
        return DoubleQuotedScalarString(value)
    return value


def set_key(node: CommentedMap, key: str, value, order: list[str]) -> None:
    """Set node[key]; a missing key goes where `order` puts it; None deletes the key; an equal value is left alone."""
    if value is None:
        node.pop(key, None)
        return
    if key in node:
        if node[key] != value:
            node[key] = _styled(node[key], value)
        return
    before = order[:order.index(key)]
    position = max((i + 1 for i, k in enumerate(node) if k in before), default=0)
    node.insert(position, key, _styled(None, value))


def sync_seq(seq: CommentedSeq, old_keys: list, new_keys: list, make: Callable[[int], object],
             update: Callable[[CommentedSeq, int, int], None] | None = None) -> None:
    """Make seq's items follow new_keys. Items whose key stays are untouched; with `update`, a replaced item is
    edited in place (update(seq, index, new_index)) rather than swapped for make(new_index)."""
    opcodes = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if (tag == "replace" and update) else 0
        for k in range(paired):
            update(seq, i1 + k, j1 + k)
        for index in reversed(range(i1 + paired, i2)):
            del seq[index]
        for k in range(j1 + paired, j2):
            seq.insert(i1 + (k - j1), make(k))


# ---- citations -------------------------------------------------------------------------------------------------

def _at_value(at: At, old):
    """The new 条款 in the form the old one was written: 30, "30/1/4" or 第三十条第一款第（四）项."""
    if isinstance(old, int) and not isinstance(old, bool):
        return at.article if at.key() == str(at.article) else at.key()
    if isinstance(old, str) and re.fullmatch(r"\s*\d+(/\d*)*\s*", old):
        return at.key()
    return at.chinese()


def ref_node(value: RefValue, style=None) -> CommentedMap:
    return flow_map(kind=value.kind, law=value.law, version=DoubleQuotedScalarString(value.version),
                    at=_at_value(value.at, style), note=value.note)


def update_ref(node: CommentedMap, old: RefValue, new: RefValue) -> None:
    for key in REF_KEYS:
        if key == "at":
            if new.at != old.at:
                node["at"] = _styled(node["at"], _at_value(new.at, node["at"]))
        elif getattr(new, key) != getattr(old, key):
            set_key(node, key, getattr(new, key), REF_KEYS)


def sync_refs(parent: CommentedMap, key: str, old: list[RefValue], new: list[RefValue], order: list[str]) -> None:
    """parent[key] is a list of citations; edit it into `new` (an empty list removes an optional key)."""
    if old == new:
        return
    seq = parent.get(key)
    if seq is None:
        set_key(parent, key, seq_like(parent, [ref_node(v) for v in new]), order)
        return
    style = seq[0]["at"] if len(seq) else None
    sync_seq(seq, old, new, lambda j: ref_node(new[j], style),
             lambda s, i, j: update_ref(s[i], old[i], new[j]))


def merge_bases(old: list[RefValue], groups: dict[bool, list[RefValue]]) -> list[RefValue]:
    """The 设定依据 (True) and other (False) bases back in one list, each new one in a slot its group had."""
    queues = {g: list(values) for g, values in groups.items()}
    merged = []
    for value in old:
        queue = queues[value.kind == "设定依据"]
        if queue:
            merged.append(queue.pop(0))
    return merged + queues[True] + queues[False]


# ---- the other list fields -------------------------------------------------------------------------------------

def sync_subitems(node: CommentedMap, new: list[tuple[str | None, str]]) -> None:
    seq = node.get("subitems")
    old = [(s["id"], s["name"]) for s in (seq or [])]
    taken = {sid for sid, _ in old} | {sid for sid, _ in new if sid}
    filled = []
    for sid, name in new:
        if sid is None:
            sid = next(f"z{n}" for n in range(1, 1000) if f"z{n}" not in taken)
            taken.add(sid)
        filled.append((sid, name))
    if not filled:
        node.pop("subitems", None)
        return
    if seq is None:
        set_key(node, "subitems", CommentedSeq(flow_map(id=s, name=n) for s, n in filled), POWER_KEYS)
        return

    def update(s, i, j):
        set_key(s[i], "id", filled[j][0], ["id", "name", "bases"])
        set_key(s[i], "name", filled[j][1], ["id", "name", "bases"])
    sync_seq(seq, old, filled, lambda j: flow_map(id=filled[j][0], name=filled[j][1]), update)


def responsibility_node(stage: str, duty: str, refs) -> CommentedMap:
    node = CommentedMap(stage=stage, duty=duty)
    if refs:
        node["bases"] = CommentedSeq(ref_node(r) for r in refs)
    return node


def sync_responsibilities(node: CommentedMap, old: list[tuple], new: list[tuple]) -> None:
    def update(seq, i, j):
        stage, duty, refs = new[j]
        set_key(seq[i], "stage", stage, ["stage", "duty", "bases"])
        set_key(seq[i], "duty", duty, ["stage", "duty", "bases"])
        if refs:
            sync_refs(seq[i], "bases", list(old[i][2]), list(refs), ["stage", "duty", "bases"])
        else:
            seq[i].pop("bases", None)
    sync_seq(node["responsibilities"], old, new, lambda j: responsibility_node(*new[j]), update)


def sync_strings(seq: CommentedSeq, new: list[str]) -> None:
    def update(s, i, j):
        s[i] = _styled(s[i], new[j])
    sync_seq(seq, list(seq), new, lambda j: new[j], update)


def sync_time_limit(node: CommentedMap, new: dict) -> None:
    limit = node["time_limit"]
    for key in ("legal", "promised"):
        set_key(limit, key, new.get(key), ["legal", "promised"])


# ---- comments between records ----------------------------------------------------------------------------------
# ruamel.yaml keeps the blank line and comments that precede a record as the tail of the record before it. Before
# records are moved, each such header is taken off and remembered with the record it precedes; afterwards it is
# put back on whichever record now comes before that one.

def _tail_slot(node):
    """(comment list, index) of the token after a block node's last line, or None."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and not node.fa.flow_style() and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style() and len(value):
            node = value
            continue
        entry = node.ca.items.setdefault(key, [None, None, None, None] if isinstance(node, CommentedMap) else [None, None])
        return entry, 2 if isinstance(node, CommentedMap) else 0
    return None


def take_header(node) -> str:
    """Remove and return what follows the record's own last line (the next record's blank line and comments)."""
    slot = _tail_slot(node)
    token = slot[0][slot[1]] if slot else None
    if token is None or "\n" not in token.value:
        return ""
    own, header = token.value.split("\n", 1)
    token.value = own + "\n"
    return header


def put_header(node, header: str) -> None:
    if not header:
        return
    slot = _tail_slot(node)
    if slot is None:
        return
    entry, index = slot
    if entry[index] is None:
        entry[index] = CommentToken("\n" + header, CommentMark(0), None)
    else:
        entry[index].value += header
