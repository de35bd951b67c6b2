"""Reactions and warnings: whom a condemnation or welcome of an event noun is aimed at (أدانت الفيتو),
and warnings that threaten nobody (حذر من كارثة) or one's own side's act (حذر من أن الحزب لن يقبل …).
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, SentCtx, plain_word
from ..lexicon import lexicon
from ..triggers import Cand
from .syntax import TRANSPARENT, WINDOW, is_comp

REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}
_WHAT = {"ما", "بما"}  # normalized


_NEG_COND = frozenset({"negation", "condition"})


def _set_off_date(toks, k: int) -> bool:
    """A comma setting off a date (X، الاثنين، …)."""
    return (
        toks[k].punct
        and toks[k].token.text in "،,"
        and ((k + 1 < len(toks) and toks[k + 1].timex) or (k > 0 and toks[k - 1].timex))
    )


_SAYER_REACH = 12  # words: في البيان الختامي للقمة الخامسة والأربعين لقادة دول مجلس التعاون


def _sayer(toks, k: int) -> str | None:
    """The first name from ``k`` on in the phrase naming what was said (its document, meeting and author),
    up to a comma or a preposition word opening another phrase (بشأن الجزر: what it was about)."""
    for m in range(k, min(len(toks), k + _SAYER_REACH)):
        tk = toks[m]
        if tk.ent:
            return tk.ent
        if tk.punct or (m > k and "prep" in tk.cats and tk.token.norm not in ("عن", "في")):
            return None
    return None


def _party_of(ctx: SentCtx, cand: Cand, c: Cand) -> bool:
    """The reaction's source (or his state) is one of the parties of the event it reacts to."""
    parties = set(c.actors) | {ctx.person_states.get(e) for e in c.actors} - {None}
    return any(e in parties or ctx.person_states.get(e) in parties for e in cand.source)


def reaction_target(ctx: SentCtx, cand: Cand, done: list[Cand]) -> list[str]:
    """أدانت الرئاسة الفلسطينية الفيتو، رحب بالضربات: a reaction to an event named by its noun is aimed at
    whoever did that event, the latest one of its type the article has reported."""
    toks = ctx.toks
    start = cand.j
    for m in range(cand.j, min(len(toks), cand.j + 2 * WINDOW)):
        if toks[m].punct and toks[m].token.text not in TRANSPARENT and not _set_off_date(toks, m):
            break
        if toks[m].ent in cand.source:
            start = (
                m + 1
            )  # past a long subject (ورحب الأمين العام لمجلس التعاون … جاسم البديوي بنتائج اللقاء)
    for k in range(start, min(len(toks), start + 8)):
        tk = toks[k]
        if tk.timex or (tk.punct and _set_off_date(toks, k)):
            continue  # رفض كنعاني، الاثنين، ما ورد …
        if tk.punct and tk.token.text not in TRANSPARENT:
            return []
        if (
            tk.token.norm in _WHAT
            and k + 1 < len(toks)
            and toks[k + 1].token.forms[-1][1] in lexicon().said_verbs
        ):
            # رفض ما ورد في بيان مجلس التعاون، ما جاء في تصريحات X: aimed at whoever said it
            said = _sayer(toks, k + 2)
            return [said] if said and said not in cand.source else []
        if tk.token.forms[-1][1] in lexicon().issued and k > start:
            # رفضت X البيان الصادر عن البرلمان الأوروبي: aimed at the body that issued it
            said = _sayer(toks, k + 1)
            return [said] if said and said not in cand.source else []
        if (
            not tk.ent
            and tk.token.forms[-1][1] in lexicon().documents
            and tk.token.forms[-1][1].startswith("ال")
            and not (k + 1 < len(toks) and toks[k + 1].ent)
        ):
            # رحب مندوب السودان بالقرار: the resolution the article reported, aimed at the body that adopted it
            issued = next((c for c in reversed(ctx.history + done) if c.document and c.source), None)
            return [e for e in issued.source if e not in cand.source] if issued is not None else []
        if tk.ent in cand.source or (not tk.ent and plain_word(tk) and k - start < 4):
            continue  # the subject between (أدانت الرئاسة الفلسطينية الفيتو)
        if tk.hit is not None and tk.hit.trigger.pos == "noun" and tk.token.forms[-1][1].startswith("ال"):
            kind, mode = tk.hit.trigger.type, tk.hit.trigger.mode
            here = next((c for c in done if c.i == k), None)
            if here is not None and here.source:  # أدان الهجوم الروسي على كييف: that noun's own actor
                return _doers(here, cand)
            for c in reversed(ctx.history + done):
                if c.trig.type == kind and c.trig.mode == mode and c.source and c is not cand:
                    if kind == "AGREE" and _party_of(ctx, cand, c):
                        return []  # رحب الوزير البحريني بالاتفاق: a party welcoming its own agreement
                    return _doers(c, cand)
            continue  # ودان "الاعتداءات المتكررة" التي ترتكبها إسرائيل: a relative clause may name the doer
        if tk.ent:
            prev = toks[k - 1]
            if k > start and not prev.ent and prev.token.forms[-1][1] in lexicon().documents:
                # رحب كوليبا بقرار الاتحاد الأوروبي: a reaction to a body's decision is aimed at that body
                return [tk.ent] if tk.ent not in cand.source else []
            if k - 2 > start and "relative" in toks[k - 2].cats and _clause_verb(prev):
                # أشاد أبو الغيط بالجهد الذي بذلته الجزائر، دان الاعتداءات التي ترتكبها إسرائيل: a reaction to
                # what X did is aimed at X
                return [tk.ent] if tk.ent not in cand.source else []
            return []
    return []


def _clause_verb(tk) -> bool:
    """The verb of a relative clause: a plain word, or one the lexicon lists as announcing or light
    (النتائج التي أعلنتها المفوضية), but no trigger, name or punctuation."""
    return plain_word(tk) or (not tk.ent and not tk.punct and not tk.in_trigger and tk.token.kind == "word")


def warns_of_thing(ctx: SentCtx, cand: Cand) -> bool:
    """حذرت الأمم المتحدة من كارثة إنسانية: a warning of a danger, naming no one and no act, is no threat."""
    toks = ctx.toks
    if cand.target:
        return False
    k = cand.j
    while k < min(len(toks) - 1, cand.j + 8) and toks[k].token.norm != "من":
        if toks[k].punct or toks[k].in_trigger or (toks[k].cats and not toks[k].ent):
            return False
        k += 1  # the subject (حذرت الأمم المتحدة من …)
    if k + 1 >= len(toks) or toks[k].token.norm != "من":
        return False
    nxt = toks[k + 1]
    return nxt.token.kind == "word" and not nxt.ent and not nxt.in_trigger and not nxt.cats


def _doers(event: Cand, reaction: Cand) -> list[str]:
    """Who did an event reacted to: its source, and both sides of a symmetric one (رحب بالاتفاق بين X و Y)."""
    ids = event.source + event.target if event.symmetric or "symmetric" in event.trig.flags else event.source
    return [e for e in dict.fromkeys(ids) if e not in reaction.source]


def _comp_after(toks, j: int, reach: int, stop) -> int | None:
    """The complementizer (أن) a warning verb ending at ``j`` opens, within ``reach`` tokens and with a word
    after it; None when punctuation other than a comma or a token ``stop`` accepts comes first."""
    k = j
    while k < min(len(toks), j + reach) and not is_comp(toks[k]):
        if (toks[k].punct and toks[k].token.text not in "،,") or stop(toks[k]):
            return None
        k += 1
    return k if k + 1 < len(toks) and is_comp(toks[k]) else None


def fact_warning(ctx: SentCtx, cand: Cand) -> bool:
    """حذر من أن إيران باتت تملك …: a warning that another actor is in some state, with nothing to come (no
    future, negation, condition or قد in the clause), is no threat."""
    toks = ctx.toks
    k = _comp_after(toks, cand.j, 6, lambda t: t.ent)  # حذر (،) في وقت سابق (،) من أن …
    if k is None:
        return False
    m = k + 1
    while m < min(len(toks), k + 3) and plain_word(toks[m]):
        m += 1  # أن بعض المطالب الروسية "غير مقبولة": a thing of another actor's, named by its adjective
    if m >= len(toks):
        return False
    e = toks[m].ent
    if not e or e in cand.source or (toks[m].nisba and m == k + 1):
        return False
    for tk in toks[m + 1 :]:
        if tk.punct and tk.token.text not in TRANSPARENT:
            break
        norm = tk.token.norm
        if tk.fut or norm[:2] in ("سي", "ست", "سن") or norm == "قد" or tk.cats & _NEG_COND:
            return False
    return True


def own_side_warning(ctx: SentCtx, cand: Cand) -> list[str]:
    """حذر من أن الحزب لن يقبل ببقاء القوات الإسرائيلية: a warning about what one's own side will do is a threat
    against the other actor named in that clause."""
    toks = ctx.toks
    k = cand.j
    if k < len(toks) and toks[k].token.norm in ("من", "ب"):
        k += 1
    if k + 1 >= len(toks) or not is_comp(toks[k]):
        return []
    own = lexicon().self_nouns
    if toks[k + 1].ent or all(stem not in own for _, stem in toks[k + 1].token.forms):
        return []
    for m in range(k + 2, min(len(toks), k + 2 + WINDOW)):
        tk = toks[m]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            break
        if tk.ent and tk.ent not in cand.source:
            return [tk.ent]
    return []


_ANY_REACH = 6  # words from أي to the actor of the act it makes hypothetical (أي "استفزاز" روسي)


def any_act_warning(ctx: SentCtx, cand: Cand) -> list[str]:
    """حذر X من أن أي "استفزاز" روسي سيقابل برد: a warning that any act by someone will be answered threatens
    that someone (named right after the act, or by its nisba)."""
    toks = ctx.toks
    # past the subject to من أن (حذر مستشار الرئاسة X من أن أي …)
    k = next((m for m in range(cand.j, min(len(toks) - 2, cand.j + WINDOW)) if is_comp(toks[m])), None)
    if k is None or "hypothetical_before" not in toks[k + 1].cats:
        return []
    if any(toks[m].punct and toks[m].token.text in STRONG_PUNCT for m in range(cand.j, k)):
        return []
    for m in range(k + 2, min(len(toks), k + 2 + _ANY_REACH)):
        tk = toks[m]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            break
        if tk.ent and tk.ent not in cand.source and ctx.types.get(tk.ent) != "PER":
            return [tk.ent] if tk.ent not in ctx.places else []
    return []


def own_side_clause(ctx: SentCtx, cand: Cand) -> list[str]:
    """حذر الوزير من أن واشنطن ستفرض عقوبات على الشركات الصينية: when the clause after من أن opens on the
    warner's own side (his state, its capital, his union), that side is not warned: the other actor named in
    the clause is the target (none if there is none). Other targets are kept as they are."""
    toks = ctx.toks
    mine = {ctx.sides[e] for e in cand.source if e in ctx.sides}
    if not mine:
        return cand.target
    k = cand.j
    while k < min(len(toks) - 1, cand.j + WINDOW) and not is_comp(toks[k]):
        if toks[k].punct and toks[k].token.text in STRONG_PUNCT:
            return cand.target
        k += 1
    if k + 1 >= len(toks) or not is_comp(toks[k]):
        return cand.target
    subj = toks[k + 1].ent or (
        toks[k + 2].ent if k + 2 < len(toks) and toks[k + 1].token.text in '"«' else None
    )
    if subj is None or ctx.sides.get(subj) not in mine or subj not in cand.target:
        return cand.target
    for tk in toks[k + 2 : k + 2 + WINDOW]:
        if tk.punct and tk.token.text in STRONG_PUNCT:
            break
        if tk.ent and tk.ent not in cand.source and ctx.sides.get(tk.ent) not in mine:
            return [tk.ent]
    return []


_SUBJECT_REACH = 12  # tokens from a warning verb to its من أن: a titled name and a time between commas


def warns_of_course(ctx: SentCtx, cand: Cand) -> bool:
    """حذر من أن استمرار الأزمة "سيقوض فرص السلام": a warning that a course of things will lead somewhere, its
    clause opening on a plain noun and naming no actor, threatens nobody."""
    toks = ctx.toks
    if cand.target:
        return False
    k = _comp_after(toks, cand.j, _SUBJECT_REACH, lambda t: t.in_trigger)  # حذر X (،) أمس (،) من أن
    if k is None:
        return False
    m = k + 1
    while m < len(toks) and toks[m].punct and toks[m].token.text in TRANSPARENT:
        m += 1
    if m >= len(toks) or not plain_word(toks[m]) or toks[m].token.norm in lexicon().self_nouns:
        return False
    for tk in toks[m:]:
        if tk.punct and tk.token.text in STRONG_PUNCT:
            break
        if tk.ent or tk.cats & _NEG_COND:
            return False  # (استمرار الاعتداءات لن يبقى دون رد: a negated outcome is a promise to respond)
    return True
