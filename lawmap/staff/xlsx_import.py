"""`python -m lawmap import-xlsx IN.xlsx`: read a 权责清单 workbook (exported, maybe edited in Excel/WPS) into data/areas/.

Rows are matched to records by 事项编码. Only cells that differ from what the export of the current data writes
are read and applied, so an unedited workbook changes no byte, and an edited one changes only what was edited
(ruamel.yaml round trip: every other comment, key order and quote stays). Reordered, new and deleted rows
reorder, add and delete records. Every bad cell is reported as `工作表!C12: message`; nothing is written while any
error remains, nor when the result would fail `check` (cited articles are first filled in, as fill-articles does).
"""
from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter
from ruamel.yaml import YAML
from ruamel.yaml.representer import RoundTripRepresenter
from yaml import nodes as yaml_nodes
from yaml import resolver as yaml_resolver
from ruamel.yaml.comments import CommentedMap

from ..loader import load_project
from ..model import Model, Power
from . import xlsx_apply as apply
from . import xlsx_guard as guard
from .fill_articles import fill
from .xlsx_cells import COLUMNS, CellError, Context, normalise, ref_value, restore
from .xlsx_export import SUMMARY_SHEET, sheet_title

CODE = "事项编码"
READ = [c for c in COLUMNS if c.parse]
SIMPLE_KEYS = {"事项名称": "name", "事项类型": "type", "行使层级": "level", "实施主体": "subject", "承办机构": "office",
               "是否依申请": "on_application", "收费": "fee", "状态": "status", "调整日期": "adjusted_on", "来源": "source",
               "备注": "note"}
ACCOUNTABILITY_KEYS = ["targets", "cases", "bases"]
_INDENTS = [(2, 4, 2), (2, 2, 0), (4, 4, 2), (2, 4, 0), (4, 6, 4), (4, 4, 0)]


@dataclass
class Row:
    sheet: str
    number: int
    cells: dict[str, str]
    letters: dict[str, str]

    def at(self, header: str) -> str:
        return f"{self.sheet}!{self.letters.get(header, 'A')}{self.number}"


@dataclass
class Plan:
    """What the workbook asks for: each area's codes in sheet order and, per code, the columns that changed."""

    area_codes: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, dict[str, object]] = field(default_factory=dict)
    rows: dict[str, Row] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


# ---- reading the workbook --------------------------------------------------------------------------------------

def read_sheet(sheet, errors: list[str]) -> list[Row]:
    letters = {}
    for index, cell in enumerate(next(sheet.iter_rows(max_row=1), ()), 1):
        name = normalise(cell.value)
        if name in letters:
            errors.append(f"{sheet.title}!{get_column_letter(index)}1: 表头“{name}”重复")
        elif name:
            letters[name] = get_column_letter(index)
    missing = [c.header for c in [COLUMNS[0]] + READ if c.header not in letters]
    if missing:
        errors.append(f"{sheet.title}!A1: 缺少列 {'、'.join(missing)}（请勿删除表头或改名）")
        return []
    columns = {name: column_index_from_string(letter) - 1 for name, letter in letters.items()}
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), 2):
        cells = {name: normalise(restore(normalise(values[i]))) if i < len(values) else "" for name, i in columns.items()}
        if any(cells.get(c.header) for c in [COLUMNS[0]] + READ):
            rows.append(Row(sheet.title, number, cells, letters))
    return rows


def plan_sheet(area_id: str, rows: list[Row], model: Model, ctx: Context, plan: Plan) -> None:
    codes = plan.area_codes.setdefault(area_id, [])
    for row in rows:
        code = row.cells[CODE]
        if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z-]*", code):
            plan.errors.append(f"{row.at(CODE)}: 事项编码“{code}”只能用字母、数字和连字符" if code else
                               f"{row.at(CODE)}: 事项编码不能为空（新增事项也要先定编码）")
            continue
        if code in plan.rows:
            plan.errors.append(f"{row.at(CODE)}: 事项编码 {code} 重复（{plan.rows[code].at(CODE)} 已有）")
            continue
        plan.rows[code] = row
        codes.append(code)
        plan.values[code] = _changed_values(row, model.power(code), ctx, plan.errors)


