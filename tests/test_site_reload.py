"""`mkdocs serve` shows a data edit on reload: mkdocs watches data/, and the plugin's loaded model notices the change."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def test_mkdocs_watches_the_data_folder():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "data" in config["watch"]


def test_a_data_edit_shows_on_the_next_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["lawmap"]
    plugin.config["data_dir"] = str(data)
    plugin.on_config(config)
    before = plugin.render("power", "T-CF-001")
    area = data / "areas" / "zuzhi.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace("对社会团体违法行为的行政处罚", "改过名字的处罚事项"),
                    encoding="utf-8")
    stat = area.stat()
    os.utime(area, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    config = load_config(str(ROOT / "mkdocs.yml"))  # what mkdocs serve does on the next rebuild
    assert config.plugins["lawmap"] is plugin  # kept across rebuilds (it has on_startup), with its loaded model
    plugin.config["data_dir"] = str(data)
    plugin.on_config(config)
    after = plugin.render("power", "T-CF-001")
    plugin.on_build_error(error=None)  # the build ends (restores SOURCE_DATE_EPOCH)
    assert "对社会团体违法行为的行政处罚" in before and "改过名字的处罚事项" in after
