"""The two extra MkDocs configs the benchmark builds with, both derived from the repository's mkdocs.yml.

- capture: the real config plus benchmarks/capture_hook.py (dumps every rendered page and file as plain files);
- plain: the same theme, Markdown extensions, nav and search over those plain files (Material's search, or the same
  Pagefind run when the site used Pagefind: pagefind_hook.py), with the data layer off — no lawmap plugin, no
  mkdocs-macros — and the values the plugin would have set (names, search box CSS/JS) written in directly.
Relative paths of the original become absolute, so both configs can live in a temp dir.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
DATA_LAYER_PLUGINS = {"macros", "lawmap"}


def _original() -> dict:
    with (ROOT / "mkdocs.yml").open("rb") as handle:
        return yaml_load(handle)


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _absolute(config: dict) -> dict:
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.pop("watch", None)
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "macros" in entry:
            entry["macros"]["module_name"] = str(ROOT / entry["macros"].get("module_name", "main"))
    return config


def write_capture(path: Path, data_dir: Path) -> Path:
    config = _absolute(_original())
    config["hooks"].append(str(ROOT / "benchmarks" / "capture_hook.py"))
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "lawmap" in entry:
            entry["lawmap"]["data_dir"] = str(data_dir)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_plain(path: Path, plain_dir: Path) -> Path:
    """The config for the plain build, from the original and what capture_hook.py recorded in plain_dir."""
    captured = json.loads((plain_dir / "config.json").read_text(encoding="utf-8"))
    config = _absolute(_original())
    config["docs_dir"] = str(plain_dir / "docs")
    pagefind = not captured.get("search_enabled", True)  # the site searched with Pagefind, not Material's search
    config["hooks"] = [str(ROOT / "benchmarks" / "pagefind_hook.py")] if pagefind else []
    plugins = []
    for entry in config.get("plugins", []):
        name = _plugin_name(entry)
        if name in DATA_LAYER_PLUGINS:
            continue
        if name in ("search", "material/search"):
            options = dict(entry[name] if isinstance(entry, dict) else {})
            if captured.get("jieba_dict_user"):
                options["jieba_dict_user"] = captured["jieba_dict_user"]
            entry = {name: dict(options, enabled=not pagefind)}
        plugins.append(entry)
    config["plugins"] = plugins
    config["extra_css"], config["extra_javascript"] = captured["extra_css"], captured["extra_javascript"]
    config["extra"] = captured["extra"]
    config["site_name"], config["site_description"] = captured["site_name"], captured["site_description"]
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
