"""Every file of a data dir with its bytes: to assert that a refused command wrote nothing."""
from __future__ import annotations

from pathlib import Path


def snapshot(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}
