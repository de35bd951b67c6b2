"""Quotations without a reporting verb: a headline's "بيسكوف: لا خطط لعقد قمة", and a colon ending a paragraph
whose quotation opens the next one."""

from __future__ import annotations

from .context import Context
from .cues import CueHit
from .records import QuoteRec as Quote
from .records import Sp
from .records import SpeakerRec as Speaker
from .spans import Scan, content_span
from .speaker_links import speaker_entity

MAX_HEADLINE_SPEAKER = 4  # words before the colon of "بيسكوف: لا خطط لعقد قمة"


def headline_quote(
    ctx: Context, si: int, a: int, b: int, n_quotes: int, subjects: list[tuple[int, int, Speaker]]
) -> Quote | None:
    """A speaker, a colon and their words, with no verb: "بيسكوف: لا خطط لعقد قمة" (headline style). Only
    when the words before the colon are exactly a person or organization the entities layer found, or an
    unnamed source; a place (a dateline) or anything else is not a speaker."""
    toks = ctx.toks
    hi = min(b, a + MAX_HEADLINE_SPEAKER + 1)
    # a colon token is the character ":" in the text: most sentences have none near their start
    if hi <= a or ctx.text.find(":", toks[a].start, toks[hi - 1].end) < 0:
        return None
    k = next((j for j in range(a, hi) if ctx.norms[j] == ":"), None)
    if k is None or k == a or k + 1 >= b or any(ctx.info[j].verb for j in range(a, k)):
        return None
    start, end = toks[a].start, toks[k - 1].end
    ms = [m for m in ctx.mentions_in(start, end) if m[0] <= start and m[1] >= end]
    anonymous = ctx.lex.anonymous.get(ctx.norms[a]) in ("person", "group")
    if not (ms and ms[0][2].type in ("PER", "ORG")) and not anonymous:
        return None
    span = content_span(ctx, k + 1, b)
    if span is None:
        return None
    if ms:
        eid, aff = speaker_entity(ctx, ms[0][2])
        speaker = Speaker(start, end, ctx.text[start:end], entity=eid, affiliation=aff)
    else:
        speaker = Speaker(start, end, ctx.text[start:end], anonymous=True)
    subjects.append((si, start, speaker))
    return Quote(
        id=f"q{n_quotes + 1}",
        kind="direct",
        cue=Sp(toks[k].start, toks[k].end),
        content=Sp(span[0], span[1]),
        speaker=speaker,
        addressee=None,
        channel=None,
        cue_class="speech",
        sentence=si,
    )


def quote_in_next_paragraph(ctx: Context, hit: CueHit, scan: Scan, b: int) -> Scan | None:
    """وأضاف: ⏎ «…»: the sentence ends on the colon and the quotation opens the next paragraph."""
    j = scan.end_tok
    if j >= b or ctx.norms[j] != ":" or j + 1 != b or b >= len(ctx.toks) or b not in ctx.open_tok:
        return None
    span = content_span(ctx, b, ctx.open_tok[b] + 1)
    if span is None:
        return None
    return Scan(content=(span[0], span[1]), kind="direct", content_tok=b)
