"""Speed of the quotes layer, with the text layer measured in the same run as the baseline.

Usage: python bench/bench_quotes.py [--repeat N] [files...]
Articles: the shipped examples and the reference article when present (or the files given). The quotes layer
is timed alone on documents already through the text and entities layers, so its own cost is what is shown.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasd import entities, quotes, text
from rasd.document import Document
from rasd.pipeline import new_document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT / "examples").glob("*.txt")) + [
    ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
]


def _articles(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


def _rate(fn, items: list, repeat: int) -> float:
    """Items per second of CPU time (others share the machine), best of three rounds of ``repeat`` passes."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for _ in range(repeat):
            for it in items:
                fn(it)
        best = min(best, time.process_time() - t0)
    return repeat * len(items) / best


def _text_only(s: str) -> Document:
    doc = new_document(s)
    text.annotate(doc)
    return doc


def _quotes_only(doc: Document) -> None:
    doc.quotes.clear()
    quotes.annotate(doc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    arts = _articles(args.files or DEFAULT)
    if not arts:
        raise SystemExit("no articles found")
    docs = []
    for s in arts:
        doc = _text_only(s)
        entities.annotate(doc)
        docs.append(doc)
    _quotes_only(docs[0])  # load the lexicon once, outside the timing
    words = sum(len(d.tokens) for d in docs) / len(docs)
    n_quotes = sum(len(d.quotes) for d in docs if _quotes_only(d) is None)
    base = _rate(_text_only, arts, args.repeat)
    rate = _rate(_quotes_only, docs, args.repeat)
    print(f"{len(arts)} articles, {words:.0f} tokens on average, {n_quotes} quotes found; one core\n")
    print(f"{'stage':<34}{'articles/s':>12}{'ms/article':>12}{'vs text layer':>16}")
    print(f"{'text layer (baseline)':<34}{base:>12.0f}{1000 / base:>12.3f}{1.0:>16.2f}")
    print(f"{'quotes layer alone':<34}{rate:>12.0f}{1000 / rate:>12.3f}{rate / base:>16.2f}")
    print(f"\ntarget: quotes layer >= 1000 articles/s -> {'met' if rate >= 1000 else 'NOT met'}")


if __name__ == "__main__":
    main()
