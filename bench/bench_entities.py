"""Speed and memory of the entities layer, beside the text layer alone as a same-run baseline.

Run: ``nice .venv/bin/python bench/bench_entities.py [--repeat N]``. Texts: the reference article (if
../shared/seed is there) and the articles in examples/. Prints a table; ratios are to the text layer. Times
are CPU time of this process (``time.process_time``): the machine is shared.

``--base REV`` (a git revision, e.g. main): that revision's entities layer beside the working tree's in this
same process, alternating the two in short rounds (bench/revision.py), on the reference article repeated
(warm) and on distinct texts (the examples and ``--generated`` articles of bench/bench_corpus.py).

``--ab``: the layer with the numpy tagger (rasd.entities.crf) and with crfsuite sentence by sentence, in
alternating rounds of the same process (best round of each), warm (the seed repeated) and cold: texts seen once
each, after a warm-up on other texts, so that the per-word caches hold only what those taught them (generated
articles, which share much of the examples' vocabulary, and 200 documents of 25 ANERcorp training sentences,
whose 2007 news vocabulary is new to the caches).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rasd import entities, text  # noqa: E402
from rasd.document import Document  # noqa: E402
from rasd.entities import model  # noqa: E402
from rasd.entities.kb import load_kb  # noqa: E402
from rasd.entities.model import tagger  # noqa: E402
from rasd.pipeline import analyze  # noqa: E402


def texts() -> list[str]:
    out = []
    seed = ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
    if seed.exists():
        out.append(seed.read_text(encoding="utf-8"))
    for p in sorted((ROOT / "examples").glob("**/*.txt")):
        out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out or ["قال الرئيس الأميركي جو بايدن إن الولايات المتحدة تدعم أوكرانيا."]


def _layer_seconds(docs: list[Document], kb) -> float:
    """CPU seconds of the entities layer over ``docs`` (text layer already run; each doc a fresh copy)."""
    total = 0.0
    for d in docs:
        doc = d.model_copy(update={"entities": []})
        a = time.process_time()
        entities.annotate(doc, kb=kb)
        total += time.process_time() - a
    return total


def ab(repeat: int) -> None:
    """Numpy tagger vs crfsuite, warm (seed repeated) and cold (distinct generated texts, each seen once)."""
    from bench_corpus import Generator, _examples

    kb = load_kb()
    seed = texts()[0]
    gen = [a.text for a in Generator(_examples()).articles(400, seed=11)]
    warmup, cold = gen[:100], gen[100:]
    analyze(warmup[0])  # loads data and moves it out of the GC's sight, as in real use
    for s in warmup:  # fills the caches with these texts' words only
        for flag in (True, False):
            model.NUMPY_TAGGER = flag
            entities.annotate(text.annotate(Document(id="w", text=s)), kb=kb)
    seed_doc = text.annotate(Document(id="s", text=seed))
    cold_docs = [text.annotate(Document(id="c", text=s)) for s in cold]
    n_cold = sum(len(d.tokens) for d in cold_docs)
    # cold: each text once per tagger (crfsuite first, so that it cannot profit from the numpy caches —
    # it has none — and the numpy tagger meets the cold texts' words for the first time)
    model.NUMPY_TAGGER = False
    cold_ref = _layer_seconds(cold_docs, kb)
    model.NUMPY_TAGGER = True
    cold_new = _layer_seconds(cold_docs, kb)
    best = {True: 1e9, False: 1e9}
    for _ in range(3):
        for flag in (False, True):
            model.NUMPY_TAGGER = flag
            best[flag] = min(best[flag], _layer_seconds([seed_doc] * repeat, kb) / repeat)
    model.NUMPY_TAGGER = True
    print(
        f"entities layer, CPU ms per article; {len(seed_doc.tokens)}-token seed x {repeat}, best of 3 rounds"
    )
    print(f"{'':<34} {'crfsuite':>10} {'numpy':>10} {'ratio':>7}")
    print(
        f"{'seed (warm)':<34} {1000 * best[False]:>10.2f} {1000 * best[True]:>10.2f} {best[False] / best[True]:>7.2f}"
    )
    label = f"{len(cold_docs)} new texts, each once (cold)"
    print(
        f"{label:<34} {1000 * cold_ref / len(cold_docs):>10.2f} {1000 * cold_new / len(cold_docs):>10.2f} "
        f"{cold_ref / cold_new:>7.2f}"
    )
    print(
        f"cold texts: {n_cold} tokens; numpy tagger {n_cold / cold_new:,.0f} tokens/s, crfsuite {n_cold / cold_ref:,.0f}"
    )
    print(f"seed: numpy tagger {len(seed_doc.tokens) / best[True]:,.0f} tokens/s")
    # other news text (ANERcorp's training split, 2007; read as plain text, never to learn from): new words
    corpus = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"
    if corpus.is_file():
        from rasd.evaluate.conll import read_conll

        sents = [" ".join(t for t, _ in s) for s in read_conll(corpus)]
        docs = [
            text.annotate(Document(id="a", text="\n".join(sents[i : i + 25]))) for i in range(0, 5000, 25)
        ]
        n_tok = sum(len(d.tokens) for d in docs)
        model.NUMPY_TAGGER = False
        ref = _layer_seconds(docs, kb)
        model.NUMPY_TAGGER = True
        new = _layer_seconds(docs, kb)
        print(
            f"{len(docs)} ANERcorp-train docs of 25 sentences, each once: crfsuite {1000 * ref / len(docs):.2f} ms, "
            f"numpy {1000 * new / len(docs):.2f} ms, ratio {ref / new:.2f}; {n_tok} tokens, numpy tagger "
            f"{n_tok / new:,.0f} tokens/s, crfsuite {n_tok / ref:,.0f}"
        )


def compare(rev: str, generated: int) -> None:
    """CPU ms per article of revision ``rev``'s entities layer and the working tree's, alternating rounds."""
    import revision
    from bench_corpus import Generator, _examples

    base = revision.load_revision(rev, "entities")[0]
    arts = texts()
    rows = [("seed, repeated (warm)", arts[:1], 10)]
    distinct = arts[1:] + [a.text for a in Generator(_examples()).articles(generated, seed=3)]
    rows.append((f"{len(distinct)} distinct texts", distinct, 1))
    print(f"entities layer: {rev} vs working tree (CPU ms per article, best of alternating rounds)\n")
    print(f"{'articles':<28}{rev + ' ms':>14}{'now ms':>10}{'speed-up':>10}")
    for name, group, repeat in rows:
        docs = [text.annotate(Document(id="b", text=s)) for s in group]
        a, b = revision.ab_ms(
            revision.layer_pass(docs, base, "entities", repeat),
            revision.layer_pass(docs, entities, "entities", repeat),
            20,
            counts=True,
        )
        print(f"{name:<28}{a:>14.3f}{b:>10.3f}{a / b:>10.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--base", help="a git revision whose entities layer to time beside the working tree's")
    ap.add_argument("--generated", type=int, default=100, help="with --base: generated articles to add")
    ap.add_argument(
        "--ab", action="store_true", help="numpy tagger vs crfsuite, warm and cold (see the docstring)"
    )
    args = ap.parse_args()
    if args.base:
        compare(args.base, args.generated)
        return
    if args.ab:
        ab(args.repeat)
        return
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
