"""A ship's name in quotes after a vessel noun (ناقلة النفط "مارلين لواندا", السفينة "غالاكسي ليدر"), and an
operation's code name in quotes after its noun (عملية "شبكة العنكبوت", عملية "طوفان الأقصى"): its words name the
ship or the operation, not the place or person they may also be, so no mention is taken inside it. Nouns:
ner_span_words.tsv kinds ``vessel_head`` and ``operation_head`` (an operation's name is short: at most three
words, so a quote that opens after عملية is left alone)."""

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
_MAX_OPERATION = 3  # words of an operation's code name


def quoted_vessel_spans(tokens: Sequence[Token], index: StemIndex) -> list[tuple[int, int]]:
    """(first, last) token indices of the quoted ship and operation names in the article."""
    return _quoted_after(tokens, index, "vessel_head", _MAX_NAME) + _quoted_after(
        tokens, index, "operation_head", _MAX_OPERATION, before=0
    )


def _quoted_after(
    tokens: Sequence[Token], index: StemIndex, kind: str, longest: int, before: int = _MAX_BEFORE_QUOTE
) -> list[tuple[int, int]]:
    """Quoted names of at most ``longest`` words after a noun of ``kind`` (``before`` words between)."""
    heads = span_words(kind)
    out = []
    for i in index.starts(heads):
        if tokens[i].match(heads) is None:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= before and tokens[j].kind == "word":
            j += 1
        if j >= len(tokens) or tokens[j].text not in _OPEN:
            continue
        k = j + 1
        while k < len(tokens) and k - j <= longest + 1 and tokens[k].kind == "word":
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
