"""Corpus speed and size: ingest vs bare analysis, Dask, search p95, entity profiles, storage per article.

    nice python bench/bench_corpus.py [--docs 10000] [--bare 500] [--search-docs 100000] [--no-dask]

1. Articles are generated from our examples (``examples/``): each is one example with its people, places and
   organizations swapped for others of the same type seen in the examples, and its numbers, dates, source
   and publication date varied.
2. Bare analysis (``rasd.analyze``) and ingest (local engine, one core, fresh SQLite file) of the same
   ``--docs`` articles, alternating in ``--rounds`` chunks. The figure to track is the ratio of the two rates.
3. Dask: the same articles with ``--workers`` workers of a LocalCluster (one thread each), fresh database.
4. Search: the ingested store is grown to ``--search-docs`` documents by a bulk path that skips analysis:
   each ingested document is cloned with a new id and a shifted publication date, its rows copied with plain
   executemany (mentions, timexes and LSH bands are not copied: no query reads them). Then a mix of queries
   (frequent and rare words, two words, filters) runs through ``Store.search``, snippets included.
5. Entity profiles: the 10 most mentioned entities and 10 others, on the grown store.
6. Storage: variants of the reference article (same generator) ingested into a fresh file; bytes per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasd.corpus import open_store  # noqa: E402
from rasd.corpus.engines import LocalEngine  # noqa: E402
from rasd.inputs import Article, iter_inputs  # noqa: E402
from rasd.pipeline import analyze  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
SOURCES = ["وكالة الأنباء", "صحيفة الخليج", "موقع الحدث", "قناة المشرق", "صحيفة النهار", "وكالة المغرب"]
NUM = re.compile(r"\d+")


class Generator:
    """Varied articles from base texts: entity names swapped by type, numbers and dates changed."""

    def __init__(self, bases: list[str]) -> None:
        self.bases = []
        self.pool: dict[str, list[str]] = {}
        for text in bases:
            try:
                doc = analyze(text)
            except Exception as e:  # noqa: BLE001 - a layer being rebuilt: vary numbers only
                print(f"warning: analysis failed on a base text ({type(e).__name__}: {e})", file=sys.stderr)
                self.bases.append((text, []))
                continue
            spans = [(m.start, m.end, e.type, e.id) for e in doc.entities for m in e.mentions]
            self.bases.append((text, sorted(spans)))
            for e in doc.entities:
                if e.mentions:
                    self.pool.setdefault(e.type, []).append(max((m.text for m in e.mentions), key=len))
        self.pool = {k: sorted(set(v)) for k, v in self.pool.items()}

    def vary(self, text: str, spans: list, rng: random.Random) -> str:
        swap: dict[str, str] = {}
        out, pos = [], 0
        for start, end, typ, eid in spans:
            if start < pos:
                continue  # overlapping mentions: keep the first
            if eid not in swap:
                swap[eid] = rng.choice(self.pool.get(typ) or [text[start:end]])
            out.append(text[pos:start])
            out.append(swap[eid])
            pos = end
        out.append(text[pos:])

        def num(m: re.Match) -> str:
            s = m.group()
            if len(s) == 4 and s[:2] in ("19", "20"):
                return str(rng.randint(2015, 2025))
            return str(rng.randint(1, 28 if len(s) <= 2 else 999))

        return NUM.sub(num, "".join(out))

    def articles(self, n: int, seed: int = 7) -> list[Article]:
        seen: set[str] = set()
        out: list[Article] = []
        i = 0
        while len(out) < n:
            rng = random.Random(seed * 1_000_003 + i)
            text, spans = self.bases[i % len(self.bases)]
            i += 1
            t = self.vary(text, spans, rng)
            if t in seen:
                continue
            seen.add(t)
            day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
            out.append(
                Article(
                    text=t,
                    origin=f"gen:{len(out)}",
                    source=rng.choice(SOURCES),
                    published=day.isoformat(),
                    published_source="metadata",
                )
            )
        return out


def _examples() -> list[str]:
    texts = [a.text for a in iter_inputs([str(ROOT / "examples")]) if isinstance(a, Article)]
    return [t for t in texts if len(t) > 200]


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def bench_ingest(arts: list[Article], rounds: int, workdir: Path, workers: int) -> dict:
    """Bare analysis and local ingest of the same articles, interleaved in ``rounds`` so that the load of a
    shared machine weighs on both alike (the order alternates, so warm caches favour neither)."""
    res: dict = {}
    store = open_store(f"sqlite:///{workdir / 'ingest.db'}")
    bare_s = ingest_s = 0.0
    ingested = near = 0
    failed: list[tuple[str, str]] = []
    size = max(1, -(-len(arts) // rounds))
    for r in range(rounds):
        chunk = arts[r * size : (r + 1) * size]
        for step in ("bare", "ingest") if r % 2 == 0 else ("ingest", "bare"):
            t = time.perf_counter()
            if step == "bare":
                for a in chunk:
                    try:
                        analyze(a.text, published=a.published, source=a.source)
                    except Exception:  # noqa: BLE001, S112 - counted as failed by the ingest below
                        continue
                bare_s += time.perf_counter() - t
            else:
                rep = store.ingest(chunk, engine=LocalEngine())
                ingest_s += time.perf_counter() - t
                ingested, near, failed = (
                    ingested + rep.ingested,
                    near + rep.near_duplicates,
                    failed + rep.failed,
                )
    res["bare_rate"] = _rate(len(arts), bare_s)
    res["ingest_rate"] = _rate(len(arts), ingest_s)
    res["ingested"], res["near_dups"], res["failed"] = ingested, near, len(failed)
    for origin, reason in failed[:3]:
        print(f"failed: {origin}: {reason[:200]}", file=sys.stderr)
    store.close()
    if workers:
        from distributed import Client, LocalCluster

        from rasd.corpus.engines import DaskEngine

        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=40,
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(lambda: analyze("تمهيد"))  # warm the workers (imports, models) outside the timing
            dstore = open_store(f"sqlite:///{workdir / 'dask.db'}")
            t = time.perf_counter()
            dstore.ingest(arts, engine=DaskEngine(client))
            res["dask_rate"] = _rate(len(arts), time.perf_counter() - t)
            dstore.close()
    return res


def grow(db: Path, target: int) -> int:
    """Clone the ingested documents (new ids, shifted dates) until the store holds ``target`` documents."""
    import sqlite3

    from rasd.corpus.search import doc_tokens, index_terms
    from rasd.corpus.writer import unpack
    from rasd.document import Document

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    docs = con.execute(
        "SELECT pk, id, title, url, source, published, origin, n_chars, body, ingested_at FROM documents"
    ).fetchall()
    base_n = len(docs)
    terms = {}
    for row in docs:
        d = Document.from_dict(unpack(row[8]))
        terms[row[0]] = index_terms(doc_tokens(d), d.title)
    tables = {
        "doc_entities": con.execute(
            "SELECT doc_pk, entity_id, local_id, n_mentions, published, story FROM doc_entities"
        ).fetchall(),
        "roles": con.execute("SELECT doc_pk, entity_id, text, text_en, source FROM roles").fetchall(),
        "quotes": con.execute("SELECT * FROM quotes").fetchall(),
        "quote_about": con.execute("SELECT quote_id, entity_id FROM quote_about").fetchall(),
        "events": con.execute("SELECT * FROM events").fetchall(),
        "event_actors": con.execute("SELECT event_id, entity_id, role FROM event_actors").fetchall(),
    }
    max_pk = max(d[0] for d in docs)
    max_q = max((r[0] for r in tables["quotes"]), default=0)
    max_e = max((r[0] for r in tables["events"]), default=0)
    qcols = len(tables["quotes"][0]) if tables["quotes"] else 0
    ecols = len(tables["events"][0]) if tables["events"] else 0
    k, total = 0, base_n
    while total < target:
        k += 1
        take = docs[: min(base_n, target - total)]
        keep = {d[0] for d in take}
        shift = dt.timedelta(days=k * 3)

        def day(s: str | None, shift: dt.timedelta = shift) -> str | None:
            return (dt.date.fromisoformat(s) + shift).isoformat() if s else s

        with con:
            con.executemany(
                "INSERT INTO documents (pk, id, title, url, source, published, origin, n_chars, body, ingested_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (pk + k * max_pk, f"{i}-c{k}", ti, u, so, day(pu), o, n, b, ia)
                    for pk, i, ti, u, so, pu, o, n, b, ia in take
                ],
            )
            con.executemany(
                "INSERT INTO doc_fts(rowid, terms) VALUES (?, ?)",
                [(d[0] + k * max_pk, terms[d[0]]) for d in take],
            )
            con.executemany(
                "INSERT INTO doc_entities (doc_pk, entity_id, local_id, n_mentions, published, story) "
                "VALUES (?,?,?,?,?,?)",
                [
                    (r[0] + k * max_pk, r[1], r[2], r[3], day(r[4]), r[5] + k * max_pk)
                    for r in tables["doc_entities"]
                    if r[0] in keep
                ],
            )
            con.executemany(
                "INSERT INTO roles (doc_pk, entity_id, text, text_en, source) VALUES (?,?,?,?,?)",
                [(r[0] + k * max_pk, *r[1:]) for r in tables["roles"] if r[0] in keep],
            )
            qs = [r for r in tables["quotes"] if r[1] in keep]
            con.executemany(
                f"INSERT INTO quotes VALUES ({','.join('?' * qcols)})",
                [(r[0] + k * max_q, r[1] + k * max_pk, *r[2:-1], day(r[-1])) for r in qs],
            )
            qids = {r[0] for r in qs}
            con.executemany(
                "INSERT INTO quote_about VALUES (?,?)",
                [(r[0] + k * max_q, r[1]) for r in tables["quote_about"] if r[0] in qids],
            )
            evs = [r for r in tables["events"] if r[1] in keep]
            con.executemany(
                f"INSERT INTO events VALUES ({','.join('?' * ecols)})",
                [
                    (
                        r[0] + k * max_e,
                        r[1] + k * max_pk,
                        r[2],
                        r[3],
                        r[4],
                        day(r[5]),
                        *r[6:-1],
                        r[-1] + k * max_pk,
                    )
                    for r in evs
                ],
            )
            eids = {r[0] for r in evs}
            con.executemany(
                "INSERT INTO event_actors VALUES (?,?,?)",
                [(r[0] + k * max_e, r[1], r[2]) for r in tables["event_actors"] if r[0] in eids],
            )
        total += len(take)
    con.execute("ANALYZE")
    con.close()
    return total


def _queries(store, rng: random.Random) -> list[tuple[str, dict]]:
    from collections import Counter

    from rasd.corpus.search import query_terms

    words: Counter = Counter()
    for d in store.list_documents(limit=300):
        doc = store.get_document(d["id"])
        words.update(w for w in query_terms(doc["text"]) if len(w) > 3 and not w.isdigit())
    ranked = [w for w, _ in words.most_common()]
    frequent, middle, rare = ranked[:20], ranked[len(ranked) // 3 : len(ranked) // 3 + 200], ranked[-200:]
    top = store.top(limit=5)
    ent = top["entities"][0]["name"] if top["entities"] else None
    qs: list[tuple[str, dict]] = []
    for pool, n in ((frequent, 10), (middle, 10), (rare, 10)):
        qs += [(w, {}) for w in rng.sample(pool, min(n, len(pool)))]
    qs += [(f"{a} {b}", {}) for a, b in zip(rng.sample(frequent, 5), rng.sample(middle, 5), strict=False)]
    qs += [(w, {"since": "2022-06-01", "until": "2022-12-31"}) for w in rng.sample(frequent, 3)]
    if ent:
        qs += [(w, {"entity": ent}) for w in rng.sample(middle, 3)]
        qs += [("", {"entity": ent, "since": "2023-01-01"})]
    qs += [(w, {"source": SOURCES[0]}) for w in rng.sample(frequent, 3)]
    return qs


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_search(db_url: str, repeat: int) -> dict:
    store = open_store(db_url)
    rng = random.Random(3)
    qs = _queries(store, rng)
    times: list[float] = []
    for q, f in qs:
        store.search(q, **f)  # warm
        for _ in range(repeat):
            t = time.perf_counter()
            store.search(q, **f)
            times.append((time.perf_counter() - t) * 1000)
    top = store.top(limit=10)["entities"]
    with store.engine.connect() as c:
        from sqlalchemy import text

        others = c.execute(text("SELECT id FROM entities ORDER BY id")).scalars().all()
    chosen = [e["id"] for e in top] + rng.sample(others, min(10, len(others)))
    ptimes: list[float] = []
    for eid in chosen:
        store.entity_profile(str(eid))
        for _ in range(3):
            t = time.perf_counter()
            store.entity_profile(str(eid))
            ptimes.append((time.perf_counter() - t) * 1000)
    docs = store.count("documents")
    store.close()
    return {
        "docs": docs,
        "queries": len(qs),
        "p50": _p(times, 0.5),
        "p95": _p(times, 0.95),
        "max": max(times),
        "profile_p95": _p(ptimes, 0.95),
        "profile_max": max(ptimes),
    }


def bench_storage(n: int, workdir: Path) -> dict:
    import sqlite3

    seed = SEED.read_text(encoding="utf-8")
    arts = Generator([seed]).articles(n, seed=11)
    db = workdir / "storage.db"
    store = open_store(f"sqlite:///{db}")
    store.ingest(arts)
    store.close()
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = db.stat().st_size
    return {
        "articles": n,
        "chars": sum(len(a.text) for a in arts) / n,
        "seed_chars": len(seed),
        "kb_per_article": size / n / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="articles to ingest")
    ap.add_argument("--rounds", type=int, default=10, help="alternations of bare analysis and ingest")
    ap.add_argument("--workers", type=int, default=2, help="Dask workers (0: no Dask run)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument(
        "--search-docs", type=int, default=100_000, help="documents for the search benchmark (0: skip)"
    )
    ap.add_argument("--repeat", type=int, default=5, help="runs of each query")
    ap.add_argument(
        "--storage-docs", type=int, default=200, help="seed-sized articles for the storage figure"
    )
    ap.add_argument("--keep", help="keep the databases in this directory")
    args = ap.parse_args()
    console = Console()
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rasd-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        gen = Generator(_examples())
        arts = gen.articles(args.docs)
        console.print(
            f"{len(arts)} articles generated from {len(gen.bases)} examples "
            f"(mean {statistics.mean(len(a.text) for a in arts):.0f} chars) in {workdir}"
        )
        ing = bench_ingest(arts, args.rounds, workdir, 0 if args.no_dask else args.workers)
        t = Table(title="rasd corpus benchmark")
        for c in ("measure", "value", "target", "ratio / note"):
            t.add_column(c)
        ratio = ing["ingest_rate"] / ing["bare_rate"]
        t.add_row(
            "bare analysis", f"{ing['bare_rate']:.1f} art/s", "", f"same articles, {args.rounds} rounds"
        )
        t.add_row(
            "ingest, local, 1 core",
            f"{ing['ingest_rate']:.1f} art/s",
            "≥ 80% of bare",
            f"{ratio:.0%} of bare ({ing['ingested']} ingested, {ing['near_dups']} near-dup, {ing['failed']} failed)",
        )
        if "dask_rate" in ing:
            t.add_row(
                f"ingest, Dask {args.workers} workers",
                f"{ing['dask_rate']:.1f} art/s",
                "> local",
                f"{ing['dask_rate'] / ing['ingest_rate']:.2f}× local",
            )
        if args.search_docs:
            shutil.copy(workdir / "ingest.db", workdir / "search.db")
            for ext in ("-wal", "-shm"):
                if (workdir / f"ingest.db{ext}").exists():
                    shutil.copy(workdir / f"ingest.db{ext}", workdir / f"search.db{ext}")
            grow(workdir / "search.db", args.search_docs)
            s = bench_search(f"sqlite:///{workdir / 'search.db'}", args.repeat)
            t.add_row(
                f"search p95 ({s['docs']} docs, {s['queries']} queries)",
                f"{s['p95']:.1f} ms",
                "≤ 50 ms",
                f"p50 {s['p50']:.1f} ms, max {s['max']:.1f} ms",
            )
            t.add_row(
                "entity profile p95",
                f"{s['profile_p95']:.1f} ms",
                "≤ 200 ms",
                f"max {s['profile_max']:.1f} ms",
            )
        if args.storage_docs:
            st = bench_storage(args.storage_docs, workdir)
            t.add_row(
                "storage per seed-sized article",
                f"{st['kb_per_article']:.1f} KB",
                "≤ 30 KB",
                f"{st['articles']} variants of the seed, {st['chars']:.0f} chars (seed {st['seed_chars']})",
            )
        console.print(t)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
