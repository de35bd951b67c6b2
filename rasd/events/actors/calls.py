"""Acts told in a relative clause on a phone call: تلقى X اتصالا من Y هنأه خلاله، أجرى X اتصالا بـ Y هنأه فيه.

The verb's subject is the caller and its object pronoun the one called, whichever of the two is named last
before the verb: the caller is the من phrase after the call (a call received), else the subject of the clause
that made it (a call made to the ب/مع phrase).
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, SentCtx
from ..triggers import Cand
from .subjects import first_subject_chunk
from .syntax import chunk_at

CALL_REACH = 12  # tokens from the end of the call noun to the verb of its relative clause
_FROM = "من"
_TO = ("ب", "مع")


def _call_before(ctx: SentCtx, cand: Cand, done: list[Cand]) -> Cand | None:
    """The phone call this verb's relative clause hangs on: the latest one before it in the same clause."""
    call = next((c for c in reversed(done) if c.trig.mode == "phone" and c.j <= cand.i), None)
    if call is None or cand.i - call.j > CALL_REACH:
        return None
    toks = ctx.toks
    if any(
        toks[m].punct and (toks[m].token.text in STRONG_PUNCT or toks[m].token.text in "،,")
        for m in range(call.j, cand.i)
    ):
        return None
    if any(toks[m].in_trigger for m in range(call.j, cand.i)):
        return None
    return call


def call_parties(ctx: SentCtx, cand: Cand, done: list[Cand]) -> tuple[list[str], list[str]] | None:
    """(caller, called) for a verb with an object pronoun right after a call's parties, else None."""
    if cand.trig.pos != "verb" or not cand.obj or ctx.toks[cand.i].conj or cand.participle:
        return None
    call = _call_before(ctx, cand, done)
    if call is None:
        return None
    caller: list[str] = []
    called: list[str] = []
    k = call.j
    while k < cand.i:
        c = chunk_at(ctx, k)
        if c is None:
            k += 1
            continue
        if c.actors and c.prep == _FROM and not caller:
            caller = c.actors[-1:]
        elif c.actors and c.prep in _TO and not called:
            called = c.actors[-1:]
        k = max(c.end, k + 1)
    subject = first_subject_chunk(ctx, call.i)
    holder = subject.actors[-1:] if subject is not None else []
    if caller and not called:
        called = holder  # تلقى X اتصالا من Y: X was called
    elif called and not caller:
        caller = holder  # أجرى X اتصالا بـ Y: X called
    if not caller or not called or caller == called:
        return None
    return caller, called
