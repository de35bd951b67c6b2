"""Speed of the events layer beside the whole pipeline and the text layer, in the same run.

    nice python bench/bench_events.py [--repeat 30]

Texts: the seed article (../shared/seed) and our examples (examples/*.txt). For each text, the other layers
run once; then the events layer alone is timed on that prepared document (its output cleared before each
repetition), the whole pipeline (``rasd.analyze``) and the text layer alone are timed on the raw text, and,
as an outside yardstick, spaCy's blank Arabic tokenizer. Rates are articles per CPU second of this
process (one core; time.process_time, so other jobs on a shared machine do not inflate them); the ratios
compare each to the whole pipeline measured here, so the figures travel between machines.
Target (issue 6): the whole pipeline at ≥ 100 seed-sized articles/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

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


def events_only(doc: Document):
    def run() -> None:
        doc.events.clear()
        doc.summary.clear()
        events.annotate(doc)

    return run


def text_only(t: str):
    def run() -> None:
        text_layer.annotate(Document(id=content_id(t), text=t))

    return run


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
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
