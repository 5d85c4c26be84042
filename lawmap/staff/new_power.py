"""`python -m lawmap new-power AREA`: append a commented skeleton 事项 record to data/areas/AREA.yaml (or print it).

The skeleton's blanks ("") fail `check` on purpose, each at its own line, until a staff member fills them in;
the comments say what each field means and which values are allowed. The file is appended to as text, so
nothing already in it changes.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ..vocab import BASIS_KINDS, LEVELS, SOURCES, STAGES, STATUSES
from ..vocab import POWER_TYPES as TYPES

SKELETON = f"""\
- code: ""                # 事项编码：字母、数字和连字符，全局唯一，如 {{example_code}}
  name: ""                # 事项名称，照权责清单原文
  # subitems:             # 子项（处罚事项的违法情形等），不需要可删去
  #   - {{id: qingxing-1, name: ""}}
  type: {{type}}             # 事项类型：{" / ".join(TYPES)}
  level: {{level}}              # 行使层级：{" / ".join(LEVELS)}
  subject: {{subject}}     # 实施主体
  office: {{office}}          # 承办机构：agency.yaml 中科室的 id
  on_application: false   # 是否依申请（true / false）
  bases:                  # 依据：每条一行；at 写 第三十条第一款第（四）项 或 30/1/4；写后运行 fill-articles 补入条文
    # kind：{"、".join(BASIS_KINDS)}
    - {{kind: {{kind}}, law: "", version: "", at: ""}}
  responsibilities:       # 责任事项，按阶段：{"、".join(STAGES)}
    - {{stage: {{stage}}, duty: "", bases: [{{law: "", version: "", at: ""}}]}}
  accountability:
    targets: 直接负责的主管人员和其他直接责任人员
    cases: [""]           # 追责情形，每种一项
    bases: [{{law: "", version: "", at: ""}}]
  time_limit: {{legal: ""}}  # 法定时限；有承诺时限再加 promised
  fee: 不收费
  process:                # 运行流程：步骤 id 用小写字母；who 写岗位，不写人名
    - {{id: s1, name: {{stage}}, who: ""}}
  risks: []               # 风险点：{{step: 步骤 id, point: "", level: 中, measures: [""], post: 岗位}}
  status: 保留             # 状态：{" / ".join(STATUSES)}
  source: 示例             # 来源：{" / ".join(SOURCES)}（示例 = 无公开来源，页面会标明）
"""
FIRST_BASIS = {"行政处罚": "处罚依据", "行政强制": "强制依据", "行政检查": "检查依据", "行政给付": "给付依据"}
FIRST_STAGE = {"行政处罚": "立案", "行政强制": "立案", "行政检查": "检查"}


TYPE_CODES = {"行政许可": "XK", "行政处罚": "CF", "行政强制": "QZ", "行政征收": "ZS", "行政给付": "JF", "行政检查": "JC",
              "行政确认": "QR", "行政奖励": "JL", "行政裁决": "CJ", "其他行政权力": "QT", "公共服务": "GG"}


def next_code(prefix: str, power_type: str, codes) -> str:
    """The next free code of this agency's prefix and type: SNMZ-XK-004 when SNMZ-XK-001…003 exist."""
    stem = f"{prefix}-{TYPE_CODES.get(power_type, 'QT')}-"
    used = [int(c[len(stem):]) for c in codes if c.startswith(stem) and c[len(stem):].isdigit()]
    return f"{stem}{max(used, default=0) + 1:03d}"


def skeleton(power_type: str = "行政许可", office: str = '""', subject: str = '""', indent: str = "  ",
             agency: dict | None = None, codes=()) -> str:
    """The record text, each line indented by `indent` (the file's indentation of its powers list); the example code
    and the level are the agency's own (agency.yaml code_prefix, level)."""
    agency = agency or {}
    fills = {"type": power_type, "office": office, "subject": subject, "level": agency.get("level", '""'),
             "example_code": next_code(agency["code_prefix"], power_type, codes) if agency.get("code_prefix") else "前缀-XK-001",
             "kind": FIRST_BASIS.get(power_type, "设定依据"), "stage": FIRST_STAGE.get(power_type, "受理")}
    text = SKELETON
    for name, value in fills.items():
        text = text.replace("{" + name + "}", value)
    return "".join(indent + line for line in text.splitlines(keepends=True))


