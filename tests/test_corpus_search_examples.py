"""The search example corpus (rasd/corpus/search_examples.tsv): every row is a test, on a one-document store
per text; and random queries never crash the search."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.corpus import open_store
from rasd.corpus.search import query_terms

EXAMPLES = Path(__file__).resolve().parent.parent / "rasd" / "corpus" / "search_examples.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [
        line
        for line in EXAMPLES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _store():
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="rasd-search-"))
    store = open_store(f"sqlite:///{tmp / 'examples.db'}")
    texts = sorted({r["text"] for r in _rows()})
    report = store.ingest([{"text": t, "origin": f"ex{i}"} for i, t in enumerate(texts)])
    assert not report.failed
    return store


def test_the_corpus_is_not_trivial():
    rows = _rows()
    assert len(rows) >= 30 and {r["found"] for r in rows} == {"yes", "no"}


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['query']}")
def test_search_example(row):
    hits = _store().search(row["query"], limit=50)
    found = any(
        h["snippet"].replace("… ", "").replace(" …", "") in row["text"] or row["text"] in h["snippet"]
        for h in hits
    )
    assert found == (row["found"] == "yes"), (row, hits)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_random_queries_never_crash(q):
    hits = _store().search(q, limit=5)
    assert isinstance(hits, list)
    for h in hits:
        if h["hit"]:
            assert 0 <= h["hit"][0] < h["hit"][1] <= len(h["snippet"])


@given(st.text(max_size=60))
@settings(max_examples=100, deadline=None)
def test_query_terms_are_safe(q):
    for t in query_terms(q):
        assert t and " " not in t
