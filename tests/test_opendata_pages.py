"""The 开放数据 page and the 调整记录 page as a reader sees them: links that work, field tables, history states."""
from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from builds import run_build
from lawmap.exports.meta import SCHEMA_VERSION
from lawmap.site import opendata_page
from test_history import git, repo  # noqa: F401  (the synthetic repository fixture)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minimal"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def article(page: Path) -> str:
    """The page's main content, character references decoded (the escaper writes "-" as &#45;)."""
    html = page.read_text(encoding="utf-8")
    return html_lib.unescape(html[html.index("<article"):html.index("</article>")])


def hrefs(page: Path) -> list[str]:
    parser = Links()
    parser.feed(article(page))
    return parser.hrefs


def target(page: Path, href: str) -> Path:
    path = (page.parent / href.split("#")[0]).resolve()
    return path / "index.html" if path.is_dir() else path


def test_the_open_data_page_links_every_published_file_and_every_link_works(built_site):
    page = built_site / "open-data" / "index.html"
    links = [h for h in hrefs(page) if not h.startswith("#")]
    for href in links:
        assert target(page, href).is_file(), href
    linked = {target(page, h).relative_to(built_site.resolve()).as_posix() for h in links}
    expected = {"api/v1/powers.json", "api/v1/areas.json", "api/v1/laws.json", "api/v1/disclosures.json",
                "downloads/quanze-qingdan.csv", "downloads/quanze-qingdan.xlsx", "feed.xml", "feed-disclosures.xml",
                "open-data/changes/index.html"}
    expected |= {f"api/v1/schema/{p.name}" for p in (ROOT / "schema" / "api").glob("*.schema.json")}
    assert expected <= linked
    assert any(re.fullmatch(r"api/v1/powers/[^/]+\.json", p) for p in linked)


def test_the_field_tables_list_exactly_the_schema_fields(built_site):
    html = article(built_site / "open-data" / "index.html")
    for sid, _title, schema_name, path in opendata_page.STRUCTURES:
        section = html[html.index(f'id="{sid}"'):]
        body = section[section.index("<tbody>"):section.index("</tbody>")]
        names = re.findall(r"<tr><td[^>]*><code>([^<]+)</code></td>", body)  # cells carry data-label (phone cards)
        schema = opendata_page.schema(schema_name)
        for step in path:
            schema = schema[step]
        assert names == [k for k in schema["properties"] if k != "$schema"], sid


def test_the_open_data_page_shows_provenance_and_the_api_changelog(built_site):
    html = article(built_site / "open-data" / "index.html")
    assert f"接口版本</th><td>{SCHEMA_VERSION}</td>" in html
    as_of = yaml.safe_load((ROOT / "data" / "agency.yaml").read_text(encoding="utf-8"))["as_of"]
    assert f"数据截至</th><td>{as_of}</td>" in html and as_of == "2024-09-05"  # the date the cited versions hold
    assert "SOURCE_DATE_EPOCH" in html
    assert re.search(f"<tr><td[^>]*>{re.escape(SCHEMA_VERSION)}</td>", html[html.index('id="changelog"'):])


@pytest.mark.xdist_group("history-repo")  # one worker makes the repository and builds it (-n 2 --dist loadgroup)
def test_the_changes_page_shows_each_commit_with_its_changes(repo, build_site):  # noqa: F811
    site = build_site(repo / "data")
    page = site / "open-data" / "changes" / "index.html"
    html = article(page)
    shorts = git(repo, "log", "--format=%h", "--abbrev=8", "--", "data/areas").split()
    assert re.findall(r'<h2 id="c([0-9a-f]{8})"', html) == shorts
    assert "调整记录不完整" not in html and "暂不可用" not in html
    adjusted = html[html.index(f'id="c{shorts[1]}"'):html.index(f'id="c{shorts[2]}"')]
    assert "依据" in adjusted and "第三十条第一款第（四）项" in adjusted and "第三十条第一款第（一）项" in adjusted
    assert target(page, next(h for h in hrefs(page) if "T-CF-001" in h)) == \
        (site / "powers" / "T-CF-001" / "index.html").resolve()
    assert not any("T-XK-001" in h for h in hrefs(page))  # removed: no card to link to


@pytest.mark.xdist_group("history-repo")  # one worker makes the repository and builds it (-n 2 --dist loadgroup)
def test_a_shallow_clone_says_its_history_is_partial(repo, build_site, tmp_path_factory):  # noqa: F811
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git(clone.parent, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    html = article(build_site(clone / "data") / "open-data" / "changes" / "index.html")
    assert "调整记录不完整" in html and "浅克隆" in html
    assert len(re.findall(r'<h2 id="c', html)) == 1


def test_without_git_the_page_says_so_and_the_build_warns_but_succeeds(tmp_path, tmp_path_factory):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(data), PATH=_path_without_git())
    done = run_build(tmp_path_factory, f"mkdocs build {data} (no git)",
                     [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], env)
    assert done.returncode == 0, done.stderr
    assert "WARNING -  lawmap: 无法读取 git 历史" in done.stderr
    html = article(tmp_path / "site" / "open-data" / "changes" / "index.html")
    assert "调整记录暂不可用" in html


def _path_without_git() -> str:
    """PATH with every directory holding a `git` left out (the no-git machine)."""
    keep = [d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not (Path(d) / "git").exists()]
    return os.pathsep.join(keep)
