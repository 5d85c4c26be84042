"""MkDocs hooks for the account-map pages: the jieba user dictionary built from the data (handed to Material's
search plugin before it configures itself) and the footer facts (data as-of date, source commit) for the theme."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads hooks by path: make the repo importable

from mkdocs.plugins import event_priority  # noqa: E402

from lawmap.exports.meta import build_epoch  # noqa: E402
from lawmap.provenance import data_as_of, source_commit  # noqa: E402
from lawmap.synonyms import everyday_words  # noqa: E402
from lawmap.site.search_terms import mark_shadowing, mark_tags, shadowing_prefixes, user_dict  # noqa: E402
from lawmap.site.tables import label_tables  # noqa: E402
from lawmap_mkdocs import state  # noqa: E402


def _search_plugin(config):
    return next((p for name, p in config.plugins.items() if name in ("material/search", "search")), None)


def _write_user_dict(text: str) -> Path:
    """One file per dictionary content, written atomically: parallel builds never read a half-written file."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"lawmap-jieba-{digest}.txt"
    if not path.exists():
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(text)
        os.replace(tmp.name, path)
    return path


@event_priority(100)  # before Material's search plugin reads jieba_dict_user in its own on_config
def on_config(config):
    project = state.project(config)
    search = _search_plugin(config)
    if search is not None:
        search.config["jieba_dict_user"] = str(_write_user_dict(user_dict(project.model)))
    version = dt.datetime.fromtimestamp(build_epoch(project.model, state.data_dir(config)), dt.timezone.utc)
    config.extra["lawmap_footer"] = {
        "agency": project.model.agency.name if project.model.agency else "",
        "as_of": data_as_of(project.model),
        "version": version.strftime("%Y-%m-%d"),  # the date of the data's last change, shown instead of a commit hash
        "commit": source_commit(Path(config["config_file_path"]).parent),
        "changes": "open-data/changes/",
    }
    return config


def on_pre_build(config):
    """After the search plugin is set up: index key terms so the client keeps them whole (see search_terms)."""
    search = _search_plugin(config)
    index = getattr(search, "search_index", None)
    if index is None or not hasattr(index, "_segment_chinese"):
        return
    segment = getattr(index._segment_chinese, "__wrapped__", index._segment_chinese)
    prefixes = shadowing_prefixes(state.project(config).model)

    def segment_and_mark(data):
        return mark_shadowing(segment(data), prefixes)
    segment_and_mark.__wrapped__ = segment
    index._segment_chinese = segment_and_mark


SEARCH_BOOSTS = {"area": 3.0, "power-on-application": 1.5}


def on_page_markdown(markdown, page, config, files):
    """Rank hub pages first in search: a 分图 before the items and laws it gathers, services before other items;
    a card's codes and the everyday words for it (data/synonyms.yaml) are its search tags, so a 事项编码 or 低保 finds
    its card first."""
    src = page.file.src_uri
    kind = None
    if src.startswith("areas/"):
        kind = "area"
    elif src.startswith("powers/"):
        power = state.current(config).model.power(src[len("powers/"):-len(".md")])
        if power is not None:
            model = state.current(config).model
            words = mark_tags(everyday_words(model, power), model)  # 低保 → 最低生活保障金给付 (data/synonyms.yaml)
            page.meta.setdefault("tags", [c for c in (power.code, power.service_code) if c] + words)
            kind = "power-on-application" if power.on_application else None
    if kind:
        page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOSTS[kind])
    return markdown


def on_page_content(html, page, config, files):
    """Label table cells with their column names, so tables read as cards on a phone (lawmap/site/tables.py)."""
    return label_tables(html)
