"""One meeting per counterpart: اتصالين هاتفيين مع X و Y (a dual noun), التقى X و Y كلا على حدة (each
separately) are two acts, each between the one who acts and one of them, not a three-way meeting; and one call
per caller: اتصل به X، و Y، و Z.
"""

from __future__ import annotations

from copy import copy

from .context import SentCtx
from .triggers import Cand

_DUAL_ENDINGS = ("ين", "ان")
_APART = "حده"  # على حدة, normalized (ة -> ه)
_WINDOW = 16  # words after the trigger: a titled subject and a duration may come first


def _dual_noun(text: str) -> bool:
    """The head is a dual noun (اتصالين، لقاءان; not the plural محادثات)."""
    return len(text) >= 6 and text.endswith(_DUAL_ENDINGS)


def _apart(ctx: SentCtx, c: Cand) -> bool:
    """On "separately" (على حدة) in the clause after the trigger (past a subject: التقى X على مدى يومين كلا على
    حدة بنظيريه …)."""
    toks = ctx.toks
    for k in range(c.j, min(len(toks), c.j + _WINDOW)):
        if toks[k].punct:
            return False
        if toks[k].token.norm == _APART:
            return True
    return False


def separate(ctx: SentCtx, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        if c.apart and len(c.source) > 1 and not c.absorbed:
            # اتصل به X، و Y، و Z: one call by each
            for s in c.source:
                one = copy(c)
                one.source, one.target = [s], list(c.target)
                one.attributes = dict(c.attributes)
                out.append(one)
            continue
        head = ctx.toks[c.i]
        if (
            c.trig.type == "CONSULT"
            and len(c.source) == 1
            and len(c.target) >= 2
            and not c.absorbed
            and ((c.trig.pos == "noun" and _dual_noun(head.token.text)) or _apart(ctx, c))
        ):
            for t in c.target:
                one = copy(c)
                one.source, one.target = list(c.source), [t]
                one.attributes = dict(c.attributes)
                out.append(one)
            continue
        out.append(c)
    return out
