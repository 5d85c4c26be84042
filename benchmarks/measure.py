"""Measurements for the benchmark: a timed MkDocs build in its own process, `lawmap check` against a bare YAML parse,
site and search-index sizes, and the bytes a browser fetches on first opening one page.

Times are given as wall seconds and as CPU seconds (user + system of the measured process only): the CPU figure is
what the ratios use, because other work on a shared machine inflates wall time but hardly CPU time.
"""
from __future__ import annotations

import gc
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def build(site_dir: Path, config: Path | None = None, env: dict | None = None) -> dict:
    """`mkdocs build --strict` in a child process: wall and CPU seconds, peak memory (MB); a failed build raises."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)]
    if config is not None:
        command += ["-f", str(config)]
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    log = site_dir.with_suffix(".log")
    start = time.perf_counter()
    with log.open("wb") as out:
        child = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"build failed ({' '.join(command)}), see {log}:\n{log.read_text()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def site_sizes(site_dir: Path) -> dict:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    index = site_dir / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return {"pages": sum(1 for p in files if p.name == "index.html"),
            "site_mb": sum(p.stat().st_size for p in files) / 1e6,
            "index_mb": len(raw) / 1e6, "index_gz_kb": len(gzip.compress(raw, 9)) / 1e3}


def _bare_parse(files: list[Path]) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _check(data_dir: Path) -> None:
    from lawmap.__main__ import summary
    from lawmap.loader import load_project
    project = load_project(data_dir)
    project.report.lines()
    summary(project)


def check_vs_parse(data_dir: Path, rounds: int = 3) -> dict:
    """Best-of-rounds CPU (and wall) seconds of `lawmap check`'s work and of a bare CSafeLoader parse, interleaved."""
    files = sorted(data_dir.rglob("*.yaml"))
    _check(data_dir)  # imports and schema compilation are not per-file work: warm them first
    best = {"check_cpu": 1e9, "check_wall": 1e9, "parse_cpu": 1e9, "parse_wall": 1e9}
    for _ in range(rounds):
        for name, work in (("check", lambda: _check(data_dir)), ("parse", lambda: _bare_parse(files))):
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            best[f"{name}_cpu"] = min(best[f"{name}_cpu"], time.process_time() - cpu)
            best[f"{name}_wall"] = min(best[f"{name}_wall"], time.perf_counter() - wall)
    return dict(best, files=len(files), mb=sum(p.stat().st_size for p in files) / 1e6)


def first_load(site_dir: Path, path: str) -> dict:
    """KB (gzip -6, as a web server sends them) of everything Chromium fetches when first opening `path`."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-quic"])
            page = browser.new_page()
            page.on("response", lambda r: sizes.__setitem__(r.url, len(gzip.compress(r.body(), 6)))
                    if r.status == 200 else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}{path}", wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    by_kind: dict[str, float] = {}
    for url, size in sizes.items():
        kind = "search index" if url.endswith("search_index.json") else url.rsplit(".", 1)[-1].split("/")[-1]
        kind = "html" if url.endswith("/") else kind
        by_kind[kind] = by_kind.get(kind, 0) + size / 1e3
    return {"total_kb": sum(sizes.values()) / 1e3, "files": len(sizes), "by_kind": by_kind}


if __name__ == "__main__":  # python -m benchmarks.measure DATA_DIR: the check-vs-parse figures as JSON
    sys.path.insert(0, str(ROOT))
    print(json.dumps(check_vs_parse(Path(sys.argv[1]))))
