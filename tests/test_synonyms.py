"""data/synonyms.yaml: loaded and schema-checked like every data file; a synonym that finds no power is a warning."""
from __future__ import annotations

import shutil
from pathlib import Path

from lawmap.loader import load_project
from lawmap.synonyms import everyday_words, synonyms

DATA = Path(__file__).resolve().parent.parent / "data"


def test_people_s_words_point_at_the_power_they_mean():
    model = load_project(DATA).model
    assert "低保" in everyday_words(model, model.power("SNMZ-JF-028"))
    assert "五保" in everyday_words(model, model.power("SNMZ-JF-029"))
    assert "年检" in everyday_words(model, model.power("SNMZ-JC-007"))
    assert "结婚证" in everyday_words(model, model.power("SNMZ-QR-040"))
    assert "低保" not in everyday_words(model, model.power("SNMZ-CF-032"))  # names only: 骗取低保 is not 低保


def _copy(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_a_synonym_matching_no_power_name_is_reported_where_it_is_written(tmp_path):
    data = _copy(tmp_path)
    (data / "synonyms.yaml").write_text("synonyms:\n  - says: [低保]\n    means: [不存在的事项]\n", encoding="utf-8")
    report = load_project(data).report
    lines = [str(p) for p in report.warnings]
    assert any("synonyms.yaml:2:" in line and "不存在的事项" in line for line in lines), lines


def test_a_malformed_synonym_file_is_an_error_not_a_traceback(tmp_path):
    data = _copy(tmp_path)
    (data / "synonyms.yaml").write_text("synonyms:\n  - says: 低保\n", encoding="utf-8")
    project = load_project(data)
    assert project.report.errors and synonyms(project.model) == []
    assert any("synonyms.yaml" in str(p) for p in project.report.errors)
