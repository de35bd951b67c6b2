"""Modality of an event: occurred, planned, hypothetical, conditional, negated or denied.

Cues (``data/event_words.tsv``) are read in the trigger's clause: a denial verb before it (تنفي موسكو أن …),
a negation right before it (لم، لن، لا), a condition before it in its clause (إذا، في حال) = hypothetical, a
condition after a future or threatened response (سيردون بحزم إذا …) = conditional, plan cues (المقبلة، من
المقرر، ستعقد، the future prefix س) = planned. A date later than the publication date also makes it planned
(see :mod:`rasd.events.attach`). Precedence: denied > negated > hypothetical > conditional > planned.
"""

from __future__ import annotations

from bisect import bisect_left

from .context import STRONG_PUNCT, SentCtx, Tok
from .triggers import Cand

_SOFT = {"(", ")", "-", "–", '"', "«", "»", "“", "”"}
RANK = {"denied": 5, "negated": 4, "hypothetical": 3, "conditional": 2, "planned": 1, "occurred": 0}


WITHOUT = frozenset({"دون", "بدون", "بلا"})


def _phrase_at(ctx: SentCtx, k: int, cat: str) -> bool:
    return cat in ctx.toks[k].phrases


def _has(tk: Tok, cat: str) -> bool:
    return cat in tk.cats and not tk.ent


def _plan_clause(ctx: SentCtx, i: int) -> bool:
    """…، على أن يزور X أنقرة: a verb right after a comma and على أن (not أكد على أن: "that") is to come."""
    toks = ctx.toks
    return (
        i >= 3
        and "plan_clause" in toks[i - 2].phrases
        and toks[i - 3].punct
        and toks[i - 3].token.text in ("،", ",")
    )


def _negated_before(ctx: SentCtx, i: int) -> bool:
    toks = ctx.toks
    k = i - 1
    steps = 0
    while k >= 0 and steps < 3:
        tk = toks[k]
        if _has(tk, "negation"):
            # "إذا ما" is a condition, not a negation; nor is the ما of سرعان ما (soon)
            return not (
                tk.token.norm == "ما"
                and k > 0
                and (_has(toks[k - 1], "condition") or "not_negation" in toks[k - 1].phrases)
            )
        if not _has(tk, "aux"):
            return False
        k -= 1
        steps += 1
    return False


def _negative_condition(ctx: SentCtx, i: int) -> bool:
    """The trigger's negation follows a condition word straight (إذا لم، في حال لم، ما لم)."""
    toks = ctx.toks
    k = i - 1
    while k >= 0 and _has(toks[k], "aux"):
        k -= 1
    if k < 1 or not _has(toks[k], "negation"):
        return False
    prev = toks[k - 1]
    if _has(prev, "condition") or _phrase_at(ctx, k - 1, "condition") or prev.token.norm == "ما":
        return True  # إذا لم، ما لم
    return k >= 2 and _phrase_at(
        ctx, k - 2, "condition"
    )  # a two-word condition (في حال لم) marks its first word


def _condition_after(ctx: SentCtx, j: int) -> bool:
    for k in range(j, len(ctx.toks)):
        tk = ctx.toks[k]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            return False
        if _has(tk, "condition") or _phrase_at(ctx, k, "condition"):
            return True
    return False


def _stops(ctx: SentCtx) -> tuple[list[int], list[int]]:
    """For each token, the nearest token before it that ends its sentence part (strong punctuation or a
    contrast word) and the nearest that ends its clause (that, or any other punctuation); -1 if none.
    Computed once per sentence, from the clause limits build() noted (``ctx.marks``), by filling runs."""
    if ctx.stops is None:
        n = len(ctx.toks)
        hs = [-1] * n
        ss = [-1] * n
        hard = soft = -1
        pos = 0  # tokens from pos on see the current (hard, soft)
        for k in ctx.marks:
            tk = ctx.toks[k]
            if tk.punct:
                text = tk.token.text
                if text in STRONG_PUNCT:
                    new_hard, new_soft = k, k
                elif text not in _SOFT:
                    new_hard, new_soft = hard, k
                else:
                    continue
            else:  # a contrast word
                new_hard, new_soft = k, k
            # tokens pos..k (k included: a limit counts for the tokens after it) keep the old values
            if hard != -1:
                hs[pos : k + 1] = [hard] * (k + 1 - pos)
            if soft != -1:
                ss[pos : k + 1] = [soft] * (k + 1 - pos)
            pos, hard, soft = k + 1, new_hard, new_soft
        if pos < n:
            if hard != -1:
                hs[pos:] = [hard] * (n - pos)
            if soft != -1:
                ss[pos:] = [soft] * (n - pos)
        ctx.stops = (hs, ss)
    return ctx.stops


