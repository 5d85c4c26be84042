"""The benchmark's scaled data (benchmarks/synth.py) is valid, keeps the law set bounded and has its own texts."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import synth
from lawmap.disclosure.records import records
from lawmap.loader import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    real = load_project(ROOT / "data")
    data = tmp_path_factory.mktemp("bench") / "data"
    synth.generate(ROOT / "data", data, 3)
    return real, load_project(data)


def test_three_times_the_data_passes_check_strict(scaled):
    _, project = scaled
    assert project.report.lines() == []


def test_the_law_set_stays_the_same_with_the_same_article_text(scaled):
    real, project = scaled
    assert sorted(project.model.laws) == sorted(real.model.laws)
    for law_id, law in real.model.laws.items():
        for version_id, version in law.versions.items():
            copied = project.model.laws[law_id].versions[version_id].articles
            assert {no: [p.text for p in a.paras] for no, a in copied.items()} == \
                   {no: [p.text for p in a.paras] for no, a in version.articles.items()}


def test_powers_and_enforcement_records_grow_with_the_copies(scaled):
    real, project = scaled
    assert len(project.model.powers) == 3 * len(real.model.powers)
    assert len(records(project.model).decisions) == 3 * len(records(real.model).decisions)
    assert len(records(project.model).officers) == 3 * len(records(real.model).officers)


def test_each_copy_has_its_own_wording_citing_the_same_articles(scaled):
    real, project = scaled
    powers = {p.code: p for p in project.model.powers}
    for power in real.model.powers:
        copies = [power] + [powers[f"{power.code}-S{k}"] for k in (1, 2)]
        assert len({p.name for p in copies}) == 3
        assert len({tuple(r.duty for r in p.responsibilities) for p in copies}) == 3
        assert len({tuple(r.citation() for r in p.bases) for p in copies}) == 1
