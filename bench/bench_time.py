"""Speed and accuracy of the time layer, side by side with dateparser's ``search_dates`` in the same run.

    nice .venv/bin/python bench/bench_time.py [--seconds 3]
    nice .venv/bin/python bench/bench_time.py --base REV [--generated 300]

``--base REV`` (a git revision, e.g. HEAD~2) times the time layer of that revision beside the working tree's in
this same process, alternating short rounds and keeping the best of each (its ``rasd/`` is extracted with
``git archive`` and imported as ``rasd_base``): on the seed, and on distinct texts (the seed, our examples and
``--generated`` articles from bench/bench_corpus.py's generator, as in bench/snapshot.py). Documents are made by
each revision's own text and entity layers before the clock starts.

``--runs N`` only runs the time layer on N prepared copies of the seed (of 40 made in any case), for counting
instructions, which a loaded machine does not move: the per-article count is the difference of two runs /40

    valgrind --tool=cachegrind --cache-sim=no .venv/bin/python bench/bench_time.py --runs 0   # then --runs 40

Articles: the seed (../shared/seed) and our examples (examples/*.txt, examples/articles.jsonl). The time layer
is timed alone in CPU time (the text layer runs before the clock starts; CPU time keeps other jobs on a
shared machine out of the figures); dateparser gets each text with
``languages=['ar']`` and ``RELATIVE_BASE`` set to the publication date. On the seed's 14 expressions it counts
how many each finds (a match overlapping the expression) and how many values are exactly right; a dateparser
datetime is compared at the granularity of the expected value (2021-06 for a month), and durations cannot be
right since it returns dates. Last, both run on the example corpus rows holding one DATE or TIME expression.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path

import revision
from revision import load_revision

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_temporal_seed import EXPECTED, SEED  # noqa: E402

from rasd import temporal, text  # noqa: E402
from rasd.document import Document  # noqa: E402


def articles() -> list[tuple[str, str, str | None]]:
    out = []
    if SEED.exists():
        out.append(("seed", SEED.read_text(encoding="utf-8"), "2021-12-30"))
    for p in sorted((ROOT / "examples").glob("*.txt")):
        out.append((p.name, p.read_text(encoding="utf-8"), None))
    jl = ROOT / "examples" / "articles.jsonl"
    if jl.exists():
        for line in jl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((d["id"], d["text"], d.get("published")))
    return out


def _prepared(s: str, published: str | None) -> Document:
    doc = Document(id="b", text=s, published=published, published_source="given" if published else None)
    text.annotate(doc)
    return doc


def rasd_run(s: str, published: str | None) -> tuple[Document, float]:
    doc = _prepared(s, published)
    t0 = time.process_time()
    temporal.annotate(doc)
    return doc, time.process_time() - t0


def dateparser_run(s: str, published: str | None):
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    settings = {"RELATIVE_BASE": base} if base else {}
    t0 = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(s, languages=["ar"], settings=settings) or []
    return found, time.process_time() - t0


def rate(fn, docs, seconds: float) -> float:
    """Articles per second of ``fn`` over ``docs``, repeated for about ``seconds``."""
    n = 0
    spent = 0.0
    while spent < seconds or n < len(docs):
        for _, s, pub in docs:
            spent += fn(s, pub)[1]
            n += 1
    return n / spent


def _format(d: dt.datetime, want: str) -> str:
    if "T" in want:
        v = d.strftime("%Y-%m-%dT%H:%M")
        off = d.utcoffset()
        return v + ("Z" if off is not None and off.total_seconds() == 0 else "")
    return {4: d.strftime("%Y"), 7: d.strftime("%Y-%m")}.get(len(want), d.date().isoformat())


def seed_scores() -> dict[str, tuple[int, int]]:
    s = SEED.read_text(encoding="utf-8")
    spans = []
    pos = 0
    for want_text, typ, value, _ in EXPECTED:
        i = s.index(want_text, pos)
        spans.append((i, i + len(want_text), typ, value))
        pos = i + 1
    doc, _ = rasd_run(s, None)
    r_found = r_exact = 0
    for a, b, typ, value in spans:
        hits = [t for t in doc.timexes if t.start < b and a < t.end]
        r_found += bool(hits)
        r_exact += any(t.value == value and t.type == typ for t in hits)
    found, _ = dateparser_run(s, "2021-12-30")
    d_found = d_exact = 0
    cursor = 0
    located = []
    for sub, d in found:
        i = s.find(sub, cursor)
        if i < 0:
            i = s.find(sub)
        else:
            cursor = i + 1
        located.append((i, i + len(sub), d))
    for a, b, typ, value in spans:
        hits = [(i, j, d) for i, j, d in located if i >= 0 and i < b and a < j]
        d_found += bool(hits)
        d_exact += typ in ("DATE", "TIME") and any(_format(d, value) == value for _, _, d in hits)
    return {"rasd (no date given)": (r_found, r_exact), "dateparser": (d_found, d_exact)}


def corpus_scores() -> dict[str, tuple[int, int]]:
    """Exact values on the example corpus rows with one DATE or TIME expression: (right, rows)."""
    from test_temporal_corpus import ROWS

    rows = [r for r in ROWS if r[2] in ("DATE", "TIME") and ".." not in r[3] and "|" not in r[3] and r[3]]
    r_ok = d_ok = 0
    for reference, phrase, typ, value, _ in rows:
        doc, _ = rasd_run(phrase, reference)
        r_ok += any(t.value == value and t.type == typ for t in doc.timexes)
        found, _ = dateparser_run(phrase, reference)
        d_ok += any(_format(d, value) == value for _, d in found)
    return {"rasd": (r_ok, len(rows)), "dateparser": (d_ok, len(rows))}


def load_base(rev: str):
    """The ``rasd`` package of git revision ``rev``, imported as ``rasd_base``: its pipeline module."""
    return load_revision(rev, "pipeline")[0]


def _time_layer_over(pipeline, items: list[tuple[str, str | None]]):
    """A function running one revision's time layer over documents made by its own text and entity layers."""
    docs = []
    for t, published in items:
        d = pipeline.new_document(t, published)
        for _name, step in pipeline.LAYERS[:2]:
            step(d, None)
        docs.append((d, d.published, d.published_source))
    step = dict(pipeline.LAYERS)["time"]

    def run() -> None:
        for d, published, source in docs:
            d.timexes.clear()
            d.published, d.published_source = published, source
            step(d, None)

    return run


