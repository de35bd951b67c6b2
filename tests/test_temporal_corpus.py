"""The time layer's example corpus (tests/corpus/temporal.tsv): every phrase must give exactly the expected
expressions, types, values and mods against the reference date written in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd import temporal, text
from rasd.document import Document, check_spans

CORPUS = Path(__file__).parent / "corpus" / "temporal.tsv"


def _rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    reference = None
    header_seen = False
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("# reference:"):
            reference = line.split(":", 1)[1].split()[0]
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cols = (line.split("\t") + ["", "", ""])[:4]
        cols[0] = cols[0].replace("\\n", "\n")  # a written \n is a line break: a new paragraph
        rows.append((reference, *cols))
    return rows


ROWS = _rows()


def _analyze(phrase: str, published: str):
    doc = Document(id="t", text=phrase, published=published, published_source="given")
    text.annotate(doc)
    temporal.annotate(doc)
    return doc


def test_corpus_is_large_and_covers_every_type():
    assert len(ROWS) >= 250
    types = {t for _, _, typ, _, _ in ROWS for t in typ.split(" | ")}
    assert {"DATE", "TIME", "DURATION", "SET", "NONE"} <= types


@pytest.mark.parametrize(("reference", "phrase", "typ", "value", "mod"), ROWS, ids=[r[1][:40] for r in ROWS])
def test_phrase(reference: str, phrase: str, typ: str, value: str, mod: str):
    doc = _analyze(phrase, reference)
    assert check_spans(doc) == []
    got = [(t.type, t.value or "", t.mod or "") for t in doc.timexes]
    if typ == "NONE":
        assert got == []
        return
    if ".." in value:  # a range: two values, the first linked to the second
        start, end = value.split("..")
        assert [(g[0], g[1]) for g in got] == [(typ, start), (typ, end)]
        a, b = doc.timexes
        assert (a.range_to, b.range_from) == (b.id, a.id)
        return
    want = [(t.strip(), v.strip(), mod) for t, v in zip(typ.split("|"), value.split("|"), strict=True)]
    if len(want) > 1:
        want = [(t, v, "") for t, v, _ in want]
    assert got == want
