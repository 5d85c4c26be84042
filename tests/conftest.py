"""Shared fixtures.

Site builds (each builds with the real `mkdocs build --strict` in a subprocess, into a temp dir):
- `built_site` (session): the site built from the repo's data/ → Path of the output folder. Set
  LAWMAP_TEST_SITE_DATA=/some/dir to build another data dir instead (handy while data/ is being edited).
- `build_site` (session): a function `build_site(data_dir) -> Path` building any data dir (e.g. a fixture under
  tests/fixtures/); the data dir reaches mkdocs.yml through the LAWMAP_DATA_DIR env var
  (the `lawmap` plugin option `data_dir: !ENV [LAWMAP_DATA_DIR, data]`).
Each build happens once per test session, also under pytest-xdist: the first worker to ask builds into the session's
shared temp folder under a file lock, the others wait and reuse it (and a failed build fails them all with mkdocs'
own output). Every build is logged; the run's summary says how many there were.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from builds import BUILD_LOG, build_once, offline_env, run_build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A copy of tests/fixtures/minimal as ./data of a temp working dir (modules may override it)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL, tmp_path / "data")
    return tmp_path / "data"
def _mkdocs_build(tmp_path_factory, data_dir: Path, out: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(Path(data_dir).resolve()))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    done = run_build(tmp_path_factory, f"mkdocs build {data_dir}", command, env)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build of {data_dir} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def build_site(tmp_path_factory):
    def build(data_dir) -> Path:
        data_dir = Path(data_dir).resolve()
        return build_once(tmp_path_factory, f"site {data_dir}",
                          lambda out: _mkdocs_build(tmp_path_factory, data_dir, out))
    return build


def pytest_terminal_summary(terminalreporter, config):
    """How many site builds the session made (each fixture site should appear once)."""
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is None or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    log = factory.getbasetemp() / BUILD_LOG
    if log.exists():
        lines = log.read_text(encoding="utf-8").splitlines()
        terminalreporter.write_line(f"site builds this session: {len(lines)} (log: {log})")


@pytest.fixture(scope="session")
def site_data_dir() -> Path:
    """The data dir `built_site` is built from."""
    return Path(os.environ.get("LAWMAP_TEST_SITE_DATA") or ROOT / "data").resolve()


@pytest.fixture(scope="session")
def built_site(build_site, site_data_dir) -> Path:
    return build_site(site_data_dir)


@pytest.fixture(scope="session")
def offline_zip(site_data_dir, tmp_path_factory) -> Path:
    """`python -m lawmap build-offline` of the site's data → the zip (open-data helper's offline copy)."""
    def make(folder: Path) -> None:
        folder.mkdir(parents=True)
        command = [sys.executable, "-m", "lawmap", "build-offline", str(folder / "site.zip"), "--data-dir",
                   str(site_data_dir)]
        done = run_build(tmp_path_factory, f"build-offline {site_data_dir}", command, offline_env())
        if done.returncode != 0:
            pytest.fail(f"build-offline failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return build_once(tmp_path_factory, f"offline {site_data_dir}", make) / "site.zip"


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    """The offline zip unpacked: the folder holding index.html, to open from file://."""
    import zipfile
    from lawmap.exports.offline import FOLDER
    target = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER
