"""A resolution or statement as the subject of a verb: the body that adopted or issued it acts.

تبنى مجلس الأمن قرارا صاغته بريطانيا يطالب قوات الدعم السريع …: the resolution demands, so the Council does
(not Britain, the subject of the relative clause in between); ويطلب القرار من الأمين العام …: the resolution
named before, so its issuer again. Document nouns are the ``document`` category of ``event_words.tsv``.
"""

from __future__ import annotations

from ..context import SentCtx, Tok
from ..lexicon import lexicon
from ..triggers import Cand

DOCUMENT_REACH = (
    5  # words between a document noun and the verb it is the subject of (قرارا صاغته بريطانيا يطالب)
)


def _document(tk: Tok) -> bool:
    return not tk.ent and tk.token.forms[-1][1] in lexicon().documents


def _issuer_before(ctx: SentCtx, k: int) -> list[str]:
    """The subject of the clause that names the document at ``k`` (تبنى مجلس الأمن … قرارا): the first phrase
    with actors and no preposition before it, with no function word (a preposition, أن) or clause limit in
    between."""
    toks = ctx.toks
    for m in range(k - 1, -1, -1):
        tk = toks[m]
        if (tk.punct and tk.token.text not in "()-–") or (tk.cats and not tk.ent and not tk.timex):
            return []  # (ستستخدم حق النقض ضد أي مشروع قرار يدين روسيا: a preposition, no adopter)
        c = ctx.chunks[ctx.chunk_of[m]] if ctx.chunk_of[m] >= 0 else None
        if c is not None and c.prep is None and c.actors and not tk.nisba:
            first = c
            # the first such phrase of the clause: keep going left while phrases with actors come before
            for n in range(c.start - 1, -1, -1):
                t2 = toks[n]
                if (t2.punct and t2.token.text not in "()-–") or ("comp" in t2.cats and not t2.ent):
                    break
                c2 = ctx.chunks[ctx.chunk_of[n]] if ctx.chunk_of[n] >= 0 else None
                if c2 is not None and c2.prep is None and c2.actors and not t2.nisba:
                    first = c2
            return first.actors[:1]
    return []


def document_issuer(ctx: SentCtx, cand: Cand, earlier: list[Cand]) -> list[str] | None:
    """The issuer standing for a document that is the verb's subject, or None when no document is."""
    if cand.trig.pos != "verb" or cand.participle:
        return None
    toks = ctx.toks
    i = cand.i
    docs = lexicon().documents
    lo = max(0, i - DOCUMENT_REACH)
    if not any(tk.token.forms[-1][1] in docs for tk in toks[lo : i + 2]):
        return None  # (no document word near the verb: the common case, tested cheaply)
    # SVO: the document before the verb, maybe with a relative clause between (قرارا صاغته بريطانيا يطالب)
    for k in range(i - 1, max(-1, i - 1 - DOCUMENT_REACH), -1):
        tk = toks[k]
        if tk.punct or tk.in_trigger or ("comp" in tk.cats and not tk.ent):
            break
        if _document(tk):
            issuer = _issuer_before(ctx, k)
            if issuer:
                cand.document = True
                return issuer
            break
    # VSO: the definite document right after the verb (ويطلب القرار من …): the issuer of the one named before
    if i + 1 < len(toks) and _document(toks[i + 1]) and toks[i + 1].token.forms[-1][1].startswith("ال"):
        last = next((c for c in reversed(earlier) if c.document and c.source), None)
        if last is not None:
            cand.document = True
            return list(last.source)
    return None