def _changed_values(row: Row, old: Power | None, ctx: Context, errors: list[str]) -> dict[str, object]:
    values = {}
    for column in READ:
        text = row.cells.get(column.header, "")
        if old is not None and text == normalise(column.format(old, ctx)):
            continue
        try:
            values[column.header] = column.parse(text, ctx)
        except CellError as exc:
            errors.append(f"{row.at(column.header)}: {exc}")
    changed = [h for h in ("设定依据", "实施依据") if h in values]
    kept = [h for h in ("设定依据", "实施依据") if h not in values and old and _group(old, h)]
    if changed and not kept and not any(values[h] for h in changed):
        errors.append(f"{row.at(changed[0])}: 设定依据和实施依据至少要填一条")
    return values


def _group(power: Power, header: str) -> list:
    return [r for r in power.bases if (r.kind == "设定依据") == (header == "设定依据")]


def check_summary(rows: list[Row], plan: Plan, model: Model, ctx: Context) -> None:
    """总表 is for reading: a cell there may only show the data or the area sheet's new value, never its own edit."""
    for row in rows:
        code = row.cells[CODE]
        old, edited = model.power(code), plan.rows.get(code)
        if edited is None:
            if old is None:
                plan.errors.append(f"{row.at(CODE)}: 总表只供浏览，新增事项请写在所属领域的工作表中")
            continue
        for column in READ:
            text = row.cells.get(column.header, "")
            if text != edited.cells.get(column.header, "") and (old is None or text != normalise(column.format(old, ctx))):
                plan.errors.append(f"{row.at(column.header)}: 总表只供浏览，请在{edited.at(column.header)}修改")


def read_workbook(path: Path, model: Model) -> Plan:
    plan, ctx = Plan(), Context(model)
    plan.errors = guard.preflight(path)
    if plan.errors:
        return plan
    try:
        book = load_workbook(path, data_only=True)
        plan.errors = guard.too_many_rows(book) or guard.formulas_without_value(path, book)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        plan.errors.append(f"{path}: 无法打开工作簿（{exc}）；请保存为 .xlsx 格式")
    if plan.errors:
        return plan
    areas = {sheet_title(a): a for a in model.areas}
    summary = []
    for sheet in book.worksheets:
        if sheet.title == SUMMARY_SHEET:
            summary = read_sheet(sheet, plan.errors)
        elif sheet.title in areas:
            plan_sheet(areas[sheet.title].id, read_sheet(sheet, plan.errors), model, ctx, plan)
        else:
            plan.errors.append(f"{sheet.title}!A1: 工作表“{sheet.title}”不对应任何业务领域（请勿改工作表名称）")
    for code, row in plan.rows.items():
        old = model.power(code)
        if old is not None and old.area.id not in plan.area_codes:
            plan.errors.append(f"{row.at(CODE)}: 事项 {code} 属于“{old.area.name}”，工作簿中却没有该工作表")
    check_summary(summary, plan, model, ctx)
    return plan


# ---- applying the plan to the YAML ---------------------------------------------------------------------------

def apply_values(node: CommentedMap, values: dict, old: Power | None, ctx: Context) -> None:
    for header, key in SIMPLE_KEYS.items():
        if header in values:
            apply.set_key(node, key, values[header], apply.POWER_KEYS)
    if "子项" in values:
        apply.sync_subitems(node, values["子项"])
    if "设定依据" in values or "实施依据" in values:
        old_refs = [ref_value(r) for r in old.bases] if old else []
        groups = {True: values.get("设定依据", [r for r in old_refs if r.kind == "设定依据"]),
                  False: values.get("实施依据", [r for r in old_refs if r.kind != "设定依据"])}
        apply.sync_refs(node, "bases", old_refs, apply.merge_bases(old_refs, groups), apply.POWER_KEYS)
    if "责任事项" in values:
        old_resp = [(r.stage, r.duty, tuple(ref_value(b) for b in r.bases)) for r in old.responsibilities] if old else []
        apply.sync_responsibilities(node, old_resp, values["责任事项"])
    account = node["accountability"]
    if "追责对象" in values:
        apply.set_key(account, "targets", values["追责对象"], ACCOUNTABILITY_KEYS)
    if "追责情形" in values:
        apply.sync_strings(account["cases"], values["追责情形"])
    if "追责依据" in values:
        old_refs = [ref_value(r) for r in old.accountability_bases] if old else []
        apply.sync_refs(account, "bases", old_refs, values["追责依据"], ACCOUNTABILITY_KEYS)
    if "办理时限" in values:
        apply.sync_time_limit(node, values["办理时限"])


