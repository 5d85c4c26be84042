"""Search benchmark: Material's lunr search (as configured) against Pagefind (extended: Chinese segmentation) on the
same built site and the same Chinese queries — recall of the expected page in the top 3, gzip bytes fetched on the
first load of a page and per query, build cost in CPU seconds.

`python -m benchmarks.search [--site DIR]` builds the site once (in-process, Material's search plugin events timed),
runs Pagefind over the output (a child process, CPU from rusage), serves it on 127.0.0.1 and drives Chromium:
Material by typing into its search box, Pagefind through its JS API (`pagefind.search`). A script, not a test.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import logging
import os
import resource
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from site_pages import SEARCHES  # noqa: E402

from benchmarks import synth  # noqa: E402
from lawmap_mkdocs.search import PAGEFIND_RANKING, PAGEFIND_RERANK  # noqa: E402

# the words (#14) and the offline test's query, with the page a reader means
QUERIES = dict(SEARCHES, **{"依据查询": "/basis/", "权责清单": "/list/", "事前公开": "/disclosure/before/",
                            "婚姻登记": "/powers/SNMZ-QR-040/"})
PAGE = "/powers/SNMZ-CF-012/"  # the largest power page (benchmarks/README.md first load)
CHROMIUM = os.environ.get("LAWMAP_CHROMIUM", "/usr/bin/chromium")
SEARCH_EVENTS = ("on_config", "on_pre_build", "on_page_context", "on_post_build")


def build_site(site: Path) -> dict:
    """mkdocs build in this process; CPU of the whole build and of Material's search plugin events. The lawmap plugin
    adds each card's search tags as hidden text and runs Pagefind after the build (LAWMAP_SEARCH=both), timed apart."""
    os.environ.update(NO_MKDOCS_2_WARNING="1", LAWMAP_SEARCH="both")
    from lawmap_mkdocs import search
    facts = {}
    search.run_pagefind = _timed_pagefind(search.run_pagefind, facts)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    spent = {"search": 0.0}
    plugin = next(p for n, p in config.plugins.items() if n in ("search", "material/search"))
    for event in SEARCH_EVENTS:  # the plugin's handlers as MkDocs registered them
        handlers = config.plugins.events[event.removeprefix("on_")]
        handlers[:] = [_timed(h, spent) if getattr(h, "__self__", None) is plugin else h for h in handlers]
    config.plugins.run_event("startup", command="build", dirty=False)
    start = time.process_time()
    build(config)
    return dict(facts, build_cpu=time.process_time() - start, material_search_cpu=spent["search"])


def _timed(method, spent):
    @functools.wraps(method)
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent["search"] += time.process_time() - start
    return run


def _timed_pagefind(run, facts):
    """The plugin's Pagefind step, with the CPU seconds of its child process and the size of what it wrote."""
    def timed(site_dir):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run(site_dir)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        files = [p for p in (Path(site_dir) / "pagefind").rglob("*") if p.is_file()]
        facts.update(pagefind_cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                     pagefind_files=len(files), pagefind_bytes=sum(p.stat().st_size for p in files))
    return timed


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def serve(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def gz(site: Path, url: str) -> int:
    """Bytes of a response gzipped at level 6, as a web server would send it (already-compressed files as they are)."""
    path = site / urlsplit(url).path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    data = path.read_bytes()
    if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".gz", ".png", ".woff2"):
        return len(data)  # Pagefind's files are gzipped already
    return len(gzip.compress(data, 6))


class Fetches(list):
    def kb(self, site: Path, keep=lambda url: True) -> float:
        return sum(gz(site, u) for u in self if keep(u) and urlsplit(u).hostname == "127.0.0.1") / 1024


def material(browser, base: str, site: Path) -> dict:
    page, fetched = _page(browser)
    page.goto(base + PAGE)
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    page.wait_for_load_state("networkidle")  # Material loads its whole index on every page load
    first = fetched.kb(site)
    index = fetched.kb(site, lambda u: "/search/" in u)
    hits, per_query = {}, []
    for query, expected in QUERIES.items():
        fetched.clear()
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.press("End")
        try:
            page.wait_for_function("""q => document.querySelector('.md-search__input').value === q &&
                document.querySelector('.md-search-result__meta').innerText.match(/\\d|没有/)""", arg=query,
                                   timeout=5000)
            page.wait_for_timeout(300)
        except Exception:  # noqa: BLE001 — no result shown counts as a miss
            pass
        links = [urlsplit(a.get_attribute("href")).path for a in page.locator(".md-search-result__item > a").all()]
        hits[query] = _top3(links)
        per_query.append(fetched.kb(site))
    page.context.close()
    return {"first_kb": first, "index_kb": index, "per_query_kb": max(per_query), "top3": hits}


