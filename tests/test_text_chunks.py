"""The tokenizer splits on white space as the regex module's \\s defines it (Unicode White_Space), although it
finds the chunks with the standard library's faster re, whose own \\s also takes U+001C-U+001F."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.tokens import _CHUNK_RE, WHITE_SPACE, tokenize

_REFERENCE = regex.compile(r"(\s*)(\S+)")


def test_white_space_class_is_unicode_white_space() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert re.findall(f"[{WHITE_SPACE}]", every) == regex.findall(r"\s", every)


_CHARS = st.sampled_from(
    list("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u200a\u200b\u2028\u202f\u3000\x1c\x1d\x1e\x1f\ufeff\u200c")
    + list("قال الوزير: «نعم»، 3.5 abc.")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_same_chunks_as_the_regex_module(text: str, a: int, b: int) -> None:
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    assert _CHUNK_RE.findall(text, a, b) == _REFERENCE.findall(text, a, b)


def test_separators_stay_inside_tokens() -> None:
    # U+001C-U+001F are not white space for rasd: they never split a word's chunk
    text = "قال\x1cالوزير كلمة"
    toks = tokenize(text)
    assert [t.start for t in toks][-1] == text.index("كلمة")
    assert all(text[t.start : t.end] == t.text for t in toks)
