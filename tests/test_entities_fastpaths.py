"""The entity layer's faster paths give what the general code they replace gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.entities.kb import StemIndex, stem_at
from rasd.entities.model import to_bio
from rasd.entities.model_spans import label_spans
from rasd.evaluate.conll import bio_spans
from rasd.text.tokens import tokenize

LABELS = st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "I-ORG", "B-MISC", "X"])


@given(st.lists(LABELS, max_size=30), st.integers(0, 50))
def test_label_spans_are_bio_spans(labels: list[str], lo: int) -> None:
    expected = [(lo + a, lo + b, t) for a, b, t in bio_spans(labels)]
    assert label_spans(labels, lo) == expected


@given(st.lists(st.sampled_from(["O", "B-PER", "I-LOC", "U-ORG", "L-ORG", "U-", "L", "UX"]), max_size=20))
def test_to_bio_maps_each_label(labels: list[str]) -> None:
    def one(t: str) -> str:
        return ("B-" if t[0] == "U" else "I-") + t[2:] if t[0] in "UL" and t[1:2] == "-" else t

    assert to_bio(labels) == [one(t) for t in labels]


def test_stem_at_picks_the_reading_at_an_offset() -> None:
    tok = next(t for t in tokenize("وللأمم") if t.kind == "word")
    assert stem_at(tok, tok.start) == tok.forms[0][1]
    for k, stem in tok.forms:
        assert stem_at(tok, tok.start + k) == stem
    assert stem_at(tok, tok.start + 99) == tok.norm  # no reading there: the normalized form


@given(st.lists(st.sampled_from(["في", "القاهرة", "وزير", "بالقاهرة", "،", "الخارجية", "x"]), max_size=25))
def test_stem_index_starts(words: list[str]) -> None:
    tokens = tokenize(" ".join(words))
    index = StemIndex(tokens)
    for vocab in ({"القاهره", "وزير"}, frozenset({"الخارجيه"}), {"في": 1, "x": 2}, set()):
        expected = sorted(
            {i for i, t in enumerate(tokens) if t.kind != "punct" for _, s in t.forms if s in vocab}
        )
        assert index.starts(vocab) == expected
        assert index.starts(vocab) == expected  # remembered
