"""Bad input gets one clear line each (never a traceback); the loader keeps file:line:col for every node."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawmap.diagnostics import Report
from lawmap.yamlsource import load_yaml

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def load_text(tmp_path: Path, text: str | bytes):
    path = tmp_path / "x.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    report = Report()
    return load_yaml(path, "x.yaml", report), report.lines()


def test_positions_of_nested_values(tmp_path):
    doc, lines = load_text(tmp_path, "a:\n  b:\n    - 1\n    - c: 2\n")
    assert lines == []
    assert str(doc.pos(("a", "b", 1, "c"))) == "x.yaml:4:10"
    assert str(doc.key_pos(("a", "b", 1, "c"))) == "x.yaml:4:7"


def test_keys_are_text_as_written(tmp_path):
    doc, _ = load_text(tmp_path, "no: 3\non: yes\n")
    assert doc.data == {"no": 3, "on": True}


def test_syntax_error_is_one_line(tmp_path):
    _, lines = load_text(tmp_path, "a: [1, 2\nb: 3\n")
    assert len(lines) == 1 and lines[0].startswith("x.yaml:2:") and "YAML 语法错误" in lines[0]


def test_not_utf8(tmp_path):
    _, lines = load_text(tmp_path, "name: 民政\n".encode("gbk"))
    assert lines == ["x.yaml:1:7: error: 文件不是 UTF-8 编码，请用 UTF-8 保存（WPS/记事本：另存为 UTF-8）"]


def test_tab_indentation(tmp_path):
    _, lines = load_text(tmp_path, "a:\n\tb: 1\n")
    assert lines == ["x.yaml:2:1: error: 缩进里有制表符 (Tab)，YAML 只能用空格缩进"]


def test_duplicate_key(tmp_path):
    _, lines = load_text(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert lines == ["x.yaml:3:1: error: 重复的键 'a'（第 1 行已有）"]


def test_alias_bomb(tmp_path):
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        rows.append(f"{level}: &{level} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    _, lines = load_text(tmp_path, "\n".join(rows) + "\n")
    assert lines == ["x.yaml:1:1: error: 节点过多（超过 200000 个），疑似 YAML 别名炸弹"]


def test_huge_file(tmp_path):
    path = tmp_path / "x.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    report = Report()
    assert load_yaml(path, "x.yaml", report) is None
    assert report.lines() == ["x.yaml:1:1: error: 文件过大（50 MB，上限 5 MB），请拆分"]


def test_empty_file(tmp_path):
    _, lines = load_text(tmp_path, "# only a comment\n")
    assert lines == ["x.yaml:1:1: error: 文件是空的"]


@pytest.mark.parametrize("content", ["a: [1, 2\n", "\tx: 1\n", "x: 1\nx: 2\n"])
def test_cli_reports_bad_yaml_without_traceback(tmp_path, content):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    (data / "areas" / "broken.yaml").write_text(content, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "lawmap", "check", str(data)], capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "broken.yaml:" in run.stdout