PURE_JS = """async q => { const r = await window.pf.search(q);
    const top = await Promise.all(r.results.slice(0, 3).map(x => x.data())); return top.map(d => d.url); }"""
SITE_JS = "async q => (await window.lmSearch.search(q)).map(r => r.url)"  # the site's box: assets/lm-search.js


def pagefind(browser, base: str, site: Path, as_the_site: bool = False) -> dict:
    """Pagefind's own order (its JS API, the site's ranking options), or the order the site's search box shows."""
    page, fetched = _page(browser)
    page.goto(base + PAGE)
    page.wait_for_load_state("networkidle")
    first = fetched.kb(site)
    fetched.clear()
    page.evaluate("""async ranking => { window.pf = await import('/pagefind/pagefind.js');
        await window.pf.options({ranking}); await window.pf.init(); }""", PAGEFIND_RANKING)
    init = fetched.kb(site)
    hits, per_query = {}, []
    for query, expected in QUERIES.items():
        fetched.clear()
        links = page.evaluate(SITE_JS if as_the_site else PURE_JS, query)
        hits[query] = _top3([urlsplit(u).path for u in links])
        per_query.append(fetched.kb(site))
    page.context.close()
    return {"first_kb": first, "init_kb": init, "per_query_kb": max(per_query),
            "per_query_median_kb": sorted(per_query)[len(per_query) // 2], "top3": hits}


def _top3(paths: list[str]) -> list[str]:
    seen = []
    for path in paths:
        if path not in seen:
            seen.append(path)
    return seen[:3]


def _page(browser):
    context = browser.new_context(locale="zh-CN", service_workers="block")
    fetched = Fetches()
    context.on("request", lambda r: fetched.append(r.url))
    return context.new_page(), fetched


def report(facts: dict, mat: dict, pf: dict, pf_rerank: dict) -> None:
    n = len(QUERIES)

    def recall(result):
        top1 = sum(top[:1] == [QUERIES[q]] for q, top in result["top3"].items())
        return f"{sum(QUERIES[q] in top for q, top in result['top3'].items())}/{n} | {top1}/{n}"

    page_alone = mat["first_kb"] - mat["index_kb"]
    print(f"queries: {n}; page: {PAGE}; Pagefind ranking {PAGEFIND_RANKING}")
    print("| | recall: expected page in top 3 | …first | first load of the page: search part, KB gz (whole page) "
          "| per query, KB gz: largest (median) | build CPU s |")
    print("|---|---|---|---|---|---|")
    print(f"| Material (lunr + jieba), as configured | {recall(mat)} | {mat['index_kb']:.0f} ({mat['first_kb']:.0f}) "
          f"| 0 (all loaded first) | {facts['material_search_cpu']:.1f} |")
    for name, result in (("Pagefind 1.5.2 extended, first 3 results", pf),
                         (f"the site's box: Pagefind, first {PAGEFIND_RERANK} re-ranked", pf_rerank)):
        print(f"| {name} | {recall(result)} | 0 until the box is used, then {result['init_kb']:.0f} "
              f"({page_alone:.0f} + {result['init_kb']:.0f}) | {result['per_query_kb']:.0f} "
              f"({result['per_query_median_kb']:.0f}) | {facts['pagefind_cpu']:.1f} |")
    print(f"site build CPU s: {facts['build_cpu']:.1f}; Pagefind bundle: {facts['pagefind_files']} files, "
          f"{facts['pagefind_bytes'] / 1024:.0f} KB")
    for query, expected in QUERIES.items():
        marks = ["✓" if expected in r["top3"][query] else "✗" for r in (mat, pf, pf_rerank)]
        print(f"  {query} → {expected}: Material {marks[0]} {mat['top3'][query]} | Pagefind {marks[1]} "
              f"{pf['top3'][query]} | re-ranked {marks[2]} {pf_rerank['top3'][query]}")


def main(argv=None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")  # the build's errors
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="build into this folder (default: a temp folder)")
    parser.add_argument("--scale", type=int, default=1, help="data at N× the bureau (benchmarks/synth.py)")
    args = parser.parse_args(argv)
    site = Path(args.site or tempfile.mkdtemp(prefix="lawmap-search-bench-")) / "site"
    if args.scale > 1:  # synthetic data at N× (benchmarks/synth.py): sizes only, copies tie with the originals
        data = site.parent / "data"
        synth.generate(ROOT / "data", data, args.scale)
        synth.commit(site.parent)
        os.environ["LAWMAP_DATA_DIR"] = str(data)
    facts = build_site(site)
    from playwright.sync_api import sync_playwright
    server, base = serve(site)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        mat, pf = material(browser, base, site), pagefind(browser, base, site)
        pf_rerank = pagefind(browser, base, site, as_the_site=True)
        browser.close()
    server.shutdown()
    report(facts, mat, pf, pf_rerank)
    return 0


if __name__ == "__main__":
    sys.exit(main())
