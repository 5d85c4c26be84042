"""The bureau's real data: passes the validator, quotes every article exactly, and gets the known legal traps right."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from lawmap.fill_articles import reference_dir
from lawmap.lawtext import load_reference, normalise
from lawmap.loader import load_project

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def project():
    return load_project(DATA)


def test_bundled_data_has_no_errors_or_warnings(project):
    assert project.report.lines() == []


def test_the_bureau_has_35_powers_six_of_them_inspections_in_eight_areas(project):
    model = project.model
    assert len(model.powers) == 35
    assert Counter(p.type for p in model.powers)["行政检查"] == 6
    assert len(model.areas) >= 8


def quoted_units(project):
    for law in project.model.laws.values():
        for version in law.versions.values():
            for article in version.articles.values():
                yield law, version, article


@pytest.mark.skipif(not reference_dir().is_dir(), reason=f"no reference law texts at {reference_dir()}")
def test_every_quoted_article_equals_its_reference_text(project):
    mismatches, checked = [], 0
    for law, version, article in quoted_units(project):
        if not version.reference:
            assert version.unchecked, f"{law.file}: {version.id} has neither reference nor unchecked note"
            continue
        reference = load_reference(reference_dir() / version.reference)[article.no]
        ours = [(normalise(p.text), [normalise(i.text) for i in p.items]) for p in article.paras]
        theirs = [(normalise(p.text), [normalise(i) for i in p.items]) for p in reference.paras]
        # items are numbered in the data; a record may keep only some of them, but each kept one must match
        for (text, items), para in zip(ours, article.paras):
            ref_text, ref_items = theirs[para.no - 1]
            if text != ref_text or any(items[k] != normalise(ref_items[i.no - 1]) for k, i in enumerate(para.items)):
                mismatches.append(f"{law.file}: {version.id} 第{article.no}条第{para.no}款")
        if len(ours) != len(theirs):
            mismatches.append(f"{law.file}: {version.id} 第{article.no}条 款数 {len(ours)} ≠ {len(theirs)}")
        checked += 1
    assert mismatches == []
    assert checked > 50


def test_every_version_reference_file_exists(project):
    if not reference_dir().is_dir():
        pytest.skip(f"no reference law texts at {reference_dir()}")
    missing = [f"{law.file}: {v.reference}" for law in project.model.laws.values() for v in law.versions.values()
               if v.reference and not (reference_dir() / v.reference).is_file()]
    assert missing == []


def test_deleting_a_cited_law_names_every_citing_place(project, tmp_path):
    refs = [r for r in project.model.all_refs() if r.law_id == "xingzheng-chufa-fa"]
    assert len(refs) > 10
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "laws" / "xingzheng-chufa-fa.yaml").unlink()
    run = subprocess.run([sys.executable, "-m", "lawmap", "check", str(copy)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    places = {line.split(": error:")[0] for line in run.stdout.splitlines() if "不存在的法律 'xingzheng-chufa-fa'" in line}
    expected = {f"{copy / Path(r.pos.file).resolve().relative_to(DATA)}:{r.pos.line}:{r.pos.col}" for r in refs}
    assert places == expected


def test_mistyping_a_cited_article_is_an_error_at_the_citation(project, tmp_path):
    ref = next(r for p in project.model.powers for r in p.bases if r.law_id == "cishan-fa")
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    law_file = copy / "laws" / "cishan-fa.yaml"
    text = law_file.read_text(encoding="utf-8")
    law_file.write_text(text.replace(f"- no: {ref.at.article}\n", "- no: 999\n", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lawmap", "check", str(copy)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert f"{copy / Path(ref.pos.file).resolve().relative_to(DATA)}:{ref.pos.line}:{ref.pos.col}: error:" in run.stdout


def basis_texts(power):
    return " ".join(r.quoted_text() for r in power.bases)


def test_charity_fundraising_uses_2023_text_one_year(project):
    power = next(p for p in project.model.powers if "公开募捐资格" in p.name)
    assert {r.version_id for r in power.bases if r.law_id == "cishan-fa"} == {"2023-12-29"}
    assert "满一年" in basis_texts(power) and "满二年" not in basis_texts(power)


def test_elderly_care_institutions_are_filed_not_licensed(project):
    power = next(p for p in project.model.powers if p.name.startswith("养老机构") and "备案" in p.name)
    assert power.type != "行政许可"
    assert any(r.law_id == "laonianren-fa" and r.at.article == 43 for r in power.bases)


def test_no_basis_cites_a_superseded_version(project):
    stale = [f"{r.pos}" for r in project.model.all_refs() if r.version and r.version.status != "现行有效"]
    assert stale == []


def test_remedy_is_review_by_the_city_government_under_the_2023_law(project):
    review = next(r for r in project.model.agency.data["remedies"] if r["kind"] == "行政复议")
    assert "遂宁市人民政府" in review["text"]
    bases = project.model.agency.remedy_bases[project.model.agency.data["remedies"].index(review)]
    assert bases and all(b.law_id == "xingzheng-fuyi-fa" and b.version_id == "2023-09-01" for b in bases)


def test_place_names_of_residential_areas_are_not_a_civil_affairs_licence(project):
    diming = [p for p in project.model.powers if p.area.id == "quhua-diming"]
    assert diming and not any(p.type == "行政许可" for p in diming)
    assert not any(r.law_id == "diming-tiaoli" and r.at.article == 38 for p in diming for r in p.bases)


def test_every_data_file_names_its_schema_for_the_editor():
    missing = []
    for path in sorted(DATA.rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = first.removeprefix("# yaml-language-server: $schema=")
        if first == schema or not (path.parent / schema).resolve().is_file():
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []
