"""A numbered plural as a verb's subject: القادة الثلاثة اتفقوا، ورفض الزعماء الأربعة، الدول الثلاث وقعت name the
parties of the latest event told with that many of them (a summit that brought three leaders together), or their
states for a state noun (الدول، البلدان) — the plural counterpart of the dual anaphora (الوزيران، البلدين).
"""

from __future__ import annotations

from functools import lru_cache

from ...data import read_tsv
from ...text import normalize
from ..context import SentCtx
from ..lexicon import lexicon
from ..triggers import Cand

_MAX_GAP = 2  # auxiliaries or complementizers between a preceding subject and its verb (قد، أن)


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    """Normalized number words with the article (الثلاثة، الأربع) -> their value, 3 to 10."""
    out: dict[str, int] = {}
    for row in read_tsv("numbers.tsv"):
        if row["kind"] == "unit" and 3 <= int(row["value"]) <= 10:
            out["ال" + normalize(row["word"])] = int(row["value"])
    return out


def _group_at(ctx: SentCtx, m: int) -> tuple[int, bool] | None:
    """(count, names states) when tokens m, m+1 are a group noun and its number (القادة الثلاثة)."""
    toks = ctx.toks
    if m < 0 or m + 1 >= len(toks) or toks[m].ent or toks[m + 1].ent:
        return None
    noun = toks[m].token.forms[-1][1]
    count = _counts().get(toks[m + 1].token.norm)
    if count is None or noun not in lexicon().group_nouns:
        return None
    return count, noun in lexicon().group_states


def group_subject(ctx: SentCtx, cand: Cand, i: int, prev: list[Cand]) -> tuple[list[str], int] | None:
    """The actors a numbered plural subject of the verb at ``i`` stands for, and the index after it; None when
    the subject is no such plural or no earlier event has that many parties."""
    toks = ctx.toks
    counts = _counts()
    near = toks[max(0, i - 3) : i] + toks[i + 2 : i + 3]  # where a numbered subject's number would stand
    for tk in near:
        if tk.token.norm in counts:
            break
    else:
        return None  # (most verbs: no number word there)
    found, after = None, i + 1
    m = i - 2
    while m >= i - 2 - _MAX_GAP and m >= 0 and found is None:
        found = _group_at(ctx, m)  # SVO: إن القادة الثلاثة اتفقوا (أن، قد between them)
        if found is None and not (toks[m + 1].cats & {"aux", "comp"}):
            break
        m -= 1
    if found is None:
        found = _group_at(ctx, i + 1)  # VSO: ورفض القادة الثلاثة
        after = i + 3
    if found is None:
        return None
    count, states = found
    for c in reversed(ctx.history + prev):
        if c is cand:
            continue
        actors = list(dict.fromkeys(c.actors))
        if states:
            mapped = [e if ctx.types.get(e) == "LOC" else ctx.person_states.get(e) for e in actors]
            if not all(mapped):
                continue
            actors = list(dict.fromkeys(e for e in mapped if e))
        elif not all(ctx.types.get(e) == "PER" for e in actors):
            continue  # القادة الثلاثة: three people, not the three states of a later agreement
        if len(actors) == count:
            return actors, after
    return None
