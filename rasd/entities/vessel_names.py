"""A ship's name in quotes after a vessel noun (ناقلة النفط "مارلين لواندا", السفينة "غالاكسي ليدر"): its words
name the ship, not the place or person they may also be, so no mention is taken inside it. Vessel nouns:
ner_span_words.tsv kind ``vessel_head``."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .kb import StemIndex
from .mention import Mention
from .news_rules import span_words

_OPEN = frozenset('"«“')
_CLOSE = frozenset('"»”')
_MAX_BEFORE_QUOTE = 2  # words between the vessel noun and the quote (ناقلة [النفط] "…")
_MAX_NAME = 5  # words of a ship's name


def quoted_vessel_spans(tokens: Sequence[Token], index: StemIndex) -> list[tuple[int, int]]:
    """(first, last) token indices of the quoted ship names in the article."""
    heads = span_words("vessel_head")
    out = []
    for i in index.starts(heads):
        if tokens[i].match(heads) is None:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= _MAX_BEFORE_QUOTE and tokens[j].kind == "word":
            j += 1
        if j >= len(tokens) or tokens[j].text not in _OPEN:
            continue
        k = j + 1
        while k < len(tokens) and k - j <= _MAX_NAME + 1 and tokens[k].kind == "word":
            k += 1
        if k < len(tokens) and k > j + 1 and tokens[k].text in _CLOSE:
            out.append((j + 1, k - 1))
    return out


def without_vessel_names(tokens: Sequence[Token], mentions: list[Mention], index: StemIndex) -> list[Mention]:
    """``mentions`` without those inside a quoted ship's name."""
    spans = quoted_vessel_spans(tokens, index)
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.first and m.last <= b for a, b in spans)]