def new_record(code: str, values: dict, ctx: Context) -> CommentedMap:
    """A record for a row the workbook adds; its 流程 follows the 责任事项 stages, its 风险点 are left to add."""
    node = CommentedMap(code=code, responsibilities=apply.CommentedSeq(),
                        accountability=CommentedMap(targets="", cases=apply.CommentedSeq(), bases=apply.CommentedSeq()),
                        time_limit=CommentedMap(legal=""))
    apply_values(node, values, None, ctx)
    who = ctx.office_name(values["承办机构"])
    stages = list(dict.fromkeys(stage for stage, _, _ in values["责任事项"]))
    steps = apply.CommentedSeq(apply.flow_map(id=f"s{i}", name=stage, who=who) for i, stage in enumerate(stages, 1))
    apply.set_key(node, "process", steps, apply.POWER_KEYS)
    apply.set_key(node, "risks", apply.flow_seq([]), apply.POWER_KEYS)
    return node


class _Representer(RoundTripRepresenter):
    """Writes a string that YAML 1.1 (PyYAML, which loads the data) would read as something else — yes, no, on, off,
    y, n, null, ~, 0o17, 1_000, 1:20 … — in double quotes, so that a cell typed `no` stays the text “no”."""

    in_key = False  # keys are read as written (yamlsource): `no:` stays a key, unquoted

    def represent_key(self, data):
        self.in_key = True
        try:
            return super().represent_key(data)
        finally:
            self.in_key = False

    def represent_str(self, data):
        if not self.in_key and _RESOLVER.resolve(yaml_nodes.ScalarNode, data, (True, False)) != "tag:yaml.org,2002:str":
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)


_RESOLVER = yaml_resolver.Resolver()
_Representer.add_representer(str, _Representer.represent_str)


def _loader() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    return yaml


def _yaml_for(text: str, data) -> YAML:
    """A dumper set to the file's own indentation (the first that reproduces the file unchanged)."""
    for mapping, sequence, offset in _INDENTS:
        yaml = YAML()
        yaml.Representer = _Representer
        yaml.width, yaml.preserve_quotes = 4096, True
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        out = StringIO()
        yaml.dump(data, out)
        if out.getvalue() == text:
            return yaml
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def edited_texts(plan: Plan, model: Model) -> dict[Path, str]:
    """The new text of every area file the plan changes."""
    ctx, loaded = Context(model), {}
    for area in model.areas:
        path = Path(area.file)
        text = path.read_text(encoding="utf-8")
        data = _loader().load(text)
        loaded[area.id] = (path, text, data, _yaml_for(text, data))
    nodes = {str(p["code"]): p for _, _, data, _ in loaded.values() for p in data["powers"]}
    headers = _take_headers([loaded[a][2]["powers"] for a in plan.area_codes], set(plan.rows))
    for code, values in plan.values.items():
        old = model.power(code)
        if old is None:
            nodes[code] = new_record(code, values, ctx)
        elif values:
            apply_values(nodes[code], values, old, ctx)
    for area_id, codes in plan.area_codes.items():
        seq = loaded[area_id][2]["powers"]
        apply.sync_seq(seq, [str(p["code"]) for p in seq], codes, lambda k: nodes[codes[k]])
        _put_headers(seq, headers)
    changed = {}
    for path, text, data, yaml in loaded.values():
        out = StringIO()
        yaml.dump(data, out)
        if out.getvalue() != text:
            changed[path] = out.getvalue()
    return changed


def _take_headers(seqs, kept: set[str]) -> dict:
    """Each record's header (the blank line and comments before it), by code; a deleted record's comment header
    passes to the record after it when that one has none of its own. Key None: the new records' separator."""
    headers = {}
    for seq in seqs:
        codes = [str(p["code"]) for p in seq]
        for i, code in enumerate(codes[1:], 1):
            headers[code] = apply.take_header(seq[i - 1])
        headers.setdefault(None, "\n" if any(h.startswith("\n") for h in headers.values()) else "")
        for i, code in enumerate(codes[1:-1], 1):
            following = codes[i + 1]
            if code not in kept and "#" in headers[code] and following in kept and "#" not in headers[following]:
                headers[following] = headers[code]
    return headers


