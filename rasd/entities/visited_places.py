"""A state's KB name that the model left out as the object of a verb of visiting after its subject (يزور
المبعوث الأميركي تيم ليندركينغ [مسقط]: verb, subject, then the place visited). The model, trained on 2007 news,
rarely sees a capital right after a person's name; the verb says a place follows. Verbs: ner_span_words.tsv
kind ``visit_verb``."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .kb import KB
from .mention import Mention
from .news_rules import span_words

_STATE_KINDS = frozenset({"country", "capital"})
_MAX_BEFORE = 8  # tokens between the verb and the person's name (titles, the body)


def visited_places(
    tokens: Sequence[Token],
    mentions: list[Mention],
    rejected: Sequence[Mention],
    kb: KB | None,
    ranges: Sequence[tuple[int, int]],
) -> list[Mention]:
    """``mentions`` with the rejected one-word country or capital names right after a person's name whose
    sentence has a verb of visiting at most a few words before that person."""
    if kb is None or not rejected:
        return mentions
    persons = {m.last: m for m in mentions if m.type == "PER"}
    taken = {j for m in mentions for j in range(m.first, m.last + 1)}
    verbs = span_words("visit_verb")
    out = list(mentions)
    for m in rejected:
        person = persons.get(m.first - 1)
        if person is None or m.first != m.last or m.first in taken or m.start != tokens[m.first].start:
            continue
        if not any(kb.entries[i].get("kind") in _STATE_KINDS for i in m.kb_ids):
            continue
        lo = next((a for a, b in ranges if a <= m.first < b), 0)
        start = max(lo, person.first - _MAX_BEFORE)
        if any(t.kind == "word" and t.match(verbs) is not None for t in tokens[start : person.first]):
            out.append(m)
            taken.add(m.first)
    out.sort(key=lambda m: m.start)
    return out
