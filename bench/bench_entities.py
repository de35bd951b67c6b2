"""Speed and memory of the entities layer, beside the text layer alone as a same-run baseline.

Run: ``nice .venv/bin/python bench/bench_entities.py [--repeat N]``. Texts: the reference article (if
../shared/seed is there) and the articles in examples/. Prints a table; ratios are to the text layer. Times
are CPU time of this process (``time.process_time``): the machine is shared.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd import entities, text  # noqa: E402
from rasd.document import Document  # noqa: E402
from rasd.entities.kb import load_kb  # noqa: E402
from rasd.entities.model import tagger  # noqa: E402


def texts() -> list[str]:
    out = []
    seed = ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
    if seed.exists():
        out.append(seed.read_text(encoding="utf-8"))
    for p in sorted((ROOT / "examples").glob("**/*.txt")):
        out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out or ["قال الرئيس الأميركي جو بايدن إن الولايات المتحدة تدعم أوكرانيا."]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    docs = texts()
    t0 = time.perf_counter()
    kb = load_kb()
    tagger()
    load_s = time.perf_counter() - t0
    for s in docs:  # warm caches once
        entities.annotate(text.annotate(Document(id="w", text=s)), kb=kb)
    n_tokens = 0
    t_text = t_ent = 0.0
    t_first = [0.0, 0.0]  # text, entities CPU seconds on the first text (the reference article when present)
    for _ in range(args.repeat):
        for k, s in enumerate(docs):
            doc = Document(id="b", text=s)
            a = time.process_time()
            text.annotate(doc)
            b = time.process_time()
            entities.annotate(doc, kb=kb)
            c = time.process_time()
            t_text += b - a
            t_ent += c - b
            n_tokens += len(doc.tokens)
            if k == 0:
                t_first[0] += b - a
                t_first[1] += c - b
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} texts x {args.repeat}, {n_tokens} tokens; KB {len(kb)} entries; load {load_s:.2f}s")
    print(f"{'layer':<22} {'tokens/s':>12} {'ratio':>8}")
    base = n_tokens / t_text
    print(f"{'text (baseline)':<22} {base:>12,.0f} {1.0:>8.2f}")
    ent = n_tokens / t_ent
    print(f"{'entities':<22} {ent:>12,.0f} {ent / base:>8.2f}")
    both = n_tokens / (t_text + t_ent)
    print(f"{'text + entities':<22} {both:>12,.0f} {both / base:>8.2f}")
    ms = [1000 * x / args.repeat for x in t_first]
    print(
        f"first text ({len(text.annotate(Document(id='n', text=docs[0])).tokens)} tokens): text {ms[0]:.2f} ms, "
        f"entities {ms[1]:.2f} ms ({ms[1] / ms[0]:.1f}x text)"
    )
    print(f"peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
