"""Peak memory of `rasd analyze` on a huge input file, beside the same command on one article.

    python bench/bench_huge_input.py [--mb 20]

Builds a text file of about N megabytes from our examples (one article per paragraph group, no blank-line
structure needed), runs `rasd analyze FILE -f jsonl -o /dev/null` in a subprocess and reports its peak RSS
(ru_maxrss of the child), next to the peak RSS of the same command on a single example article.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent


def _run(path: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "analyze", str(path), "-f", "jsonl", "-o", "/dev/null"],
        capture_output=True,
        text=True,
    )
    secs = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024, secs, p.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=20.0)
    args = ap.parse_args()
    examples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(examples[0], encoding="utf-8")
        big = Path(tmp) / "big.txt"
        target = int(args.mb * 1024 * 1024)
        with big.open("w", encoding="utf-8") as f:
            written = 0
            while written < target:
                for t in examples:
                    f.write(t + "\n")
                    written += len(t.encode("utf-8")) + 1
        rss_one, s_one, rc1 = _run(one)  # children's maxrss is a running max: run the small one first
        rss_big, s_big, rc2 = _run(big)
    tab = Table(title="rasd analyze: peak memory on a huge input")
    for col in ("input", "size", "seconds", "peak RSS (MB)", "exit"):
        tab.add_column(col, justify="right")
    tab.add_row(
        "one example article",
        f"{one.stat().st_size if one.exists() else len(examples[0])} B",
        f"{s_one:.1f}",
        f"{rss_one:.0f}",
        str(rc1),
    )
    tab.add_row("huge text file", f"{args.mb:.0f} MB", f"{s_big:.1f}", f"{rss_big:.0f}", str(rc2))
    Console().print(tab)
    print(f"ratio of peak RSS huge/one: {rss_big / rss_one:.2f}")


if __name__ == "__main__":
    main()
