"""The content words of the phrase rules (rasd/data/quote_phrase_words.tsv), by kind, read once per process."""

from __future__ import annotations

from functools import lru_cache

from ..data import read_tsv
from ..text import normalize

# kinds compared with a token's text as written, not its normalized form (علي keeps its ya)
_AS_WRITTEN = frozenset({"name_lookalike"})


@lru_cache(maxsize=1)
def phrase_words() -> dict[str, frozenset[str]]:
    """kind -> words (normalized, except the kinds read as written)."""
    out: dict[str, set[str]] = {}
    for r in read_tsv("quote_phrase_words.tsv"):
        kind, word = r["kind"], r["word"]
        out.setdefault(kind, set()).add(word if kind in _AS_WRITTEN else normalize(word))
    return {kind: frozenset(words) for kind, words in out.items()}
