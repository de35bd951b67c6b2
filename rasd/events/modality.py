"""Modality of an event: occurred, planned, hypothetical, conditional, negated or denied.

Cues (``data/event_words.tsv``) are read in the trigger's clause: a denial verb before it (تنفي موسكو أن …),
a negation right before it (لم، لن، لا), a condition before it in its clause (إذا، في حال) = hypothetical, a
condition after a future or threatened response (سيردون بحزم إذا …) = conditional, plan cues (المقبلة، من
المقرر، ستعقد، the future prefix س) = planned. A date later than the publication date also makes it planned
(see :mod:`rasd.events.attach`). Precedence: denied > negated > hypothetical > conditional > planned.
"""

from __future__ import annotations

from .context import STRONG_PUNCT, SentCtx, Tok
from .triggers import Cand

_SOFT = {"(", ")", "-", "–", '"', "«", "»", "“", "”"}
RANK = {"denied": 5, "negated": 4, "hypothetical": 3, "conditional": 2, "planned": 1, "occurred": 0}


def _phrase_at(ctx: SentCtx, k: int, cat: str) -> bool:
    return cat in ctx.toks[k].phrases


def _has(tk: Tok, cat: str) -> bool:
    return cat in tk.cats and not tk.ent


def _negated_before(ctx: SentCtx, i: int) -> bool:
    toks = ctx.toks
    k = i - 1
    steps = 0
    while k >= 0 and steps < 3:
        tk = toks[k]
        if _has(tk, "negation"):
            # "إذا ما" is a condition, not a negation
            return not (tk.token.norm == "ما" and k > 0 and _has(toks[k - 1], "condition"))
        if not _has(tk, "aux"):
            return False
        k -= 1
        steps += 1
    return False


def _stops(ctx: SentCtx) -> tuple[list[int], list[int]]:
    """For each token, the nearest token before it that ends its sentence part (strong punctuation or a
    contrast word) and the nearest that ends its clause (that, or any other punctuation); -1 if none.
    Computed once per sentence instead of scanning back for every trigger."""
    if ctx.stops is None:
        hard = soft = -1
        hs: list[int] = []
        ss: list[int] = []
        for k, tk in enumerate(ctx.toks):
            hs.append(hard)
            ss.append(soft)
            if tk.punct:
                text = tk.token.text
                if text in STRONG_PUNCT:
                    hard = soft = k
                elif text not in _SOFT:
                    soft = k
            elif tk.cats and "contrast" in tk.cats and not tk.ent:
                hard = soft = k
        ctx.stops = (hs, ss)
    return ctx.stops


def decide(ctx: SentCtx, cand: Cand) -> None:
    toks = ctx.toks
    anchors = [cand.i] + ([cand.light] if cand.light is not None else [])
    found: list[str] = []
    first = min(anchors)
    hs, ss = _stops(ctx)
    before = range(first - 1, hs[first], -1)  # the sentence part before the trigger, nearest first
    for k in before:
        tk = toks[k]
        if not tk.cats or tk.ent:
            continue
        if "denial" in tk.cats:
            found.append("denied")
            break
        if "condition" in tk.cats:
            break
    if any(_negated_before(ctx, a) for a in anchors):
        found.append("negated")
    clause = range(first - 1, ss[first], -1)  # its clause
    for k in clause:
        if _has(toks[k], "condition") or _phrase_at(ctx, k, "condition"):
            found.append("hypothetical")
            break
    if cand.trig.pos == "noun":
        for k in clause[:2]:
            if _has(toks[k], "hypothetical_before"):
                found.append("hypothetical")
    future = any(toks[a].fut for a in anchors) or "future" in cand.trig.flags
    if future:
        for k in range(cand.j, min(len(toks), cand.j + 16)):
            tk = toks[k]
            if tk.punct and tk.token.text in STRONG_PUNCT:
                break
            if _has(tk, "condition") or _phrase_at(ctx, k, "condition"):
                found.append("conditional")
                break
    if future and (cand.trig.pos == "verb" or cand.light is not None):
        found.append("planned")  # سيزور، سترسل مساعدات
    if cand.trig.pos == "noun":
        for k in range(cand.j, min(len(toks), cand.j + 4)):
            if _has(toks[k], "planned_after"):
                found.append("planned")
                break
        j = cand.j
        if j + 1 < len(toks) and _has(toks[j], "relative") and toks[j + 1].token.text.lstrip("وف")[:1] == "س":
            found.append("planned")  # المحادثات التي ستقودها …
    if cand.purpose:
        found.append("planned")
    for k in before[:6]:
        if _has(toks[k], "planned_before") or _phrase_at(ctx, k, "planned_before"):
            found.append("planned")
            break
    if found:
        cand.modality = max(found, key=RANK.__getitem__)
        cand.modality_cue = True
