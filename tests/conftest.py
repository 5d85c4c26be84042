"""Shared fixtures.

Site builds (each builds with the real `mkdocs build --strict` in a subprocess, into a temp dir):
- `built_site` (session): the site built from the repo's data/ → Path of the output folder. Set
  LAWMAP_TEST_SITE_DATA=/some/dir to build another data dir instead (handy while data/ is being edited).
- `build_site` (session): a function `build_site(data_dir) -> Path` building any data dir (e.g. a fixture under
  tests/fixtures/); the data dir reaches mkdocs.yml through the LAWMAP_DATA_DIR env var
  (`extra.data_dir: !ENV [LAWMAP_DATA_DIR, data]`). Builds are cached per data dir for the session.
A failed build fails the test with mkdocs' own output.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _mkdocs_build(data_dir: Path, out: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(Path(data_dir).resolve()))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build of {data_dir} failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def build_site(tmp_path_factory):
    built: dict[Path, Path] = {}

    def build(data_dir) -> Path:
        data_dir = Path(data_dir).resolve()
        if data_dir not in built:
            built[data_dir] = _mkdocs_build(data_dir, tmp_path_factory.mktemp("site"))
        return built[data_dir]
    return build


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
    out = tmp_path_factory.mktemp("offline") / "site.zip"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_SITE_URL="")
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-m", "lawmap", "build-offline", str(out), "--data-dir", str(site_data_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"build-offline failed:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return out


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    """The offline zip unpacked: the folder holding index.html, to open from file://."""
    import zipfile
    from lawmap.exports.offline import FOLDER
    target = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER
