"""Subject finding: the subject phrase of a verb left of it (SVO, كان X فعل) or right after it (VSO), a
title's holder (الأمين العام للأمم المتحدة أنطونيو غوتيريش), a topic after أما, a dual noun (الوزيران), a
self noun standing for the speaker's state (بلاده اقترحت).
"""

from __future__ import annotations

from ..context import NISBA_ENDINGS, STRONG_PUNCT, Chunk, SentCtx, Tok, plain_word, title_words
from ..lexicon import lexicon
from ..triggers import Cand
from .syntax import (
    STOP_LEFT,
    TRANSPARENT,
    WINDOW,
    chunk_at,
    is_comp,
    is_definite,
    is_nisba,
    is_trigger,
    starts_with_and,
)

_AUX_COMP = frozenset({"aux", "comp"})
_AUX_NEG = frozenset({"aux", "negation"})


def first_subject_chunk(ctx: SentCtx, before: int, after: int = 0) -> Chunk | None:
    """The first chunk with actors and no preposition in ``toks[after:before]``."""
    for c in ctx.chunks:
        if c.start >= before:
            break
        if c.start >= after and c.prep is None:
            holder = title_holder(ctx, c)  # الأمين العام لحزب الله نعيم قاسم: the person, not a later nisba
            if holder is not None and holder.end <= before:
                return holder
            if c.actors:
                return c
    return None


def left_subject(ctx: SentCtx, i: int) -> tuple[str, int, Chunk | None]:
    """Scan left from a verb: ("subject", k, chunk) | ("pronoun", k, None) | ("relative", k, None) |
    ("comp", k, None) | ("none", k, None)."""
    toks = ctx.toks
    k = i - 1
    while k >= 0 and i - k <= 10:
        tk = toks[k]
        if tk.punct and tk.token.text not in TRANSPARENT:
            return "none", k, None
        if is_trigger(tk):
            return "none", k, None
        if not tk.ent:
            if "pronoun" in tk.cats:
                return "pronoun", k, None
            if "relative" in tk.cats:
                return "relative", k, None
            if "linker" in tk.cats:
                return "linker", k, None
            if tk.cats & STOP_LEFT:
                return "none", k, None
            if is_comp(tk):
                return "comp", k, None
        c = chunk_at(ctx, k)
        if c is not None and c.prep is None and c.actors:
            return "subject", k, c
        if (
            c is not None
            and plain_word(toks[k])
            and is_definite(toks[k])
            and not toks[i].conj
            and all("aux" in toks[m].cats for m in range(k + 1, i))
        ):
            # قوات الدعم السريع هاجمت: a subject is there, only not a known entity; what follows is the object
            return "unknown", k, None
        if c is not None and plain_word(toks[k]) and k == i - 1 and not toks[i].conj:
            # an indefinite noun right before the verb heads a relative clause: its subject is the head
            # (اعتداء يستهدف مصالحها) or named after the verb (خطوة نددت بها موسكو), never further left
            return "indef", k, None
        if c is not None and c.prep in ("ل", "ب") and c.start > 0:
            # الأمين العام للأمم المتحدة أنطونيو غوتيريش أبلغه: the name in the title's ل phrase is the subject
            head = chunk_at(ctx, c.start - 1)
            people = [e for e in c.actors if ctx.types.get(e) == "PER"]
            if people and head is not None and head.prep is None and not head.actors:
                return "subject", k, Chunk(head.start, c.end, None, [people[-1:]]).seal()
        k = (c.start - 1) if c is not None else k - 1
    return "none", k, None


_DUAL_ENDINGS = ("ان", "ين")


def dual_subject(ctx: SentCtx, i: int, kind: str, k: int, subj) -> int | None:
    """Index of a dual noun subject (الرئيسين اتفقا، وكان الوزيران قد التقيا) right before the verb."""
    toks = ctx.toks
    m = i - 1
    while m >= 0 and (toks[m].cats & _AUX_COMP or (toks[m].punct and toks[m].token.text in TRANSPARENT)):
        m -= 1
    if m < 0 or toks[m].ent or toks[m].token.kind != "word":
        return None
    if is_dual(toks[m]) and toks[i].token.norm.endswith("ا"):
        return m  # the verb agrees in the dual (اتفقا، التقيا)
    return None


def is_dual(tk: Tok) -> bool:
    """A dual noun naming two actors (الوزيران، الجانبين), not a word that only ends like one (الطيران)."""
    stem = tk.token.forms[-1][1]
    return (
        not tk.ent
        and stem.startswith("ال")
        and stem.endswith(_DUAL_ENDINGS)
        and len(stem) > 6
        and stem[2:-2] in lexicon().duals
    )


_TITLE_PREPS = {"ل", "ب", "الي", "في", "لدي", "عن"}  # normalized (إلى -> الي); النائب عن حزب الله X


def title_only(ctx: SentCtx, c: Chunk) -> bool:
    """A phrase naming nobody but by a nisba (المبعوث الأميركي، نائبة المبعوث الأممي): a title whose holder
    may be named after its prepositional phrase."""
    return all(is_nisba(ctx, c, e) or adjective_mention(ctx, c, e) for e in c.actors)