def _agency(data_dir: Path) -> dict:
    try:
        data = yaml.safe_load((data_dir / "agency.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _agency_name(agency: dict) -> str:
    return str(agency.get("name") or '""')


def _codes(data_dir: Path) -> list[str]:
    """Every 事项编码 already in data/areas/ (read as text: the file being appended to may not be valid yet)."""
    found = []
    for path in sorted((data_dir / "areas").glob("*.yaml")):
        found += re.findall(r"^\s*-?\s*code:\s*\"?([0-9A-Za-z-]+)", path.read_text(encoding="utf-8"), re.M)
    return found


def _list_indent(text: str) -> str | None:
    """The indentation of `- ` items under a top-level `powers:` that ends the file, or None if it does not."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^powers:\s*(#.*)?$", line)), None)
    if start is None:
        return None
    if any(re.match(r"^[^\s#-]", line) for line in lines[start + 1:]):
        return None  # another top-level key follows powers
    item = next((m.group(1) for line in lines[start + 1:] for m in [re.match(r"^(\s*)- ", line)] if m), "  ")
    return item


def append(path: Path, power_type: str, subject: str = '""', agency: dict | None = None, codes=()) -> str:
    """Append the skeleton to the area file; returns a message. Refuses when powers is not the file's last key."""
    text = path.read_text(encoding="utf-8")
    indent = _list_indent(text)
    data = yaml.safe_load(text) or {}
    if indent is None or not isinstance(data.get("powers"), list):
        raise ValueError(f"{path}: powers 不是文件最后一项（或写成了 []），请用 --print 打印后手工粘贴")
    separator = "\n" if re.search(rf"\n\n{indent}- ", text) else ""
    addition = ("" if text.endswith("\n") else "\n") + separator + skeleton(power_type, str(data.get("office") or '""'), subject, indent, agency, codes)
    new_text = text + addition
    if len((yaml.safe_load(new_text) or {}).get("powers") or []) != len(data["powers"]) + 1:
        raise ValueError(f"{path}: 追加后无法解析，未改动文件；请用 --print 打印后手工粘贴")
    path.write_text(new_text, encoding="utf-8")
    line = text.count("\n") + 1 + (0 if text.endswith("\n") else 1) + len(separator)
    return f"{path}:{line}: 已追加新事项骨架；填好空白（\"\"）后运行 python -m lawmap fill-articles 和 check"


def cmd_new_power(args) -> int:
    data_dir = Path(args.data_dir)
    path = data_dir / "areas" / f"{args.area}.yaml"
    agency, codes = _agency(data_dir), _codes(data_dir)
    if args.print:
        print(skeleton(args.type, subject=_agency_name(agency), agency=agency, codes=codes), end="")
        return 0
    if not path.exists():
        names = "、".join(p.stem for p in sorted((Path(args.data_dir) / "areas").glob("*.yaml")))
        print(f"{path}: 没有这个领域文件（已有：{names}）", file=sys.stderr)
        return 1
    try:
        print(append(path, args.type, _agency_name(agency), agency, codes))
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def register(sub) -> None:
    cmd = sub.add_parser("new-power", help="在领域文件末尾追加一条带注释的新事项骨架")
    cmd.add_argument("area", help="领域 id，即 data/areas/ 下的文件名（不含 .yaml）")
    cmd.add_argument("--type", default="行政许可", choices=TYPES, help="事项类型")
    cmd.add_argument("--print", action="store_true", help="只打印骨架，不改文件")
    cmd.add_argument("--data-dir", default="data")
    cmd.set_defaults(func=cmd_new_power)
