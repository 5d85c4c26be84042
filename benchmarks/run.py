"""Performance benchmark (a script, not a test): the site at N× the bureau's data (benchmarks/synth.py), built
(a) from the data and (b) as the same Markdown pages with the data layer off, in interleaved pairs; `lawmap check`
and a bare CSafeLoader parse as whole processes; the first-load weight of the largest power page at every size.
Prints Markdown tables (copy them into benchmarks/README.md) and writes results.json.

    python -m benchmarks.run --scales 1 10                  # 1× and 10× (the 100× run wants a quiet machine)
    python -m benchmarks.run --scales 1 10 100 --pairs 5 --out /tmp/bench --keep
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import configs, measure, synth

ROOT = Path(__file__).resolve().parent.parent
BUILD_FIGURES = ("cpu", "wall", "peak_mb", "own_peak_mb")
TARGETS = {"build ratio": 1.10, "check ratio 1×": 2.0, "check ratio ≥10×": 1.5, "check memory ratio": 10.0,
           "first load KB": 150, "largest page MB": 1.0}


def _pairs(scale_dir: Path, data: Path, pairs: int) -> tuple[list[dict], list[dict]]:
    """(a) then (b), `pairs` times in a row: a, b, a, b, … — each pair shares the machine's load of its moment."""
    plain = scale_dir / "plain"
    measure.build(scale_dir / "capture-site", configs.write_capture(scale_dir / "capture.yml", data),
                  env={"LAWMAP_BENCH_PLAIN": str(plain), "LAWMAP_DATA_DIR": str(data)})
    plain_config = configs.write_plain(scale_dir / "plain.yml", plain)
    runs_a, runs_b = [], []
    for i in range(pairs):
        runs_a.append(measure.build(scale_dir / "site-a", env={"LAWMAP_DATA_DIR": str(data)}))
        runs_b.append(measure.build(scale_dir / "site-b", config=plain_config))
        print(f"    pair {i + 1}: (a) {runs_a[-1]['cpu']:.1f} s, (b) {runs_b[-1]['cpu']:.1f} s CPU", flush=True)
    return runs_a, runs_b


def _check_vs_parse(data: Path, work: Path, pairs: int) -> dict:
    """measure.check_vs_parse, run from a small child process: Linux counts the RSS of the process that starts a
    command in that command's peak (ru_maxrss survives exec), so starting it from this big process would floor the
    bare parse's peak memory at this process's size."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.measure", str(data), str(work), str(pairs)], cwd=ROOT,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def largest_power_page(site_dir: Path) -> str:
    pages = sorted((site_dir / "powers").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"/powers/{pages[-1].parent.name}/"


def run_scale(scale: int, out: Path, pairs: int) -> dict:
    scale_dir = out / f"s{scale}"
    data = scale_dir / "data"
    counts = synth.generate(ROOT / "data", data, scale)
    synth.commit(scale_dir)
    print(f"  {scale}×: {counts}", flush=True)
    check = _check_vs_parse(data, scale_dir, pairs)
    runs_a, runs_b = _pairs(scale_dir, data, pairs)
    site = scale_dir / "site-a"
    path = largest_power_page(site)
    row = {"scale": scale, **counts, "pairs": pairs, "a_runs": runs_a, "b_runs": runs_b,
           "a": {k: measure.spread([r[k] for r in runs_a]) for k in BUILD_FIGURES},
           "b": {k: measure.spread([r[k] for r in runs_b]) for k in BUILD_FIGURES},
           "ratio": measure.paired(runs_a, runs_b), "memory_ratio": measure.paired(runs_a, runs_b, "peak_mb"),
           "own_memory_ratio": measure.paired(runs_a, runs_b, "own_peak_mb"),
           "check": check, "first_load": {"path": path, **measure.first_load(site, path)},
           "largest_pages": measure.largest_pages(site), **measure.site_sizes(site)}
    print(f"  {scale}×: build ratio {row['ratio']['median']:.2f} [{row['ratio']['min']:.2f}–{row['ratio']['max']:.2f}], "
          f"check/parse {check['ratio']['median']:.2f}, first load {row['first_load']['total_kb']:.0f} KB", flush=True)
    return row


def _range(s: dict, digits: int = 2) -> str:
    return f"{s['median']:.{digits}f} [{s['min']:.{digits}f}–{s['max']:.{digits}f}]"


def tables(rows: list[dict]) -> str:
    build = ["| data | pages | (a) data → site, CPU s | (b) plain pages, CPU s | (a)/(b) per pair, median [min–max] "
             "| IQR of (a)/(b) | peak MB, process tree (a / b) | peak MB, Python alone (a / b), ratio | site MB |",
             "|---|---|---|---|---|---|---|---|---|"]
    check = ["| data | YAML files / MB | `lawmap check` CPU s | bare parse CPU s | check/parse per pair, median [min–max] "
             "| first check (empty schema cache) CPU s | peak MB (check / parse) |", "|---|---|---|---|---|---|---|"]
    load = ["| data | first load of | KB gzip | files | of which (KB) | largest pages (MB) |", "|---|---|---|---|---|---|"]
    for r in rows:
        name = f"{r['scale']}× ({r['areas']} areas, {r['powers']} powers, {r['laws']} laws)"
        a, b, c, f = r["a"], r["b"], r["check"], r["first_load"]
        build.append(f"| {name} | {r['pages']} | {_range(a['cpu'], 1)} | {_range(b['cpu'], 1)} | {_range(r['ratio'])} "
                     f"| {r['ratio']['q1']:.2f}–{r['ratio']['q3']:.2f} | {a['peak_mb']['median']:.0f} / "
                     f"{b['peak_mb']['median']:.0f} | {a['own_peak_mb']['median']:.0f} / {b['own_peak_mb']['median']:.0f}, "
                     f"{r['own_memory_ratio']['median']:.2f} | {r['site_mb']:.1f} |")
        check.append(f"| {r['scale']}× | {c['files']} / {c['mb']:.1f} | {_range(c['check']['cpu'])} "
                     f"| {_range(c['parse']['cpu'])} | {_range(c['ratio'])} | {c['cold']['cpu']:.2f} "
                     f"| {c['check']['peak_mb']['median']:.0f} / {c['parse']['peak_mb']['median']:.0f} |")
        parts = ", ".join(f"{kind} {kb:.0f}" for kind, kb in sorted(f["by_kind"].items(), key=lambda x: -x[1]))
        pages = ", ".join(f"{path} {mb:.2f}" for path, mb in r["largest_pages"])
        load.append(f"| {r['scale']}× | {f['path']} | {f['total_kb']:.0f} | {f['files']} | {parts} | {pages} |")
    return "\n".join(["Builds:", "", *build, "", "`lawmap check` (whole processes):", "", *check, "",
                      "First load (Chromium, every response gzipped at level 6) and page sizes:", "", *load])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--pairs", type=int, default=5, help="interleaved (a)/(b) pairs and check/parse pairs per size")
    parser.add_argument("--out", type=Path, help="work dir (default: a new temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="lawmap-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = [run_scale(scale, out, args.pairs) for scale in args.scales]
    print(tables(rows))
    print("\nTargets:", ", ".join(f"{k} ≤ {v}" for k, v in TARGETS.items()))
    (out / "results.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if not (args.keep or args.out):
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
