"""A party or movement named once with its class noun (حركة النهضة, تيار المردة, حزب القوات اللبنانية) and
elsewhere by the rest of its name alone (والنهضة تتحدث عن "انقلاب", وهو ما نفاه المردة): those words are the party
where they stand alone (no preposition on them, no definite word beside them: والحرية والاستقلال is no party)
and no other mention holds them (سد النهضة is the dam's KB name), also before the full name (a headline).
Class nouns: ner_span_words.tsv kind ``party_class``."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .kb import KB, StemIndex, stem_at
from .mention import Mention
from .news_rules import span_words

_PARTY_KINDS = frozenset({"party", "movement"})


def party_short_names(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, index: StemIndex
) -> list[Mention]:
    """``mentions`` with the later mentions of a linked party by its name without its class noun."""
    if kb is None:
        return mentions
    classes = span_words("party_class")
    short: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if m.type != "ORG" or len(m.kb_ids) != 1 or m.last == m.first:
            continue
        if kb.entries[m.kb_ids[0]].get("kind") not in _PARTY_KINDS:
            continue
        if stem_at(tokens[m.first], m.start) not in classes or not tokens[m.first + 1].norm.startswith("ال"):
            continue
        short.setdefault(tuple(t.norm for t in tokens[m.first + 1 : m.last + 1]), m)
    if not short:
        return mentions
    taken = {j for m in mentions for j in range(m.first, m.last + 1)}
    out = list(mentions)
    for key, party in short.items():
        n = len(key)
        for i in index.pos.get(key[0], ()):
            if any(j in taken for j in range(i, i + n)) or i + n > len(tokens):
                continue
            k = next((k for k, st in tokens[i].forms if st == key[0]), None)
            if k is None or tuple(t.norm for t in tokens[i + 1 : i + n]) != key[1:]:
                continue
            if not _alone(tokens, i, i + n - 1, k):
                continue
            out.append(
                Mention(i, i + n - 1, tokens[i].start + k, tokens[i + n - 1].end, "ORG", party.kb_ids, "cue")
            )
            taken.update(range(i, i + n))
    out.sort(key=lambda m: m.start)
    return out


def _definite(t: Token) -> bool:
    return t.kind == "word" and t.norm.startswith(("ال", "وال", "فال"))


def _alone(tokens: Sequence[Token], first: int, last: int, k: int) -> bool:
    """The words stand alone as a name: no preposition on them (بالاستقلال is "for independence"; و or ف may
    join them), and no definite word right before or after them, which would make them a noun of a list, a
    construct or a phrase (والحرية والاستقلال, إعلان الاستقلال التام)."""
    if k and tokens[first].text[:k].strip("وف"):
        return False
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return not (before is not None and _definite(before)) and not (after is not None and _definite(after))
