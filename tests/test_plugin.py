"""The `lawmap` MkDocs plugin: installed by entry point, configured by typed options, the site named from the data,
and the build date pinned for one build only (a `mkdocs serve` rebuild computes it again)."""
from __future__ import annotations

import os
import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from lawmap_mkdocs.plugin import LawmapPlugin

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def test_the_plugin_is_installed_by_entry_point_and_mkdocs_yml_names_no_agency():
    assert any(ep.value == "lawmap_mkdocs.plugin:LawmapPlugin" for ep in entry_points(group="mkdocs.plugins", name="lawmap"))
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.BaseLoader)
    assert "hooks" not in config and "data_dir" not in config.get("extra", {})
    assert "遂宁" not in text and "site_description" not in config


@pytest.fixture
def plugin_and_config(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["lawmap"]
    assert isinstance(plugin, LawmapPlugin)
    plugin.config["data_dir"] = str(data)
    return plugin, config, data


def test_site_title_and_description_come_from_agency_yaml(plugin_and_config):
    plugin, config, _ = plugin_and_config
    plugin.on_config(config)
    plugin.on_build_error(error=None)
    assert config.site_name == "测试市民政局法治账图" and config.site_description == "测试市民政局权责清单"


def test_the_build_date_is_pinned_for_one_build_only(plugin_and_config):
    plugin, config, _ = plugin_and_config
    plugin.on_config(config)
    assert os.environ["SOURCE_DATE_EPOCH"] == str(plugin.facts.provenance.build_epoch)
    plugin.on_build_error(error=None)
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the next rebuild of mkdocs serve dates itself anew


def test_a_caller_set_build_date_is_kept(plugin_and_config, monkeypatch):
    plugin, config, _ = plugin_and_config
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    plugin.on_config(config)
    plugin.on_build_error(error=None)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1704067200" and plugin.facts.provenance.build_epoch == 1704067200


def test_offline_option_enables_materials_offline_plugin(plugin_and_config):
    plugin, config, _ = plugin_and_config
    plugin.config["offline"] = True
    plugin.on_config(config)
    plugin.on_build_error(error=None)
    assert config.plugins["material/offline"].config.enabled is True


def test_a_second_build_without_an_end_does_not_keep_the_first_builds_date(plugin_and_config):
    """mkdocs serve: a rebuild starts while the environment still holds the last build's pin."""
    plugin, config, _ = plugin_and_config
    plugin.on_config(config)
    plugin.on_config(config)
    plugin.on_build_error(error=None)
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_generated_pages_are_rendered_once_with_their_title_and_table_of_contents(built_site):
    """A generated page's HTML is written by its renderer and not passed through Markdown again (pages.py): the
    page still gets its <title>, its table of contents, and no Markdown syntax is left showing."""
    power = (built_site / "powers" / "SNMZ-XK-001" / "index.html").read_text(encoding="utf-8")
    assert "<title>社会团体成立、变更、注销登记及修改章程核准 - " in power
    toc = power[power.index('md-nav--secondary'):]
    assert 'href="#subitems" class="md-nav__link"' in toc and 'href="#bases" class="md-nav__link"' in toc
    report = (built_site / "disclosure" / "reports" / "2023" / "index.html").read_text(encoding="utf-8")
    assert 'href="#s2-1-1" class="md-nav__link"' in report[report.index('md-nav--secondary'):]  # an <h4> nested
    for page in built_site.rglob("index.html"):
        article = page.read_text(encoding="utf-8").split("<article", 1)[-1]
        assert "<p>#" not in article and "{#" not in article, page
