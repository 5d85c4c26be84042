"""Findings that arrive with time do not stop publishing: data whose cited version was superseded by a newly recorded
version builds with `mkdocs build --strict`, the power page shows its banner, and 工作人员 → 待处理问题 lists the
finding with its file:line; `lawmap check --strict` still fails on it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builds import build_once
from site_html import content, page, text

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
NEW_VERSION = """  - id: "2024-01-01"
    promulgated: "2024-01-01"
    effective: "2024-01-01"
    status: 现行有效
    unchecked: "测试用的新版本"
    articles: []
"""


@pytest.fixture(scope="module")
def stale_data(tmp_path_factory) -> Path:
    """The minimal data set after a new version of its one law was recorded; the power still cites the old one.
    Made once per session (shared by xdist workers), so its site is built once too."""
    def make(data: Path) -> None:
        shutil.copytree(MINIMAL, data)
        law = data / "laws" / "shetuan-tiaoli.yaml"
        old = law.read_text(encoding="utf-8")
        new = old.replace("    status: 现行有效\n", '    status: 已修改\n    superseded_by: "2024-01-01"\n', 1)
        law.write_text(new + NEW_VERSION, encoding="utf-8")
    return build_once(tmp_path_factory, "data: minimal with a superseded cited version", make)


def check(data: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawmap", "check", str(data), *flags], capture_output=True, text=True,
                          cwd=ROOT)


def stale_warnings(data: Path) -> list[str]:
    done = check(data)
    assert done.returncode == 0, done.stdout  # warnings alone do not fail `check`
    return [line for line in done.stdout.splitlines() if ": warning: 依据已过时" in line]


def test_check_warns_and_fails_only_when_strict(stale_data):
    assert len(stale_warnings(stale_data)) == 3  # the basis, a responsibility and the accountability cite 2016-02-06
    assert check(stale_data, "--strict").returncode == 1


def test_the_strict_build_publishes_the_power_page_with_its_banner(stale_data, build_site):
    site = build_site(stale_data)  # fails the test when `mkdocs build --strict` fails
    banner = content(page(site, "powers/T-CF-001/")).select_one(".lm-stale-banner")
    assert banner is not None and "依据已过时" in text(banner) and "2024-01-01" in text(banner)


def test_the_staff_page_lists_every_finding_with_file_and_line(stale_data, build_site):
    findings = content(page(build_site(stale_data), "staff/findings/"))
    rows = [[text(cell) for cell in row.find_all("td")] for row in findings.select("table.lm-findings tbody tr")]
    expected = [line.split(": warning: ", 1) for line in stale_warnings(stale_data)]
    assert rows == [[place, message, "对社会团体违法行为的行政处罚"] for place, message in expected]
    assert {a["href"] for a in findings.select("table.lm-findings a")} == {"../../powers/T-CF-001/"}  # the bannered page
    assert all(place.startswith(str(stale_data / "areas" / "zuzhi.yaml")) for place, *_ in rows)


def test_the_staff_page_is_in_the_staff_menu_and_says_when_nothing_is_pending(built_site):
    findings = page(built_site, "staff/findings/")
    assert "目前没有待处理的问题" in text(content(findings))  # the bundled data has no findings
    nav = [text(a) for a in page(built_site, "staff/maintain/").select("nav.md-nav a")]
    assert "待处理问题" in nav
