"""The controlled vocabularies (power types, levels, stages, basis kinds, statuses, sources, office roles), read from
the JSON Schemas that validate the data, so Python never repeats a list the schema already keeps."""
from __future__ import annotations

import json
from functools import lru_cache

from .schemas import SCHEMA_DIR


@lru_cache(maxsize=None)
def _defs(schema: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))["$defs"]


def enum(name: str, schema: str = "common") -> list[str]:
    """The allowed values of `$defs/<name>` in schema/<schema>.schema.json, in the schema's order."""
    return list(_defs(schema)[name]["enum"])


BASIS_KINDS = enum("basis_kind")
POWER_TYPES = enum("power_type")
LEVELS = enum("level")
STAGES = enum("stage")
STATUSES = enum("power_status")
SOURCES = enum("source")
OFFICE_ROLES = enum("role", "agency")
