"""The facts of one build, computed once (git is asked once) and passed to every page and export that states them:
provenance (agency, as-of date, the data dir's commit, build date) and the 权责清单 history from git."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import history
from ..model import Model
from .meta import Provenance, model_data_dir


@dataclass(frozen=True)
class BuildFacts:
    provenance: Provenance
    history: history.History

    @classmethod
    def of(cls, model: Model, data_dir: str | Path | None = None) -> "BuildFacts":
        data_dir = Path(data_dir) if data_dir is not None else model_data_dir(model)
        return cls(Provenance.of(model, data_dir), history.for_model(data_dir, model))  # redactions.yaml applied
