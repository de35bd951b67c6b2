"""Dump rasd's analyses of a fixed set of texts, to check that a speed-up changed nothing.

    python bench/snapshot.py OUT.jsonl [--generated N]
    diff <(python bench/snapshot.py /dev/stdout) before.jsonl

The set: the reference article (with and without its date), our examples, and N articles generated from the
examples by bench/bench_corpus.py's generator (names, numbers and dates varied; fixed random seed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rasd.pipeline import analyze  # noqa: E402


def texts(generated: int) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    seed = ROOT.parent / "shared/seed/000_94f9661d6d9a40c9.txt"
    if seed.exists():
        t = seed.read_text(encoding="utf-8")
        out += [(t, None), (t, "2021-12-30")]
    out += [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "examples").glob("*.txt"))]
    if generated:
        from bench_corpus import Generator, _examples

        out += [(a.text, a.published) for a in Generator(_examples()).articles(generated, seed=3)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--generated", type=int, default=300)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        for text, published in texts(args.generated):
            d = analyze(text, published=published).to_dict()
            f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
