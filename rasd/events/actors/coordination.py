"""Coordinated verbs with a dropped subject (اجتاحتها وضمت …، قال X …، واتهم إسرائيل بالمماطلة): what
they inherit from the clause before, and how the phrase after them is read.
"""

from __future__ import annotations

from ..context import SentCtx, Tok
from ..triggers import Cand
from .syntax import chunk_at


def inherited_subject(verb: Tok, prev: Cand) -> list[str]:
    """The dropped subject of a coordinated verb: the previous event's source, or both its parties when the
    verb is plural or dual and that event was between two sides (وقعا اتفاقية ودعوا إلى …، يبحثان … ويطالبان)."""
    if prev.symmetric and _plural(verb.token.norm) and len(prev.actors) > 1:
        return list(prev.actors)
    if (
        verb.token.text.startswith("ف")
        and verb.head_k
        and prev.trig.type == "COERCE"
        and len(prev.target) == 1
    ):
        # منع الجيش X من دخول المقر، فاعتصم أمام البوابة: after ف the one coerced does what follows from it
        return list(prev.target)
    return list(prev.source)


def _plural(norm: str) -> bool:
    """A past verb ending in the plural or dual suffix (دعوا، وقعا), or an imperfect one (يطالبان، تدعون)."""
    stem = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    if stem.endswith(("وا", "ا")):
        return True
    return len(stem) >= 5 and stem[:1] in "يت" and stem.endswith(("ان", "ون"))


def object_then_complement(ctx: SentCtx, cand: Cand, after: int, reported: bool = False) -> bool:
    """The verb needs an object (اتهم، حث) and the phrase after it is followed straight by a preposition: no
    room for both a subject and an object, so that phrase is the object. ``reported``: the verb follows what
    someone said (قال X إن …، ودعا Y إلى …): a verb taking an object (دعا) reads so too, since news prose
    names a new subject in a clause of its own."""
    needs = "object_required" in cand.trig.flags or (reported and "direct" in cand.trig.targets)
    if not needs or not one_plain_phrase(ctx, after):
        return False
    c = chunk_at(ctx, after)
    if c is None:
        return False
    m = max(k for k in range(c.start, c.end) if ctx.toks[k].ent)  # the phrase's name ends here
    if cand.rest_end > cand.j and m + 1 == cand.rest_end - len(cand.trig.rest):
        return True  # وحمّل الولايات المتحدة مسؤولية …: the phrase fills the gap before the trigger's noun
    nxt = ctx.toks[m + 1] if m + 1 < len(ctx.toks) else None
    if nxt is None or nxt.ent:
        return False
    if (nxt.conj or nxt.token.norm == "و") and "object_required" in cand.trig.flags:
        # واتهمت الجيش و"القوة المشتركة" باستخدام …: objects joined by و, then the complement
        return _conjuncts_then_prep(ctx, m + 1)
    return "prep" in nxt.cats or nxt.prep is not None or clitic_prep(nxt)


_CONJUNCT_WORDS = 4  # words of one more object joined by و (القوة المشتركة للحركات المسلحة)


def _conjuncts_then_prep(ctx: SentCtx, k: int) -> bool:
    """From token ``k`` (a word with و): one more phrase of plain words, names and quotation marks, then a
    preposition (ب، ل or a word of its own)."""
    toks = ctx.toks
    words = 0
    for m in range(k + 1, len(toks)):
        tk = toks[m]
        if tk.punct:
            if tk.token.text in '"«»':
                continue
            return False
        if tk.in_trigger or tk.timex or tk.conj:
            return False
        if "prep" in tk.cats or tk.prep is not None or clitic_prep(tk):
            return words > 0 or bool(toks[k].ent) or toks[k].token.kind == "word"
        words += 1
        if words > _CONJUNCT_WORDS:
            return False
    return False


def clitic_prep(tk: Tok) -> bool:
    """The word can be read as ب or ل + a word (its most stripped reading: بالمماطلة is ب + المماطلة; a
    word of three letters keeps its clitics in the tokens' readings: برد is ب + رد)."""
    k = tk.token.forms[-1][0]
    if k == 0 and len(tk.token.norm) == 3:
        k = 1
    return k > 0 and tk.token.text[:k].lstrip("وف")[:1] in ("ب", "ل")


def opens_complement(toks: list[Tok], k: int) -> bool:
    """The verb is followed straight by a preposition or أن (وحذر من أن، ودعا إلى، وطالب بـ), not a subject."""
    if k >= len(toks):
        return False
    tk = toks[k]
    return not tk.ent and (
        "prep" in tk.cats or "comp" in tk.cats or (tk.prep is not None and not tk.ent_start)
    )


def one_plain_phrase(ctx: SentCtx, j: int) -> bool:
    c = chunk_at(ctx, j)
    if c is None or c.prep is not None or c.start != j or not c.actors:
        return False
    nxt = chunk_at(ctx, c.end)
    return nxt is None or nxt.prep is not None or not nxt.actors
