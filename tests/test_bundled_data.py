"""The bureau's real data: passes the validator, quotes every article exactly, and gets the known legal traps right."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

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


def check(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawmap", "check", str(data_dir)], capture_output=True, text=True,
                          cwd=ROOT)


def test_every_version_names_a_reference_text_or_says_why_not(project):
    versions = [v for law in project.model.laws.values() for v in law.versions.values()]
    assert all(v.reference or v.unchecked for v in versions)
    assert sum(len(v.articles) for v in versions if v.reference) > 50  # the quotes `check` compares


def _copy_with(tmp_path, law_id: str, old: str, new: str) -> tuple[Path, str]:
    """data/ copied, `old` replaced by `new` once in laws/<law_id>.yaml; returns the copy and that file:line."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    law_file = copy / "laws" / f"{law_id}.yaml"
    lines = law_file.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines) if old in text)
    lines[line] = lines[line].replace(old, new, 1)
    law_file.write_text("".join(lines), encoding="utf-8")
    return copy, f"{law_file}:{line + 1}:"


def test_changing_one_year_to_two_in_a_quote_fails_check_at_that_line(tmp_path):
    copy, place = _copy_with(tmp_path, "cishan-fa", "满一年", "满二年")
    run = check(copy)
    assert run.returncode == 1
    error = next(line for line in run.stdout.splitlines() if line.startswith(place))
    assert ": error: 《中华人民共和国慈善法》（2023-12-29）第二十二条第一款与参考文本 慈善法(2023-12-29).md 不一致" in error
    assert "本站为“" in error and "满二年" in error and "参考文本为“" in error and "满一年" in error
    assert "错误 1 个" in run.stdout


def test_a_changed_item_of_a_quote_fails_check_at_the_item(tmp_path):
    copy, place = _copy_with(tmp_path, "cishan-fa", "{no: 3, text: 有自己的名称和住所；}", "{no: 3, text: 有自己的名称；}")
    run = check(copy)
    assert run.returncode == 1
    assert place in run.stdout and "第九条第一款第（三）项与参考文本" in run.stdout


def test_a_para_left_out_of_a_quote_is_an_error(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    law_file = copy / "laws" / "cishan-fa.yaml"
    text = law_file.read_text(encoding="utf-8")
    article = text.index("      - no: 10\n")
    start = text.index("          - id: k2\n", article)
    end = text.index("          - id: k3\n", start)
    law_file.write_text(text[:start] + text[end:].replace("id: k3", "id: k2", 1), encoding="utf-8")
    run = check(copy)
    assert run.returncode == 1
    line = text[:article].count("\n") + 1
    assert f"{law_file}:{line}:9: error: 《中华人民共和国慈善法》（2023-12-29）第十条收录 2 款，" \
           f"参考文本 慈善法(2023-12-29).md 中为 3 款" in run.stdout


@pytest.mark.parametrize("name, problem", [
    ("慈善法(2023-12-30).md", "不存在"),
    ("../慈善法(2023-12-29).md", "格式不对"),
    ("/etc/慈善法(2023-12-29).md", "格式不对"),
])
def test_a_bad_reference_name_is_an_error_at_its_line_and_fill_articles_does_not_crash(tmp_path, name, problem):
    copy, place = _copy_with(tmp_path, "cishan-fa", 'reference: "慈善法(2023-12-29).md"', f'reference: "{name}"')
    run = check(copy)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert any(line.startswith(place) and ": error: " in line and problem in line for line in run.stdout.splitlines())
    law_file = copy / "laws" / "cishan-fa.yaml"  # article 22 dropped: fill-articles wants to read the reference
    law_file.write_text(law_file.read_text(encoding="utf-8").replace("      - no: 22\n", "      - no: 9999\n", 1),
                        encoding="utf-8")
    fill = subprocess.run([sys.executable, "-m", "lawmap", "fill-articles", str(copy)], capture_output=True, text=True,
                          cwd=ROOT)
    assert "Traceback" not in fill.stderr, fill.stderr
    assert fill.returncode == 0 and "第22条未补入" in fill.stdout


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
