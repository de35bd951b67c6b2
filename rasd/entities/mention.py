"""A mention found by the recognizer, and what every rule on mentions needs: the tokens mentions cover, the KB
entity a span names exactly, the proclitics left out of a name's span, a mention's bare word and KB key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import normalize
from ..text.tokens import Token
from .features import name_words
from .kb import KB, KBMatch, stem_at


@dataclass(slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    start: int  # char offsets, clitics excluded
    end: int
    type: str
    kb_ids: tuple[str, ...] = ()
    source: str = "model"


def covered_tokens(mentions: Sequence[Mention]) -> set[int]:
    """The token indices the mentions span (the rules below never take a token twice)."""
    return {j for m in mentions for j in range(m.first, m.last + 1)}


def exact_kb_ids(tokens: Sequence[Token], a: int, b: int, kb: KB | None) -> tuple[str, ...]:
    if kb is None:
        return ()
    return next((x.ids for x in kb.match(tokens, a, b + 1) if x.first == a and x.last == b), ())


def strip_clitics(
    tok: Token, kb: KB | None, seen: set[str] | frozenset[str] = frozenset(), after: str | None = ""
) -> int:
    """Characters of proclitics to leave out of a name starting with ``tok``: the least stripped reading
    that the KB knows as a name word, or that stands bare elsewhere in the article (``seen``: لأوكرانيا when
    أوكرانيا occurs), or clitic + article (بالعراق). ``after``: the normalized word after ``tok`` in the
    name (None: the name is ``tok`` alone; "": not known)."""
    if len(tok.forms) == 1:
        return 0

    if name_words().get(tok.norm) == "given":
        return 0  # a given name as written (فراس, بسام, وليد), not ف + راس
    for k, stem in tok.forms:
        if "س" in tok.text[:k]:
            continue  # the future's س goes on verbs only: سيلين is a name, not س + يلين (Yellen)
        if k and stem in seen:
            return k
        if kb is not None and stem in kb.words:
            if (
                k
                and after != ""
                and stem not in kb.inner_words
                and (after is None or ((stem, after) not in kb.prefixes and (stem, after) not in kb.names))
            ):
                # the stem only opens a longer KB name that does not go on here: بكاري سامبي is no ب +
                # كاري (of كاري لام), while لإيمانويل ماكرون is ل + the KB's name
                continue
            return k
    for k, stem in tok.forms[1:]:
        if stem.startswith("ال") and len(stem) > 3:
            return k
    return 0


def bare_word(tokens: Sequence[Token], m: Mention) -> str:
    """A one-word mention's normalized text without its proclitics."""
    t = tokens[m.first]
    return normalize(t.text[m.start - t.start :])


def match_key(tokens: Sequence[Token], m: KBMatch) -> tuple[str, ...]:
    first = tokens[m.first]
    stem = stem_at(first, m.start)
    return (stem, *(t.norm for t in tokens[m.first + 1 : m.last + 1]))
