"""A verb taking على (أكد على ضرورة…) whose على stands inside an aside set off by commas (أكد الوزير، في تصريح
على هامش القمة، أن…): the على phrase is the aside's, and the content is the clause after the aside."""

from __future__ import annotations

from dataclasses import replace

from .context import Context
from .spans import COMMAS, Scan, clause_end, content_span

MAX_ASIDE_TAIL = 8  # words from على to the comma closing the aside


def past_aside(ctx: Context, scan: Scan, j: int, b: int) -> Scan | None:
    """The scan of a cue ending at token ``j`` corrected when its noun-phrase content opens after an على
    inside an aside that a comma and a complementizer close; None when it does not."""
    c = scan.content_tok
    norms = ctx.norms
    if c is None or c < j + 3 or norms[c - 1] != "علي":
        return None
    if not any(norms[k] in COMMAS for k in range(j, c - 1)):
        return None  # أكد الرئيس على ضرورة…: no aside, على is the verb's
    infos = ctx.info
    for k in range(c, min(b - 1, c + MAX_ASIDE_TAIL)):
        if norms[k] in COMMAS:
            if not infos[k + 1].comp_first:
                return None
            s = k + 2
            span = content_span(ctx, s, clause_end(ctx, s, b, np=False)) if s < b else None
            if span is None:
                return None
            return replace(scan, content=(span[0], span[1]), kind=span[2], content_tok=s, np=False)
        if infos[k].comp or k in ctx.verb_at:
            return None
    return None
