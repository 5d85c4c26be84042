"""One engine, any agency: the 射洪市民政局 example data (tests/fixtures/shehong) builds with nothing changed in code,
templates or mkdocs.yml, every page kind renders, and no published file names the first agency (遂宁市民政局)."""
from __future__ import annotations

import gzip
import html
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builds import run_build
from lawmap.loader import load_project
from lawmap.site import all_pages, links
from site_html import content, page, text

ROOT = Path(__file__).resolve().parent.parent
SHEHONG = Path(__file__).parent / "fixtures" / "shehong"
FIRST_AGENCY = ("遂宁", "SNMZ")
MODEL = load_project(SHEHONG).model
ONE_PAGE_PER_KIND = {}
for _page in all_pages(MODEL):
    ONE_PAGE_PER_KIND.setdefault(_page.kind, _page)


@pytest.fixture(scope="session")
def shehong_site(build_site) -> Path:
    return build_site(SHEHONG)


def _texts(path: Path):
    """(name, text) of a published file; the members of a zip (xlsx), a .gz decompressed."""
    if path.suffix in (".xlsx", ".zip"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield f"{path}!{name}", archive.read(name).decode("utf-8", "ignore")
        return
    data = gzip.decompress(path.read_bytes()) if path.suffix in (".gz", ".pf_fragment") else path.read_bytes()
    yield str(path), data.decode("utf-8", "ignore").removeprefix("pagefind_dcd")  # Pagefind's result fragments


def _fragment(path: Path) -> dict:
    """One Pagefind search result as the browser reads it."""
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd"))


def test_the_second_data_set_is_clean():
    report = load_project(SHEHONG).report
    assert report.lines() == []


def test_no_published_file_names_the_first_agency(shehong_site):
    """Pages, 404, search index, API, feeds, CSV/XLSX downloads, sitemap and footer."""
    found = []
    checked = set()
    for path in sorted(p for p in shehong_site.rglob("*") if p.is_file()):
        if path.suffix in (".js", ".css", ".png", ".svg", ".woff", ".woff2", ".ico", ".map"):
            continue  # the theme's own assets
        for name, raw in _texts(path):
            checked.add(path.suffix)
            body = html.unescape(raw).replace("\u200b", "")  # word breaks in the search index
            try:
                body += json.dumps(json.loads(raw), ensure_ascii=False)  # \uXXXX escapes in JSON
            except ValueError:
                pass
            found += [(name, word) for word in FIRST_AGENCY if word in body]
    assert {".html", ".json", ".xml", ".csv", ".xlsx", ".gz", ".pf_fragment"} <= checked
    assert found == []


def test_404_page_search_index_and_feeds_name_the_second_agency(shehong_site):
    title = MODEL.agency.data["site"]["title"]
    assert f"<title>{title}" in (shehong_site / "404.html").read_text(encoding="utf-8")
    home = next(d for d in map(_fragment, (shehong_site / "pagefind" / "fragment").iterdir()) if d["url"] == "/")
    assert home["meta"]["title"].replace("\u200b", "") == title
    assert "射洪市民政局" in (shehong_site / "feed.xml").read_text(encoding="utf-8")
    meta = json.loads((shehong_site / "api" / "v1" / "powers.json").read_text(encoding="utf-8"))["meta"]
    assert meta["agency"] == "射洪市民政局"


@pytest.mark.parametrize("kind", sorted(ONE_PAGE_PER_KIND))
def test_every_page_kind_renders_for_the_second_agency(shehong_site, kind):
    src = ONE_PAGE_PER_KIND[kind].src_uri
    soup = page(shehong_site, links.page_url(src))
    assert soup.title.get_text().endswith(MODEL.agency.data["site"]["title"])
    assert "主办单位：射洪市民政局" in text(soup.select_one(".lm-footer"))
    assert text(content(soup))


def test_agency_facts_come_from_its_own_data(shehong_site):
    catalog = text(content(page(shehong_site, "disclosure/catalog/")))
    assert "SHMZGK-01-001" in catalog
    report_errors = text(content(page(shehong_site, "report-errors/")))
    assert "射洪市民政局（综合股）" in report_errors and "请以射洪市人民政府门户网站民政局栏目公布的为准" in report_errors
    guide = text(content(page(shehong_site, "disclosure/guide/")))
    assert "射洪市民政局综合股" in guide
    normative = text(content(page(shehong_site, "disclosure/normative/")))
    assert "通过了合法性审查" not in normative and "记录合法性审查已通过的 0 件" in normative
    index = text(content(page(shehong_site, "disclosure/")))
    assert "以射洪市人民政府门户网站民政局栏目公布的为准" in index
    inspections = text(content(page(shehong_site, "disclosure/inspections/")))
    assert "分类行政检查事项 2 项" in inspections and "3（报告 一）" in inspections


def test_checks_that_use_report_figures_run_on_the_second_agency(tmp_path):
    data = shutil.copytree(SHEHONG, tmp_path / "data")
    report = data / "disclosure" / "reports" / "2024.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 2\n", "value: 5\n", 1)
                      .replace("  means: 从轻处罚清单事项数\n", ""), encoding="utf-8")
    lines = load_project(data).report.lines()
    assert any("分类检查事项目录有 2 项，年度报告为 5 项" in line for line in lines)
    assert any("2024年度报告没有 means: 从轻处罚清单事项数 的数字" in line and ": error: " in line for line in lines)


def test_a_missing_office_role_is_an_error_at_its_line(tmp_path):
    data = shutil.copytree(SHEHONG, tmp_path / "data")
    agency = data / "agency.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("  roles:\n  - 法制审核\n", ""), encoding="utf-8")
    lines = load_project(data).report.lines()
    offices_line = next(i for i, line in enumerate(agency.read_text(encoding="utf-8").splitlines(), 1)
                        if line.startswith("offices:"))
    assert lines == [f"{agency}:{offices_line}:1: error: agency.yaml 的科室中没有承担“法制审核”的科室：请在该科室下写 roles: [法制审核]"]


def test_new_power_suggests_the_agencys_own_prefix_and_level(tmp_path):
    data = shutil.copytree(SHEHONG, tmp_path / "data")
    done = subprocess.run([sys.executable, "-m", "lawmap", "new-power", "binzang-guanli", "--type", "行政处罚", "--print",
                           "--data-dir", str(data)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "如 SHMZ-CF-005" in done.stdout and "level: 县级" in done.stdout and "SNMZ" not in done.stdout


def test_the_footer_names_the_data_dirs_commit_as_the_api_does(tmp_path, tmp_path_factory):
    """Data kept outside the code's repository: the footer's 数据版本 is the data's commit, the same as the API's."""
    data = shutil.copytree(SHEHONG, tmp_path / "data")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=data, check=True)
    subprocess.run(git + ["add", "-A"], cwd=data, check=True)
    subprocess.run(git + ["commit", "-qm", "data"], cwd=data, check=True)
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=data, capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("LAWMAP_COMMIT", "SOURCE_DATE_EPOCH")}
    env.update(NO_MKDOCS_2_WARNING="1", LAWMAP_DATA_DIR=str(data))
    out = tmp_path / "site"
    done = run_build(tmp_path_factory, f"mkdocs build {data} (own git repository)",
                     [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], env)
    assert done.returncode == 0, done.stderr
    version = page(out, "").select_one(".lm-footer .lm-footer-version")
    api = json.loads((out / "api" / "v1" / "powers.json").read_text(encoding="utf-8"))["meta"]["source_commit"]
    assert version["data-commit"] == commit and api == commit
