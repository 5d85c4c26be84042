"""Performance benchmark (a script, not a test): the site at 1×, 10× and 100× the bureau's data, built (a) from the
data and (b) as the same Markdown pages with the data layer off; `lawmap check` against a bare YAML parse; and the
first-load weight of a power page on the real data. Prints a Markdown table (copy it into benchmarks/README.md).

    python -m benchmarks.run                    # 1×, 10×, 100× into a temp dir (about 10 minutes on 2 cores)
    python -m benchmarks.run --scales 1 10 --out /tmp/bench --keep
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
TARGET_RATIO, TARGET_CHECK, TARGET_FIRST_LOAD_KB = 1.10, 1.5, 300


def _builds(scale_dir: Path, data: Path, rounds: int) -> tuple[dict, dict]:
    """(a) and (b), alternated `rounds` times; the best CPU time of each is kept (the least disturbed run)."""
    plain = scale_dir / "plain"
    measure.build(scale_dir / "capture-site", configs.write_capture(scale_dir / "capture.yml", data),
                  env={"LAWMAP_BENCH_PLAIN": str(plain), "LAWMAP_DATA_DIR": str(data)})
    plain_config = configs.write_plain(scale_dir / "plain.yml", plain)
    best_a = best_b = None
    for _ in range(rounds):
        a = measure.build(scale_dir / "site-a", env={"LAWMAP_DATA_DIR": str(data)})
        b = measure.build(scale_dir / "site-b", config=plain_config)
        best_a = a if best_a is None or a["cpu"] < best_a["cpu"] else best_a
        best_b = b if best_b is None or b["cpu"] < best_b["cpu"] else best_b
    return best_a, best_b


def run_scale(scale: int, out: Path, rounds: int) -> dict:
    scale_dir = out / f"s{scale}"
    data = scale_dir / "data"
    counts = synth.generate(ROOT / "data", data, scale)
    synth.commit(scale_dir)
    a, b = _builds(scale_dir, data, rounds)
    done = subprocess.run([sys.executable, "-m", "benchmarks.measure", str(data)], cwd=ROOT, check=True,
                          capture_output=True, text=True)
    check = json.loads(done.stdout.strip().splitlines()[-1])
    sizes = measure.site_sizes(scale_dir / "site-a")
    row = {"scale": scale, **counts, "a": a, "b": b, "ratio": a["cpu"] / b["cpu"], "check": check,
           "check_ratio": check["check_cpu"] / check["parse_cpu"], **sizes}
    print(f"  {scale}×: (a) {a['cpu']:.1f} s CPU, (b) {b['cpu']:.1f} s CPU, ratio {row['ratio']:.2f}, "
          f"check/parse {row['check_ratio']:.2f}", flush=True)
    return row


def largest_power_page(site_dir: Path) -> str:
    pages = sorted((site_dir / "powers").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"/powers/{pages[-1].parent.name}/"


def table(rows: list[dict]) -> str:
    lines = ["| data | pages | (a) data → site s (CPU / wall) | (b) plain pages s (CPU / wall) | (a)/(b) | pages/s (a) "
             "| peak MB (a / b) | site MB | search index MB raw / KB gz | check s | bare parse s | check/parse |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        a, b, c = r["a"], r["b"], r["check"]
        lines.append(
            f"| {r['scale']}× ({r['areas']} areas, {r['powers']} powers, {r['laws']} laws) | {r['pages']} "
            f"| {a['cpu']:.1f} / {a['wall']:.1f} | {b['cpu']:.1f} / {b['wall']:.1f} | {r['ratio']:.2f} "
            f"| {r['pages'] / a['cpu']:.0f} | {a['peak_mb']:.0f} / {b['peak_mb']:.0f} | {r['site_mb']:.1f} "
            f"| {r['index_mb']:.2f} / {r['index_gz_kb']:.0f} | {c['check_cpu']:.2f} | {c['parse_cpu']:.2f} "
            f"| {r['check_ratio']:.2f} |")
    return "\n".join(lines)


def growth(rows: list[dict]) -> str:
    """CPU seconds per 1× of data between consecutive scales: roughly constant when growth is linear."""
    parts = []
    for low, high in zip(rows, rows[1:]):
        per = {k: (high[k]["cpu"] - low[k]["cpu"]) / (high["scale"] - low["scale"]) for k in ("a", "b")}
        check = (high["check"]["check_cpu"] - low["check"]["check_cpu"]) / (high["scale"] - low["scale"])
        parts.append(f"{low['scale']}×→{high['scale']}×: (a) {per['a']:.2f} s, (b) {per['b']:.2f} s, "
                     f"check {check:.3f} s per 1×")
    return "; ".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=2, help="builds per size below 100× (best CPU time kept)")
    parser.add_argument("--out", type=Path, help="work dir (default: a new temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="lawmap-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    rows = [run_scale(scale, out, args.rounds if scale < 100 else 1) for scale in args.scales]
    print(table(rows))
    if len(rows) > 1:
        print("\nGrowth:", growth(rows))
    if 1 in args.scales:
        site = out / "s1" / "site-a"
        path = largest_power_page(site)
        load = measure.first_load(site, path)
        parts = ", ".join(f"{kind} {kb:.0f}" for kind, kb in sorted(load["by_kind"].items(), key=lambda x: -x[1]))
        print(f"\nFirst load of {path} (real data): {load['total_kb']:.0f} KB gzipped in {load['files']} files ({parts})")
        rows.append({"first_load": {"path": path, **load}})
    (out / "results.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nTargets: (a)/(b) ≤ {TARGET_RATIO}, check/parse ≤ {TARGET_CHECK}, first load ≤ {TARGET_FIRST_LOAD_KB} KB")
    if not (args.keep or args.out):
        shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
