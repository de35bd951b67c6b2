"""The entities layer's example corpus (tests/corpus/entities.tsv): sentence -> mentions that must be found."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from entities_helpers import analyze_entities

from rasd.document import check_spans

CORPUS = Path(__file__).parent / "corpus" / "entities.tsv"


def _rows() -> list[tuple[str, list[tuple[str, str, str | None]]]]:
    lines = [ln for ln in CORPUS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = []
    for row in list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
        expected = []
        for item in row[1].split(" | "):
            parts = item.strip().split("=")
            expected.append(
                (parts[0], parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else None)
            )
        rows.append((row[0], expected))
    return rows


ROWS = _rows()


@pytest.mark.parametrize("sentence,expected", ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_example(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    doc = analyze_entities(sentence)
    assert check_spans(doc) == []
    found = {(m.text, e.type, e.kb_id) for e in doc.entities for m in e.mentions}
    by_text = {(m.text, e.type) for e in doc.entities for m in e.mentions}
    texts = {m.text for e in doc.entities for m in e.mentions}
    for text, typ, kb_id in expected:
        if text.startswith("!"):  # !text: no mention may be exactly this text
            assert text[1:] in sentence, f"corpus error: {text[1:]!r} not in the sentence"
            assert text[1:] not in texts, f"{text[1:]} must not be a mention: {sorted(texts)}"
            continue
        assert text in sentence, f"corpus error: {text!r} not in the sentence"
        if kb_id:
            assert (text, typ, kb_id) in found, f"{text} {typ} {kb_id} not in {sorted(found)}"
        else:
            assert (text, typ) in by_text, f"{text} {typ} not in {sorted(by_text)}"


def test_corpus_is_not_trivial() -> None:
    assert len(ROWS) >= 15
    assert sum(len(e) for _, e in ROWS) >= 30
