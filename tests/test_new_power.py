"""`python -m lawmap new-power AREA`: a commented skeleton appended to the area file; check then points at each blank."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawmap.loader import load_project

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture
def data(tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "data")
    return tmp_path / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawmap", "new-power", *args], capture_output=True, text=True, cwd=ROOT)


def test_skeleton_is_appended_and_nothing_else_changes(data):
    path = data / "areas" / "zuzhi.yaml"
    before = path.read_text(encoding="utf-8")
    result = run("zuzhi", "--type", "行政处罚", "--data-dir", str(data))
    assert result.returncode == 0
    first_line = before.count("\n") + 1
    assert result.stdout.startswith(f"{path}:{first_line}: 已追加新事项骨架")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    added = after[len(before):]
    assert added.startswith('  - code: ""                # 事项编码')
    assert "    type: 行政处罚" in added and "    subject: 测试市民政局" in added and "    office: ke" in added
    assert '      - {kind: 处罚依据, law: "", version: "", at: ""}' in added
    assert "# 行使层级：省级 / 市级 / 县级 / 市级、县级" in added


def test_check_reports_each_blank_of_the_skeleton_at_its_line(data):
    path = data / "areas" / "zuzhi.yaml"
    first_line = path.read_text(encoding="utf-8").count("\n") + 1
    run("zuzhi", "--data-dir", str(data))
    problems = load_project(data).report.lines()
    assert f"{path}:{first_line}:11: error: 'code' 的值 '' 格式不对（事项编码）" in problems
    assert any(p.startswith(f"{path}:{first_line + 1}:") and "'name' 不能为空" in p for p in problems)
    assert all(p.split(":")[1].isdigit() and int(p.split(":")[1]) >= first_line for p in problems)


def test_skeleton_once_filled_passes_check(data):
    path = data / "areas" / "zuzhi.yaml"
    run("zuzhi", "--type", "行政检查", "--data-dir", str(data))
    text = path.read_text(encoding="utf-8")
    fills = [('code: ""', "code: T-JC-009"), ('name: ""', "name: 社会团体检查"),
             ('law: "", version: "", at: ""', 'law: shetuan-tiaoli, version: "2016-02-06", at: 30/2'),
             ('duty: ""', "duty: 检查"), ('cases: [""]', "cases: [不依法检查]"), ('legal: ""', "legal: 无"),
             ('who: ""', "who: 承办科室")]
    for old, new in fills:
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert load_project(data).report.errors == []
    assert load_project(data).model.power("T-JC-009").responsibilities[0].stage == "检查"


def test_print_leaves_files_alone_and_unknown_area_is_named(data):
    before = (data / "areas" / "zuzhi.yaml").read_bytes()
    printed = run("zuzhi", "--print", "--data-dir", str(data))
    assert printed.returncode == 0 and printed.stdout.startswith('  - code: ""')
    assert (data / "areas" / "zuzhi.yaml").read_bytes() == before
    missing = run("nope", "--data-dir", str(data))
    assert missing.returncode == 1 and "没有这个领域文件（已有：zuzhi）" in missing.stderr


def test_refuses_when_powers_is_not_the_last_key(data):
    path = data / "areas" / "zuzhi.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "summary: 摘要\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("zuzhi", "--data-dir", str(data))
    assert result.returncode == 1 and "powers 不是文件最后一项" in result.stderr
    assert path.read_bytes() == before


def test_editor_settings_wire_every_record_schema_to_existing_data_files():
    import json
    schemas = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    record_schemas = {f"./schema/{p.name}" for p in (ROOT / "schema").glob("*.schema.json")
                      if not p.name.endswith("common.schema.json")}
    assert set(schemas) == record_schemas
    for globs in schemas.values():
        assert any(list(ROOT.glob(pattern)) for pattern in globs), globs
