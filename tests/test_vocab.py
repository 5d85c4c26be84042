"""The controlled vocabularies are kept once, in the schemas: Python reads them, the staff page documents them."""
from __future__ import annotations

import json
from pathlib import Path

from lawmap import vocab
from lawmap.site import links

ROOT = Path(__file__).resolve().parent.parent


def test_python_reads_the_vocabularies_from_the_schemas():
    common = json.loads((ROOT / "schema" / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert vocab.POWER_TYPES == common["power_type"]["enum"] and "行政许可" in vocab.POWER_TYPES
    assert vocab.STAGES == common["stage"]["enum"] and vocab.BASIS_KINDS == common["basis_kind"]["enum"]
    area = json.loads((ROOT / "schema" / "area.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert area["power"]["properties"]["type"] == {"$ref": "common.schema.json#/$defs/power_type"}  # not repeated
    assert area["responsibility"]["properties"]["stage"] == {"$ref": "common.schema.json#/$defs/stage"}


def test_every_power_type_has_a_page_slug():
    assert set(links.TYPE_SLUGS) == set(vocab.POWER_TYPES)


def test_every_report_figure_meaning_is_documented_on_the_staff_page():
    schema = json.loads((ROOT / "schema" / "disclosure-report.schema.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "staff" / "maintain.md").read_text(encoding="utf-8")
    assert all(f"`{means}`" in page for means in schema["$defs"]["means"]["enum"])
    for field in ("site.title", "code_prefix", "catalog_prefix", "offices[].roles"):
        assert field in page


def test_the_loader_imports_no_record_package():
    """No import cycle: lawmap.loader does not import lawmap.disclosure, which does not import the loader."""
    def imports(path):
        return [line for line in (ROOT / path).read_text(encoding="utf-8").splitlines() if "import " in line]
    assert not any("disclosure" in line for line in imports("lawmap/loader.py"))
    assert not any("loader" in line for line in imports("lawmap/disclosure/kinds.py"))
