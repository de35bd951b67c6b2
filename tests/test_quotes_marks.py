"""The quotes layer finds quotation marks with str.find over the characters of the text layer's QUOTE_MARK:
those must be exactly the characters the pattern matches, or a block's quotations would be missed."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.quotes.context import MARK_CHARS
from rasd.text.sentences import QUOTE_MARK, pair_quote_marks, quote_regions


def test_mark_chars_are_what_the_pattern_matches() -> None:
    matched = {chr(c) for c in range(sys.maxunicode + 1) if QUOTE_MARK.fullmatch(chr(c))}
    assert matched == set(MARK_CHARS)
    assert {'"', "«", "»"} <= matched


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='"«»“”ab ', max_size=60), st.integers(0, 2100))
def test_marks_found_with_str_find_pair_as_quote_regions(s: str, gap: int) -> None:
    # the quotes layer pairs the marks it found with str.find; the text layer pairs what its regex finds
    text = s[: len(s) // 2] + "x" * gap + s[len(s) // 2 :]  # long gaps reach MAX_QUOTE
    marks = [(i, ch) for i, ch in enumerate(text) if ch in MARK_CHARS]
    assert pair_quote_marks(marks) == quote_regions(text, 0, len(text))
