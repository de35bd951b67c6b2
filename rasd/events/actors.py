"""Source and target of an event from the syntax around its trigger.

Verbs: the subject before the verb (SVO, كان X فعل), else the phrase right after it (VSO); a pronoun subject
(لكنه، أنها، وهي) or a dropped one takes the antecedent; a verb right after أن with no subject of its own
shares the subject of the clause that governs it (تنفي موسكو أن تكون تهدد أوكرانيا). The target is the direct
object or the phrase after one of the trigger's prepositions (حث روسيا، بحث مع، فرض عقوبات على).
Nouns: the genitive or nisba phrase after the noun (اتصال بايدن، المحادثات الروسية - الأميركية), بين X و Y,
prepositional targets, a relative clause (المحادثات التي ستقودها X مع Y), the subject of a light verb before it
(أجرى X مكالمة مع Y) and في إطار X.
"""

from __future__ import annotations

import re

from .attach import DURING
from .context import NISBA_ENDINGS, STRONG_PUNCT, Chunk, SentCtx, Tok, plain_word
from .lexicon import lexicon
from .triggers import Cand

_COMP = {"ان", "بان", "لان"}
_STOP_LEFT = {"contrast", "condition", "denial", "relative", "pronoun"}
_STOP_RIGHT = {"contrast", "condition", "denial", "relative", "pronoun", "light"}
WINDOW = 14
_TRANSPARENT = set("-()–\"«»“”'")  # punctuation a subject may stand behind
LIGHT_WINDOW = 16  # tokens back from an event noun to its light verb (أجرى X، يوم Y، مكالمة)


def _stem(tk: Tok) -> str:
    return tk.token.forms[1][1] if tk.conj and len(tk.token.forms) > 1 else tk.token.norm


def _is_comp(tk: Tok) -> bool:
    return tk.token.kind == "word" and _stem(tk) in _COMP


def _chunk(ctx: SentCtx, k: int) -> Chunk | None:
    ci = ctx.chunk_of[k] if 0 <= k < len(ctx.toks) else -1
    return ctx.chunks[ci] if ci >= 0 else None


def _is_trigger(tk: Tok) -> bool:
    return tk.in_trigger


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


def resolve_pronoun(ctx: SentCtx, k: int, prev: list[Cand], prev_sentence: list[str]) -> list[str]:
    """Antecedent of a pronoun subject at token ``k``."""
    tk = ctx.toks[k]
    stem = _stem(tk)
    if tk.conj and stem.startswith(("ان", "بان")):
        # وأنها after "أن الولايات المتحدة ...": the parallel clause has the same subject
        for m in range(k - 1, -1, -1):
            if _is_comp(ctx.toks[m]):
                c = _chunk(ctx, m + 1)
                if c and c.prep is None and c.actors:
                    return c.actors[:1]
    plural = stem.endswith(("هم", "هن"))  # انهم: a group, not one person
    for c in reversed(prev):
        if c.source and not (plural and all(ctx.types.get(e) == "PER" for e in c.source)):
            return list(c.source)
    c = first_subject_chunk(ctx, k)
    if c and not (plural and all(ctx.types.get(e) == "PER" for e in c.actors)):
        return c.actors[:1]
    if plural:
        return []
    return list(prev_sentence) if k <= 1 else []  # وهي تؤكد at the start: the last sentence's actor


def _scan_targets(ctx: SentCtx, cand: Cand, frm: int, allow_direct: bool) -> list[str] | tuple[list, list]:
    """Target actors after ``frm``; for بين X و Y returns (X, Y)."""
    toks = ctx.toks
    preps = cand.trig.targets
    k = frm
    seen_plain = False
    seen_pp = False  # a phrase of the target's preposition naming nobody (للحكومة الجديدة)
    seen_chunks = 0  # a bare ل phrase counts right after the trigger or its genitive (دعم فرنسا لمخطط …)
    while k < len(toks) and k - frm <= WINDOW:
        tk = toks[k]
        if tk.punct and (tk.token.text in STRONG_PUNCT or (seen_pp and tk.token.text in "،,")):
            break  # دعم … للحكومة الجديدة، بحسب بيان لمكتب …: the target was that unnamed phrase
        if not tk.ent and (tk.cats & _STOP_RIGHT or (_is_trigger(tk) and k >= cand.j)):
            break
        c = _chunk(ctx, k)
        if c is None:
            k += 1
            continue
        if not c.actors and c.prep and c.prep in preps:
            # على مواقع للحوثيين، على موقع تابع للحوثيين: the target is named in the ل phrase of the PP
            nxt = _chunk(ctx, c.end)
            if nxt is not None and nxt.start == c.end and nxt.prep == "ل" and nxt.actors:
                return nxt.actors
            # على بلدات في جنوب لبنان، بينها بنت جبيل ومحيط النبطية: the region, then the places it names
            # (not على السفن في البحر الأحمر: ships are no place)
            named = _places_of(ctx, c.end) if place_noun(toks[c.start]) else []
            if named:
                return named
            seen_pp = True
        if c.actors:
            if c.prep == "بين" and c.conjuncts:
                return (c.conjuncts[0][:1], [e for cj in c.conjuncts[1:] for e in cj])
            if c.prep == "لدي":
                # سفيرها لدى الجزائر ستيفان روماتيه: the state; the person after it is the ambassador
                states = [toks[m].ent for m in range(c.start, c.end) if toks[m].ent]
                states = [e for e in dict.fromkeys(states) if ctx.types.get(e) != "PER"]
                if states and c.prep in preps:
                    return states[:1]
            if c.prep and c.prep in preps:
                return c.actors
            if c.prep is None and seen_chunks <= 1 and "ل" in preps and _l_clitic(toks[c.start]):
                return c.actors  # منح الثقة لحكومة X: the ل of an indefinite noun right after the trigger
            if c.prep is None and allow_direct and "direct" in preps and not seen_plain:
                return c.actors
            if c.prep and c.prep not in preps and allow_direct and "direct" in preps and not seen_plain:
                obj = _object_after_adjunct(ctx, c)
                if obj:
                    return obj
        if c.prep and c.prep in preps and not c.actors:
            seen_pp = True
        seen_chunks += 1
        if cand.trig.pos == "noun" and c.prep and c.prep not in preps and c.prep not in ("في", "بين"):
            break  # شكر أنان في اتصال هاتفي على اهتمامه بلبنان: another phrase has begun
        if c.prep is None and not all(toks[m].timex for m in range(c.start, c.end)):
            seen_plain = True
        k = c.end
    return []


_LIFT_GAP = {"جميع", "كل", "ما", "تبقي", "من", "بعض", "كافه", "باقي"}  # normalized


def _lifted(ctx: SentCtx, cand: Cand) -> None:
    """رفع (جميع) العقوبات، إلغاء العقوبات: lifting sanctions concedes; the lifting word acts as the light verb
    whose subject lifts them (أعلن ترامب رفع جميع العقوبات)."""
    toks = ctx.toks
    lift = lexicon().lift_words
    k = cand.i - 1
    while k >= 0 and cand.i - k <= 4 and toks[k].token.kind == "word" and not toks[k].ent:
        if any(stem in lift for _, stem in toks[k].token.forms):
            alt = next((e for e in toks[cand.i].entries if "lifted" in e.trigger.flags), None)
            if alt is not None:
                cand.trig = alt.trigger
                if not toks[k].conj:  # الملف النووي ورفع العقوبات: a topic in a list, nobody lifts
                    cand.light = k
            return
        if toks[k].token.norm not in _LIFT_GAP:
            return
        k -= 1


def _headed_by(ctx: SentCtx, cand: Cand) -> list[str]:
    """وعقدت الجولة …، برئاسة مساعد الرئيس الروسي فلاديمير ميدينسكي ووزير الدفاع الأوكراني رستم عمروف: the
    people heading the talks are their parties."""
    toks = ctx.toks
    heads = lexicon().headed_by
    for k in range(cand.j, min(len(toks), cand.j + 2 * WINDOW)):
        tk = toks[k]
        if (tk.punct and tk.token.text in STRONG_PUNCT) or (tk.in_trigger and k >= cand.j):
            return []
        norm = tk.token.norm
        if not tk.ent and (norm in heads or (norm[:1] == "و" and norm[1:] in heads)):
            c = _chunk(ctx, k + 1) if _chunk(ctx, k) is None else _chunk(ctx, k)
            if c is None:
                return []
            end = c.end
            while end < len(toks) and _and(toks[end]) and _chunk(ctx, end) is not None:
                end = _chunk(ctx, end).end  # … ووزير الدفاع الأوكراني رستم عمروف: the second head
            people = [toks[m].ent for m in range(c.start, end) if ctx.types.get(toks[m].ent) == "PER"]
            return list(dict.fromkeys(people))
    return []


def _and(tk: Tok) -> bool:
    """The word starts with the conjunction و (ووزير is و + وزير though وزير is read whole)."""
    forms = tk.token.forms
    return tk.conj or (tk.token.text[:1] == "و" and len(forms) > 1 and forms[1][0] == 1)


def _topic(ctx: SentCtx, i: int) -> Chunk | None:
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


def _joins(tk: Tok) -> bool:
    if tk.ent or tk.token.kind != "word":
        return False
    joins = lexicon().join_verbs
    return any(stem in joins for _, stem in tk.token.forms)


def _gap_target(ctx: SentCtx, cand: Cand, frm: int, to: int) -> list[str]:
    """A target phrase standing between a gapped verb's subject and its object noun."""
    for ci in sorted({ctx.chunk_of[k] for k in range(frm, to) if ctx.chunk_of[k] >= 0}):
        c = ctx.chunks[ci]
        if c.prep and c.prep in cand.trig.targets and c.actors and c.start >= frm:
            return c.actors
        if c.prep is None and "direct" in cand.trig.targets and c.actors and c.start >= frm:
            return c.actors  # حمّل الرئيس عباس إسرائيل المسؤولية: the object stands before the rest
    return []


_REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}


def _reaction_target(ctx: SentCtx, cand: Cand, done: list[Cand]) -> list[str]:
    """أدانت الرئاسة الفلسطينية الفيتو، رحب بالضربات: a reaction to an event named by its noun is aimed at
    whoever did that event, the latest one of its type the article has reported."""
    toks = ctx.toks
    start = cand.j
    for m in range(cand.j, min(len(toks), cand.j + 2 * WINDOW)):
        if toks[m].punct and toks[m].token.text not in _TRANSPARENT:
            break
        if toks[m].ent in cand.source:
            start = (
                m + 1
            )  # past a long subject (ورحب الأمين العام لمجلس التعاون … جاسم البديوي بنتائج اللقاء)
    for k in range(start, min(len(toks), start + 8)):
        tk = toks[k]
        if tk.punct and tk.token.text not in _TRANSPARENT:
            return []
        if tk.ent in cand.source or (not tk.ent and plain_word(tk) and k - start < 4):
            continue  # the subject between (أدانت الرئاسة الفلسطينية الفيتو)
        if tk.hit is not None and tk.hit.trigger.pos == "noun" and tk.token.forms[-1][1].startswith("ال"):
            kind, mode = tk.hit.trigger.type, tk.hit.trigger.mode
            here = next((c for c in done if c.i == k), None)
            if here is not None and here.source:  # أدان الهجوم الروسي على كييف: that noun's own actor
                return _doers(here, cand)
            for c in reversed(ctx.history + done):
                if c.trig.type == kind and c.trig.mode == mode and c.source and c is not cand:
                    return _doers(c, cand)
            return []
        if tk.ent:
            return []
    return []


def _warns_of_thing(ctx: SentCtx, cand: Cand) -> bool:
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


def _fact_warning(ctx: SentCtx, cand: Cand) -> bool:
    """حذر من أن إيران باتت تملك …: a warning that another actor is in some state, with nothing to come (no
    future, negation, condition or قد in the clause), is no threat."""
    toks = ctx.toks
    k = cand.j
    while k < min(len(toks), cand.j + 6) and not _is_comp(toks[k]):  # حذر في وقت سابق من أن …
        if toks[k].punct or toks[k].ent:
            return False
        k += 1
    if k + 1 >= len(toks) or not _is_comp(toks[k]):
        return False
    e = toks[k + 1].ent
    if not e or e in cand.source or toks[k + 1].nisba:
        return False
    for tk in toks[k + 2 :]:
        if tk.punct and tk.token.text not in _TRANSPARENT:
            break
        norm = tk.token.norm
        if tk.fut or norm[:2] in ("سي", "ست", "سن") or norm == "قد" or tk.cats & {"negation", "condition"}:
            return False
    return True


def _own_side_warning(ctx: SentCtx, cand: Cand) -> list[str]:
    """حذر من أن الحزب لن يقبل ببقاء القوات الإسرائيلية: a warning about what one's own side will do is a threat
    against the other actor named in that clause."""
    toks = ctx.toks
    k = cand.j
    if k < len(toks) and toks[k].token.norm in ("من", "ب"):
        k += 1
    if k + 1 >= len(toks) or not _is_comp(toks[k]):
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


def _object_after_adjunct(ctx: SentCtx, c: Chunk) -> list[str]:
    """توعد X في بيان متلفز الولايات المتحدة وبريطانيا: an indefinite noun and its adjective end the adjunct; a
    name after them is the verb's object, not the adjunct's genitive (في مدينة القدس, one word, stays whole)."""
    toks = ctx.toks
    plain = 0
    loc = next((k for k in range(c.start, min(c.end, c.start + 3)) if toks[k].ent), None)
    if loc is not None and c.prep == "في" and ctx.types.get(toks[loc].ent) in ("LOC", "ORG"):
        # التقى X في بغداد وزير الخارجية التركي هاكان فيدان، استقبل X في قصر قرطاج …: the place, then the person
        m = loc
        while m < c.end and toks[m].ent == toks[loc].ent:
            m += 1
        people = [toks[n].ent for n in range(m, c.end) if ctx.types.get(toks[n].ent) == "PER"]
        if m < c.end and not toks[m].ent and people:
            return people[:1]
    for k in range(c.start, c.end):
        tk = toks[k]
        if tk.ent:
            if plain < 2 or tk.nisba:
                return []
            return list(
                dict.fromkeys(toks[m].ent for m in range(k, c.end) if toks[m].ent and not toks[m].nisba)
            )
        if not plain_word(tk) or tk.token.forms[-1][1].startswith("ال"):
            return []
        plain += 1
    return []


def place_noun(tk: Tok) -> bool:
    """A common noun for a place (بلدات، أحياء سكنية، مواقع، منازل)."""
    places = lexicon().place_nouns
    return not tk.ent and any(stem in places or stem[2:] in places for _, stem in tk.token.forms)


def _masdar_object(ctx: SentCtx, g: Chunk) -> tuple[list[str], list[str]] | None:
    """An event noun's genitive followed by an indefinite accusative noun (موظفا) naming its object: (agents
    named before it, those named from it on), when both are named."""
    toks = ctx.toks
    seen = False
    for k in range(g.start, g.end):
        tk = toks[k]
        if tk.ent:
            seen = True
            continue
        if seen and plain_word(tk) and tk.token.norm.endswith("ا") and not tk.token.norm.startswith("ال"):
            before = [e for e in dict.fromkeys(toks[m].ent for m in range(g.start, k)) if e]
            after = [e for e in dict.fromkeys(toks[m].ent for m in range(k, g.end)) if e and e not in before]
            return (before, after) if before and after else None
    return None


def _places_of(ctx: SentCtx, k: int) -> list[str]:
    """After an unnamed على phrase (على بلدات): a في phrase naming a place, and the places listed after an
    "among them" word (بينها) right after it."""
    toks = ctx.toks
    while k < len(toks) and ctx.chunk_of[k] < 0 and not toks[k].punct:
        k += 1  # the preposition word في
    c = _chunk(ctx, k)
    if c is None or c.prep != "في" or not c.actors:
        return []
    out = list(c.actors)
    m = c.end
    while m < len(toks) and toks[m].punct and toks[m].token.text in "،,":
        m += 1
    if m < len(toks) and "including" in toks[m].cats:
        nxt = _chunk(ctx, m + 1)
        end = nxt.end if nxt is not None else m
        while end < len(toks) and _and(toks[end]) and _chunk(ctx, end) is not None:
            end = _chunk(ctx, end).end  # بنت جبيل ومحيط النبطية
        out += [toks[n].ent for n in range(m + 1, end) if toks[n].ent and not toks[n].nisba]
    return list(dict.fromkeys(out))


def _l_clitic(tk: Tok) -> bool:
    """The word may carry the preposition ل (لحكومة; a word of its own starting with ل, لجنة, also passes:
    tolerable right after a trigger that takes ل)."""
    forms = tk.token.forms
    return not tk.ent and tk.token.text[:1] == "ل" and len(forms) > 1 and forms[1][0] == 1 and not tk.cats


_RESUMPTIVE = re.compile(
    r"^(?:[بل]|عن|من|في|الي|علي)?(?:ه|ها|هم|هما)$|^(?:عليه|عليها|اليه|اليها|منه|منها|فيه|فيها|عنه|عنها)$"
)


def _resumptive(toks: list[Tok], k: int) -> bool:
    """A preposition with a pronoun right after a relative clause's verb (نددت بها): it points at the head noun."""
    return k < len(toks) and toks[k].token.kind == "word" and bool(_RESUMPTIVE.match(toks[k].token.norm))


def _definite(tk: Tok) -> bool:
    """A definite noun (الجيش، قوات الدعم السريع): an indefinite one before a verb (خطوة نددت بها موسكو) heads a
    relative clause instead of being its subject."""
    # the original text, not the normalized one: ة is folded to ه there
    return tk.token.forms[-1][1].startswith("ال") or tk.token.text.endswith(("ه", "ها", "هم"))


