"""Chinese search for the site: the jieba user dictionary built from the data (handed to Material's search plugin
before it configures itself), key terms kept whole in the index, hub pages ranked first, and the one rewrite of
search/search_index.json after the build (plain UTF-8, and index.html locations for the offline copy)."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from lawmap.site.search_terms import mark_shadowing, mark_tags, shadowing_prefixes, user_dict
from lawmap.synonyms import everyday_words

SEARCH_BOOSTS = {"area": 3.0, "power-on-application": 1.5}


def search_plugin(config):
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


def set_user_dict(config, model) -> None:
    """Before the search plugin's own on_config reads jieba_dict_user."""
    search = search_plugin(config)
    if search is not None:
        search.config["jieba_dict_user"] = str(_write_user_dict(user_dict(model)))


def keep_terms_whole(config, model) -> None:
    """After the search plugin is set up: index key terms so the client keeps them whole (see search_terms)."""
    index = getattr(search_plugin(config), "search_index", None)
    if index is None or not hasattr(index, "_segment_chinese"):
        return
    segment = getattr(index._segment_chinese, "__wrapped__", index._segment_chinese)
    prefixes = shadowing_prefixes(model)

    def segment_and_mark(data):
        return mark_shadowing(segment(data), prefixes)
    segment_and_mark.__wrapped__ = segment
    index._segment_chinese = segment_and_mark


def boost(page, model) -> None:
    """Rank hub pages first: a 分图 before the items and laws it gathers, services before other items; a card's
    codes and the everyday words for it (data/synonyms.yaml) are its search tags, so a 事项编码 or 低保 finds its
    card first."""
    src = page.file.src_uri
    kind = None
    if src.startswith("areas/"):
        kind = "area"
    elif src.startswith("powers/"):
        power = model.power(src[len("powers/"):-len(".md")])
        if power is not None:
            words = mark_tags(everyday_words(model, power), model)  # 低保 → 最低生活保障金给付 (data/synonyms.yaml)
            page.meta.setdefault("tags", [c for c in (power.code, power.service_code) if c] + words)
            kind = "power-on-application" if power.on_application else None
    if kind:
        page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOSTS[kind])


def rewrite_index(site_dir: str, fix_location=None) -> None:
    """The one rewrite of search/search_index.json: plain UTF-8 instead of \\uXXXX (first load −20% gzipped,
    benchmarks/README.md), and each location passed through fix_location (the offline copy's index.html links)."""
    index = Path(site_dir) / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    if fix_location is not None:
        for doc in data.get("docs", []):
            doc["location"] = fix_location(doc["location"])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
