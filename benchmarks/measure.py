"""Measurements for the benchmark: timed child processes (MkDocs builds, `lawmap check`, a bare YAML parse), site and
search-index sizes, and the bytes a browser fetches on first opening one page.

Times are given as wall seconds and as CPU seconds (user + system of the measured process only, from wait4): the CPU
figure is what the ratios use, because other work on a shared machine inflates wall time but hardly CPU time.
Peak memory is the process's max RSS.
"""
from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The floor `lawmap check` is compared with: a whole Python process that only parses the same files with CSafeLoader.
BARE_PARSE = ("import sys, yaml\nfrom pathlib import Path\n"
              "for p in sorted(Path(sys.argv[1]).rglob('*.yaml')):\n"
              "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n")


def process(command: list[str], log: Path, env: dict | None = None) -> dict:
    """Run command in a child process: wall and CPU seconds, peak memory (MB); a non-zero exit raises."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    start = time.perf_counter()
    with log.open("wb") as out:
        child = subprocess.Popen(command, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"failed ({' '.join(command)}), see {log}:\n{log.read_text()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def build(site_dir: Path, config: Path | None = None, env: dict | None = None) -> dict:
    """`mkdocs build --strict` in a child process (see `process`); also `own_peak_mb`, the peak of the Python
    process alone (mkdocs_peak.py), where `peak_mb` is that of the process tree (Pagefind's child included)."""
    command = [sys.executable, "-m", "benchmarks.mkdocs_peak", "build", "--strict", "-d", str(site_dir)]
    if config is not None:
        command += ["-f", str(config)]
    peak_file = site_dir.with_suffix(".peak")
    peak_file.unlink(missing_ok=True)
    result = process(command, site_dir.with_suffix(".log"), dict(env or {}, LAWMAP_BENCH_PEAK_FILE=str(peak_file)))
    return dict(result, own_peak_mb=int(peak_file.read_text()) / 1024)


def spread(values: list[float]) -> dict:
    """Median, min, max and quartiles of a sample (the quartiles need two values or more)."""
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else (values[0],) * 3
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "q1": q1, "q3": q3,
            "n": len(values)}


def paired(first: list[dict], second: list[dict], key: str = "cpu") -> dict:
    """The per-pair ratio first/second of `key` (pairs run back to back share the machine's load)."""
    return spread([a[key] / b[key] for a, b in zip(first, second)])


def check_vs_parse(data_dir: Path, work: Path, runs: int = 5) -> dict:
    """`python -m lawmap check --strict` and the bare parse as whole processes, interleaved `runs` times.

    The compiled-schema cache lives in work/cache: the first check fills it (reported as `cold`, not in the pairs).
    """
    env = {"LAWMAP_CACHE_DIR": str(work / "cache")}
    check = [sys.executable, "-m", "lawmap", "check", "--strict", str(data_dir)]
    parse = [sys.executable, "-c", BARE_PARSE, str(data_dir)]
    cold = process(check, work / "check.log", env)
    checks, parses = [], []
    for _ in range(runs):
        checks.append(process(check, work / "check.log", env))
        parses.append(process(parse, work / "parse.log"))
    files = sorted(data_dir.rglob("*.yaml"))
    return {"cold": cold, "check": {k: spread([c[k] for c in checks]) for k in ("cpu", "wall", "peak_mb")},
            "parse": {k: spread([p[k] for p in parses]) for k in ("cpu", "wall", "peak_mb")},
            "ratio": paired(checks, parses), "memory_ratio": paired(checks, parses, "peak_mb"),
            "files": len(files), "mb": sum(p.stat().st_size for p in files) / 1e6}


def site_sizes(site_dir: Path) -> dict:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    index = site_dir / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return {"pages": sum(1 for p in files if p.name == "index.html"),
            "site_mb": sum(p.stat().st_size for p in files) / 1e6,
            "index_mb": len(raw) / 1e6, "index_gz_kb": len(gzip.compress(raw, 9)) / 1e3}


def largest_pages(site_dir: Path, count: int = 3) -> list[tuple[str, float]]:
    """The largest HTML pages (site path, MB)."""
    pages = sorted(site_dir.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)[:count]
    return [(p.relative_to(site_dir).parent.as_posix() + "/", p.stat().st_size / 1e6) for p in pages]


def _wait_for_search_index(page, responses: list, site_dir: Path, timeout_s: float = 120) -> None:
    """Material's search worker may fetch its index after the page is idle (a loaded machine, a large index): wait
    for it when the site has one, so the first load is never counted without it."""
    if not (site_dir / "search" / "search_index.json").exists():
        return
    deadline = time.monotonic() + timeout_s
    while not any(r.url.endswith("search_index.json") for r in responses):
        if time.monotonic() > deadline:
            raise RuntimeError("the search index was not fetched within the time limit")
        page.wait_for_timeout(250)


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
    responses: list = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-quic"])
            page = browser.new_page()
            page.on("response", lambda response: responses.append(response))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}{path}", wait_until="networkidle")
            _wait_for_search_index(page, responses, site_dir)
            sizes = {r.url: len(gzip.compress(r.body(), 6)) for r in responses if r.status == 200}  # before close
            browser.close()
    finally:
        server.shutdown()
    by_kind: dict[str, float] = {}
    for url, size in sizes.items():
        kind = "search index" if url.endswith("search_index.json") else url.rsplit(".", 1)[-1].split("/")[-1]
        kind = "html" if url.endswith("/") else kind
        by_kind[kind] = by_kind.get(kind, 0) + size / 1e3
    return {"total_kb": sum(sizes.values()) / 1e3, "files": len(sizes), "by_kind": by_kind}


if __name__ == "__main__":  # python -m benchmarks.measure DATA_DIR WORK_DIR [PAIRS]: check-vs-parse figures as JSON
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    print(json.dumps(check_vs_parse(Path(sys.argv[1]), Path(sys.argv[2]), pairs), indent=1))
