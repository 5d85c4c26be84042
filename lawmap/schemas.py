"""Check each data file against its JSON Schema in schema/ and report failures at the offending node."""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from fastjsonschema import JsonSchemaValueException

from . import compiled_schemas
from .diagnostics import Report
from .yamlsource import Document

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@lru_cache(maxsize=None)
def _registry() -> Registry:
    from referencing import Registry, Resource  # only a failing file needs jsonschema: imported then, not at start-up
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        resources.append((path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))))
    return Registry().with_resources(resources)


def calendar_date(value) -> bool:
    """YYYY-MM-DD in ASCII digits and a day the calendar has (2023-02-30 and full-width digits are not)."""
    return _calendar_date(value) if isinstance(value, str) else True  # a non-string is the type check's to report


@lru_cache(maxsize=4096)  # the same few dates (law versions, years) recur thousands of times in the data
def _calendar_date(value: str) -> bool:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMATS = {"date": calendar_date}  # custom formats, the same for both validators


@lru_cache(maxsize=None)
def _format_checker():
    from jsonschema import FormatChecker
    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    return checker


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(), format_checker=_format_checker())


def _bundled(kind: str) -> dict:
    """The schema with common.schema.json's definitions inlined, for the compiled fast path."""
    def local(text: str) -> str:
        return text.replace('"common.schema.json#/$defs/', '"#/$defs/common--')

    schema = json.loads(local((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")))
    common = json.loads((SCHEMA_DIR / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    common = json.loads(json.dumps(common).replace('"#/$defs/', '"#/$defs/common--'))
    schema.setdefault("$defs", {}).update({f"common--{name}": value for name, value in common.items()})
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"  # only keywords draft-07 shares are used
    return schema


@lru_cache(maxsize=None)
def fast_validator(kind: str):
    """Compiled validator: a cheap yes/no for the usual case of valid data (fastjsonschema, same schema file)."""
    return compiled_schemas.validator(kind, lambda: _bundled(kind), FORMATS)


def _leaf_errors(error):
    """oneOf/anyOf wrap the useful message; report the deepest errors instead of the wrapper."""
    if error.context and error.validator in ("oneOf", "anyOf"):
        deepest = max(len(e.absolute_path) for e in error.context)
        if deepest > len(error.absolute_path):
            for sub in error.context:
                if len(sub.absolute_path) == deepest:
                    yield from _leaf_errors(sub)
            return
    yield error


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _message(error) -> str:
    name = error.absolute_path[-1] if error.absolute_path else "（文件）"
    v, value = error.validator, error.instance
    if v == "maxLength":
        return f"'{name}' 过长（{len(value)} 字，上限 {error.validator_value} 字）"
    if v == "format":
        return f"'{name}' 的值 {_shown(value)} 不是日历上存在的日期（写成 2024-01-31，用半角数字）"
    if v == "required":
        missing = error.message.split("'")[1]
        return f"缺少必填字段 '{missing}'"
    if v == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"未知字段 '{extra[0]}'（拼写错误？允许的字段：{'、'.join(error.schema.get('properties', {}))}）"
    if v == "enum":
        return f"'{name}' 的值 {_shown(value)} 不在允许的取值中：{'、'.join(map(str, error.validator_value))}"
    if v == "type":
        expected = {"string": "文字", "integer": "整数", "boolean": "true 或 false", "array": "列表", "object": "字段表",
                    "number": "数字"}
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"'{name}' 应为{'或'.join(expected.get(w, w) for w in wanted)}，实际是 {_shown(value)}"
    if v == "pattern":
        hint = error.schema.get("description", error.validator_value)
        return f"'{name}' 的值 {_shown(value)} 格式不对（{hint}）"
    if v == "minLength":
        return f"'{name}' 不能为空"
    if v == "minItems":
        return f"'{name}' 至少要有 {error.validator_value} 项"
    if v == "minimum":
        return f"'{name}' 不能小于 {error.validator_value}"
    if v == "oneOf" and error.schema.get("oneOf") and all("required" in s for s in error.schema["oneOf"]):
        options = " 或 ".join(f"'{s['required'][0]}'" for s in error.schema["oneOf"])
        return f"须有且只有 {options} 之一"
    return f"'{name}'：{error.message}"


def check_schema(doc: Document, kind: str, report: Report) -> bool:
    """Report every schema failure in doc; True when there were none.

    Valid files pass the compiled check alone; only a failing file is walked by jsonschema for every error.
    """
    try:
        fast_validator(kind)(doc.data)
        return True
    except JsonSchemaValueException:
        pass
    ok = True
    for error in validator(kind).iter_errors(doc.data):
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            pos = doc.pos(path)
            if leaf.validator == "additionalProperties" and isinstance(leaf.instance, dict):
                extra = sorted(set(leaf.instance) - set(leaf.schema.get("properties", {})))
                pos = doc.key_pos(path + (extra[0],))
            report.error(pos, _message(leaf))
            ok = False
    return ok
