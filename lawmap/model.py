"""The account-map model: laws with versions and articles, areas with powers, and the citations joining them.

Built from schema-valid YAML documents; every object remembers where it was written (Pos) so rules can
report file:line:col. Nothing here knows about MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .citation import At, cite
from .diagnostics import Pos


@dataclass
class Item:
    no: int
    text: str
    pos: Pos


@dataclass
class Para:
    id: str
    no: int
    text: str
    items: list[Item]
    pos: Pos
    text_pos: Pos | None = None  # where the quoted text itself stands (quote differences are reported there)

    def full_text(self) -> str:
        from .citation import int_to_cn
        return "\n".join([self.text] + [f"（{int_to_cn(i.no)}）{i.text}" for i in self.items])


@dataclass
class Article:
    no: int
    paras: list[Para]
    pos: Pos

    def para(self, no: int) -> Para | None:
        return self.paras[no - 1] if 0 < no <= len(self.paras) else None


@dataclass
class Version:
    id: str
    promulgated: str
    effective: str
    status: str
    articles: dict[int, Article]
    pos: Pos
    doc_no: str | None = None
    superseded_by: str | None = None
    reference: str | None = None
    unchecked: str | None = None
    reference_pos: Pos | None = None


@dataclass
class Law:
    id: str
    title: str
    short: str
    level: str
    issuer: str
    versions: dict[str, Version]
    pos: Pos
    file: str
    repealed_on: str | None = None
    note: str | None = None
    _in_force: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # date → version, once each

    def in_force(self, on: str) -> Version | None:
        """The version in force on date `on` (YYYY-MM-DD), or None (repealed, or not yet in force). Asked for every
        citation on the same one or two dates: worked out once per date (a law's versions do not change once loaded)."""
        if on not in self._in_force:
            self._in_force[on] = self._version_on(on)
        return self._in_force[on]

    def _version_on(self, on: str) -> Version | None:
        if self.repealed_on and self.repealed_on <= on:
            return None
        started = [v for v in self.versions.values() if v.effective <= on and v.status != "已废止"]
        return max(started, key=lambda v: v.effective, default=None)


@dataclass
class Ref:
    """A citation as written in the data; `law`/`version`/`article`… are filled in when it resolves."""

    law_id: str
    version_id: str
    at: At | None
    raw_at: object
    pos: Pos
    kind: str | None = None
    note: str | None = None
    law: Law | None = None
    version: Version | None = None
    article: Article | None = None
    para: Para | None = None
    item: Item | None = None

    @property
    def resolved(self) -> bool:
        return self.article is not None

    def anchor(self) -> str:
        """The HTML id of the cited unit on its law page: a30, a30-k1, a30-k1-i4 (款 by its stable id)."""
        parts = [f"a{self.at.article}"]
        if self.para is not None:
            parts.append(self.para.id)
        if self.item is not None:
            parts.append(f"i{self.item.no}")
        return "-".join(parts)

    def citation(self) -> str:
        title = self.law.title if self.law else self.law_id
        if self.at is not None and self.at.whole:
            doc_no = f"（{self.version.doc_no}）" if self.version is not None and self.version.doc_no else ""
            return f"《{title}》{doc_no}（整部引用，未引具体条文）"
        single = bool(self.article and len(self.article.paras) == 1)
        return cite(title, self.at, single) if self.at else f"《{title}》{self.raw_at}"

    def quoted_text(self) -> str:
        if self.item is not None:
            return self.item.text
        if self.para is not None:
            return self.para.full_text()
        if self.article is not None:
            return "\n".join(p.full_text() for p in self.article.paras)
        return ""


@dataclass
class Responsibility:
    stage: str
    duty: str
    bases: list[Ref]
    pos: Pos


@dataclass
class SubItem:
    """A 子项 (e.g. one 违法情形 of a 处罚 power), with the bases it cites itself."""

    id: str
    name: str
    bases: list[Ref]
    pos: Pos


@dataclass
class Branch:
    when: str
    to: str

    def to_json(self) -> dict:
        return {"when": self.when, "to": self.to}


@dataclass
class Step:
    """A step of the power's 运行流程. `next` None: not written (the flow goes on to the following step);
    `next == []`: the flow ends at this step (办结)."""

    id: str
    name: str
    who: str
    pos: Pos
    limit: str | None = None
    next: list[str] | None = None
    branches: list[Branch] | None = None  # None: not written

    @property
    def targets(self) -> list[str]:
        """Every step id this step names as its next (next, then branches)."""
        return list(self.next or []) + [b.to for b in self.branches or []]

    def to_json(self) -> dict:
        out = {"id": self.id, "name": self.name, "who": self.who}
        if self.limit is not None:
            out["limit"] = self.limit
        if self.next is not None:
            out["next"] = list(self.next)
        if self.branches is not None:
            out["branches"] = [b.to_json() for b in self.branches]
        return out


@dataclass
class Risk:
    """A 风险点 at one step of the flow (`step` is the step id as written; it may name no step: rules report it)."""

    step: str
    point: str
    level: str
    measures: list[str]
    pos: Pos
    post: str | None = None

    def to_json(self) -> dict:
        out = {"step": self.step, "point": self.point, "level": self.level, "measures": list(self.measures)}
        if self.post is not None:
            out["post"] = self.post
        return out


@dataclass
class TimeLimit:
    legal: str
    pos: Pos
    promised: str | None = None

    def to_json(self) -> dict:
        return {"legal": self.legal, **({"promised": self.promised} if self.promised is not None else {})}


@dataclass
class Power:
    code: str
    name: str
    type: str
    level: str
    subject: str
    office_id: str
    on_application: bool
    bases: list[Ref]
    responsibilities: list[Responsibility]
    accountability: dict
    accountability_bases: list[Ref]
    time_limit: TimeLimit
    fee: str
    process: list[Step]
    risks: list[Risk]
    status: str
    source: str
    pos: Pos
    file: str
    path: tuple
    area: "Area | None" = None
    service_code: str | None = None
    service_category: str | None = None
    subitems: list[SubItem] = field(default_factory=list)
    adjusted_on: str | None = None
    source_note: str | None = None
    note: str | None = None
    supervision: str | None = None  # this bureau's 指导、监督 role where the power is exercised by another level

    @property
    def is_example(self) -> bool:
        return self.source == "示例"

    @property
    def subitem_bases(self) -> list[Ref]:
        """Every 子项's own bases, 子项 by 子项."""
        return [r for s in self.subitems for r in s.bases]

    def subitem(self, subitem_id: str | None) -> SubItem | None:
        return next((s for s in self.subitems if s.id == subitem_id), None)

    def subitem_refs(self, subitem_id: str) -> list[Ref]:
        """The bases of one 子项 (违法情形); the power's own bases when the 子项 lists none."""
        sub = self.subitem(subitem_id)
        if sub is None:
            return []
        return list(sub.bases) or list(self.bases)

    def step_names(self) -> dict[str, str]:
        """Step id → step name (duplicate ids are reported by rules.check_unique)."""
        return {s.id: s.name for s in self.process}

    def all_refs(self) -> list[Ref]:
        refs = list(self.bases) + list(self.subitem_bases) + list(self.accountability_bases)
        for resp in self.responsibilities:
            refs.extend(resp.bases)
        return refs


@dataclass
class Area:
    id: str
    name: str
    office_id: str
    duties: list[dict]
    powers: list[Power]
    pos: Pos
    file: str
    order: int = 0
    summary: str | None = None
    source: str | None = None
    data: dict | None = field(default=None, repr=False, compare=False)  # the file as loaded (history reuses it;
    # a build drops it once its facts are computed: Model.drop_loaded_data)


@dataclass
class Office:
    id: str
    name: str
    duties: list[str]
    pos: Pos
    roles: list[str] = field(default_factory=list)


@dataclass
class Agency:
    data: dict
    offices: dict[str, Office]
    enforcement_bases: list[Ref]
    remedy_bases: list[list[Ref]]
    pos: Pos
    file: str
    offices_pos: Pos | None = None  # where `offices:` is written (a missing role is reported there)

    @property
    def name(self) -> str:
        return self.data["name"]

    def office_for(self, role: str) -> Office | None:
        """The office declared (in agency.yaml, offices[].roles) to play `role`: 政务公开, 法制审核 or 投诉受理."""
        return next((o for o in self.offices.values() if role in o.roles), None)


@dataclass
class Model:
    """Everything the site, the CLI and the exports read."""

    agency: Agency | None
    laws: dict[str, Law]
    areas: list[Area]
    today: str
    extras: dict = field(default_factory=dict)  # other record kinds (disclosure …), by kind name
    extra_refs: list = field(default_factory=list)  # the citations those records make
    problems: list = field(default_factory=list)  # every finding of the check (diagnostics.Problem), sorted
    repealed: list[dict] = field(default_factory=list)  # data/laws-repealed.yaml: national laws no longer in force
    # views computed once from the loaded model (which is not changed after loading): powers by code, citation
    # indexes — looked up once per page, so recomputing them would make the build quadratic in the data
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def powers(self) -> list[Power]:
        return [p for a in self.areas for p in a.powers]

    def power(self, code: str) -> Power | None:
        by_code = self.derived.get("powers_by_code")
        if by_code is None:
            by_code = self.derived["powers_by_code"] = {}
            for p in self.powers:
                by_code.setdefault(p.code, p)  # the first, as before; duplicates are reported by rules.check_unique
        return by_code.get(code)

    def drop_loaded_data(self) -> None:
        """Release the area files as loaded (kept only so the history need not parse them again): a build that
        has its facts needs them no more (a later history computes from git, as without them)."""
        for area in self.areas:
            area.data = None

    def all_refs(self) -> list[Ref]:
        refs = [r for p in self.powers for r in p.all_refs()]
        if self.agency:
            refs += self.agency.enforcement_bases + [r for group in self.agency.remedy_bases for r in group]
        return refs + self.extra_refs
