"""Builds small data dirs for the disclosure tests: the minimal fixture plus disclosure files written by the test."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"

DECISION = """\
  - id: {id}
    power: T-CF-001
    subitem: biangeng
    doc_no: 测罚字〔2023〕示例1号
    agency: 测试市民政局
    target: {{type: {target_type}, name: {target}}}
    category: 民政
    conclusion: 给予警告
    decided_on: "{decided}"
    published_on: "{published}"
    status: 有效
    source: 示例
"""


def decision(id="d1", target_type="组织", target="测试市某某协会", decided="2023-09-28", published="2023-10-13") -> str:
    return DECISION.format(id=id, target_type=target_type, target=target, decided=decided, published=published)


def make_data(tmp_path: Path, files: dict[str, str]) -> Path:
    """A copy of the minimal fixture with extra files (path under data/ → text)."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    for rel, text in files.items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


def decisions_file(*records: str) -> str:
    return "year: 2023\ndecisions:\n" + "".join(records)


def run_check(data: Path) -> subprocess.CompletedProcess:
    """`python -m lawmap check data` run from the data dir's parent, so messages show data/… paths as staff see them."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "lawmap", "check", "data"], cwd=data.parent, env=env,
                          capture_output=True, text=True, timeout=120)