def _put_headers(seq, headers: dict) -> None:
    for i in range(1, len(seq)):
        apply.put_header(seq[i - 1], headers.get(str(seq[i]["code"]), headers.get(None, "")))


# ---- check, then write -----------------------------------------------------------------------------------------

def import_workbook(path: str | Path, data_dir: str | Path = "data", dry_run: bool = False) -> tuple[list[str], list[str]]:
    """Returns (errors, changes); writes data/ only when there are no errors and something changed."""
    data_dir = Path(data_dir)
    project = load_project(data_dir)
    if project.report.errors:
        return project.report.lines() + ["数据本身有错误，未导入；请先改正（python -m lawmap check）"], []
    plan = read_workbook(Path(path), project.model)
    if plan.errors:
        return plan.errors, []
    texts = edited_texts(plan, project.model)
    if not texts:
        return [], []
    errors, law_texts, filled = _check_in_copy(texts, data_dir)
    if errors:
        return errors + ["导入后的数据有上述错误，未写入任何文件"], []
    changes = describe(plan, project.model) + [f"{p}: {line}" for p, line in filled]
    if not dry_run:
        failed = guard.write_all({Path(file): text for file, text in {**texts, **law_texts}.items()})
        if failed:
            return failed, []
    return [], changes


def describe(plan: Plan, model: Model) -> list[str]:
    """One line per record the import adds, edits, moves or deletes."""
    lines = []
    for area in model.areas:
        kept = set(plan.area_codes.get(area.id, []))
        lines += [f"{p.file}: 删除 {p.code} {p.name}" for p in area.powers
                  if area.id in plan.area_codes and p.code not in plan.rows]
        old_order = [p.code for p in area.powers if p.code in kept]
        new_order = [c for c in plan.area_codes.get(area.id, []) if model.power(c) and model.power(c).area is area]
        if old_order != new_order:
            lines.append(f"{area.file}: 调整了事项次序")
    for code, values in plan.values.items():
        old, row = model.power(code), plan.rows[code]
        if old is None:
            lines.append(f"{row.sheet}: 新增 {code} {values.get('事项名称', '')}")
            continue
        if sheet_title(old.area) != row.sheet:
            lines.append(f"{old.file}: {code} 移到“{row.sheet}”")
        if values:
            lines.append(f"{old.file}: 修改 {code} 的 {'、'.join(values)}")
    return lines


def _check_in_copy(texts: dict[Path, str], data_dir: Path):
    """Write the edit into a copy of data/, fill cited articles there, and load it: the errors `check` would show."""
    with tempfile.TemporaryDirectory(prefix="lawmap-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        for file, text in texts.items():
            (copy / Path(file).resolve().relative_to(data_dir.resolve())).write_text(text, encoding="utf-8")
        filled_lines = fill(copy)
        report = load_project(copy).report
        shown = str(data_dir).rstrip("/")
        errors = [line.replace(str(copy), shown) for line in report.lines() if ": error: " in line]
        law_texts = {}
        for law in sorted((copy / "laws").glob("*.yaml")):
            original = data_dir / "laws" / law.name
            if law.read_bytes() != original.read_bytes():
                law_texts[original] = law.read_text(encoding="utf-8")
        filled = [(data_dir / "laws" / line.split(":")[0], line.split(": ", 1)[1])
                  for line in filled_lines if "补入" in line]
        return errors, law_texts, filled


def cmd_import(args) -> int:
    errors, changes = import_workbook(args.workbook, args.data_dir, args.dry_run)
    for line in guard.capped(errors) or changes or ["工作簿与数据一致，无需改动"]:
        print(line)
    if changes and not args.dry_run:
        print("已写入；请运行 python -m lawmap check 并预览后再提交")
    return 1 if errors else 0


def register(sub) -> None:
    cmd = sub.add_parser("import-xlsx", help="把编辑过的权责清单 Excel 读回 data/areas/")
    cmd.add_argument("workbook", help="由 export-xlsx 导出的 .xlsx 文件")
    cmd.add_argument("--data-dir", default="data")
    cmd.add_argument("--dry-run", action="store_true", help="只检查并列出改动，不写文件")
    cmd.set_defaults(func=cmd_import)
