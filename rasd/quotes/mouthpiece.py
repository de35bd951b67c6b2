"""``على لسان X``: a body or state speaking through a person (أكدت مدريد على لسان وزير خارجيتها X أن…). The
person is the speaker; the body's verb and its content are read as usual."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from .context import Context, _find_all
from .phrase_words import phrase_words
from .spans import Scan, clause_end, content_span

MAX_MOUTH = 12  # words of the title and name after على لسان


def mouth_offsets(ctx: Context) -> list[int]:
    """Where the words of على لسان (لسان) stand in the text, found once per document at C speed: the word is
    rare, so most documents skip the rule at once."""
    return sorted(o for w in ctx.lex.words["mouthpiece"] for o in _find_all(ctx.text, w))


def mouthpiece(ctx: Context, lo: int, hi: int) -> tuple[int, int] | None:
    """Tokens ``[s, e)`` of the person named after ``على لسان`` between ``lo`` and ``hi``; None when no person
    is named there (على لسان المتحدث باسمها: the body still speaks)."""
    norms, infos, toks = ctx.norms, ctx.info, ctx.toks
    offsets = ctx.mouth_offsets
    if not offsets:
        return None
    k = bisect_left(offsets, toks[lo].start)
    if k == len(offsets) or offsets[k] >= toks[hi - 1].end:
        return None
    for k in range(lo, hi - 2):
        if norms[k] != "علي" or "mouthpiece" not in infos[k + 1].roles:
            continue
        s = e = k + 2
        lookalikes = phrase_words()["name_lookalike"]
        while e < hi and e - s < MAX_MOUTH:
            info = infos[e]
            if (
                toks[e].kind != "word"
                or info.comp
                or info.chan
                or info.audience
                or e in ctx.verb_at
                or ("stop" in info.roles and toks[e].text not in lookalikes)
            ):
                break
            e += 1
        if e > s and any(m[2].type == "PER" for m in ctx.mentions_in(toks[s].start, toks[e - 1].end)):
            return s, e
        return None
    return None


def past_mouthpiece(ctx: Context, scan: Scan, b: int) -> tuple[Scan, tuple[int, int]] | None:
    """A verb taking على (أكد على…) read ``على لسان X`` as its object: the content is the clause after X's
    name, and X's tokens are returned with the corrected scan."""
    c = scan.content_tok
    if c is None or c < 1 or ctx.norms[c - 1] != "علي" or "mouthpiece" not in ctx.info[c].roles:
        return None
    mp = mouthpiece(ctx, c - 1, b)
    if mp is None or mp[1] >= b or not ctx.info[mp[1]].comp_first:
        return None
    s = mp[1] + 1
    span = content_span(ctx, s, clause_end(ctx, s, b, np=False))
    if span is None:
        return None
    return replace(scan, content=(span[0], span[1]), kind=span[2], content_tok=s, np=False), mp
