"""The phrase rules' content words (rasd/data/quote_phrase_words.tsv) as the code reads them."""

from __future__ import annotations

from rasd.quotes.phrase_words import phrase_words
from rasd.text import normalize


def test_kinds_are_normalized_sets() -> None:
    words = phrase_words()
    assert {"during", "now", "same", "not_conjunction", "name_lookalike"} <= set(words)
    for kind, ws in words.items():
        assert isinstance(ws, frozenset) and ws, kind
        if kind != "name_lookalike":
            assert all(normalize(w) == w for w in ws), kind
    assert normalize("أثناء") in words["during"] and normalize("لدى") in words["during"]
    assert normalize("أمس") in words["now"] and normalize("أنفسهم") in words["same"]


def test_name_lookalikes_are_read_as_written() -> None:
    # the name Ali is written with ya; the preposition على (alif maqsura) is not one of them
    assert "علي" in phrase_words()["name_lookalike"]
    assert "على" not in phrase_words()["name_lookalike"]


def test_read_once() -> None:
    assert phrase_words() is phrase_words()
