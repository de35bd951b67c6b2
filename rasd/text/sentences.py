"""Sentence splitting inside a block.

Splits after Arabic and Latin terminators (. ؟ ? ! ؛ …) followed by white space, but never inside a quotation
("…", «…», “…”), inside a number (3.5, 21:25: no white space follows) or after an abbreviation (د. م. Dr.).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_tsv
from .normalize import normalize_word

_BOUNDARY = re.compile(r"(?:[.؟?!؛…]+|\.\.\.)[\"»”’)\]]*(?=\s|$)")
_QUOTE = re.compile(r"[\"«»“”]")
QUOTE_MARK = _QUOTE  # the marks quote_regions pairs: a text without any has no regions
_WORD_EXTRA = frozenset("_\u0640\u0670" + "".join(map(chr, range(0x064B, 0x0660))))  # tatweel, harakat
MAX_QUOTE = 2000  # a "quotation" longer than this is an unbalanced mark, not a quotation


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbr"] for row in read_tsv("abbreviations.tsv"))


@lru_cache(maxsize=1)
def _continuations() -> frozenset[str]:
    return frozenset(row["word"] for row in read_tsv("sentence_continuations.tsv"))


_NEXT_WORD = re.compile(r"\s*(\w+)")


def pair_quote_marks(marks: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the balanced quotation marks among ``marks`` ((offset, mark) in text order):
    straight quotes pair in turn, «» and “” nest; a pair farther apart than MAX_QUOTE is no quotation."""
    regions = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for i, ch in marks:
        if ch == '"':
            if straight is None:
                straight = i
            else:
                if i - straight <= MAX_QUOTE:
                    regions.append((straight, i))
                straight = None
        elif ch == "«" or ch == "“":
            stack.append((ch, i))
        elif stack and (ch == "»" and stack[-1][0] == "«" or ch == "”" and stack[-1][0] == "“"):
            j = stack.pop()[1]
            if i - j <= MAX_QUOTE:
                regions.append((j, i))
    return regions


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of balanced quotation marks in ``text[start:end]``."""
    return pair_quote_marks([(m.start(), m.group()) for m in _QUOTE.finditer(text, start, end)])


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of white space."""
    regions = quote_regions(text, start, end) if _QUOTE.search(text, start, end) else []
    abbr = _abbreviations()
    cuts = []
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
        if regions and any(o < b <= c for o, c in regions):
            continue
        if regions and b - 1 > m.start() and text[b - 1] in '"»”’' and any(c == b - 1 for _, c in regions):
            # «…!» قبل أن يغادر: a terminator inside a closing quotation does not end the sentence
            # when the next word carries it on
            nxt = _NEXT_WORD.match(text, b, end)
            if nxt and normalize_word(nxt.group(1)) in _continuations():
                continue
        if m.group() == ".":
            i = j = m.start()
            while j > start and (text[j - 1].isalnum() or text[j - 1] in _WORD_EXTRA):
                j -= 1
            if i > j:
                word = text[j:i]
                if len(word) == 1 or word in abbr or normalize_word(word) in abbr:
                    continue
        cuts.append(b)
    spans = []
    s = start
    for b in cuts + [end]:
        seg = text[s:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > s + lead:
            spans.append((s + lead, b - trail))
        s = b
    return spans
