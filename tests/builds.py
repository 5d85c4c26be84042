"""Site builds for the tests, each made once per session even across pytest-xdist workers (file lock + shared temp)."""
from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path
from typing import Callable

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
BUILD_LOG = "lawmap-builds.log"


def session_dir(tmp_path_factory) -> Path:
    """The temp folder every xdist worker of this session shares (the worker's own one without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def log_build(tmp_path_factory, what: str, seconds: float) -> None:
    """One line per site build in the session's build log (counted in the terminal summary)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with FileLock(str(session_dir(tmp_path_factory) / BUILD_LOG) + ".lock"):
        with (session_dir(tmp_path_factory) / BUILD_LOG).open("a", encoding="utf-8") as log:
            log.write(f"{worker}\t{seconds:.1f}s\t{what}\n")


def run_build(tmp_path_factory, what: str, command: list[str], env: dict) -> subprocess.CompletedProcess:
    """Run one site build (mkdocs build / lawmap build-offline) in a subprocess and log it."""
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    log_build(tmp_path_factory, what, time.monotonic() - started)
    return done


def build_once(tmp_path_factory, key: str, make: Callable[[Path], None]) -> Path:
    """`make(out)` run once per session for `key`, whichever worker asks first; the others get the same `out`."""
    shared = session_dir(tmp_path_factory) / f"lawmap-{hashlib.sha1(key.encode()).hexdigest()[:12]}"
    failed = shared.with_suffix(".failed")
    with FileLock(str(shared) + ".lock"):
        if not (shared / ".complete").exists() and not failed.exists():
            shared.mkdir(parents=True, exist_ok=True)
            try:
                make(shared / "out")
            except BaseException as error:  # pytest.fail included: the other workers must fail the same way
                failed.write_text(str(error), encoding="utf-8")
                raise
            (shared / ".complete").touch()
    if failed.exists():
        pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
    return shared / "out"


def offline_env() -> dict:
    """The environment of every offline build (tests/test_opendata_build.py builds a second one to compare)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_SITE_URL="")
    env.pop("SOURCE_DATE_EPOCH", None)
    return env