def _left_subject(ctx: SentCtx, i: int) -> tuple[str, int, Chunk | None]:
    """Scan left from a verb: ("subject", k, chunk) | ("pronoun", k, None) | ("relative", k, None) |
    ("comp", k, None) | ("none", k, None)."""
    toks = ctx.toks
    k = i - 1
    while k >= 0 and i - k <= 10:
        tk = toks[k]
        if tk.punct and tk.token.text not in _TRANSPARENT:
            return "none", k, None
        if _is_trigger(tk):
            return "none", k, None
        if not tk.ent:
            if "pronoun" in tk.cats:
                return "pronoun", k, None
            if "relative" in tk.cats:
                return "relative", k, None
            if "linker" in tk.cats:
                return "linker", k, None
            if tk.cats & _STOP_LEFT:
                return "none", k, None
            if _is_comp(tk):
                return "comp", k, None
        c = _chunk(ctx, k)
        if c is not None and c.prep is None and c.actors:
            return "subject", k, c
        if (
            c is not None
            and plain_word(toks[k])
            and _definite(toks[k])
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
            head = _chunk(ctx, c.start - 1)
            people = [e for e in c.actors if ctx.types.get(e) == "PER"]
            if people and head is not None and head.prep is None and not head.actors:
                return "subject", k, Chunk(head.start, c.end, None, [people[-1:]]).seal()
        k = (c.start - 1) if c is not None else k - 1
    return "none", k, None


_DUAL_ENDINGS = ("ان", "ين")


def _dual_subject(ctx: SentCtx, i: int, kind: str, k: int, subj) -> int | None:
    """Index of a dual noun subject (الرئيسين اتفقا، وكان الوزيران قد التقيا) right before the verb."""
    toks = ctx.toks
    m = i - 1
    while m >= 0 and (
        toks[m].cats & {"aux", "comp"} or (toks[m].punct and toks[m].token.text in _TRANSPARENT)
    ):
        m -= 1
    if m < 0 or toks[m].ent or toks[m].token.kind != "word":
        return None
    if _is_dual(toks[m]) and toks[i].token.norm.endswith("ا"):
        return m  # the verb agrees in the dual (اتفقا، التقيا)
    return None


def _is_dual(tk: Tok) -> bool:
    """A dual noun naming two actors (الوزيران، الجانبين), not a word that only ends like one (الطيران)."""
    stem = tk.token.forms[-1][1]
    return (
        not tk.ent
        and stem.startswith("ال")
        and stem.endswith(_DUAL_ENDINGS)
        and len(stem) > 6
        and stem[2:-2] in lexicon().duals
    )


_TITLE_PREPS = {"ل", "ب", "الي", "في", "لدي"}  # normalized (إلى -> الي)


def _title_only(ctx: SentCtx, c: Chunk) -> bool:
    """A phrase naming nobody but by a nisba (المبعوث الأميركي، نائبة المبعوث الأممي): a title whose holder
    may be named after its prepositional phrase."""
    return all(_is_nisba(ctx, c, e) or _adjective_mention(ctx, c, e) for e in c.actors)


def _adjective_mention(ctx: SentCtx, c: Chunk, eid: str) -> bool:
    """A place or body named only by an adjective the entities layer marked (الأميركي، الأممية)."""
    if ctx.types.get(eid) == "PER":
        return False
    toks = [ctx.toks[k] for k in range(c.start, c.end) if ctx.toks[k].ent == eid]
    return len(toks) == 1 and toks[0].token.forms[-1][1].endswith(NISBA_ENDINGS)


def title_holder(ctx: SentCtx, c: Chunk) -> Chunk | None:
    """المبعوث الأممي إلى اليمن هانس غروندبرغ، الأمين العام للأمم المتحدة أنطونيو غوتيريش: a title phrase, then
    a ل/ب/إلى/في/لدى phrase ending on a person: that person (not the title's nisba or the PP's place)."""
    nxt = _chunk(ctx, c.end) or _chunk(ctx, c.end + 1)  # the preposition is a clitic or a word of its own
    if nxt is None or nxt.start not in (c.end, c.end + 1) or nxt.prep not in _TITLE_PREPS or not nxt.actors:
        return None
    if c.actors and not _title_only(ctx, c):
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


def _right_subject(ctx: SentCtx, j: int) -> Chunk | None:
    c = _chunk(ctx, j)
    if c is not None and c.prep is None and c.start == j:
        return title_holder(ctx, c) or c
    return None


def verb_actors(ctx: SentCtx, cand: Cand, i: int, prev: list[Cand], prev_sentence: list[str]) -> None:
    """Fill source/target for a verb trigger (or a light verb at ``i`` governing a noun trigger)."""
    toks = ctx.toks
    if i == cand.i and cand.participle:
        _participle_actors(ctx, cand, prev)
        return
    if i == cand.i and toks[i].conj and toks[i].head_k == 0:
        toks[i].conj = False  # فرضت is the verb فرض, not ف + رضت: the trigger matched the whole word
    if toks[i].conj and not (i > 0 and "aux" in toks[i - 1].cats):
        kind, k, subj = "none", i - 1, None  # واتهمها: a new clause; what stands before is the last one's
    else:
        kind, k, subj = _left_subject(ctx, i)
    if kind == "none" and i == cand.i:
        topic = _topic(ctx, i)
        if topic is not None:
            kind, subj = "subject", topic  # أما X، فقد رحبت …: the topic is the subject
    after = cand.j if i == cand.i else i + 1
    source: list[str] = []
    object_nisba: list[str] = []
    direct = True
    dual = _dual_subject(ctx, i, kind, k, subj)
    if dual is None and i + 1 < len(toks) and _is_dual(toks[i + 1]):
        dual = i + 1  # VSO: the verb stays singular before a dual subject (وبحث الجانبان)
    elif dual is None and i + 2 < len(toks) and toks[i + 1].token.norm in DURING and _is_dual(toks[i + 2]):
        dual = i + 2  # اتفق خلالها الرئيسان
    elif (
        dual is None
        and i == cand.i
        and i + 1 < len(toks)
        and toks[i + 1].token.norm in DURING
        and kind != "subject"
    ):
        # في زيارة يلتقي خلالها الرئيس المصري: the visitor (the clause's subject) meets the one named after;
        # but اتصالا هاتفيا …، بحثا خلاله: a consultation during a consultation is that one
        if prev and prev[-1].trig.type == cand.trig.type and prev[-1].trig.mode != "visit":
            cand.absorbed = True
        subj_c = first_subject_chunk(ctx, i)
        if subj_c is not None:
            kind, subj = "subject", subj_c
            after = i + 2
    if dual is not None:
        # الوزيران: the latest pair of actors who both hold that title (وزير), else the latest pair
        word = toks[dual].token.forms[-1][1][2:-2]
        after = max(after, dual + 1)
        pairs = [c.actors for c in reversed(prev + ctx.history) if c.symmetric and len(c.actors) == 2]
        titled = [p for p in pairs if all(word in ctx.titles.get(e, "") for e in p)]
        if word in lexicon().body_duals:  # الوفدان، البلدين: two sides, not two people
            titled = titled or [p for p in pairs if all(ctx.types.get(e) != "PER" for e in p)]
        pair = (titled or pairs or [None])[0]
        if pair:
            source = list(pair)
            direct = False
    if source:
        pass
    elif kind == "subject" and subj is not None:
        source = subj.actors
    elif kind == "pronoun":
        source = resolve_pronoun(ctx, k, prev, prev_sentence)
    elif kind == "relative":
        c = _chunk(ctx, k - 1)
        source = c.actors[-1:] if c else []
    else:
        aux_between = all("aux" in toks[m].cats for m in range(k + 1, i))
        if kind == "comp" and aux_between:
            # أن + verb: the subjunctive shares the governing clause's subject (تنفي موسكو أن تكون تهدد)
            c = _chunk(ctx, k - 1)
            if c is None and k >= 2:
                c = _chunk(ctx, k - 2)
            if c is not None and c.prep is None and c.actors:
                source = c.actors[-1:]
        linked = toks[i].conj or kind == "linker"  # وضمت …، حيث التقى …: the subject carries over
        # the previous act with a known actor, a verb first (coordination links verbs)
        last = next((c for c in reversed(prev) if c.source and c.trig.pos == "verb"), None) or next(
            (c for c in reversed(prev) if c.source), None
        )
        coordinated = linked and last is not None and i == cand.i
        if not source and coordinated and "direct" in cand.trig.targets and _one_plain_phrase(ctx, after):
            # وضمت شبه جزيرة القرم after "اجتاحتها": the subject is the previous verb's, the phrase its object
            source = _inherited(toks[i], last)
            cand.inherited = True
        if (
            not source
            and kind == "linker"
            and last is None
            and "direct" in cand.trig.targets
            and _one_plain_phrase(ctx, after)
        ):
            # وصل بلينكن إلى القاهرة، حيث يلتقي السيسي: the main clause's subject, the phrase the object
            c = first_subject_chunk(ctx, k)
            if c is not None:
                source = c.actors[-1:]
        if not source and kind == "indef" and not _resumptive(toks, after):
            pass  # قرار يدين روسيا: the head noun is the subject, the name after the verb its object
        elif not source and kind == "indef":
            r = _chunk(ctx, after + 1)
            if r is not None and r.prep is None and r.actors:
                source = r.actors[:1]  # خطوة نددت بها موسكو
                after = r.end
        elif not source and kind == "unknown":
            pass
        elif (
            not source
            and toks[i].conj
            and i > 0
            and i == cand.i
            and _object_then_complement(ctx, cand, after)
        ):
            # قال X إن …، واتهم إسرائيل بالمماطلة: a verb that must take an object, one phrase, then its
            # complement: the phrase is the object and the subject is the clause's speaker or subject
            source = _clause_subject(ctx, cand, i)
        elif not source:
            r = _right_subject(ctx, after)
            if r is not None and not r.actors and toks[i].conj and last is not None:
                # ودعا المجتمع الدولي إلى …: a dropped subject and an object that is no entity
                source = _inherited(toks[i], last)
                cand.inherited = True
                after = r.end
                direct = False
            elif r is not None:
                # VSO: the subject is the phrase's first actor (a person when named, both sides when
                # coordinated); a nisba further on belongs to the object (رفضت طهران الاتهامات الأميركية)
                source = r.actors if len(r.conjuncts) > 1 else r.actors[:1]
                after = r.end
                direct = bool(source)
                if len(r.conjuncts) == 1 and "direct" in cand.trig.targets:
                    # رفضت حماس المقترح الإسرائيلي: a nisba after the subject, in the object, names the target
                    object_nisba = [e for e in r.actors[1:] if e not in source and _is_nisba(ctx, r, e)]
                if source and "symmetric" in cand.trig.flags and after < len(toks) and _and(toks[after]):
                    # وقعه الشرع وقائد قسد مظلوم عبدي: a second party coordinated after the subject
                    nxt = _chunk(ctx, after)
                    people = [e for e in (nxt.actors if nxt is not None else []) if ctx.types.get(e) == "PER"]
                    if nxt is not None and nxt.prep is None and people:
                        source = source + [e for e in people[-1:] if e not in source]
                        after = nxt.end
            elif toks[i].conj and last is not None:
                source = _inherited(toks[i], last)
                cand.inherited = True
            elif toks[i].conj and i == 0 and prev_sentence and _opens_complement(toks, after):
                # "… قال بوتين. وحذر من أن …": a sentence opening on a verb with no subject continues the
                # last actor of the sentence before
                source = list(prev_sentence)
    if i == cand.i:
        if cand.rest_end > cand.j:  # gapped multiword: the object noun is part of the trigger
            gap_end = cand.rest_end - len(cand.trig.rest)
            in_gap = _gap_target(ctx, cand, after, gap_end)  # وقعت قسد مع دمشق يوم 10 مارس اتفاقا
            after = max(after, cand.rest_end)
            direct = False
        else:
            in_gap = []
        tgt = in_gap or _scan_targets(ctx, cand, after, direct) or object_nisba
        if isinstance(tgt, tuple):
            # بين X و Y right after the verb names both sides; further on it belongs to another phrase
            close = _chunk(ctx, after) is not None and _chunk(ctx, after).prep == "بين"
            source, tgt = (source or tgt[0], tgt[1]) if close and not source else (source, [])
        if len(source) == 2 and not tgt and "symmetric" in cand.trig.flags:
            source, tgt = source[:1], source[1:]
        target = [t for t in tgt if t not in source]
        if not target and cand.obj:
            # اجتاحتها: the object pronoun refers to an entity named before the verb (after a coordinated
            # verb, to the previous event's target: انتقد X إسرائيل واتهمها)
            last = next((c for c in reversed(prev) if c.target), None) if toks[i].conj else None
            if last is not None and not set(last.target) & set(source):
                target = list(last.target)
            else:
                target = _antecedent(ctx, i, source)
        cand.target = target
    cand.source = source


def noun_actors(ctx: SentCtx, cand: Cand, prev: list[Cand], prev_sentence: list[str]) -> None:
    toks = ctx.toks
    trig = cand.trig
    j = cand.j
    src: list[str] = []
    tgt: list[str] = []
    g = _chunk(ctx, j)
    if g is not None and g.start == j and g.prep is None and j < len(toks) and _l_clitic(toks[j]):
        g = None  # منح الثقة لحكومة X: a ل phrase, not the noun's genitive
    m = cand.i - 1
    while m >= 0 and toks[m].punct and toks[m].token.text in _TRANSPARENT:
        m -= 1
    gj = j
    while gj < len(toks) and toks[gj].punct and toks[gj].token.text in _TRANSPARENT:
        gj += 1  # إن تركيا "ستواصل دعم" الحكومة السورية
    obj = _chunk(ctx, gj)
    if (
        m >= 0
        and "light" in toks[m].cats
        and not toks[m].ent
        and obj is not None
        and obj.start == gj
        and obj.prep is None
        and obj.actors
        and trig.gen == "source"
        and "symmetric" not in trig.flags
    ):
        # ستواصل تركيا دعم الحكومة السورية: the verb's subject acts, the noun's genitive is its object
        cand.light = m
        verb_actors(ctx, cand, m, prev, prev_sentence)
        if cand.source:
            cand.target = [e for e in obj.actors if e not in cand.source]
            return
    places: list[str] = []
    if _purpose_noun(toks[cand.i]) and "symmetric" in trig.flags or trig.mode == "visit":
        if _purpose_noun(toks[cand.i]):
            # توجه بلينكن إلى الدوحة للقاء أمير قطر: the one who goes meets whom the noun governs; the one
            # who goes is in the noun's own clause (قال كنعاني إن رئيسي تلقى دعوة … لزيارة الرياض -> Raisi)
            comp = max((k for k in range(cand.i) if "comp" in toks[k].cats and not toks[k].ent), default=0)
            c = first_subject_chunk(ctx, cand.i, after=comp) or first_subject_chunk(ctx, cand.i)
            if c is not None and g is not None and g.start == j and g.prep is None and g.actors:
                cand.source = c.actors[-1:]
                cand.target = [e for e in g.actors if e not in cand.source and e not in ctx.cities][-1:]
                cand.purpose = True
                return
    scan_from = j
    l_target: list[str] = []
    if g is not None and g.start == j and g.prep is None:
        holder = title_holder(ctx, g)  # زيارة نائبة المبعوث الأميركي إلى الشرق الأوسط مورغان أورتاغوس
        if holder is not None:
            g, scan_from = holder, holder.end
        else:
            # دعم فرنسا لمخطط الحكم الذاتي المغربي: a bare ل phrase ends the genitive and holds the target
            cut = next((k for k in range(g.start + 1, g.end) if _l_clitic(toks[k])), None)
            if cut is not None and toks[g.start].ent:
                before = [toks[k].ent for k in range(g.start, cut) if toks[k].ent]
                after = [toks[k].ent for k in range(cut, g.end) if toks[k].ent]
                if "ل" in trig.targets:
                    l_target = [e for e in dict.fromkeys(after) if e not in before]
                g = Chunk(g.start, cut, None, [list(dict.fromkeys(before))]).seal()
    if (
        g is not None
        and g.start == j
        and g.prep is None
        and g.actors
        and toks[cand.i].article
        and not any(_is_nisba(ctx, g, e) or _adjective_mention(ctx, g, e) for e in g.actors)
    ):
        # وشارك في الاجتماعات مبعوث الرئيس …: a noun with the article takes no genitive; a name after it
        # (not an adjective: المحادثات الروسية) belongs to the clause
        g = None
    if g is not None and g.start == j and g.prep is None and g.actors:
        # محادثات جنيف، قمة الرياض: a city after the noun is where, not who
        places = [e for e in g.actors if e in ctx.cities]
        if places:
            cand.location = places[0]
        nis = [e for e in g.actors if _is_nisba(ctx, g, e)]
        plain = [e for e in g.actors if e not in nis and e not in places]
        split = _masdar_object(ctx, g)
        if split is not None:
            # توقيف السلطات الفرنسية موظفا قنصليا جزائريا: the genitive acts, the accusative undergoes it
            src, tgt = split
        elif trig.gen == "target":
            src, tgt = nis, plain
        elif toks[j].token.forms[-1][1].startswith("نظير"):
            # بعد لقاء نظيره الفرنسي: the counterpart is the other party; the clause's subject the first
            tgt = [e for e in g.actors if e not in places]
            kind, _, subj = _left_subject(ctx, cand.i)
            if kind != "subject" or subj is None:
                subj = first_subject_chunk(ctx, cand.i)  # خلال لقائه نظيره …: the main clause's subject
            src = subj.actors[-1:] if subj is not None else []
        else:
            src = [e for e in g.actors if e not in places]
    # a relative clause with a verb naming the actor: المحادثات التي ستقودها X، مع Y
    if not src and j + 2 < len(toks) and "relative" in toks[j].cats:
        r = _right_subject(ctx, j + 2)
        if r is not None and r.actors:
            src = r.actors
            scan_from = r.end
        else:
            scan_from = j + 2
            if toks[j + 1].token.norm[-1:] in "اه" and "light" in toks[j + 1].cats:
                # القمة التي جمعته بـ…: the object pronoun is the party named first in the sentence
                c = first_subject_chunk(ctx, cand.i)
                src = c.actors[:1] if c else []
    if not src and j + 1 < len(toks) and _joins(toks[j]):
        # مكالمة هاتفية جمعت X بنظيره Y، لقاء يجمع X و Y: the verb's subject and its ب phrase are the parties
        r = _right_subject(ctx, j + 1)
        if r is not None and r.actors:
            src = r.actors[:1]
            rest = [e for e in r.actors[1:]]
            nxt = _chunk(ctx, r.end)
            if nxt is not None and nxt.start == r.end and nxt.prep in (None, "ب") and nxt.actors:
                rest += nxt.actors
                scan_from = nxt.end
            else:
                scan_from = r.end
            tgt += [e for e in rest if e not in src and e not in tgt]
    if not src and trig.type == "CONSULT":
        heads = _headed_by(ctx, cand)
        if heads:
            src, tgt = heads[:1], tgt + [e for e in heads[1:] if e not in tgt]
    found = _scan_targets(ctx, cand, scan_from, allow_direct=False)
    if isinstance(found, tuple):
        src = src or found[0]
        found = found[1]
    if trig.gen == "target" and found and tgt and not src:
        src, tgt = tgt, []  # قصف إسرائيل لغزة: with a target of its own the genitive is the one who acts
    for e in [*l_target, *found]:
        if e not in src and e not in tgt:
            tgt.append(e)
    if not src and cand.light is not None:
        # رفع العقوبات: the lifting word stands for the verb (رفع ترامب العقوبات، أعلن ترامب رفع العقوبات)
        saved = cand.target
        verb_actors(ctx, cand, cand.light, prev, prev_sentence)
        if not cand.source:
            kind, _, subj = _left_subject(ctx, cand.light)
            if subj is None:
                subj = first_subject_chunk(ctx, cand.light)
            cand.source = subj.actors[-1:] if subj is not None else []
        cand.target = saved
        src = cand.source
    if not src:
        # a light verb before the noun: أجرى بلينكن مكالمة هاتفية، شنت روسيا هجوما
        noun_between = False  # a plain noun passed on the way back (قلقه in أعرب عن قلقه من الهجوم)
        for m in range(cand.i - 1, max(-1, cand.i - LIGHT_WINDOW), -1):
            tk = toks[m]
            if (tk.punct and tk.token.text in STRONG_PUNCT) or (_is_trigger(tk) and m != cand.i):
                break
            if tk.cats & {"contrast", "relative", "comp"} and not tk.ent:
                break  # وأن اجتماعا سيعقد: a new clause; a light verb before it governs something else
            if "prep" in tk.cats and not tk.ent and noun_between:
                break  # أعرب عن قلقه من الهجوم: the noun sits in a PP of another noun, not the verb's object
            if plain_word(tk) and tk.token.forms[-1][0] == 0:
                noun_between = True
            if "light" in tk.cats and not tk.ent:
                cand.light = m
                saved = cand.target
                verb_actors(ctx, cand, m, prev, prev_sentence)
                cand.target = saved
                src = cand.source
                break
    if not src and trig.mode == "visit":
        src, tgt = _arrival(ctx, cand, tgt)
    if not src and trig.type == "CONSULT":
        src, extra = _governing_clause(ctx, cand, bool(tgt))
        tgt += [e for e in extra if e not in tgt and e not in src]
    if not src:
        n_toks = len(toks)
        for m in range(j, min(n_toks, j + WINDOW)):
            tk = toks[m]
            # _frame() guarded by its first test: most words are not في
            if "frame" in tk.cats or (m + 1 < n_toks and tk.token.norm in _FI and _frame(toks, m)):
                c = _chunk(ctx, m + 1) or _chunk(ctx, m + 2)
                if c and c.actors:
                    src = c.actors[:1]
                break
    if not src and "future" in trig.flags:
        saved = cand.target
        verb_actors(ctx, cand, cand.i, prev, prev_sentence)
        src, cand.target = cand.source, saved
    if trig.flags and "symmetric" in trig.flags and len(src) > 1 and not tgt:
        src, tgt = src[:1], src[1:]
    cand.source = src
    cand.target = [e for e in tgt if e not in src]


_ADJUNCT_PREPS = {"في", "خلال"}


def _arrival(ctx: SentCtx, cand: Cand, tgt: list[str]) -> tuple[list[str], list[str]]:
    """وصل بلينكن إلى القاهرة، الأحد، في زيارة: a visit noun in the adjunct of a clause: its subject visits the
    place its إلى phrase names."""
    toks = ctx.toks
    m = cand.i - 1
    if m < 0 or toks[m].token.norm != "في":
        return [], tgt
    subj = first_subject_chunk(ctx, m)
    if subj is None:
        return [], tgt
    dest = [
        e
        for c in ctx.chunks
        if subj.end <= c.start < m and c.prep == "الي"
        for e in c.actors
        if e not in subj.actors
    ]
    return subj.actors[-1:], tgt or dest[:1]


def _governing_clause(ctx: SentCtx, cand: Cand, has_counterpart: bool):
    """X أبلغه في اتصال هاتفي، وأضاف X خلال مؤتمر صحافي مع Y: an event noun in an adjunct of a clause has
    that clause's subject as its source (and the clause verb's object pronoun as its other party)."""
    toks = ctx.toks
    m = cand.i - 1
    if m < 0 or toks[m].token.norm not in _ADJUNCT_PREPS:
        return [], []
    v = m - 1
    while v >= 0 and ((toks[v].punct and toks[v].token.text in "،,()") or toks[v].timex):
        v -= 1
    if v < 0:
        return [], []
    if has_counterpart:
        # وأضاف الصفدي، خلال مؤتمر صحافي مع …، وصل مودي إلى أبوظبي في زيارة إلى الإمارات: the clause's subject
        c = first_subject_chunk(ctx, m)
        return (c.actors[-1:], []) if c is not None else ([], [])
    c = _chunk(ctx, v)
    if c is not None and c.prep is None and c.actors:
        return [], []
    if toks[v].in_trigger or toks[v].token.kind != "word" or toks[v].ent:
        return [], []  # أبلغ … أنان في اتصال: a name before في is the clause's object
    if not has_counterpart and "speech" not in toks[v].cats:
        return [], []  # only a verb of telling (أبلغه، شكره، هنأه) makes its subject the caller
    kind, k, subj = _left_subject(ctx, v)
    if kind != "subject" or subj is None:
        return [], []
    src = subj.actors[-1:]
    other: list[str] = []
    if toks[v].token.norm.endswith(("ه", "ها", "هم")):
        other = _antecedent(ctx, subj.start, src)
    return src, other


def _antecedent(ctx: SentCtx, before: int, exclude: list[str]) -> list[str]:
    """The entity an object pronoun refers to: the nearest person named before, else the nearest entity."""
    seen: list[str] = []
    for m in range(before - 1, -1, -1):
        e = ctx.toks[m].ent
        if e and e not in exclude and e not in seen:
            seen.append(e)
    people = [e for e in seen if ctx.types.get(e) == "PER"]
    return (people or seen)[:1]


def _inherited(verb: Tok, prev: Cand) -> list[str]:
    """The dropped subject of a coordinated verb: the previous event's source, or both its parties when the
    verb is plural or dual and that event was between two sides (وقعا اتفاقية ودعوا إلى …)."""
    if prev.symmetric and verb.token.norm.endswith(("وا", "ا")) and len(prev.actors) > 1:
        return list(prev.actors)
    return list(prev.source)


def _state_subject(ctx: SentCtx, i: int) -> bool:
    """The word before the verb is a state noun (المملكة، الحكومة، بلاده)."""
    k = i - 1
    while k >= 0 and ctx.toks[k].punct and ctx.toks[k].token.text in _TRANSPARENT:
        k -= 1
    return k >= 0 and "state_noun" in ctx.toks[k].cats


def _object_then_complement(ctx: SentCtx, cand: Cand, after: int) -> bool:
    """The verb needs an object (اتهم، حث) and the phrase after it is followed straight by a preposition: no
    room for both a subject and an object, so that phrase is the object."""
    if "object_required" not in cand.trig.flags or not _one_plain_phrase(ctx, after):
        return False
    c = _chunk(ctx, after)
    if c is None:
        return False
    m = max(k for k in range(c.start, c.end) if ctx.toks[k].ent)  # the phrase's name ends here
    nxt = ctx.toks[m + 1] if m + 1 < len(ctx.toks) else None
    if nxt is None or nxt.ent:
        return False
    k = nxt.token.forms[-1][0]  # the most stripped reading: بالمماطلة is ب + المماطلة
    return (
        "prep" in nxt.cats or nxt.prep is not None or (k > 0 and nxt.token.text[:k].lstrip("وف")[:1] in "بل")
    )


def _clause_subject(ctx: SentCtx, cand: Cand, i: int) -> list[str]:
    """The dropped subject of a coordinated verb: the speaker of a quote cued earlier in the sentence, else
    the sentence's first subject before the verb."""
    for start, eid in reversed(ctx.speakers):
        if start < cand.start:
            return [eid]
    # the last person standing as a subject before it (أما حماس، فقد قال رئيسها … خليل الحية …، واتهم)
    fallback: list[str] = []
    for c in reversed(ctx.chunks):
        if c.start >= i or c.prep is not None:
            continue
        holder = title_holder(ctx, c)
        if holder is not None and holder.end <= i:
            return holder.actors[-1:]
        people = [e for e in c.actors if ctx.types.get(e) == "PER"]
        if people:
            return people[-1:]
        fallback = fallback or c.actors[-1:]
    return fallback


def _participle_actors(ctx: SentCtx, cand: Cand, prev: list[Cand]) -> None:
    """محذراً، متهمة، داعياً: a circumstantial participle shares the main clause's subject (or, inside a quote
    with none named, the speaker's); the phrase right after it is its object."""
    toks = ctx.toks
    k = cand.i - 1
    while k >= 0 and toks[k].timex:
        k -= 1
    prev_word = toks[k] if k >= 0 else None
    if (
        prev_word is not None
        and plain_word(prev_word)
        and not prev_word.conj
        and not prev_word.token.forms[-1][1].startswith("ال")
    ):
        # شركات صينية متهمة بدعم روسيا: right after a noun (no comma) a participle describes it: no event
        cand.absorbed = True
        return
    last = next((c for c in reversed(prev) if c.source and c.trig.pos == "verb"), None)
    c = first_subject_chunk(ctx, cand.i)
    if last is not None:
        cand.source = list(last.source)
    elif c is not None:
        cand.source = c.actors[-1:]
    elif cand.speaker:
        cand.source = [cand.speaker]
    tgt = _scan_targets(ctx, cand, cand.j, True)
    cand.target = [e for e in (tgt[1] if isinstance(tgt, tuple) else tgt) if e not in cand.source]


def _purpose_noun(tk: Tok) -> bool:
    """An event noun after the purpose ل (للقاء، لبحث): the act is intended."""
    return tk.token.text[:1] == "ل" and tk.head_k >= 1 and not tk.token.text.startswith("لل" + "ا")


def _opens_complement(toks: list[Tok], k: int) -> bool:
    """The verb is followed straight by a preposition or أن (وحذر من أن، ودعا إلى، وطالب بـ), not a subject."""
    if k >= len(toks):
        return False
    tk = toks[k]
    return not tk.ent and (
        "prep" in tk.cats or "comp" in tk.cats or (tk.prep is not None and not tk.ent_start)
    )


def _one_plain_phrase(ctx: SentCtx, j: int) -> bool:
    c = _chunk(ctx, j)
    if c is None or c.prep is not None or c.start != j or not c.actors:
        return False
    nxt = _chunk(ctx, c.end)
    return nxt is None or nxt.prep is not None or not nxt.actors


_FI = ("في", "وفي")


def _frame(toks: list[Tok], m: int) -> bool:
    """في إطار as two tokens."""
    return toks[m].token.norm in _FI and toks[m + 1].token.forms[-1][1] in ("اطار", "الاطار")


def _is_nisba(ctx: SentCtx, chunk: Chunk, eid: str) -> bool:
    return any(ctx.toks[k].ent == eid and ctx.toks[k].nisba for k in range(chunk.start, chunk.end))


SEAT_KINDS = {"capital", "government_seat"}


def state_actors(doc_entities) -> dict[str, str]:
    """Capitals and seats of government that stand for a state named in the same document
    (موسكو، الكرملين -> روسيا): event data codes the state as the actor."""
    by_kb = {
        e.kb_id: e.id for e in doc_entities if e.kb_id and e.kind in (None, "country") and e.type == "LOC"
    }
    out = {}
    for e in doc_entities:
        if e.kind in SEAT_KINDS and e.country and e.country in by_kb and by_kb[e.country] != e.id:
            out[e.id] = by_kb[e.country]
    return out


def person_states(doc_entities) -> dict[str, str]:
    """Person -> the document entity of the state he belongs to (for بلاده، حكومته as a subject)."""
    by_kb = {
        e.kb_id: e.id for e in doc_entities if e.kb_id and e.kind in (None, "country") and e.type == "LOC"
    }
    return {e.id: by_kb[e.country] for e in doc_entities if e.type == "PER" and e.country in by_kb}


def _own_state(ctx: SentCtx, cand: Cand) -> list[str]:
    """بلاده اقترحت، إن حكومته سترد: a self noun as the subject stands for the state of the person named
    before it in the sentence."""
    toks = ctx.toks
    k = cand.i - 1
    while k >= 0 and toks[k].cats & {"aux", "negation"} and not toks[k].ent:
        k -= 1
    own = lexicon().self_nouns
    if k < 0 or toks[k].ent or all(stem not in own for _, stem in toks[k].token.forms):
        return []
    for m in range(k - 1, -1, -1):
        e = toks[m].ent
        if e and ctx.types.get(e) == "PER" and e in ctx.person_states:
            return [ctx.person_states[e]]
    return []


def _dedup(ids: list[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def fill(
    ctx: SentCtx, cands: list[Cand], prev_sentence: list[str], states: dict[str, str] | None = None
) -> None:
    done: list[Cand] = []
    states = states or {}
    for cand in cands:
        if "lift_alt" in cand.trig.flags:
            _lifted(ctx, cand)
        if cand.trig.pos == "verb":
            verb_actors(ctx, cand, cand.i, done, prev_sentence)
        else:
            noun_actors(ctx, cand, done, prev_sentence)
        if not cand.source and cand.trig.pos == "verb" and ctx.person_states:
            cand.source = _own_state(ctx, cand)
        if not cand.source and cand.trig.pos == "verb" and cand.speaker and _state_subject(ctx, cand.i):
            # المملكة "ترفض" … in a minister's words: the speaker stands for his state
            cand.source = [cand.speaker]
        if cand.trig.type == "THREATEN" and not cand.target and cand.source:
            cand.target = _own_side_warning(ctx, cand)

        if cand.trig.mode == "warn" and (_fact_warning(ctx, cand) or _warns_of_thing(ctx, cand)):
            cand.absorbed = True  # dropped: a warning about a state of affairs threatens nobody
        if "verbal_alt" in cand.trig.flags and any(ctx.types.get(e) == "PER" for e in cand.source):
            # هاجم المندوب الإسرائيلي الدول التي …: a person attacks in words (ACCUSE), an army by force
            alt = next((e for e in ctx.toks[cand.i].entries if "verbal" in e.trigger.flags), None)
            if alt is not None:
                cand.trig = alt.trigger
        if "subject_target" in cand.trig.flags and cand.source and not cand.target:
            cand.source, cand.target = [], cand.source
        if ctx.places:
            # a town or region does not act (تفجير كركوك يستهدف): only states, capitals, bodies and people
            cand.source = [e for e in cand.source if e not in ctx.places]
        if states:
            cand.source = _dedup([states.get(e, e) for e in cand.source])
            cand.target = [e for e in _dedup([states.get(e, e) for e in cand.target]) if e not in cand.source]
        if "symmetric" in cand.trig.flags:
            cand.symmetric = True
            if len(cand.source) > 1 and not cand.target:
                cand.source, cand.target = cand.source[:1], cand.source[1:]
        done.append(cand)
    for cand in cands:
        if cand.trig.type in _REACTIONS and not cand.target and cand.source:
            cand.target = _reaction_target(ctx, cand, done)
