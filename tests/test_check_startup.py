"""`lawmap check` start-up: compiled schemas are reused between runs, a broken or read-only cache changes nothing
staff see, and the command does not load the libraries only other commands need."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "fixtures" / "minimal"


def check(data: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, LAWMAP_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, *extra, "-m", "lawmap", "check", "--strict", str(data)], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def schema_cache(cache: Path) -> list[Path]:
    return sorted((cache / "schemas").glob("*/*.bin"))


def test_second_run_reuses_the_compiled_schemas(tmp_path):
    first = check(DATA, tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    cached = {p: p.stat().st_mtime_ns for p in schema_cache(tmp_path)}
    assert {p.stem for p in cached} >= {"agency", "law", "area"}
    second = check(DATA, tmp_path)
    assert second.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in schema_cache(tmp_path)} == cached


def test_a_corrupt_cache_file_is_recompiled_and_errors_still_reported(tmp_path):
    check(DATA, tmp_path)
    for path in schema_cache(tmp_path):
        path.write_bytes(b"not bytecode")
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(DATA), str(data)], check=True)
    agency = data / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    run = check(data, tmp_path)
    assert run.returncode == 1
    assert "agency.yaml" in run.stdout and "未知字段 'unknown_field'" in run.stdout
    assert "Traceback" not in run.stderr


def test_a_cache_dir_that_cannot_be_written_still_checks(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")  # read-only for every user, root included
    run = check(DATA, blocked / "cache")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "错误 0 个" in run.stdout and "Traceback" not in run.stderr


def test_check_does_not_load_what_only_other_commands_need(tmp_path):
    check(DATA, tmp_path)  # fill the schema cache first
    run = check(DATA, tmp_path, "-X", "importtime")
    assert run.returncode == 0, run.stdout + run.stderr
    loaded = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in run.stderr.splitlines()
              if line.startswith("import time:")}
    assert "lawmap" in loaded
    assert not loaded & {"openpyxl", "ruamel", "mkdocs", "jinja2", "jsonschema", "referencing"}


def test_help_still_lists_every_command():
    run = subprocess.run([sys.executable, "-m", "lawmap", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert all(name in run.stdout for name in ("check", "quote", "export-xlsx", "build-offline"))
