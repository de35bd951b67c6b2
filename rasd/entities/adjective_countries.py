"""A country's name that is its nisba adjective in the indefinite accusative (وفدا اقتصاديا [إسبانيا] "a Spanish
economic delegation", تقاربا [روسيا] "a Russian rapprochement"): إسبانيا is إسباني + the accusative alef, and it
follows an indefinite accusative noun or adjective that it qualifies, so it names no place."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text import normalize
from ..text.tokens import Token
from .cues import cue_index
from .kb import KB, per_kb
from .mention import Mention
from .news_rules import particle, span_words

_MIN_P_OUT = 0.9  # the model's P(outside) of that word at least
_MIN_NOUN = 4  # letters of the accusative word before (وفدا); shorter ones are verbs (دعا روسيا)


@lru_cache(maxsize=1)
def _participles() -> frozenset[str]:
    """Circumstantial participles in the accusative (مطالبا, داعيا, متهما: the quotes layer's cue forms in
    rasd/data/cues.tsv), which take a country as their object (مطالبا بريطانيا بالإفراج …)."""
    from .. import data

    return frozenset(
        normalize(f)
        for r in data.read_tsv("cues.tsv")
        if r.get("kind") == "participle"
        for f in (r.get("forms") or "").split("|")
        if f
    )


@per_kb
def _accusative_forms(kb: KB) -> frozenset[str]:
    """Normalized country names that are a demonym of theirs + ا (إسبانيا, روسيا, تركيا), built once per KB."""
    out = set()
    for e in kb.entries.values():
        if e.get("kind") != "country":
            continue
        forms = {normalize(d) + "ا" for d in e.get("demonyms", [])}
        out.update(n for n in (normalize(x) for x in [e["name"], *e.get("aliases", [])]) if n in forms)
    return frozenset(out)


def without_accusative_nisbas(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, p_out: Sequence[float]
) -> list[Mention]:
    """``mentions`` without the one-word country names that are an accusative nisba after the indefinite
    accusative word they qualify (no clitic on either: وروسيا after فرنسا is a second country), a word the
    model is sure is no name (``p_out``: its P(outside) per token; a results table's سوسا إسبانيا is a rider
    and his country)."""
    if kb is None:
        return mentions
    forms = _accusative_forms(kb)
    if not any(m.first == m.last and tokens[m.first].norm in forms for m in mentions):
        return mentions
    taken = {j for m in mentions for j in range(m.first, m.last + 1)}
    firsts = cue_index().first_words
    out = []
    for m in mentions:
        if (
            m.type == "LOC"
            and m.first == m.last
            and m.first > 0
            and m.start == tokens[m.first].start
            and tokens[m.first].norm in forms
        ):
            prev = tokens[m.first - 1]
            if (
                prev.kind == "word"
                and len(prev.norm) >= _MIN_NOUN
                and prev.norm.endswith("ا")
                and not prev.norm.endswith(("ها", "نا"))  # غزوها أوكرانيا: a pronoun, no accusative
                and not prev.norm.startswith("ال")
                and m.first - 1 not in taken
                and p_out[m.first - 1] > _MIN_P_OUT
                and not particle(prev)
                and not any(st in firsts for _, st in prev.forms)  # ودعا روسيا: a verb
                and not any(st in _participles() for _, st in prev.forms)  # مطالبا بريطانيا
                and not any(st in span_words("adverb") for _, st in prev.forms)  # أيضا موريتانيا
            ):
                continue
        out.append(m)
    return out
