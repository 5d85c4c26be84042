"""The 调整记录 read from git: a small synthetic repository (add a power, change a basis, remove a power)."""
from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from lawmap import history
from lawmap.diagnostics import Report
from lawmap.yamlsource import load_yaml

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
TITLES = {"shetuan-tiaoli": "社会团体登记管理条例"}


def git(repo: Path, *args: str, when: str = "2024-01-01T10:00:00+08:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="维护者", GIT_AUTHOR_EMAIL="m@example.org", GIT_COMMITTER_NAME="维护者",
               GIT_COMMITTER_EMAIL="m@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when,
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def area_file(repo: Path) -> Path:
    return repo / "data" / "areas" / "zuzhi.yaml"


def edit_area(repo: Path, change) -> None:
    data = load_yaml(area_file(repo), "zuzhi.yaml", Report()).data  # read like the site does: `no:` stays a key
    change(data)
    area_file(repo).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def add_license_power(data):
    power = dict(copy.deepcopy(data["powers"][0]), code="T-XK-001", name="社会团体成立登记", type="行政许可", on_application=True)
    data["powers"].append(power)


def change_basis(data):
    data["powers"][0]["bases"][0]["at"] = "第三十条第一款第（一）项"


def remove_license_power(data):
    data["powers"] = [p for p in data["powers"] if p["code"] != "T-XK-001"]


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("history-repo")
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, repo / "data")
    (repo / "README.md").write_text("x\n", encoding="utf-8")
    commit(repo, "初始数据", "2024-01-02T09:00:00+08:00")
    edit_area(repo, add_license_power)
    commit(repo, "新增社会团体成立登记", "2024-02-03T09:00:00+08:00")
    (repo / "README.md").write_text("y\n", encoding="utf-8")
    law = repo / "data" / "laws" / "shetuan-tiaoli.yaml"
    law.write_text(law.read_text(encoding="utf-8") + "note: 只改法规，不改事项\n", encoding="utf-8")
    commit(repo, "改说明和法规", "2024-02-20T09:00:00+08:00")
    edit_area(repo, change_basis)
    commit(repo, "调整处罚依据", "2024-03-04T09:00:00+08:00")
    edit_area(repo, remove_license_power)
    commit(repo, "删除成立登记", "2024-04-05T23:30:00+08:00")
    return repo


def summary(entries):
    return [(e.date, e.subject, [(c.action, c.code) for c in e.changes]) for e in entries]


def test_each_commit_lists_exactly_the_powers_it_added_changed_or_removed(repo):
    result = history.compute(repo / "data", TITLES)
    assert result.status == history.FULL and result.reason == ""
    assert summary(result.entries) == [
        ("2024-04-05", "删除成立登记", [("删除", "T-XK-001")]),
        ("2024-03-04", "调整处罚依据", [("调整", "T-CF-001")]),
        ("2024-02-03", "新增社会团体成立登记", [("新增", "T-XK-001")]),
        ("2024-01-02", "初始数据", [("新增", "T-CF-001")]),
    ]
    assert result.entries[2].changes[0].name == "社会团体成立登记"
    assert result.entries[0].changes[0].name == "社会团体成立登记"


def test_a_changed_basis_shows_the_field_with_old_and_new_citation(repo):
    change = history.compute(repo / "data", TITLES).entries[1].changes[0]
    assert [(f.field, f.label) for f in change.fields] == [("bases", "依据")]
    assert change.fields[0].old == "《社会团体登记管理条例》第三十条第一款第（四）项（2016-02-06版）"
    assert change.fields[0].new == "《社会团体登记管理条例》第三十条第一款第（一）项（2016-02-06版）"


def test_the_record_is_what_was_committed_not_the_working_tree(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    edit_area(clone, lambda data: data["powers"].clear())
    assert summary(history.compute(clone / "data", TITLES).entries) == \
        summary(history.compute(repo / "data", TITLES).entries)


def test_a_shallow_clone_says_the_history_is_partial(repo, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    result = history.compute(clone / "data", TITLES)
    assert result.status == history.PARTIAL
    assert result.since == "2024-03-04"
    assert "浅克隆" in result.reason and "2024-03-04" in result.reason
    assert summary(result.entries) == [("2024-04-05", "删除成立登记", [("删除", "T-XK-001")])]


def test_without_a_repository_the_history_is_unavailable(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "data")
    result = history.compute(tmp_path / "data", TITLES)
    assert result.status == history.UNAVAILABLE and result.entries == []
    assert "调整记录暂不可用" in result.reason


def test_without_git_installed_the_history_is_unavailable(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = history.compute(repo / "data", TITLES)
    assert result.status == history.UNAVAILABLE
    assert "未安装 git" in result.reason


@pytest.fixture(scope="module")
def mistakes_repo(tmp_path_factory) -> Path:
    """A broken commit and its fix; a commit that published a mobile number and the commit that removed it."""
    repo = tmp_path_factory.mktemp("history-mistakes")
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, repo / "data")
    commit(repo, "初始数据", "2024-01-02T09:00:00+08:00")
    good = area_file(repo).read_text(encoding="utf-8")
    area_file(repo).write_text(good.replace("powers:", "powers: [", 1), encoding="utf-8")  # a YAML syntax error
    commit(repo, "误提交：格式错误", "2024-01-03T09:00:00+08:00")
    area_file(repo).write_text(good, encoding="utf-8")
    commit(repo, "修正格式", "2024-01-03T10:00:00+08:00")
    edit_area(repo, lambda data: data["powers"][0].update(note="联系 139 1234 5678"))
    commit(repo, "误录手机号", "2024-02-01T09:00:00+08:00")
    edit_area(repo, lambda data: data["powers"][0].update(note="咨询请到办事窗口"))
    commit(repo, "删去手机号", "2024-02-01T10:00:00+08:00")
    return repo


def test_a_commit_whose_data_did_not_load_and_its_fix_are_not_a_deletion_and_a_re_addition(mistakes_repo):
    entries = history.compute(mistakes_repo / "data", TITLES).entries
    assert [e.subject for e in entries] == ["删去手机号", "误录手机号", "初始数据"]


def test_a_redacted_commit_leaves_the_record_and_the_next_one_is_compared_with_the_state_before_it(mistakes_repo):
    sha = git(mistakes_repo, "log", "--format=%H", "--grep", "误录手机号").strip()
    before = history.compute(mistakes_repo / "data", TITLES)
    assert "139 1234 5678" in repr(before.entries)  # published through the history, although the data is fixed
    after = history.compute(mistakes_repo / "data", TITLES, redacted=(sha[:10],))
    assert "139 1234 5678" not in repr(after.entries)
    assert [(e.subject, [(f.old, f.new) for c in e.changes for f in c.fields]) for e in after.entries[:1]] == [
        ("删去手机号", [("（无）", "咨询请到办事窗口")])]


def test_the_site_reuses_the_loaded_area_files_and_publishes_the_same_record(repo, monkeypatch, tmp_path):
    from lawmap.loader import load_project
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    model = load_project(clone / "data").model
    expected = summary(history.compute(clone / "data", TITLES).entries)
    parsed = []
    monkeypatch.setattr(history, "load_yaml", lambda path, *a: parsed.append(path) or load_yaml(path, *a))
    result = history.for_model(clone / "data", model)
    assert summary(result.entries) == expected
    assert len(parsed) == 3  # the area file's three earlier states; its committed state is the file the model read
    edit_area(clone, change_basis)  # a change not committed: the record stays what was committed
    again = history.compute(clone / "data", TITLES, loaded={area_file(clone): load_project(clone / "data").model.areas[0].data})
    assert summary(again.entries) == expected
