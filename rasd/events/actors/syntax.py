"""Small tests on the tokens and chunks of a sentence, shared by the actor finders."""

from __future__ import annotations

from ..context import Chunk, SentCtx, Tok
from ..lexicon import lexicon

_COMP = {"ان", "بان", "لان"}


STOP_LEFT = {"contrast", "condition", "denial", "relative", "pronoun"}


STOP_RIGHT = {"contrast", "condition", "denial", "relative", "pronoun", "light"}


WINDOW = 14


TRANSPARENT = set("-()–\"«»“”'")  # punctuation a subject may stand behind


LIGHT_WINDOW = 16  # tokens back from an event noun to its light verb (أجرى X، يوم Y، مكالمة)


def word_stem(tk: Tok) -> str:
    return tk.token.forms[1][1] if tk.conj and len(tk.token.forms) > 1 else tk.token.norm


def is_comp(tk: Tok) -> bool:
    return tk.token.kind == "word" and word_stem(tk) in _COMP


def chunk_at(ctx: SentCtx, k: int) -> Chunk | None:
    ci = ctx.chunk_of[k] if 0 <= k < len(ctx.toks) else -1
    return ctx.chunks[ci] if ci >= 0 else None


def is_trigger(tk: Tok) -> bool:
    return tk.in_trigger


def starts_with_and(tk: Tok) -> bool:
    """The word starts with the conjunction و (ووزير is و + وزير; وزير itself, read whole, does not)."""
    forms = tk.token.forms
    return tk.conj or (
        tk.token.text[:1] == "و" and len(forms) > 1 and forms[1][0] == 1 and "not_conj" not in tk.cats
    )


def is_definite(tk: Tok) -> bool:
    """A definite noun (الجيش، قوات الدعم السريع): an indefinite one before a verb (خطوة نددت بها موسكو) heads a
    relative clause instead of being its subject."""
    # the original text, not the normalized one: ة is folded to ه there
    return tk.token.forms[-1][1].startswith("ال") or tk.token.text.endswith(("ه", "ها", "هم"))


def is_nisba(ctx: SentCtx, chunk: Chunk, eid: str) -> bool:
    return any(ctx.toks[k].ent == eid and ctx.toks[k].nisba for k in range(chunk.start, chunk.end))


def body_at(ctx: SentCtx, k: int) -> str | None:
    """The body a bare definite head noun at ``k`` names again (الجامعة after جامعة الدول العربية); not a self
    noun (الحزب، الحلف: a speaker's own side, read by the warning rules)."""
    if k >= len(ctx.toks) or ctx.toks[k].ent:
        return None
    tk = ctx.toks[k].token
    hit = ctx.bodies.get(tk.norm)
    if hit is None or hit[1] >= tk.start:
        return None
    own = lexicon().self_nouns
    return None if any(stem in own for _, stem in tk.forms) else hit[0]


def body_pair_at(ctx: SentCtx, k: int) -> str | None:
    """The body a definite head noun and its adjective at ``k`` name again when they begin its longer name
    (الاتحاد الدولي after الاتحاد الدولي لكرة القدم, not المجلس الأعلى للقضاء after المجلس الوطني)."""
    toks = ctx.toks
    if k + 1 >= len(toks) or toks[k].ent or toks[k + 1].ent or toks[k + 1].punct:
        return None
    hit = ctx.bodies.get(toks[k].token.norm + " " + toks[k + 1].token.norm)
    if hit is None or hit[1] >= toks[k].token.start:
        return None
    return hit[0]
