"""`python -m benchmarks.mkdocs_peak build …`: MkDocs run in this process, which at exit writes its own peak memory
(VmHWM: this Python process alone, without child processes such as Pagefind) to $LAWMAP_BENCH_PEAK_FILE, in KB.
The benchmark starts both builds this way, so the peak of the build's process tree (wait4) and of the Python process
that holds the model and the pages can both be reported."""
from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path


def _write_peak() -> None:
    target = os.environ.get("LAWMAP_BENCH_PEAK_FILE")
    if not target:
        return
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            Path(target).write_text(line.split()[1])


if __name__ == "__main__":
    atexit.register(_write_peak)
    from mkdocs.__main__ import cli
    sys.argv[0] = "mkdocs"
    cli()
