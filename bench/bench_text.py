"""Speed and memory of rasd.analyze, per layer, beside spaCy's blank Arabic tokenizer in the same run.

    python bench/bench_text.py [--repeat N] [FILES...]

Default corpus: the reference article (../shared/seed) and our examples. Machines are noisy, so the figure to
track is the ratio to spaCy measured in the same process, not the seconds.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=200, help="passes over the corpus")
    args = ap.parse_args()
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
    total = time.perf_counter() - t_all

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
    rate = n_docs / total
    tab.add_row(
        "rasd all layers",
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
