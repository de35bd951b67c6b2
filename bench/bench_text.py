"""Speed and memory of rasd.analyze, per layer, beside spaCy's blank Arabic tokenizer in the same run.

    python bench/bench_text.py [--repeat N] [FILES...]
    python bench/bench_text.py --base REV [--rounds N] [FILES...]
    python bench/bench_text.py --runs N [FILES...]

Default corpus: the reference article (../shared/seed) and our examples. The per-layer rows call the layers one by
one; the "all layers" row times ``analyze()`` itself, as a caller runs it. Machines are noisy, so the figure to
track is the ratio to spaCy measured in the same process, not the seconds.

``--base REV`` (a git revision, e.g. main) runs the whole pipeline of that revision beside the working tree's
in this same process (its ``rasd/`` imported as ``rasd_base``, see bench/revision.py), alternating short rounds
and keeping the best CPU time of each, per layer and in all: the speed-up of a change, on a shared machine.

``--runs N`` only runs ``analyze`` N times over the corpus after one warm-up pass, for counting instructions,
which a loaded machine does not move: the count per article is the difference of two runs over N articles

    valgrind --tool=cachegrind --cache-sim=no python bench/bench_text.py --runs 0 SEED   # then --runs 20

With ``--layer NAME`` (text, entities, time, quotes, events) it counts one layer: 41 documents per text are made
by the layers before NAME, and NAME runs on N+1 of them (N ≤ 40), so that only the layer's runs differ.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.pipeline import LAYERS, analyze, new_document  # noqa: E402


def _corpus(files: list[str]) -> list[str]:
    paths = [Path(f) for f in files] or [
        ROOT.parent / "shared/seed/000_94f9661d6d9a40c9.txt",
        *sorted((ROOT / "examples").glob("*.txt")),
    ]
    return [p.read_text(encoding="utf-8") for p in paths if p.exists()]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _runs_only(texts: list[str], runs: int, layer: str | None) -> None:
    """``--runs``: nothing but ``runs`` passes (after a warm-up pass) of analyze, or of one layer."""
    if layer is None:
        for _ in range(runs + 1):
            for t in texts:
                analyze(t)
        return
    if runs > 40:
        raise SystemExit("--layer takes --runs 40 at most")
    names = [name for name, _ in LAYERS]
    before = LAYERS[: names.index(layer)]
    step = dict(LAYERS)[layer]
    docs = []
    for t in texts:
        for _ in range(41):
            doc = new_document(t)
            for _, prev in before:
                prev(doc, None)
            docs.append(doc)
    per_text = len(docs) // max(1, len(texts))
    gc.disable()  # as analyze() runs the layers (and no pass over the prepared documents lands in the count)
    for k in range(len(texts)):
        for doc in docs[k * per_text : k * per_text + runs + 1]:
            step(doc, None)


def _pipeline_rounds(pipeline, texts: list[str]):
    """A function running one revision's pipeline over ``texts`` twice, returning CPU seconds: each layer's
    (the layers called one by one) and ``analyze()``'s as a caller runs it (document creation and whatever
    the pipeline does around the layers included)."""
    layers = pipeline.LAYERS
    clock = time.process_time

    def run() -> dict[str, float]:
        out = dict.fromkeys((f"layer: {name}" for name, _ in layers), 0.0)
        for t in texts:
            doc = pipeline.new_document(t)
            for name, step in layers:
                t0 = clock()
                step(doc, None)
                out[f"layer: {name}"] += clock() - t0
        t0 = clock()
        for t in texts:
            pipeline.analyze(t)
        out["analyze() (all layers)"] = clock() - t0
        return out

    return run


def compare(rev: str, texts: list[str], rounds: int) -> None:
    """Per-layer and whole-pipeline CPU ms per article, revision ``rev`` vs the working tree."""
    from revision import load_revision

    from rasd import pipeline

    (base,) = load_revision(rev, "pipeline")
    # rounds of at least 20 articles, so that what the garbage collector costs now and then is in every round
    texts = texts * max(1, -(-20 // len(texts)))
    runs = {"base": _pipeline_rounds(base, texts), "now": _pipeline_rounds(pipeline, texts)}
    for fn in runs.values():  # warm-up: data files, models, the first article's freezing of loaded data
        fn()
    best: dict[str, dict[str, float]] = {k: {} for k in runs}
    for r in range(rounds):
        for k in ("base", "now") if r % 2 else ("now", "base"):
            for name, secs in runs[k]().items():
                ms = 1000 * secs / len(texts)
                best[k][name] = min(best[k].get(name, float("inf")), ms)
    tab = Table(
        title=f"rasd pipeline, {rev} vs working tree: best CPU ms/article of {rounds} alternating rounds"
    )
    for col in ("what", f"{rev} ms", "now ms", "speed-up", "now articles/s"):
        tab.add_column(col, justify="right")
    for name in best["now"]:
        a, b = best["base"].get(name), best["now"][name]
        tab.add_row(
            name,
            f"{a:.3f}" if a is not None else "-",
            f"{b:.3f}",
            f"{a / b:.2f}x" if a and b else "-",
            f"{1000 / b:,.0f}" if b else "-",
        )
    Console().print(tab)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=200, help="passes over the corpus")
    ap.add_argument("--base", help="a git revision whose whole pipeline to time beside the working tree's")
    ap.add_argument("--rounds", type=int, default=30, help="alternating rounds for --base")
    ap.add_argument("--runs", type=int, help="only run analyze this many passes after a warm-up pass")
    ap.add_argument("--layer", choices=[name for name, _ in LAYERS], help="with --runs: only this layer")
    args = ap.parse_args()
    if args.runs is not None:
        _runs_only(_corpus(args.files), args.runs, args.layer)
        return
    if args.base:
        sys.path.insert(0, str(ROOT / "bench"))
        compare(args.base, _corpus(args.files), args.rounds)
        return
    texts = _corpus(args.files)
    n_docs = len(texts) * args.repeat
    chars = sum(len(t) for t in texts) * args.repeat

    rss_start = _rss_mb()
    # warm-up: load data files and models once, as a long-running process would (analyze() also moves the
    # loaded data out of the garbage collector's sight after its first article)
    for t in texts:
        analyze(t)
    rss_loaded = _rss_mb()

    per_layer = {name: 0.0 for name, _ in LAYERS}
    tokens = 0
    gc.collect()
    t_all = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            doc = new_document(t)
            for name, step in LAYERS:
                t0 = time.perf_counter()
                step(doc, None)
                per_layer[name] += time.perf_counter() - t0
            tokens += len(doc.tokens)
    by_layer = time.perf_counter() - t_all
    # all layers as a caller runs them: analyze() (what the pipeline does around the layers counts too)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            analyze(t)
    total = time.perf_counter() - t0

    import spacy

    nlp = spacy.blank("ar")
    for t in texts:
        nlp(t)
    t0 = time.perf_counter()
    sp_tokens = 0
    for _ in range(args.repeat):
        for t in texts:
            sp_tokens += len(nlp(t))
    spacy_s = time.perf_counter() - t0

    # the text layer alone, as a tokenizer is used (the per-layer row above runs between the other layers)
    text_step = LAYERS[0][1]
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            text_step(new_document(t), None)
    text_alone = time.perf_counter() - t0

    tab = Table(
        title=f"rasd speed: {len(texts)} articles × {args.repeat} passes ({chars // n_docs} chars/article)"
    )
    for col in ("what", "articles/s", "tokens/s", "ms/article", "× spaCy blank"):
        tab.add_column(col, justify="right")
    sp_rate = n_docs / spacy_s
    tab.add_row(
        "spaCy blank('ar') tokenizer",
        f"{sp_rate:,.0f}",
        f"{sp_tokens / spacy_s:,.0f}",
        f"{1000 * spacy_s / n_docs:.2f}",
        "1.00",
    )
    for name, secs in per_layer.items():
        rate = n_docs / secs if secs else float("inf")
        tab.add_row(
            f"rasd layer: {name}",
            f"{rate:,.0f}",
            f"{tokens / secs:,.0f}" if secs else "-",
            f"{1000 * secs / n_docs:.3f}",
            f"{rate / sp_rate:.2f}",
        )
    rate = n_docs / text_alone
    tab.add_row(
        "rasd text layer alone",
        f"{rate:,.0f}",
        f"{tokens / text_alone:,.0f}",
        f"{1000 * text_alone / n_docs:.3f}",
        f"{rate / sp_rate:.2f}",
    )
    rate = n_docs / by_layer
    tab.add_row(
        "rasd layers one by one",
        f"{rate:,.0f}",
        f"{tokens / by_layer:,.0f}",
        f"{1000 * by_layer / n_docs:.2f}",
        f"{rate / sp_rate:.2f}",
    )
    rate = n_docs / total
    tab.add_row(
        "rasd all layers (analyze)",
        f"{rate:,.0f}",
        f"{tokens / total:,.0f}",
        f"{1000 * total / n_docs:.2f}",
        f"{rate / sp_rate:.2f}",
    )
    console = Console()
    console.print(tab)
    console.print(
        f"peak RSS: {rss_start:.0f} MB at start, {rss_loaded:.0f} MB after loading and one pass, "
        f"{_rss_mb():.0f} MB at the end"
    )


if __name__ == "__main__":
    main()