def adjective_mention(ctx: SentCtx, c: Chunk, eid: str) -> bool:
    """A place or body named only by an adjective the entities layer marked (الأميركي، الأممية)."""
    if ctx.types.get(eid) == "PER":
        return False
    toks = [ctx.toks[k] for k in range(c.start, c.end) if ctx.toks[k].ent == eid]
    return len(toks) == 1 and toks[0].token.forms[-1][1].endswith(NISBA_ENDINGS)


def title_holder(ctx: SentCtx, c: Chunk) -> Chunk | None:
    """المبعوث الأممي إلى اليمن هانس غروندبرغ، الأمين العام للأمم المتحدة أنطونيو غوتيريش: a title phrase, then
    a ل/ب/إلى/في/لدى phrase ending on a person: that person (not the title's nisba or the PP's place)."""
    nxt = chunk_at(ctx, c.end) or chunk_at(ctx, c.end + 1)  # the preposition is a clitic or a word of its own
    if nxt is None or nxt.start not in (c.end, c.end + 1) or nxt.prep not in _TITLE_PREPS or not nxt.actors:
        return None
    if c.actors and not title_only(ctx, c) and not _body_title(ctx, c, nxt):
        return None
    # the person right after the PP's place (المبعوث الأممي إلى ليبيا عبد الله باتيلي جميع الأطراف)
    people = [
        k
        for k in range(nxt.start, nxt.end)
        if ctx.types.get(ctx.toks[k].ent) == "PER" and not ctx.toks[k].nisba
    ]
    if not people:
        return None
    return Chunk(c.start, nxt.end, None, [[ctx.toks[people[0]].ent]]).seal()


def _body_title(ctx: SentCtx, c: Chunk, nxt: Chunk) -> bool:
    """مندوب الصين لدى الأمم المتحدة فو كونغ، رئيس لجنة الأسرى التابعة للحوثيين X: a title word naming a state
    or body in its genitive (no person), then a لدى/في/ل phrase opening on a name: the person after it holds the
    title. Not after ب or إلى (وزير خارجية مصر بنظيره بلينكن: the one he called)."""
    toks = ctx.toks
    f = next((k for k in range(c.start, c.end) if toks[k].ent), c.start)
    if f == c.start or not title_word(toks[f - 1]):
        return False  # the word right before the name is the title (a chunk may open on the verb: وقال مندوب)
    if any(ctx.types.get(e) == "PER" for e in c.actors) or nxt.prep not in ("ل", "في", "لدي"):
        return False
    # the phrase opens on a body or place (لدى الأمم المتحدة، للحوثيين), not on a title or counterpart
    # (لنظيره الأميركي X: the one spoken to)
    first = toks[nxt.start]
    if first.ent:
        return ctx.types.get(first.ent) != "PER" and not first.nisba
    stem = first.token.forms[-1][1].removeprefix("ال")
    return stem not in title_words() and not stem.startswith("نظير")


def title_word(tk: Tok) -> bool:
    """A title word in any clitic reading (وزير is read whole, not و + زير)."""
    words = title_words()
    return any(stem.removeprefix("ال") in words for _, stem in tk.token.forms)


def right_subject(ctx: SentCtx, j: int) -> Chunk | None:
    toks = ctx.toks
    # ويجتمع قادة دول الاتحاد: قادة (leaders; no verb ends in ة) opens the subject, naming its body
    if (
        j + 1 < len(toks)
        and "light" in toks[j].cats
        and toks[j].token.text.endswith("ة")
        and toks[j].token.forms[-1][0] == 0  # (not بقادة: a preposition opens no subject)
    ):
        j += 1
    c = chunk_at(ctx, j)
    if c is not None and c.prep is None and c.start == j:
        return title_holder(ctx, c) or _compound_title(ctx, c) or c
    return None


def _compound_title(ctx: SentCtx, c: Chunk) -> Chunk | None:
    """وزير الخارجية وشؤون المغتربين أيمن الصفدي: a title naming nobody, continued after و by more of its
    portfolio and then its holder (the chunker cut the phrase at و): the holder."""
    toks = ctx.toks
    if c.actors or not title_word(toks[c.start]):
        return None
    nxt = chunk_at(ctx, c.end)
    if nxt is None or nxt.start != c.end or nxt.prep is not None or not starts_with_and(toks[c.end]):
        return None
    if toks[c.end].ent:
        return None  # وزير الخارجية ووزير الدفاع، الرئيس والملك X: a second party, not the same title
    people = [e for e in nxt.actors if ctx.types.get(e) == "PER"]
    return Chunk(c.start, nxt.end, None, [people[:1]]).seal() if people else None


