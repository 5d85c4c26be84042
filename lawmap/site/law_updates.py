"""工作人员 → 法律修订影响 (/staff/law-updates/): citations still on a superseded version, each with its proposed new
条/款/项 and the text diff (the same report `python -m lawmap law-update` prints), and for every recorded amendment
which old article each cited new article comes from. Above the page limit (paging.py) the page lists the laws with
their counts and links to one sub-page per law (/staff/law-updates/<law>/) holding that law's tables."""
from __future__ import annotations

from ..amend import amended_laws, article_text, best_match, impact, pending_updates, text_diff
from ..citation import At
from ..index import once_per_model
from ..quotes import reference_dir
from ..lawtext import load_reference
from . import Page, PageKind, paging, register
from .templating import render_template

SRC_URI = "staff/law-updates.md"
KEEP = 18  # an unchanged run longer than twice this is shortened to its ends


def pages(model):
    return [Page(SRC_URI, "law-updates")]


def shorten(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Long unchanged stretches are cut to their ends, so the changes stand out."""
    return [(op, text[:KEEP] + "……" + text[-KEEP:]) if op == "=" and len(text) > 2 * KEEP + 2 else (op, text)
            for op, text in runs]


def _pending(model, where) -> list[dict]:
    groups = []
    for law, old, new in pending_updates(model):
        proposals = impact(model, law, old, new, where)
        groups.append({"law": law, "old": old, "new": new,
                       "mapped": [(p, shorten(p.diff)) for p in proposals if p.new is not None],
                       "unmapped": [p for p in proposals if p.new is None]})
    return groups


def _amended(model, where) -> list[dict]:
    groups = []
    for law, old, new in amended_laws(model):
        old_text, new_text = load_reference(where / old.reference), load_reference(where / new.reference)
        rows = []
        for no in sorted(new.articles):
            if no not in new_text:
                continue
            match = best_match(article_text(new_text[no]), old_text, no)
            before = article_text(old_text[match.new_no]) if match.new_no else ""
            rows.append({"new": At(no), "old": At(match.new_no) if match.new_no else None, "ratio": match.ratio,
                         "diff": shorten(text_diff(before, article_text(new_text[no]))) if match.new_no else []})
        groups.append({"law": law, "old": old, "new": new, "rows": rows,
                       "moved": sum(1 for r in rows if r["old"] and r["old"].article != r["new"].article)})
    return groups


def part_pages(model):
    """One sub-page per law with a pending or recorded amendment, when the data is split."""
    where = reference_dir()
    if not paging.split(model) or not where.is_dir():
        return []
    ids = dict.fromkeys(law.id for law, _, _ in [*pending_updates(model), *amended_laws(model)])
    return [Page(paging.part_src(SRC_URI, law_id), "law-updates-law", law_id) for law_id in ids]


@once_per_model
def _report(model) -> tuple[list, list]:
    """The pending and the recorded amendments: once per model, not once per sub-page."""
    where = reference_dir()
    return _pending(model, where), _amended(model, where)


def render(model, key: str = "") -> str:
    """The whole report (key ""), its index of laws when split, or one law's part (key = law id)."""
    where = reference_dir()
    here = paging.part_src(SRC_URI, key) if key else SRC_URI
    if not where.is_dir():
        return render_template("law_updates.md.j2", here, missing=str(where), pending=[], amended=[], split=False,
                               law=None)
    pending, amended = _report(model)
    law = model.laws[key] if key else None
    if law is not None:
        pending = [g for g in pending if g["law"].id == key]
        amended = [g for g in amended if g["law"].id == key]
    split = law is None and paging.split(model)
    return render_template("law_updates.md.j2", here, missing="", pending=pending, amended=amended, split=split,
                           law=law, part=lambda law_id: paging.part_url(SRC_URI, law_id))


register(PageKind("law-updates", pages, render))
register(PageKind("law-updates-law", part_pages, render))
