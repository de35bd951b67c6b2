"""Speed of the quotes layer, with the text layer measured in the same run as the baseline.

Usage: python bench/bench_quotes.py [--repeat N] [--base REV [--generated N]] [files...]
Articles: the shipped examples and the reference article when present (or the files given). The quotes layer
is timed alone on documents already through the text and entities layers, so its own cost is what is shown,
with Python's cyclic garbage collector paused as ``analyze()`` pauses it while the layers run (docs/speed.md).

``--bytecodes`` counts the bytecodes each function of the layer executes in one run over the articles (a trace
of every opcode: slow, but exact and the same on any machine, so a change's effect on one function shows even
on a loaded machine) and prints the top functions.

``--base REV`` (a git revision, e.g. HEAD~2) times that revision's quotes layer beside the working tree's in this
same process, alternating the two in short rounds (fair on a shared machine), on the reference article
repeated (warm) and on distinct texts (the examples and ``--generated`` articles of bench/bench_corpus.py, each
analyzed once per round).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path

import revision
from revision import load_revision

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
    """Items per second of CPU time (others share the machine), best of three rounds of ``repeat`` passes, the
    collector paused as in ``analyze()``."""
    best = float("inf")
    was_on = gc.isenabled()
    gc.disable()
    try:
        for _ in range(3):
            t0 = time.process_time()
            for _ in range(repeat):
                for it in items:
                    fn(it)
            best = min(best, time.process_time() - t0)
    finally:
        if was_on:
            gc.enable()
    return repeat * len(items) / best


def _text_only(s: str) -> Document:
    doc = new_document(s)
    text.annotate(doc)
    return doc


def _quotes_only(doc: Document) -> None:
    doc.quotes.clear()
    quotes.annotate(doc)


def load_base(rev: str):
    """The quotes layer of git revision ``rev``, imported as ``rasd_base``."""
    return load_revision(rev, "quotes")[0]


def _ab_ms(fn_a, fn_b, rounds: int = 30) -> tuple[float, float]:
    """Best CPU ms per article of two functions (each a pass over some articles, returning how many) timed in
    alternating rounds."""
    return revision.ab_ms(fn_a, fn_b, rounds, counts=True)


def compare(rev: str, generated: int) -> None:
    base = load_base(rev)
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_corpus import Generator, _examples

    seed = _articles(DEFAULT[-1:])
    distinct = _articles(DEFAULT[:-1]) + [a.text for a in Generator(_examples()).articles(generated, seed=3)]
    rows = [("seed, repeated (warm)", seed, 10), (f"{len(distinct)} distinct texts", distinct, 1)]
    print(f"quotes layer: {rev} vs working tree (CPU ms per article, best of alternating rounds)\n")
    print(f"{'articles':<28}{rev + ' ms':>14}{'now ms':>10}{'speed-up':>10}")
    for name, arts, repeat in rows:
        if not arts:
            continue
        docs = []
        for s in arts:
            doc = _text_only(s)
            entities.annotate(doc)
            docs.append(doc)
        a, b = _ab_ms(
            revision.layer_pass(docs, base, "quotes", repeat),
            revision.layer_pass(docs, quotes, "quotes", repeat),
        )
        print(f"{name:<28}{a:>14.3f}{b:>10.3f}{a / b:>10.2f}")


def bytecodes(docs: list[Document], top: int = 30) -> None:
    """Bytecodes executed per function (file:name:first line) by the quotes layer over ``docs``."""
    counts: Counter[str] = Counter()

    def tracer(frame, event, arg):
        frame.f_trace_opcodes = True
        co = frame.f_code
        key = f"{co.co_filename.rsplit('rasd/', 1)[-1]}:{co.co_name}:{co.co_firstlineno}"

        def local(frame, event, arg):
            if event == "opcode":
                counts[key] += 1
            return local

        return local

    for doc in docs:
        _quotes_only(doc)  # warm: data loaded, token facts cached, as in a long run
    sys.settrace(tracer)
    try:
        for doc in docs:
            _quotes_only(doc)
    finally:
        sys.settrace(None)
    total = sum(counts.values())
    print(f"{total / len(docs):,.0f} bytecodes per article ({len(docs)} articles)\n")
    for key, n in counts.most_common(top):
        print(f"{n / len(docs):>10,.0f} {n / total:>6.1%}  {key}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--base", help="a git revision whose quotes layer to time beside the working tree's")
    ap.add_argument("--generated", type=int, default=100, help="with --base: generated articles to add")
    ap.add_argument("--bytecodes", action="store_true", help="count the bytecodes of each function instead")
    args = ap.parse_args()
    if args.base:
        compare(args.base, args.generated)
        return
    arts = _articles(args.files or DEFAULT)
    if not arts:
        raise SystemExit("no articles found")
    docs = []
    for s in arts:
        doc = _text_only(s)
        entities.annotate(doc)
        docs.append(doc)
    if args.bytecodes:
        bytecodes(docs)
        return
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
