"""A denial or confirmation the writer reports in an aside closing the sentence (…، متهمة الدوحة بدعم الإرهاب،
وهو ما نفته قطر بشدة.): the verb's object pronoun points back to the clause before the aside, which is what the
speaker denied. With another quote after it (وهو ما نفاه X، مؤكدا أن…، وصفت فيه…) the aside only introduces
that quote and reports nothing of its own."""

from __future__ import annotations

from .context import Context
from .cues import CueHit
from .records import QuoteRec as Quote
from .spans import COMMAS, Scan, content_span

_ASIDE_OPENERS = frozenset({"وهو", "وهي", "وهذا", "هو", "هذا"})
MAX_CLAIM = 40  # tokens of the clause denied, back from the aside


def denied_clause(ctx: Context, hit: CueHit, a: int, b: int, quotes: list[Quote]) -> Scan | None:
    """The content of a cue with an object pronoun after "وهو ما" (``hit``) that no content follows: the clause
    before the comma opening the aside, back to the comma or sentence start before it. None when another cue
    follows in the sentence, or when that clause is a quote already (ويتهم المعارضون الحكومة بـ"…"، وهو ما
    تنفيه السلطات: the accusation is the quote, the denial the writer's aside)."""
    i, norms = hit.i, ctx.norms
    if not hit.enclitic or i - 3 < a or norms[i - 1] != "ما" or norms[i - 2] not in _ASIDE_OPENERS:
        return None
    if norms[i - 3] not in COMMAS:
        return None
    if any(k in ctx.verb_at for k in range(hit.j, b)):
        return None  # وهو ما نفاه المردة، مؤكدا أن…: the words are the participle's
    e = i - 3
    s = e - 1
    while s > a and norms[s - 1] not in COMMAS and e - s < MAX_CLAIM:
        s -= 1
    if s >= e:
        return None
    span = content_span(ctx, s, e)
    if span is None:
        return None
    if any(span[0] <= q.cue.start < span[1] for q in quotes[-4:]):
        return None
    return Scan(content=(span[0], span[1]), kind=span[2], content_tok=s)
