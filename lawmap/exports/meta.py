"""Provenance of every exported file: data as-of date, source commit, and a build date that is not the clock.

The build date is SOURCE_DATE_EPOCH when set (the reproducible-builds convention MkDocs also honours), else the
committer date of the source commit, else the data as-of date — so two builds of one commit are byte-identical.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..model import Model
from ..provenance import data_as_of, source_commit

SCHEMA_VERSION = "3.0.0"
API_CHANGELOG = [
    ("1.0.0", "2026-11-30", "首次发布：powers.json、powers/<事项编码>.json、areas.json、laws.json（含反向索引 cited_by）、"
                            "disclosures.json，每个文件带 meta，均有 JSON Schema。"),
    ("2.0.0", "2026-12-01", "powers.json 只列事项摘要（code、name、type、area、status、is_example、detail、url），"
                            "完整内容只在 detail 指向的 powers/<事项编码>.json 中，不再重复发布。"),
    ("3.0.0", "2026-12-01", "laws.json 只列法律法规摘要（各版本的 id、施行日期、时效状态，detail、url），条文和反向索引"
                            " cited_by 只在 detail 指向的 laws/<法规 id>.json 中。"),
]


def model_data_dir(model: Model) -> Path:
    """The data directory the model was loaded from (agency.yaml's folder, else the areas' parent folder)."""
    if model.agency:
        return Path(model.agency.file).resolve().parent
    if model.areas:
        return Path(model.areas[0].file).resolve().parent.parent
    return Path("data").resolve()


def commit_epoch(repo_dir: str | Path) -> int | None:
    """Committer time (Unix seconds) of HEAD, or None without git."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=repo_dir, capture_output=True, text=True,
                              timeout=10, check=True)
        return int(done.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def build_epoch(model: Model, data_dir: str | Path) -> int:
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    epoch = commit_epoch(data_dir)
    if epoch is not None:
        return epoch
    try:
        day = dt.date.fromisoformat(data_as_of(model))
    except ValueError:
        return 0
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())


@dataclass(frozen=True)
class Provenance:
    agency: str
    data_as_of: str
    source_commit: str
    build_epoch: int

    @classmethod
    def of(cls, model: Model, data_dir: str | Path) -> "Provenance":
        return cls(model.agency.name if model.agency else "", data_as_of(model), source_commit(data_dir),
                   build_epoch(model, data_dir))

    @property
    def build_time(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.build_epoch, dt.timezone.utc)

    @property
    def build_date(self) -> str:
        return self.build_time.strftime("%Y-%m-%dT%H:%M:%SZ")

    def meta(self) -> dict:
        return {"schema_version": SCHEMA_VERSION, "agency": self.agency, "data_as_of": self.data_as_of,
                "build_date": self.build_date, "source_commit": self.source_commit}
