"""Places named right after a class noun of places (بلدة, قرية, مدينة, منطقة, بلدية, قضاء ...), which the model
may leave out where the name alone is a common word: رئيس بلدية [الخيام] ("the tents"), منطقة [صور]
("pictures"). The class noun says a place follows, so

- a KB place the model left out there is taken (the recognizer's rejected KB matches);
- a word the KB names only with a class noun is that place after that class noun, and a town after any
  class noun (منطقة صور: the KB has مدينة صور, قضاء صور).

Class nouns: ner_span_words.tsv kinds town_head and division_head, and name_heads.tsv role class.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from . import adjust
from .kb import KB, StemIndex
from .mention import Mention, covered_tokens
from .news_rules import span_words

_PLACE_KINDS = frozenset({"city", "capital", "region", "district", "town", "village", "camp"})
_TOWN_KINDS = frozenset({"city", "capital", "town", "village"})


@lru_cache(maxsize=1)
def _class_nouns() -> frozenset[str]:
    heads = adjust._one_word_heads().get("class", {})
    return span_words("town_head") | span_words("division_head") | frozenset(heads)


def _is_place(kb: KB, i: str) -> bool:
    e = kb.entries[i]
    return e["type"] == "LOC" and e.get("kind") in _PLACE_KINDS


def class_noun_places(
    tokens: Sequence[Token],
    mentions: list[Mention],
    rejected: Sequence[Mention],
    kb: KB | None,
    index: StemIndex,
) -> list[Mention]:
    """``mentions`` with the places named right after a class noun of places that no mention covers."""
    if kb is None:
        return mentions
    nouns = _class_nouns()
    heads = [i for i in index.starts(nouns) if tokens[i].match(nouns) is not None]
    if not heads:
        return mentions
    waiting = {m.first: m for m in rejected if m.kb_ids and all(_is_place(kb, i) for i in m.kb_ids)}
    proposed: list[Mention] = []
    for h in heads:
        j = h + 1
        if j >= len(tokens) or tokens[j].kind != "word" or tokens[h].end + 1 != tokens[j].start:
            continue  # the name follows the class noun after one space (not across punctuation)
        m = waiting.get(j)
        if m is not None and m.start == tokens[j].start:
            proposed.append(m)
            continue
        word, own = tokens[j].norm, tokens[h].match(nouns)
        # a town by any class noun (منطقة صور: مدينة صور); a region only by its own (محافظة الشمال is no
        # منطقة الشمال)
        ids = tuple(
            sorted(
                {
                    i
                    for n in nouns
                    for i in kb.names.get((n, word), ())
                    if _is_place(kb, i)
                    and (kb.entries[i].get("kind") in _TOWN_KINDS or (own and n == own[1]))
                }
            )
        )
        if ids and (word,) not in kb.names:
            proposed.append(Mention(j, j, tokens[j].start, tokens[j].end, "LOC", ids, "kb"))
    if not proposed:
        return mentions
    taken = covered_tokens(mentions)
    out = list(mentions)
    for m in proposed:
        # (neither the class noun nor the name in another mention)
        if m.first - 1 in taken or taken.intersection(range(m.first, m.last + 1)):
            continue
        out.append(m)
        taken.update(range(m.first, m.last + 1))
    out.sort(key=lambda m: m.start)
    return out
