"""data/redactions.yaml: personal data committed by mistake and then removed is still republished by the 调整记录
and feed.xml (read from git history); the build's output scan catches it and leaves nothing to publish, and listing
the commit in redactions.yaml takes its content out of the record without rewriting history."""
from __future__ import annotations

import os
import shutil
import sys

from builds import run_build
from disclosure_helpers import run_check
from test_history import FIXTURE, area_file, commit, edit_area, git

MOBILE = "139 1234 5678"


def _build(data, out, factory, what: str):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(data))
    return run_build(factory, f"mkdocs build {data} ({what})", [sys.executable, "-m", "mkdocs", "build", "--strict",
                                                                "-d", str(out)], env)


def test_redacting_a_commit_removes_it_from_changes_and_feed(tmp_path, tmp_path_factory):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, repo / "data")
    commit(repo, "初始数据", "2024-01-02T09:00:00+08:00")
    edit_area(repo, lambda data: data["powers"][0].update(note=f"联系 {MOBILE}"))
    commit(repo, "误录手机号", "2024-02-01T09:00:00+08:00")
    edit_area(repo, lambda data: data["powers"][0].update(note="咨询请到办事窗口"))
    commit(repo, "删去手机号", "2024-02-01T10:00:00+08:00")
    data, site = repo / "data", tmp_path / "site"
    assert area_file(repo).exists() and run_check(data).returncode == 0  # the data itself is clean now

    done = _build(data, site, tmp_path_factory, "must fail")
    log = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in log
    assert "open-data/changes/index.html:" in log and "feed.xml:" in log and "含有未脱敏的手机号码" in log
    assert list(site.iterdir()) == []  # nothing a deploy step could publish

    sha = git(repo, "log", "--format=%H", "--grep", "误录手机号").strip()
    (data / "redactions.yaml").write_text(f"redactions:\n  - commit: {sha[:12]}\n    reason: 误录当事人手机号码\n",
                                          encoding="utf-8")
    assert run_check(data).returncode == 0
    done = _build(data, site, tmp_path_factory, "redacted")
    assert done.returncode == 0, done.stdout + done.stderr
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    changes = (site / "open-data" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "删去手机号" in feed and "误录手机号" not in feed and "1234" not in feed
    assert "删去手机号" in changes and "误录手机号" not in changes
