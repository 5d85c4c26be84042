"""Reproducible builds and the offline copy: same commit → same bytes; the offline zip references no other host
(tests/browser/test_opendata_offline.py opens it in a browser from file://)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from builds import offline_env, run_build

ROOT = Path(__file__).resolve().parent.parent
# Hosts named in the JavaScript Material ships, none of them fetched by this site: unpkg.com (a ResizeObserver
# polyfill for browsers without one; mermaid, for pages with diagrams — there are none) and api.github.com
# (repository facts, only with repo_url — not set) in the bundle; clipboardjs.com, lunrjs.com and tartarus.org in
# licence comments; bit.ly in a console message about a bad query. The browser test confirms no request leaves file://.
MATERIAL_NAMED_HOSTS = {"unpkg.com", "api.github.com", "clipboardjs.com", "lunrjs.com", "tartarus.org", "bit.ly"}
LOADING_ATTRS = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed|object|input|track)\b[^>]*?\s(src|href|srcset|poster|data)"
    r"\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)", re.I)
CSS_REMOTE = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])\s*((?:https?:)?//[^\"')\s]+)", re.I)
JS_URL = re.compile(r"https?://([A-Za-z0-9.-]+)")


def build(out: Path, data_dir: Path, factory, *, offline: bool = False, site_url: str = ""):
    env = dict(offline_env(), LAWMAP_DATA_DIR=str(data_dir), LAWMAP_SITE_URL=site_url)
    if offline:
        command = [sys.executable, "-m", "lawmap", "build-offline", str(out), "--data-dir", str(data_dir)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    done = run_build(factory, " ".join(command[2:4]) + f" {data_dir}", command, env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(site_data_dir, tmp_path, tmp_path_factory):
    for name in ("first", "second"):  # with site_url set, as published, so the sitemap carries its dates
        build(tmp_path / name, site_data_dir, tmp_path_factory, site_url="https://example.org/lawmap/")
    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    commit_day = subprocess.run(["git", "log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d"], cwd=site_data_dir,
                                env=dict(os.environ, TZ="UTC"), capture_output=True, text=True).stdout.strip()
    assert f"<lastmod>{commit_day}</lastmod>".encode() in first["sitemap.xml"]  # the commit's date, not the clock


def test_the_offline_zip_is_reproducible(site_data_dir, offline_zip, tmp_path, tmp_path_factory):
    build(tmp_path / "second.zip", site_data_dir, tmp_path_factory, offline=True)  # same env as the session's zip
    assert offline_zip.read_bytes() == (tmp_path / "second.zip").read_bytes()


def test_offline_html_and_css_load_nothing_from_another_host(offline_site):
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 20
    remote = [(p.name, m[3]) for p in pages for m in LOADING_ATTRS.finditer(p.read_text(encoding="utf-8"))]
    remote += [(p.name, m[1]) for p in offline_site.rglob("*.css") for m in CSS_REMOTE.finditer(p.read_text("utf-8"))]
    assert remote == []
    assert all("unpkg.com" not in p.read_text(encoding="utf-8") for p in pages)  # the search shim is served locally


def loaded_scripts(site: Path) -> set[Path]:
    """Every script a page loads (<script src>), plus Material's search worker. (404.html alone uses root paths
    "/assets/…": a server's error page, never opened from disk.)"""
    found = set(site.glob("assets/javascripts/workers/*.js"))
    for page in site.rglob("*.html"):
        for src in re.findall(r'<script[^>]+src="([^"/][^"]*)"', page.read_text(encoding="utf-8")):
            found.add((page.parent / src.split("?")[0]).resolve())
    return found


def test_offline_javascript_names_no_host_but_materials_unused_fallbacks(offline_site):
    scripts = loaded_scripts(offline_site)
    assert any(p.name.startswith("bundle.") for p in scripts) and all(p.is_file() for p in scripts)
    hosts = {host for p in scripts for host in JS_URL.findall(p.read_text(encoding="utf-8", errors="replace"))}
    assert hosts <= MATERIAL_NAMED_HOSTS
    pages = [p.read_text(encoding="utf-8") for p in offline_site.rglob("*.html")]
    assert not any('class="mermaid"' in html or "md-source" in html for html in pages)


def test_offline_links_open_pages_not_folders(offline_site):
    html = (offline_site / "powers" / next(iter(sorted(p.name for p in (offline_site / "powers").iterdir())))
            / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]*)', html)
    directory_links = [h for h in links if h and not re.match(r"[a-z]+:", h) and (h.endswith("/") or h in (".", ".."))]
    assert directory_links == []
    assert "../../list/index.html" in links
