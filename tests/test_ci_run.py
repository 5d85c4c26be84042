"""`.ci/run` on a machine without the browser: a non-root user gets one line saying what to install, no apt-get error."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv to run as nobody")
def test_without_chromium_a_non_root_user_is_told_what_to_install():
    env = {"PATH": os.environ["PATH"], "LAWMAP_CHROMIUM": "/nonexistent/chromium", "HOME": "/tmp"}
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bash", ".ci/run"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        ".ci/run: /nonexistent/chromium is missing; install it first: sudo apt-get install chromium fonts-noto-cjk"]