def decide(ctx: SentCtx, cand: Cand) -> None:
    # _has() and _phrase_at() are inlined in the loops below (a cue category on a word outside names, a
    # multiword cue starting at a token): this runs for every trigger candidate
    toks = ctx.toks
    n_toks = len(toks)
    i, light = cand.i, cand.light
    found: list[str] = []
    first = i if light is None or light > i else light
    hs, ss = _stops(ctx)
    # the scans back over the sentence part before the trigger (tokens hs[first]+1 .. first-1, nearest
    # first) only need words with categories or a multiword cue: ctx.cued lists them in order
    cued = ctx.cued
    top = bisect_left(cued, first) - 1
    # نفى X أن …، واتهم …: a verb with و right after a comma opens a clause of its own; a denial before the
    # comma does not reach it
    own_clause = (
        toks[first].conj and ss[first] == first - 1 and (light is not None or cand.trig.pos == "verb")
    )
    limit = ss[first] if own_clause else hs[first]
    for n in range(top, -1, -1):
        k = cued[n]
        if k <= limit:
            break
        tk = toks[k]
        cats = tk.cats
        if not cats or tk.ent:
            continue
        if "denial" in cats:
            found.append("denied")
            break
        if "condition" in cats:
            break
        if "asserting" in cats and k > 0 and toks[k - 1].token.text in "،,":
            break  # نفى X أن …، مؤكدا أنه هنأ …: the participle's clause is asserted, outside the denial
    if _negated_before(ctx, i) or (light is not None and _negated_before(ctx, light)):
        found.append("negated")
        if _negative_condition(ctx, first):
            # إذا لم تستقبل الجزائر رعاياها، ما لم تتوصل إلى اتفاق: a condition on something not happening
            # states a demand, not an event: no event is coded
            cand.absorbed = True
    clause = range(first - 1, ss[first], -1)  # its clause
    for n in range(top, -1, -1):
        k = cued[n]
        if k <= ss[first]:
            break
        tk = toks[k]
        if ("condition" in tk.cats and not tk.ent) or "condition" in tk.phrases:
            found.append("hypothetical")
            break
    noun = cand.trig.pos == "noun"
    if noun:
        for k in clause[:2]:
            tk = toks[k]
            if "hypothetical_before" in tk.cats and not tk.ent:
                found.append("hypothetical")
    future = toks[i].fut or (light is not None and toks[light].fut) or "future" in cand.trig.flags
    if future:
        for k in range(cand.j, min(n_toks, cand.j + 16)):
            tk = toks[k]
            if tk.punct and tk.token.text in STRONG_PUNCT:
                break
            if ("condition" in tk.cats and not tk.ent) or "condition" in tk.phrases:
                found.append("conditional")
                break
    if future and (cand.trig.pos == "verb" or light is not None):
        found.append("planned")  # سيزور، سترسل مساعدات
    if noun:
        for k in range(cand.j, min(n_toks, cand.j + 4)):
            tk = toks[k]
            if "planned_after" in tk.cats and not tk.ent:
                found.append("planned")
                break
        j = cand.j
        if j + 1 < n_toks and _has(toks[j], "relative") and toks[j + 1].token.text.lstrip("وف")[:1] == "س":
            found.append("planned")  # المحادثات التي ستقودها …
    if cand.purpose:
        found.append("planned")
    low = max(first - 6, hs[first] + 1)  # the six tokens before, within the sentence part
    for n in range(top, -1, -1):
        k = cued[n]
        if k < low:
            break
        tk = toks[k]
        if ("planned_before" in tk.cats and not tk.ent) or "planned_before" in tk.phrases:
            found.append("planned")
            break
    if _plan_clause(ctx, cand.i):
        found.append("planned")
    if "needs_negation" in cand.trig.flags:
        # لن يتردد في …: a threat only when negated (the negation is the idiom's, not the event's)
        if "negated" not in found or (cand.i > 0 and toks[cand.i - 1].token.norm in WITHOUT):
            cand.absorbed = True  # (من) دون تردد: "without hesitation" is a manner, no threat
            return
        found = [m for m in found if m not in ("negated", "planned")]
        if _condition_after(ctx, cand.j):
            found.append("conditional")
    if found:
        cand.modality = max(found, key=RANK.__getitem__)
        cand.modality_cue = True
