"""The disclosure record kinds (listed by lawmap.record_kinds.registered()): which files, which schema, how each is built."""
from __future__ import annotations

from ..build import make_ref
from ..diagnostics import Report
from ..record_kinds import RecordKind as Kind
from ..model import Model
from ..yamlsource import Document
from . import checks
from .records import Record, records


def _keep(doc: Document, model: Model) -> None:
    d = records(model)
    d.docs.append(doc)


def _items(doc: Document, key: str) -> list[Record]:
    return [Record(item, doc, (key, i)) for i, item in enumerate(doc.data.get(key, []))]


def build_officers(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).officers_file = Record(doc.data, doc)
        records(model).officers += _items(doc, "officers")


def build_decisions(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).decisions += _items(doc, "decisions")
    records(model).decisions.sort(key=lambda r: (r["decided_on"], r["id"]), reverse=True)


def build_lenient(docs, model, report) -> None:
    d = records(model)
    for doc in docs:
        _keep(doc, model)
        d.lenient_file = Record(doc.data, doc)
        d.lenient += _items(doc, "rows")
    for row in d.lenient:
        row.refs = [make_ref(row.doc, b, row.path + ("lenient_bases", i), kind=row["list"] + "依据")
                    for i, b in enumerate(row["lenient_bases"])]
    d.refs["lenient"] = [ref for row in d.lenient for ref in row.refs]


def build_inspections(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).inspections_file = Record(doc.data, doc)
        records(model).inspections += _items(doc, "items")


def build_random_checks(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).random_checks[doc.data["year"]] = Record(doc.data, doc)


def build_normative(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).normative += _items(doc, "documents")


def build_certificates(docs, model, report) -> None:
    d = records(model)
    for doc in docs:
        _keep(doc, model)
        d.certificates = Record(doc.data, doc, refs=_bases(doc, (), "bases"))
        d.refs["certificates"] = d.certificates.refs


def build_reports(docs, model, report) -> None:
    for doc in docs:
        _keep(doc, model)
        records(model).reports[doc.data["year"]] = Record(doc.data, doc)


def build_opengov(docs, model, report) -> None:
    d = records(model)
    for doc in docs:
        _keep(doc, model)
        d.opengov = Record(doc.data, doc, refs=_bases(doc, (), "application_bases"))
        d.guide = _items(doc, "guide")
        d.categories = _items(doc, "categories")
        for entry in d.guide + d.categories:
            entry.refs = _bases(doc, entry.path, "bases")
        d.refs["opengov"] = d.opengov.refs + [r for entry in d.guide + d.categories for r in entry.refs]


def _bases(doc: Document, path: tuple, key: str) -> list:
    data = doc.data
    for step in path:
        data = data[step]
    return [make_ref(doc, b, path + (key, i)) for i, b in enumerate(data.get(key, []))]


def _refs(name: str):
    return lambda model: records(model).refs.get(name, [])


def _all_checks(model: Model, report: Report) -> None:
    checks.check_all(model, records(model), report)


KINDS = [
    Kind("disclosure-officers", "disclosure/officers.yaml", "disclosure-officers", build_officers),
    Kind("disclosure-decisions", "disclosure/decisions/*.yaml", "disclosure-decisions", build_decisions),
    Kind("disclosure-lenient", "disclosure/lenient.yaml", "disclosure-lenient", build_lenient, _refs("lenient")),
    Kind("disclosure-inspections", "disclosure/inspections.yaml", "disclosure-inspections", build_inspections),
    Kind("disclosure-random-checks", "disclosure/random-checks/*.yaml", "disclosure-random-checks", build_random_checks),
    Kind("disclosure-normative", "disclosure/normative.yaml", "disclosure-normative", build_normative),
    Kind("disclosure-certificates", "disclosure/certificates.yaml", "disclosure-certificates", build_certificates,
         _refs("certificates")),
    Kind("disclosure-report", "disclosure/reports/*.yaml", "disclosure-report", build_reports),
    # last: its check runs every disclosure rule once all disclosure files are built
    Kind("disclosure-opengov", "disclosure/open-gov.yaml", "disclosure-opengov", build_opengov, _refs("opengov"),
         _all_checks),
]

