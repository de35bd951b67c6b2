"""Pronoun subjects and object pronouns (لكنه، وأنها، اجتاحتها): the antecedent they refer to."""

from __future__ import annotations

from ..context import SentCtx
from ..triggers import Cand
from .subjects import first_subject_chunk
from .syntax import chunk_at, is_comp, word_stem


def resolve_pronoun(ctx: SentCtx, k: int, prev: list[Cand], prev_sentence: list[str]) -> list[str]:
    """Antecedent of a pronoun subject at token ``k``."""
    tk = ctx.toks[k]
    stem = word_stem(tk)
    if tk.conj and stem.startswith(("ان", "بان")):
        # وأنها after "أن الولايات المتحدة ...": the parallel clause has the same subject
        for m in range(k - 1, -1, -1):
            if is_comp(ctx.toks[m]):
                c = chunk_at(ctx, m + 1)
                if c and c.prep is None and c.actors:
                    return c.actors[:1]
    if stem.endswith("ها") and stem.startswith(("ان", "بان")):
        # وقال عطاف إن الجزائر "…"، وأضاف أنها ستواصل …: a feminine pronoun after أن takes up the state or
        # body an earlier أن clause had as its subject, not the (male) speaker
        for m in range(k - 1, -1, -1):
            if is_comp(ctx.toks[m]):
                c = chunk_at(ctx, m + 1)
                if c and c.prep is None and c.actors and all(ctx.types.get(e) != "PER" for e in c.actors):
                    return c.actors[:1]
    plural = stem.endswith(("هم", "هن"))  # انهم: a group, not one person
    for c in reversed(prev):
        if c.source and not (plural and all(ctx.types.get(e) == "PER" for e in c.source)):
            return list(c.source)
    c = first_subject_chunk(ctx, k)
    if c and not (plural and all(ctx.types.get(e) == "PER" for e in c.actors)):
        return c.actors[:1]
    if plural:
        return []
    return list(prev_sentence) if k <= 1 else []  # وهي تؤكد at the start: the last sentence's actor


def pronoun_antecedent(ctx: SentCtx, before: int, exclude: list[str]) -> list[str]:
    """The entity an object pronoun refers to: the nearest person named before, else the nearest entity."""
    seen: list[str] = []
    for m in range(before - 1, -1, -1):
        e = ctx.toks[m].ent
        if e and e not in exclude and e not in seen:
            seen.append(e)
    people = [e for e in seen if ctx.types.get(e) == "PER"]
    return (people or seen)[:1]