def topic_subject(ctx: SentCtx, i: int) -> Chunk | None:
    """أما مسؤولة السياسة الخارجية … كايا كالاس، فقد رحبت: the phrase after أما is the subject of the verb
    its ف clause opens with (ف on the verb or on an auxiliary right before it)."""
    toks = ctx.toks
    k = i - 1
    while k >= 0 and "aux" in toks[k].cats and not toks[k].token.norm.startswith("ف"):
        k -= 1
    fa = toks[k] if k >= 0 and toks[k].token.norm.startswith("ف") and "aux" in toks[k].cats else toks[i]
    if not fa.token.norm.startswith("ف"):
        return None
    for m in range(k - 1, max(-1, k - 2 * WINDOW), -1):
        if toks[m].token.norm == "اما":
            return first_subject_chunk(ctx, k, after=m)
        if toks[m].punct and toks[m].token.text in STRONG_PUNCT:
            return None
    return None


def state_subject(ctx: SentCtx, i: int) -> bool:
    """The word before the verb is a state noun (المملكة، الحكومة، بلاده)."""
    k = i - 1
    while k >= 0 and ctx.toks[k].punct and ctx.toks[k].token.text in TRANSPARENT:
        k -= 1
    return k >= 0 and "state_noun" in ctx.toks[k].cats


def self_subject(ctx: SentCtx, i: int) -> bool:
    """The word before the verb (past auxiliaries and negation) is a self noun of a state (بلاده، حكومته)."""
    toks = ctx.toks
    k = i - 1
    while k >= 0 and toks[k].cats & _AUX_NEG and not toks[k].ent:
        k -= 1
    own = lexicon().self_nouns
    return (
        k >= 0
        and not toks[k].ent
        and "state_noun" in toks[k].cats  # بلاده, not الحزب: a person's state, not his party
        and any(stem in own for _, stem in toks[k].token.forms)
    )


def own_state(ctx: SentCtx, cand: Cand) -> list[str]:
    """بلاده اقترحت، إن حكومته سترد: a self noun as the subject stands for the state of the person named
    before it in the sentence."""
    toks = ctx.toks
    k = cand.i - 1
    while k >= 0 and toks[k].cats & _AUX_NEG and not toks[k].ent:
        k -= 1
    own = lexicon().self_nouns
    if k < 0 or toks[k].ent or all(stem not in own for _, stem in toks[k].token.forms):
        return []
    state_noun = "state_noun" in toks[k].cats
    for m in range(k - 1, -1, -1):
        e = toks[m].ent
        if e and ctx.types.get(e) == "PER" and not state_noun:
            # قال المتحدث باسم قوات سوريا الديمقراطية X إن قواته اعتقلت: the body his title names
            body = _title_body(ctx, m, e)
            if body:
                return [body]
        if e and ctx.types.get(e) == "PER" and e in ctx.person_states:
            return [ctx.person_states[e]]
    return []


def _title_body(ctx: SentCtx, m: int, person: str) -> str | None:
    """The organization named in the phrase of the person at token ``m`` (his title's body), if one."""
    c = chunk_at(ctx, m)
    if c is None:
        return None
    orgs = [
        ctx.toks[n].ent
        for n in range(c.start, c.end)
        if ctx.toks[n].ent not in (None, person) and ctx.types.get(ctx.toks[n].ent) == "ORG"
    ]
    return orgs[-1] if orgs else None


_QUOTE_MARKS = frozenset('"«»“”')


def _quoted_clause_subject(ctx: SentCtx, i: int) -> list[str]:
    """قوله إن لبنان "لا يريد الحرب، ويطالب بتطبيق القرار": a coordinated verb inside the quote that follows
    إن X continues X, the subject of the quoted clause, not the speaker."""
    toks = ctx.toks
    marks = 0
    for m in range(i - 1, -1, -1):
        tk = toks[m]
        if tk.punct and tk.token.text in _QUOTE_MARKS:
            marks += 1
        elif "comp" in tk.cats and not tk.ent:
            k = m + 1
            if marks % 2 == 1 and k < len(toks) and toks[k].ent_start and not toks[k].nisba:
                return [toks[k].ent]
            return []
    return []


def clause_subject(ctx: SentCtx, cand: Cand, i: int) -> list[str]:
    """The dropped subject of a coordinated verb: the speaker of a quote cued earlier in the sentence, else
    the sentence's first subject before the verb."""
    embedded = _quoted_clause_subject(ctx, i)
    if embedded:
        return embedded
    # a quote cued by this very verb (واتهم X بـ"…") names no speaker before it
    verb_start = ctx.toks[i].token.start
    for start, eid in reversed(ctx.speakers):
        if start < verb_start:
            return [eid]
    # the last person standing as a subject before it (أما حماس، فقد قال رئيسها … خليل الحية …، واتهم); not
    # before a colon: a headline's topic (فاديفول في دمشق: برلين تخفف … وتدعو إلى …)
    colon = max((k for k in range(i) if ctx.toks[k].punct and ctx.toks[k].token.text == ":"), default=-1)
    fallback: list[str] = []
    for c in reversed(ctx.chunks):
        if c.start >= i or c.prep is not None:
            continue
        if c.start < colon:
            break
        holder = title_holder(ctx, c)
        if holder is not None and holder.end <= i:
            return holder.actors[-1:]
        people = [e for e in c.actors if ctx.types.get(e) == "PER"]
        if people:
            return people[-1:]
        fallback = fallback or c.actors[-1:]
    return fallback
