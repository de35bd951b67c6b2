"""A place's class noun with the article read as a place the KB does not know (نزح 30 ألف شخص من [المدينة]):
"the city", "the town" refer back to a place named before; they name none. Nouns: ner_span_words.tsv kinds
``town_head`` and ``division_head`` (مدينة, بلدة, منطقة …) with ال. A KB place of that name (a city the KB
spells المدينة) keeps its link and stays."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from .mention import Mention
from .news_rules import span_words


@lru_cache(maxsize=1)
def _class_nouns() -> frozenset[str]:
    return frozenset("ال" + w for w in span_words("town_head") | span_words("division_head"))


def without_generic_places(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the unlinked one-word places that are a definite class noun."""
    nouns = _class_nouns()
    return [
        m
        for m in mentions
        if not (m.type == "LOC" and not m.kb_ids and m.first == m.last and tokens[m.first].match(nouns))
    ]
