"""Where a build's data comes from: the source commit (LAWMAP_COMMIT or git) and the data as-of date, for footers and exports."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


def source_commit(repo_dir: str | Path | None = None) -> str:
    """The commit the site is built from: $LAWMAP_COMMIT if set, else `git rev-parse --short=12 HEAD`, else "未知"."""
    if os.environ.get("LAWMAP_COMMIT"):
        return os.environ["LAWMAP_COMMIT"].strip()
    cwd = Path(repo_dir) if repo_dir else Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=cwd, capture_output=True, text=True,
                              timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return "未知"
    return done.stdout.strip() or "未知"


def data_as_of(model) -> str:
    """The date the data is current to (agency.yaml as_of), or "未注明"."""
    if model.agency and model.agency.data.get("as_of"):
        return str(model.agency.data["as_of"])
    return "未注明"
