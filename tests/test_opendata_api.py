"""The JSON API in the built site: every file parses, validates against its published schema, and agrees with the data."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from lawmap.disclosure.records import records
from lawmap.exports import jsontext, site_files
from lawmap.exports.facts import BuildFacts
from lawmap.exports.meta import SCHEMA_VERSION
from lawmap.loader import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


@pytest.fixture(scope="module")
def api(built_site) -> Path:
    return built_site / "api" / "v1"


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def validator_for(document: Path, published: Path) -> Draft202012Validator:
    """The validator named by the document's own $schema, resolved like a client would (relative to the file)."""
    schema_path = (document.parent / read(document)["$schema"]).resolve()
    assert schema_path.parent == published.resolve(), f"{document} names a schema outside api/v1/schema/"
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(read(p))) for p in published.glob("*.schema.json"))
    return Draft202012Validator(read(schema_path), registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def api_documents(api: Path) -> list[Path]:
    return sorted(p for p in api.rglob("*.json") if "schema" not in p.relative_to(api).parts)


def test_published_schemas_are_the_repository_schemas(api):
    published = {p.name: p.read_bytes() for p in (api / "schema").glob("*.json")}
    assert published == {p.name: p.read_bytes() for p in (ROOT / "schema" / "api").glob("*.schema.json")}


def test_every_api_file_validates_against_the_schema_it_names(api):
    documents = api_documents(api)
    assert {p.relative_to(api).as_posix() for p in documents} >= {
        "powers.json", "areas.json", "laws.json", "disclosures.json"}
    for document in documents:
        errors = [e.message for e in validator_for(document, api / "schema").iter_errors(read(document))]
        assert errors == [], document


def test_the_schemas_reject_a_power_without_its_code(api):
    document = api / "powers.json"
    data = read(document)
    del data["powers"][0]["code"]
    with pytest.raises(jsonschema.ValidationError, match="'code' is a required property"):
        validator_for(document, api / "schema").validate(data)


def test_powers_agree_with_the_data(api, model):
    powers = read(api / "powers.json")
    assert powers["count"] == len(model.powers) == len(powers["powers"])
    assert [p["code"] for p in powers["powers"]] == [p.code for p in model.powers]
    for item, power in zip(powers["powers"], model.powers):
        assert item["name"] == power.name and item["type"] == power.type
        assert item["area"] == {"id": power.area.id, "name": power.area.name}
        assert item["is_example"] == (power.source == "示例")
        detail = read(api / item["detail"])["power"]
        assert (detail["code"], detail["name"], detail["type"]) == (power.code, power.name, power.type)
        assert [b["citation"] for b in detail["bases"]] == [r.citation() for r in power.bases]
        assert detail["url"] == item["url"]
    assert sorted(p.stem for p in (api / "powers").glob("*.json")) == sorted(p.code for p in model.powers)


def test_flow_risks_time_limit_and_subitems_are_published_as_written(api, site_data_dir):
    """The API gives a power's 运行流程, 风险点, 时限 and 子项 names exactly as the area file writes them (same keys, same
    order), whatever the model makes of them."""
    powers = {p["code"]: read(api / p["detail"])["power"] for p in read(api / "powers.json")["powers"]}
    for path in sorted((site_data_dir / "areas").glob("*.yaml")):
        for written in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["powers"]:
            item = powers[str(written["code"])]
            for key in ("process", "risks", "time_limit"):
                assert json.dumps(item[key], ensure_ascii=False) == json.dumps(written[key], ensure_ascii=False)
            assert [(s["id"], s["name"], len(s["bases"])) for s in item["subitems"]] == \
                [(s["id"], s["name"], len(s.get("bases", []))) for s in written.get("subitems", [])]


def test_a_power_is_published_once_the_list_holding_only_summaries(api):
    powers = read(api / "powers.json")["powers"]
    detail = read(api / powers[0]["detail"])["power"]
    assert set(powers[0]) == {"code", "name", "type", "area", "status", "is_example", "detail", "url"}
    assert not any(key in item for item in powers for key in ("bases", "responsibilities", "process", "risks"))
    assert detail["bases"] and detail["responsibilities"]
    assert (api / "powers.json").stat().st_size < sum(p.stat().st_size for p in (api / "powers").glob("*.json")) / 5


def test_every_api_file_is_written_as_json_dumps_with_a_one_space_indent(api):
    for path in sorted(api.rglob("*.json")):
        if "schema" not in path.relative_to(api).parts:
            text = path.read_text(encoding="utf-8")
            assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1) + "\n", path


