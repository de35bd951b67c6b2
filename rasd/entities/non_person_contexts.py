"""A person's name right after a word that no person's name follows: a preposition of lack (بلا
[مأوى] "homeless"), a missile noun (صواريخ [كروز] "cruise missiles", not Ted Cruz) or a storm noun (العاصفة
[دانيال], a storm's name). The words are no mention of a person (the model may run a storm's name on: العاصفة [دانيال الساحل]). Words: ner_span_words.tsv kind
``not_person_before`` (clitics aside: وبلا)."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .mention import Mention
from .news_rules import span_words


def without_non_persons(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the persons right after a ``not_person_before`` word."""
    words = span_words("not_person_before")
    out = []
    for m in mentions:
        if (
            m.type == "PER"
            and m.first > 0
            and tokens[m.first - 1].kind == "word"
            and tokens[m.first - 1].end + 1 == tokens[m.first].start
            and tokens[m.first - 1].match(words) is not None
        ):
            continue
        out.append(m)
    return out
