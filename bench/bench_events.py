"""Speed of the events layer beside the whole pipeline and the text layer, in the same run.

    nice python bench/bench_events.py [--repeat 30] [--base REV]

Texts: the seed article (../shared/seed) and our examples (examples/*.txt). For each text, the other layers
run once; then the events layer alone is timed on that prepared document (its output cleared before each
repetition), the whole pipeline (``rasd.analyze``) and the text layer alone are timed on the raw text, and,
as an outside yardstick, spaCy's blank Arabic tokenizer. Rates are articles per CPU second of this
process (one core; time.process_time, so other jobs on a shared machine do not inflate them); the ratios
compare each to the whole pipeline measured here, so the figures travel between machines.
Target (issue 6): the whole pipeline at ≥ 100 seed-sized articles/s.

``--base REV`` (a git revision, e.g. HEAD~3) also times the events layer of that revision in this same process
(its ``rasd/`` is extracted with ``git archive`` and imported as ``rasd_base``), alternating the two in short
rounds and keeping the best round of each, so a speed-up is measured as a ratio on the same machine state.

``--distinct N`` times the events layer on distinct texts instead of one article repeated: our examples and N
articles from bench/bench_corpus.py's generator (its own random seed, not the snapshot's), each prepared by
the other layers once. The first pass over them is reported apart (caches by word form still filling), then
the best of further passes (every text still seen once per pass). With ``--base REV`` the two revisions
alternate pass by pass.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import revision
from revision import load_revision
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd import events  # noqa: E402
from rasd import text as text_layer  # noqa: E402
from rasd.document import Document, content_id  # noqa: E402
from rasd.pipeline import analyze  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"


def texts() -> list[tuple[str, str, str | None]]:
    out = []
    if SEED.exists():
        out.append(("seed", SEED.read_text(encoding="utf-8"), "2021-12-30"))
    for p in sorted((ROOT / "examples").glob("*.txt")):
        out.append((p.stem, p.read_text(encoding="utf-8"), None))
    return out


def rate(fn, repeat: int) -> float:
    """Runs per CPU second of this process (process_time: other jobs on a shared machine do not count)."""
    fn()  # warm caches (lexicons, models)
    t0 = time.process_time()
    for _ in range(repeat):
        fn()
    return repeat / max(time.process_time() - t0, 1e-9)


def events_only(doc: Document, layer=events):
    def run() -> None:
        doc.events.clear()
        doc.summary.clear()
        layer.annotate(doc)

    return run


def text_only(t: str):
    def run() -> None:
        text_layer.annotate(Document(id=content_id(t), text=t))

    return run


def load_base(rev: str):
    """The ``rasd`` package of git revision ``rev``, imported as ``rasd_base`` (its pipeline and events)."""
    pipeline, events = load_revision(rev, "pipeline", "events")
    return pipeline, events


def ab_ms(fn_a, fn_b, rounds: int = 40, per_round: int = 10) -> tuple[float, float]:
    """Best CPU ms per call of two functions timed in alternating short rounds (``revision.ab_ms``)."""
    return revision.ab_ms(fn_a, fn_b, rounds, per_round)


def compare(rev: str) -> None:
    base_pipeline, base_events = load_base(rev)
    table = Table(
        title=f"events layer: {rev} vs working tree (CPU ms per article, best of alternating rounds)"
    )
    for col in ("text", f"events ms ({rev})", "events ms (now)", "speed-up"):
        table.add_column(col, justify="right")
    for name, t, published in texts():
        old = base_pipeline.analyze(t, published=published)
        new = analyze(t, published=published)
        a, b = ab_ms(events_only(old, base_events), events_only(new))
        table.add_row(name, f"{a:.2f}", f"{b:.2f}", f"×{a / b:.2f}")
    Console().print(table)


def distinct_texts(n: int) -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_corpus import Generator, _examples

    out = [(t, None) for _, t, _ in texts()]
    out += [(a.text, a.published) for a in Generator(_examples()).articles(n, seed=11)]
    return out


def _pass_ms(docs: list[Document], layer) -> float:
    t0 = time.process_time()
    for d in docs:
        d.events.clear()
        d.summary.clear()
        layer.annotate(d)
    return (time.process_time() - t0) * 1000


def distinct(n: int, rev: str | None, passes: int = 5) -> None:
    items = distinct_texts(n)
    runs = [("now", analyze, events)]
    if rev:
        base_pipeline, base_events = load_base(rev)
        runs.insert(0, (rev, base_pipeline.analyze, base_events))
    table = Table(title=f"events layer on {len(items)} distinct texts (CPU ms per article; tokens/s)")
    for col in ("revision", "first pass ms", f"best of {passes} passes ms", "tokens/s", "articles/s"):
        table.add_column(col, justify="right")
    prepared = []
    for name, pipeline, layer in runs:
        # the other layers once per text; the events layer of a warm-up article loads its data files
        docs = [pipeline(t, published=p) for t, p in items]
        seed_doc = pipeline(texts()[0][1])
        layer.annotate(seed_doc)
        prepared.append((name, docs, layer))
    n_tok = sum(len(d.tokens) for d in prepared[0][1])
    first = {name: _pass_ms(docs, layer) for name, docs, layer in prepared}
    best = {name: float("inf") for name, _, _ in prepared}
    for _ in range(passes):
        for name, docs, layer in prepared:
            best[name] = min(best[name], _pass_ms(docs, layer))
    for name, _, _ in prepared:
        per = best[name] / len(items)
        table.add_row(
            name, f"{first[name] / len(items):.2f}", f"{per:.2f}", f"{n_tok / best[name] * 1000:,.0f}",
            f"{1000 / per:,.0f}",
        )  # fmt: skip
    Console().print(table)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--base", help="a git revision whose events layer to time beside the working tree's")
    ap.add_argument("--distinct", type=int, metavar="N", help="time on our examples and N generated articles")
    args = ap.parse_args()
    if args.distinct is not None:
        distinct(args.distinct, args.base)
        return
    if args.base:
        compare(args.base)
        return
    try:
        import spacy

        nlp = spacy.blank("ar")
    except Exception:  # spaCy is a dev dependency; the table simply leaves its column out
        nlp = None
    table = Table(title=f"events layer vs pipeline (articles/s, one core, {args.repeat} runs each)")
    for col in ("text", "chars", "events", "events layer", "whole pipeline", "text layer", "spaCy blank ar",
                "events/pipeline", "pipeline/spaCy"):  # fmt: skip
        table.add_column(col, justify="right")
    for name, t, published in texts():
        doc = analyze(t, published=published)
        ev = rate(events_only(doc), args.repeat)
        whole = rate(lambda t=t, p=published: analyze(t, published=p), args.repeat)
        txt = rate(text_only(t), args.repeat)
        sp = rate(lambda t=t: nlp(t), args.repeat) if nlp is not None else None
        table.add_row(
            name, str(len(t)), str(len(doc.events)), f"{ev:,.0f}", f"{whole:,.0f}", f"{txt:,.0f}",
            f"{sp:,.0f}" if sp else "-", f"{ev / whole:.1f}×", f"{whole / sp:.2f}" if sp else "-",
        )  # fmt: skip
    Console().print(table)


if __name__ == "__main__":
    main()
