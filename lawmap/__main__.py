"""Command line: `python -m lawmap check [DATA_DIR]`, `quote`, and the staff tools; each reads the same model."""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path


# Set when run as a program: the loaded model is then kept to the end and the process exits without freeing it
# object by object (a tenth of `check`'s time at 10× the data); a caller of main() gets the normal behaviour.
_KEPT_FOR_FAST_EXIT: list | None = None


def summary(project) -> list[str]:
    model, report = project.model, project.report
    by_type = Counter(p.type for p in model.powers)
    refs = [r for r in model.all_refs() if r.resolved]
    articles = {(r.law_id, r.version_id, r.at.article) for r in refs}
    return [
        f"领域 {len(model.areas)} 个，事项 {len(model.powers)} 项：" + "，".join(f"{t} {n}" for t, n in sorted(by_type.items())),
        f"法律法规 {len(model.laws)} 部，被引用条文 {len(articles)} 条，引用 {len(refs)} 处",
        f"错误 {len(report.errors)} 个，警告 {len(report.warnings)} 个",
    ]


def cmd_check(args) -> int:
    from .loader import load_project
    project = load_project(args.data_dir, keep_area_files=False)
    if _KEPT_FOR_FAST_EXIT is not None:
        _KEPT_FOR_FAST_EXIT.append(project)
    for line in project.report.lines():
        print(line)
    for line in summary(project):
        print(line)
    return 1 if project.report.failed(args.strict) else 0


def cmd_quote(args) -> int:
    from .lawtext import article_yaml, load_reference
    articles = load_reference(Path(args.file))
    for number in args.articles:
        if number not in articles:
            print(f"{args.file}: 没有第{number}条", file=sys.stderr)
            return 1
        print(article_yaml(articles[number]))
    return 0


BUILT_IN = ("check", "quote")


def parser(extra: bool = True) -> argparse.ArgumentParser:
    """The CLI; with extra=False only the built-in commands (their start-up skips openpyxl, ruamel and MkDocs)."""
    p = argparse.ArgumentParser(prog="python -m lawmap", description="法治账图数据工具")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查 data/ 中的全部数据")
    check.add_argument("data_dir", nargs="?", default="data")
    check.add_argument("--strict", action="store_true", help="警告也视为失败")
    check.set_defaults(func=cmd_check)
    quote = sub.add_parser("quote", help="从参考文本打印条文的 YAML（供粘贴进 data/laws/*.yaml）")
    quote.add_argument("file")
    quote.add_argument("articles", nargs="+", type=int)
    quote.set_defaults(func=cmd_quote)
    for register in _extra_commands() if extra else ():
        register(sub)
    return p


def _extra_commands():
    """Sub-commands contributed by other modules (exports, staff tools) — each a `register(subparsers)`."""
    from . import commands
    return commands.REGISTER


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(extra=not argv or argv[0] not in BUILT_IN).parse_args(argv)
    return args.func(args)


def run_as_program() -> None:
    global _KEPT_FOR_FAST_EXIT
    _KEPT_FOR_FAST_EXIT = []
    code = main()
    if _KEPT_FOR_FAST_EXIT:  # only `check` keeps its model: nothing of it needs tearing down (no files, no atexit)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run_as_program()
