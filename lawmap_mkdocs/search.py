"""Chinese search for the site. The web site: Pagefind's chunked index of the built pages (each card's search tags
and boost as hidden Pagefind text/meta) and the site's own search box. The offline copy: Material's lunr search
with the jieba user dictionary built from the data, key terms kept whole, hub pages ranked first, and the one
rewrite of search/search_index.json after the build (plain UTF-8, index.html locations)."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import Abort

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


def choose(config, mode: str) -> None:
    """Before the search plugin's own on_config: Material's search on or off; with Pagefind, the site's search box
    (assets/lm-search.js) and its ranking for the page (overrides/main.html prints config.extra.lm_search)."""
    material = search_plugin(config)
    if material is not None:
        material.config["enabled"] = mode != "pagefind"
    if mode != "lunr":
        config.extra["lm_search"] = {"ranking": PAGEFIND_RANKING, "rerank": PAGEFIND_RERANK}
        config.extra_css.append("assets/lm-search.css")
        config.extra_javascript.append("assets/lm-search.js")


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


def tags_html(page) -> str:
    """A page's search tags as hidden text for Pagefind, which reads the HTML: a card's codes and everyday words
    (weighted above a heading, and kept as the `tags` meta), and the boost Material gives the page (the `boost` meta,
    for a client that re-ranks). Material's index has both already, so it skips this element."""
    tags = [t.replace("\u2060", "") for t in (page.meta.get("tags") or [])]
    boost = page.meta.get("search", {}).get("boost")
    html = ""
    if tags:
        html += (f'\n<div class="lm-search-tags" hidden data-search-exclude data-pagefind-meta="tags" '
                 f'data-pagefind-weight="10">{escape(" ".join(tags))}</div>')
    if boost:
        html += f'\n<span hidden data-search-exclude data-pagefind-meta="boost:{float(boost)}"></span>'
    return html


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


# Pagefind's client ranking that ranked best on benchmarks/search.py's queries: long pages (laws, 依据查询) are
# penalised less than by default, a query word in the title counts strongly
PAGEFIND_RANKING = {"pageLength": 0.3, "metaWeights": {"title": 20.0}}
PAGEFIND_RERANK = 8  # the first results the page re-ranks (title/tag holds the whole query, then boost)
PAGEFIND_ROOT = "article.md-content__inner"  # the page's own text: no nav, header, footer
PAGEFIND_EXCLUDE = "[data-search-exclude]:not([data-pagefind-meta]), .headerlink"  # 示例 notice, quoted law text, ¶


def pagefind_command(site_dir) -> list[str]:
    """The Pagefind (extended: segments Chinese) run over the built site: writes site_dir/pagefind/."""
    from pagefind_bin_extended import get_executable
    return [str(get_executable()), "--site", str(site_dir), "--root-selector", PAGEFIND_ROOT,
            "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"]


def run_pagefind(site_dir) -> None:
    """The Pagefind index of the built site, for the search benchmark; its output ends the build if it fails."""
    done = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Abort(f"Pagefind failed:\n{done.stdout}{done.stderr}")