@pytest.mark.parametrize("value", [
    {}, [], {"a": [], "b": {}, "c": [[], [{}]]}, ["引号\"、反斜杠\\、换行\n、\u2028、\x01", 0, -3, 2.5, 1e100, True, False, None],
    {1: "整数键", 2.5: "小数键", True: "真", False: "假", None: "空"}, (1, "元组"), {"date": dt.date(2024, 1, 2)},
    float("nan"), float("-inf"), "只有文字",
])
def test_the_api_writer_gives_the_text_json_dumps_gives(value):
    def plain(v):
        return v.isoformat()
    assert jsontext.dumps(value, default=plain) == json.dumps(value, ensure_ascii=False, indent=1, default=plain)


def test_areas_agree_with_the_data(api, model):
    areas = read(api / "areas.json")
    assert areas["count"] == len(model.areas)
    assert [(a["id"], a["powers"]) for a in areas["areas"]] == [(a.id, [p.code for p in a.powers]) for a in model.areas]
    for item, area in zip(areas["areas"], model.areas):
        assert sum(item["by_type"].values()) == len(area.powers)


def test_each_cited_article_lists_exactly_the_powers_relying_on_it(api, model):
    expected = defaultdict(set)
    for power in model.powers:
        for ref in power.all_refs():
            if ref.resolved:
                expected[(ref.law_id, ref.version_id, ref.at.article)].add(power.code)
    laws = read(api / "laws.json")
    assert laws["count"] == len(model.laws)
    assert sorted(law["id"] for law in laws["laws"]) == sorted(model.laws)
    found = {}
    for summary in laws["laws"]:  # laws.json lists each law once; its articles are only in its detail file
        assert "articles" not in str(summary) and summary["detail"] == f"laws/{summary['id']}.json"
        law = read(api / summary["detail"])["law"]
        assert [v["id"] for v in law["versions"]] == [v["id"] for v in summary["versions"]]
        for version in law["versions"]:
            assert [a["no"] for a in version["articles"]] == sorted(model.laws[law["id"]].versions[version["id"]].articles)
            for article in version["articles"]:
                found[(law["id"], version["id"], article["no"])] = {c["power"] for c in article["cited_by"]}
    assert {k: v for k, v in found.items() if v} == dict(expected)
    assert expected, "the data cites no article at all"


def test_disclosures_hold_every_record(api, model):
    data = read(api / "disclosures.json")
    found = records(model)
    assert data["counts"] == {kind: len(items) for kind, items in data["disclosures"].items()}
    assert data["counts"].get("decisions", 0) == len(found.decisions)
    assert data["counts"].get("officers", 0) == len(found.officers)


def test_every_file_carries_the_data_date_and_source_commit(api, model, site_data_dir):
    head = subprocess.run(["git", "log", "-1", "--format=%H %ct"], cwd=site_data_dir, capture_output=True,
                          text=True, check=True).stdout.split()
    commit = os.environ.get("LAWMAP_COMMIT") or head[0][:12]
    for document in api_documents(api):
        meta = read(document)["meta"]
        assert meta["schema_version"] == SCHEMA_VERSION
        assert meta["data_as_of"] == str(model.agency.data["as_of"])
        assert meta["source_commit"] == commit
        assert meta["build_date"] == _utc(int(os.environ.get("SOURCE_DATE_EPOCH") or head[1]))


def _utc(epoch: int) -> str:
    import datetime as dt
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_build_date_is_source_date_epoch_when_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    data_dir = ROOT / "tests" / "fixtures" / "minimal"
    model = load_project(data_dir).model
    files = site_files(model, BuildFacts.of(model, data_dir))
    assert json.loads(files["api/v1/powers.json"])["meta"]["build_date"] == "2024-01-01T00:00:00Z"
    assert b"<updated>2024-01-01T00:00:00Z</updated>" in files["feed-disclosures.xml"]
