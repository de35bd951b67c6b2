"""The text layer's ``normalize_span`` (used by the time layer on every sentence) must give exactly what
``normalize_with_map`` gives, and ``normalize`` exactly what ``str.translate`` with the table gives."""

from hypothesis import given
from hypothesis import strategies as st

from rasd.text import normalize, normalize_span, normalize_with_map
from rasd.text.normalize import TABLE

# Arabic letters, digits and spaces mixed with every kind of character the normalization deletes or expands
_ALPHABET = st.sampled_from(list("قال الوزير ٢٠٢١ 12:30 أإآة") + [chr(cp) for cp in TABLE])


@given(st.text(_ALPHABET, max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_span_same_as_with_map(body: str, pad_left: int, pad_right: int) -> None:
    text = "x" * pad_left + body + "y" * pad_right
    start, end = pad_left, pad_left + len(body)
    norm, offs = normalize_span(text, start, end)
    want_norm, want_offs = normalize_with_map(body)
    assert norm == want_norm
    assert [offs[i] for i in range(len(want_offs))] == [start + o for o in want_offs]
    assert normalize_with_map(body, start)[1] == [start + o for o in want_offs]


def test_diacritics_and_ligatures() -> None:
    text = "قالَ ﻻ بدّ من ذلك ـــ غداً"
    norm, offs = normalize_span(text, 0, len(text))
    want_norm, want_offs = normalize_with_map(text)
    assert (norm, list(offs)) == (want_norm, want_offs)


@given(st.text(_ALPHABET, max_size=80) | st.text(max_size=80))
def test_normalize_is_translate(s: str) -> None:
    assert normalize(s) == s.translate(TABLE)


def test_every_table_character() -> None:
    s = "".join(chr(cp) for cp in TABLE) + " قال"
    assert normalize(s) == s.translate(TABLE)
