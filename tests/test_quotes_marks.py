"""The quotes layer finds quotation marks with str.find over the characters of the text layer's QUOTE_MARK:
those must be exactly the characters the pattern matches, or a block's quotations would be missed."""

from __future__ import annotations

import sys

from rasd.quotes.context import MARK_CHARS
from rasd.text.sentences import QUOTE_MARK


def test_mark_chars_are_what_the_pattern_matches() -> None:
    matched = {chr(c) for c in range(sys.maxunicode + 1) if QUOTE_MARK.fullmatch(chr(c))}
    assert matched == set(MARK_CHARS)
    assert {'"', "«", "»"} <= matched
