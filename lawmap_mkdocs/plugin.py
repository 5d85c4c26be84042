"""The `lawmap` MkDocs plugin: validates the data before anything renders, names the site after the agency in the
data, adds one generated page per model page plus the open data, and guards the output against personal data
(guard.py: each file scanned where it is produced).

State lives on the plugin object (MkDocs keeps it across `mkdocs serve` rebuilds because it has on_startup): the
model is reloaded only when a data file changed; the build facts (commit, dates, history) are computed once per
build and passed to every page and export. Each generated page is rendered once, by its renderer in lawmap.site
(pages.py): neither mkdocs-macros nor Markdown passes over it again, so data never reaches Jinja as template text.
Hand-written pages in docs/ reach the same renderers through mkdocs-macros (macros.py).
"""
from __future__ import annotations

import gc
import os
from functools import partial
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from lawmap import pii
from lawmap.exports.facts import BuildFacts
from lawmap.loader import Project
from lawmap.provenance import data_as_of
from lawmap.site import all_pages
from lawmap.site import render as render_page
from lawmap.site.tables import label_tables

from . import opendata, pages, search, state
from .guard import PiiGuard

OFFLINE_PLUGINS = ("material/offline", "offline")


class LawmapConfig(base.Config):
    data_dir = c.Type(str, default="data")  # relative to mkdocs.yml; tests pick another via !ENV [LAWMAP_DATA_DIR, data]
    offline = c.Type(bool, default=False)  # the file:// copy (python -m lawmap build-offline sets LAWMAP_OFFLINE=true)
    # pagefind: Pagefind's chunked index and the site's own search box; lunr: Material's search (always so in the
    # offline copy: Pagefind fetches its files, which Chromium refuses on file://); both: the benchmark's build
    search = c.Choice(("pagefind", "lunr", "both"), default="pagefind")


class LawmapPlugin(BasePlugin[LawmapConfig]):
    def __init__(self):
        self.project: Project | None = None
        self.facts: BuildFacts | None = None
        self.data_dir: Path | None = None
        self._signature: tuple | None = None
        self._saved_epoch: str | None = None
        self._pinned = False
        self.guard: PiiGuard | None = None

    def on_startup(self, *, command, dirty):
        """Defined so MkDocs keeps this object (and its loaded model) across `mkdocs serve` rebuilds."""

    @property
    def model(self):
        return self.project.model

    @event_priority(100)  # first: the data is checked, and the search plugin gets its dictionary before it reads it
    def on_config(self, config):
        self.data_dir = (Path(config.config_file_path).parent / self.config.data_dir).resolve()
        signature = state.data_signature(self.data_dir)
        if self.project is None or signature != self._signature:
            self.project, self._signature = None, None
            gc.unfreeze()  # the previous model (mkdocs serve) may be collected again
            self.project = state.load_checked(self.data_dir)  # fails the build early, listing every data problem
            gc.freeze()  # the model lives as long as the build: the cyclic GC need not scan it again and again
            self._signature = signature
        agency = self.model.agency
        # title, header, nav, 404 page, <meta description>: escaped here, as the theme prints them unescaped in places
        config.site_name = escape(agency.data["site"]["title"])
        config.site_description = escape(agency.data["site"]["description"])
        self._restore_build_date()  # the build facts are computed against the caller's environment, not our pin
        self.facts = BuildFacts.of(self.model, self.data_dir)
        self.model.drop_loaded_data()  # held for the history only: a tenth of the build's memory at 100×
        self._pin_build_date()
        self.guard = PiiGuard(pii.Allowed.from_agency(agency.data))  # a new one per build (mkdocs serve rebuilds)
        search.set_user_dict(config, self.model)
        search.choose(config, self.search_mode)
        for name in OFFLINE_PLUGINS:
            if name in config.plugins:
                config.plugins[name].config.enabled = self.config.offline
        return config

    @property
    def search_mode(self) -> str:
        return "lunr" if self.config.offline else self.config.search

    def _pin_build_date(self) -> None:
        """MkDocs dates the sitemap from SOURCE_DATE_EPOCH: for this build only it is the data commit's date (unless
        the caller set it), and it is restored after the build, so the next `mkdocs serve` rebuild computes anew."""
        self._restore_build_date()  # a build that ended without on_post_build/on_build_error left its pin
        self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        self._pinned = True
        if not (self._saved_epoch or "").strip():
            os.environ["SOURCE_DATE_EPOCH"] = str(self.facts.provenance.build_epoch)

    def _restore_build_date(self) -> None:
        if not self._pinned:
            return
        self._pinned = False
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch

    def on_pre_build(self, *, config):
        if self.config.offline:
            opendata.offline_config(config)  # after Material's offline plugin set its own defaults
        search.keep_terms_whole(config, self.model)

    def on_files(self, files, *, config):
        titles = pages.nav_titles(config.nav)
        for page in all_pages(self.model):
            if files.get_file_from_path(page.src_uri) is None:  # a file in docs/ takes the place of a generated one
                file = File.generated(config, page.src_uri, content=f"<!-- lawmap: {page.kind} {page.key} -->\n")
                files.append(file)
                source = partial(self.render, page.kind, page.key)
                pages.GeneratedPage(titles.get(page.src_uri), file, config, source)  # sets file.page
        opendata.add_files(files, config, self.model, self.facts, self.config.offline,  # api/v1/, feeds, downloads
                           scan=self.guard.scan)
        return files

    def on_env(self, env, *, config, files):
        """The footer's facts for the theme (overrides/partials/copyright.html): the data's commit, as the API's."""
        provenance = self.facts.provenance
        env.globals["lawmap_footer"] = {
            "agency": self.model.agency.name, "as_of": data_as_of(self.model),
            "version": provenance.build_time.strftime("%Y-%m-%d"),  # the data's last change, shown instead of a hash
            "commit": provenance.source_commit, "changes": "open-data/changes/"}
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        search.boost(page, self.model)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        """Label table cells with their column names, so tables read as cards on a phone (lawmap/site/tables.py);
        the search tags for Pagefind; the content scanned for personal data (guard.py)."""
        html = label_tables(html)
        if not page.toc and not isinstance(page, pages.GeneratedPage):  # a hand-written page whose sections a
            page.toc = pages.toc_and_title(html)[0]  # renderer wrote (docs/index.md): its toc from their headings
        html = html + search.tags_html(page) if self.search_mode != "lunr" else html
        self.guard.scan_content(page, html)
        return html

    def render(self, kind: str, key: str = "") -> str:
        """One generated page (or page section): for GeneratedPage and for macros.py."""
        return render_page(self.model, kind, key, self.facts)

    @event_priority(-100)  # last: the page as it is written
    def on_post_page(self, output, *, page, config):
        self.guard.scan_page(page, output)
        return output

    @event_priority(-50)  # after the search plugin wrote its index, before Material's offline plugin inlines it
    def on_post_build(self, *, config):
        try:
            if self.config.offline:
                opendata.link_index_html(config["site_dir"])
            search.rewrite_index(config["site_dir"], opendata.index_location if self.config.offline else None)
            if self.search_mode != "lunr":
                search.run_pagefind(config["site_dir"])
            self.guard.scan_rest(config["site_dir"])  # last: every file is written by now
            self.guard.fail_if_found(config["site_dir"])
        finally:
            self._restore_build_date()

    def on_build_error(self, *, error):
        self._restore_build_date()