def ab_ms(fn_a, fn_b, rounds: int, per_round: int) -> tuple[float, float]:
    """Best CPU ms per call of two functions timed in alternating short rounds (``revision.ab_ms``)."""
    return revision.ab_ms(fn_a, fn_b, rounds, per_round)


def compare(rev: str, generated: int) -> None:
    from snapshot import texts

    from rasd import pipeline

    base = load_base(rev)
    seed = [(SEED.read_text(encoding="utf-8"), None)] if SEED.exists() else []
    distinct = texts(generated)
    print(f"time layer, {rev} vs working tree (CPU ms per article, best of alternating rounds)")
    print(f"{'texts':<34}{'base ms':>10}{'now ms':>10}{'speed-up':>10}{'now art/s':>11}")
    for label, items, rounds, per_round in (
        ("the seed (no date given)", seed, 40, 20),
        (f"{len(distinct)} distinct texts (snapshot set)", distinct, 8, 1),
    ):
        if not items:
            continue
        a, b = ab_ms(_time_layer_over(base, items), _time_layer_over(pipeline, items), rounds, per_round)
        a, b = a / len(items), b / len(items)
        print(f"{label:<34}{a:>10.3f}{b:>10.3f}{a / b:>9.2f}x{1000 / b:>11.0f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0, help="time budget per measurement")
    ap.add_argument("--base", help="a git revision whose time layer to time beside the working tree's")
    ap.add_argument("--generated", type=int, default=300, help="generated articles for --base")
    ap.add_argument(
        "--runs", type=int, help="run the time layer on this many of 40 prepared seeds, nothing else"
    )
    args = ap.parse_args()
    if args.runs is not None:
        docs = [_prepared(SEED.read_text(encoding="utf-8"), None) for _ in range(41)]
        temporal.annotate(docs[0])  # load the data and compile the patterns
        for d in docs[1 : args.runs + 1]:
            temporal.annotate(d)
        return
    if args.base:
        sys.path.insert(0, str(ROOT / "bench"))
        compare(args.base, args.generated)
        return
    docs = articles()
    rasd_run(docs[0][1], docs[0][2])  # load the data files and compile the patterns before timing
    r_rate = rate(lambda s, p: rasd_run(s, p), docs, args.seconds)
    d_rate = rate(dateparser_run, docs, args.seconds)
    print(f"{len(docs)} articles: {', '.join(name for name, _, _ in docs)}")
    print(f"{'engine':<24}{'articles/s':>12}{'seed found':>12}{'seed exact':>12}")
    scores = seed_scores() if SEED.exists() else {}
    for name, r in (("rasd (no date given)", r_rate), ("dateparser", d_rate)):
        f, e = scores.get(name, (0, 0))
        print(f"{name:<24}{r:>12.1f}{f:>9}/{len(EXPECTED)}{e:>9}/{len(EXPECTED)}")
    print(f"speed ratio rasd/dateparser: {r_rate / d_rate:.1f}x")
    cs = corpus_scores()
    for name, (ok, n) in cs.items():
        print(f"example corpus, single DATE/TIME rows, exact values — {name}: {ok}/{n}")


if __name__ == "__main__":
    main()
