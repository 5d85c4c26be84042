"""`python -m lawmap build-offline OUT.zip`: the whole site as a zip that works opened from disk (file://), search too.

Runs `mkdocs build --strict` with LAWMAP_OFFLINE=true (Material's offline plugin: search index inlined as a script,
the worker shim served locally; lawmap_mkdocs.opendata points directory links at index.html), then zips the result
under one folder. The zip is deterministic: sorted entries dated with the build date (see exports.meta).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

FOLDER = "lawmap-site"
REPO = Path(__file__).resolve().parent.parent.parent


def zip_site(site: Path, out: Path, epoch: int) -> int:
    """Write every file under site into out (as FOLDER/…); returns the number of files."""
    stamp = max(dt.datetime.fromtimestamp(epoch, dt.timezone.utc).timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", stamp)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(paths)


def build_offline(out: str | Path, config: str | Path = REPO / "mkdocs.yml", data_dir: str | None = None) -> int:
    out = Path(out).resolve()
    env = dict(os.environ, LAWMAP_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    if data_dir:
        env["LAWMAP_DATA_DIR"] = str(Path(data_dir).resolve())
    with tempfile.TemporaryDirectory(prefix="lawmap-offline-") as tmp:
        site = Path(tmp) / "site"
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                              env=env, cwd=Path(config).resolve().parent, check=False)
        if done.returncode != 0:
            print("离线版生成失败（见上方 mkdocs 的输出）", file=sys.stderr)
            return done.returncode
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or _site_epoch(site))
        count = zip_site(site, out, epoch)
    print(f"已生成离线版 {out}（{count} 个文件）：解压后用浏览器打开 {FOLDER}/index.html，无需联网，搜索可用")
    return 0


def _site_epoch(site: Path) -> int:
    """The build date the site itself used (sitemap dates follow SOURCE_DATE_EPOCH, which the build pinned)."""
    import json
    meta = json.loads((site / "api" / "v1" / "powers.json").read_text(encoding="utf-8"))["meta"]
    return int(dt.datetime.strptime(meta["build_date"], "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=dt.timezone.utc).timestamp())


def cmd_build_offline(args) -> int:
    return build_offline(args.out, args.config, args.data_dir)


def register(sub) -> None:
    cmd = sub.add_parser("build-offline", help="生成可离线浏览（file://，含搜索）的站点压缩包")
    cmd.add_argument("out", help="输出文件，如 法治账图-离线版.zip")
    cmd.add_argument("--config", default=str(REPO / "mkdocs.yml"), help="mkdocs.yml 路径")
    cmd.add_argument("--data-dir", default=None, help="数据目录（默认按 mkdocs.yml）")
    cmd.set_defaults(func=cmd_build_offline)
