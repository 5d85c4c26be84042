"""`python -m lawmap fill-articles`: add every cited article that a law file lacks, quoted from its reference text.

Staff cite 条/款/项 in the area files; this copies exactly those articles (and no others) from the reference
file named by the version's `reference`, assigning 款 ids k1, k2 … once. Existing articles are never touched,
so ids stay stable; `--prune` drops articles nothing cites. Comments and key order are kept (ruamel.yaml).
"""
from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..lawtext import RefArticle, load_reference
from ..loader import load_project
from ..quotes import DEFAULT_REFERENCE_DIR, reference_dir, reference_file  # noqa: F401  (the folder, one rule)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _article_map(article: RefArticle) -> CommentedMap:
    paras = CommentedSeq()
    for index, para in enumerate(article.paras, 1):
        entry = CommentedMap(id=f"k{index}", text=para.text)
        if para.items:
            items = CommentedSeq()
            for number, text in enumerate(para.items, 1):
                item = CommentedMap(no=number, text=text)
                item.fa.set_flow_style()
                items.append(item)
            entry["items"] = items
        paras.append(entry)
    return CommentedMap(no=article.no, paras=paras)


def cited_articles(data_dir: Path) -> dict[tuple[str, str], set[int]]:
    model = load_project(data_dir).model
    refs = model.all_refs()
    cited: dict[tuple[str, str], set[int]] = {}
    for ref in refs:
        if ref.at is not None and not ref.at.whole:
            cited.setdefault((ref.law_id, ref.version_id), set()).add(ref.at.article)
    return cited


def fill(data_dir: Path, prune: bool = False) -> list[str]:
    """Returns one line per change made."""
    cited, changes, yaml = cited_articles(data_dir), [], _yaml()
    for path in sorted((data_dir / "laws").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        changed = False
        for version in data.get("versions", []):
            wanted = cited.get((data["id"], str(version["id"])), set())
            changed |= _fill_version(path, data, version, wanted, prune, changes)
        if changed:
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
    return changes


def _fill_version(path: Path, law, version, wanted: set[int], prune: bool, changes: list[str]) -> bool:
    articles = version.get("articles")
    if articles is None:
        articles = version["articles"] = CommentedSeq()
    have = {a["no"] for a in articles}
    changed = False
    if prune:
        for article in [a for a in articles if a["no"] not in wanted]:
            articles.remove(article)
            changes.append(f"{path.name}: {version['id']} 删去未引用的第{article['no']}条")
            changed = True
    missing = sorted(wanted - have)
    if missing and not version.get("reference"):
        changes.extend(f"{path.name}: {version['id']} 第{n}条无参考文本，须手工录入并核对" for n in missing)
        return changed
    if missing:
        ref_path, problem = reference_file(str(version["reference"]))
        if problem:  # `check` reports it at its line; here say why nothing was filled in
            changes.append(f"{path.name}: {version['id']} {problem}；第{'、'.join(map(str, missing))}条未补入")
            return changed
        reference = load_reference(ref_path)
        for number in missing:
            if number in reference:
                articles.append(_article_map(reference[number]))
                changes.append(f"{path.name}: {version['id']} 补入第{number}条")
                changed = True
            else:
                changes.append(f"{path.name}: {version['id']} 参考文本中没有第{number}条")
    if changed:
        articles.sort(key=lambda a: a["no"])
        if isinstance(articles, list) and not articles:
            version["articles"] = CommentedSeq()
    return changed


def register(sub) -> None:
    cmd = sub.add_parser("fill-articles", help="按数据中的引用，从参考文本补入缺少的条文")
    cmd.add_argument("data_dir", nargs="?", default="data")
    cmd.add_argument("--prune", action="store_true", help="同时删去没有任何引用的条文")
    cmd.set_defaults(func=lambda args: print("\n".join(fill(Path(args.data_dir), args.prune)) or "无需改动") or 0)
