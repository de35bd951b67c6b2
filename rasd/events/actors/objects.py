"""Object finding: the target after a trigger (direct object, the trigger's prepositions, بين X و Y), the
object past an adjunct, the places an attack on unnamed sites names, a gapped verb's object.
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, Chunk, SentCtx, Tok, plain_word
from ..lexicon import lexicon
from ..triggers import Cand
from .subjects import title_holder, title_only, title_word
from .syntax import STOP_RIGHT, WINDOW, body_at, chunk_at, starts_with_and


def scan_targets(ctx: SentCtx, cand: Cand, frm: int, allow_direct: bool) -> list[str] | tuple[list, list]:
    """Target actors after ``frm``; for بين X و Y returns (X, Y)."""
    toks = ctx.toks
    preps = cand.trig.targets
    k = frm
    seen_plain = False
    seen_pp = False  # a phrase of the target's preposition naming nobody (للحكومة الجديدة)
    seen_chunks = 0  # a bare ل phrase counts right after the trigger or its genitive (دعم فرنسا لمخطط …)
    plain_end = -1  # where the first phrase naming nobody ended
    chunks, chunk_of = ctx.chunks, ctx.chunk_of  # (chunk_at inlined: k < len(toks) in this loop)
    stop = min(len(toks), frm + WINDOW + 1)
    while k < stop:
        tk = toks[k]
        if tk.punct and tk.token.text in "،,":
            close = _aside_end(toks, k)
            if close is None and allow_direct and not seen_plain and k == frm and "direct" in preps:
                close = _relative_aside_end(toks, k)
            if close is not None:
                # انتقدت X، في بيان نقلته وسائل إعلام جزائرية، تصريحات الوزير: an aside set off by commas
                # holds no object (nor does the adjective جزائرية name one)
                stop = min(len(toks), stop + close + 1 - k)  # the window counts from the aside's end
                k = close + 1
                continue
        if tk.punct and (tk.token.text in STRONG_PUNCT or (seen_pp and tk.token.text in "،,")):
            break  # دعم … للحكومة الجديدة، بحسب بيان لمكتب …: the target was that unnamed phrase
        if not tk.ent and (tk.cats & STOP_RIGHT or (tk.in_trigger and k >= cand.j and not _framed(toks, k))):
            break
        ci = chunk_of[k] if k >= 0 else -1
        c = chunks[ci] if ci >= 0 else None
        if c is None:
            k += 1
            continue
        if _apart(toks, c):
            # التقى X كلا على حدة Y و Z: "each separately" is an adverb; the phrase after حدة is the object
            if c.prep is None:
                k = c.end
                continue
            found = list(c.actors)
            end = c.end
            while end < len(toks) and starts_with_and(toks[end]) and chunk_at(ctx, end) is not None:
                more = chunk_at(ctx, end)  # ووزير الخارجية السعودي …: the chunker ends a PP at و
                found += [e for e in more.actors if e not in found]
                end = more.end
            if found and allow_direct and "direct" in preps:
                return found
            c = Chunk(c.start + 1, c.end, None, c.conjuncts).seal()
        if not c.actors and c.prep is None and allow_direct and "direct" in preps and not seen_plain:
            alone = all(toks[m].timex for m in range(c.start + 1, c.end))  # (البعثة الخميس الماضي)
            body = body_at(ctx, c.start) if alone else None
            if body is not None and body not in cand.source:
                return [body]  # استقبل X البعثة، انتقد X الحكومة: the body named before by its head noun
            holder = title_holder(ctx, c) if c.end - c.start > 1 and title_word(toks[c.start]) else None
            if holder is not None and holder.actors and not set(holder.actors) & set(cand.source):
                # استقبل X الأمين العام المساعد لجامعة الدول العربية حسام زكي: the title's holder after its PP
                return holder.actors
            # التقى كلا من عباس وهنية: each of the phrase after من
            nxt = chunk_at(ctx, c.end) or chunk_at(ctx, c.end + 1)
            if (
                c.end - c.start == 1
                and toks[c.start].token.norm in lexicon().each_words
                and nxt is not None
                and nxt.prep == "من"
                and nxt.actors
            ):
                end = nxt.end
                found = list(nxt.actors)
                while end < len(toks) and starts_with_and(toks[end]) and chunk_at(ctx, end) is not None:
                    more = chunk_at(ctx, end)
                    found += [e for e in more.actors if e not in found]
                    end = more.end
                return found
        if not c.actors and c.prep and c.prep in preps:
            # على مواقع للحوثيين، على موقع تابع للحوثيين: the target is named in the ل phrase of the PP
            nxt = chunk_at(ctx, c.end)
            if nxt is not None and nxt.start == c.end and nxt.prep == "ل" and nxt.actors:
                return nxt.actors
            if c.prep == "امام":
                # أغلقت مجالها الجوي أمام الطائرات القادمة من X: closed to X (من is a word of its own)
                src = chunk_at(ctx, c.end + 1)
                if src is not None and src.start == c.end + 1 and src.prep == "من" and src.actors:
                    return src.actors
            # على بلدات في جنوب لبنان، بينها بنت جبيل ومحيط النبطية: the region, then the places it names
            # (not على السفن في البحر الأحمر: ships are no place)
            named = _places_of(ctx, c.end) if place_noun(toks[c.start]) else []
            if named:
                return named
            seen_pp = True
        if c.actors:
            if (
                c.prep == "مع"
                and seen_plain
                and seen_chunks == 1
                and cand.trig.type in _STANCES
                and "direct" in preps
                and c.start <= plain_end + 1
            ):
                # رفضت حماس أي تطبيع مع إسرائيل، أيد X الحوار مع Y: the act rejected or backed is one with Y
                return c.actors
            if c.prep == "بين" and c.conjuncts:
                return (c.conjuncts[0][:1], [e for cj in c.conjuncts[1:] for e in cj])
            if c.prep == "لدي":
                # سفيرها لدى الجزائر ستيفان روماتيه: the state; the person after it is the ambassador
                states = [toks[m].ent for m in range(c.start, c.end) if toks[m].ent]
                states = [e for e in dict.fromkeys(states) if ctx.types.get(e) != "PER"]
                if states and c.prep in preps:
                    return states[:1]
            if c.prep and c.prep in preps:
                nxt = chunk_at(ctx, c.end)
                if (
                    nxt is not None
                    and nxt.start == c.end
                    and nxt.prep is None
                    and nxt.actors
                    and title_only(ctx, c)
                ):
                    # على الرئيس الإيراني الأسبق محمود أحمدي نجاد ووزارة …: the title's holders, not its nisba
                    return nxt.actors
                holder = title_holder(ctx, c)  # مع رئيس المجلس السياسي التابع للحوثيين X: X
                found = list(holder.actors if holder is not None else c.actors)
                end = holder.end if holder is not None else c.end
                # مع نظيره التركي X ومع غوتيريش: the same preposition again after و adds its actors
                # (ومع is a word of its own: the phrase after it carries its preposition)
                while end < len(toks) and starts_with_and(toks[end]):
                    more = chunk_at(ctx, end) or chunk_at(ctx, end + 1)
                    if (
                        more is None
                        or more.start not in (end, end + 1)
                        or more.prep != c.prep
                        or not more.actors
                    ):
                        break
                    found += [e for e in more.actors if e not in found]
                    end = more.end
                return found
            if c.prep is None and seen_chunks <= 1 and "ل" in preps and l_clitic(toks[c.start]):
                return c.actors  # منح الثقة لحكومة X: the ل of an indefinite noun right after the trigger
            if c.prep is None and allow_direct and "direct" in preps and not seen_plain:
                holder = title_holder(ctx, c)
                # التقى المبعوث الأممي إلى اليمن X، الرئيس السوري للمرحلة الانتقالية X: the title's holder (and
                # التقى وكيلة وزارة الخارجية الأميركية للشؤون السياسية X: a body's title, then its holder)
                if holder is None:
                    named = _holder_after(ctx, c)
                    if named:
                        return named  # استقبل X رئيس غينيا بيساو Y: the person, not his state
                return holder.actors if holder is not None else c.actors
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
            plain_end = c.end
        k = c.end
    return []


def _holder_after(ctx: SentCtx, c: Chunk) -> list[str]:
    """A title of a state or body (رئيس غينيا بيساو) whose phrase the chunker ended before the person's name
    (a first name the entities layer left out): the person named right after it."""
    toks = ctx.toks
    if not title_word(toks[c.start]) or any(ctx.types.get(e) == "PER" for e in c.actors):
        return []
    nxt = chunk_at(ctx, c.end)
    if nxt is None or nxt.start != c.end or nxt.prep is not None or toks[nxt.start].conj:
        return []
    people = [e for e in nxt.actors if ctx.types.get(e) == "PER"]
    return people[:1] if people and len(people) == len(nxt.actors) else []


_STANCES = frozenset({"REJECT", "SUPPORT"})  # a stance on an act with someone is a stance on him
_ASIDE_REACH = 10  # words in an aside between commas (، في بيان نقلته وسائل إعلام جزائرية،)


def _aside_end(toks: list[Tok], k: int) -> int | None:
    """The comma closing an aside that opens at the comma ``k`` with في/خلال/عبر and a way of saying (في بيان،
    خلال مؤتمر صحافي), when it closes before any stronger mark; else None."""
    if k + 2 < len(toks) and (toks[k + 1].timex or toks[k + 2].timex):  # (أمس الخميس: أمس may stand apart)
        return _dated_aside_end(toks, k)
    if k + 2 >= len(toks) or toks[k + 1].token.norm not in ("في", "خلال", "عبر"):
        return None
    media = lexicon().media
    if toks[k + 2].token.norm not in media and all(stem not in media for _, stem in toks[k + 2].token.forms):
        return None  # (استقبل X، الثلاثاء، في الرياض الرئيس Y: a place, then the object)
    for m in range(k + 2, min(len(toks), k + 2 + _ASIDE_REACH)):
        tk = toks[m]
        if tk.punct:
            return m if tk.token.text in "،," and m + 1 < len(toks) and not toks[m + 1].punct else None
    return None


_RELATIVE_REACH = 16  # words in a relative clause set off by commas (، الذي ترأس وفد بلاده،)


def aside_before(toks: list[Tok], m: int) -> int | None:
    """The comma opening an aside that the comma ``m`` closes (أعلنت X، مساء أمس الثلاثاء، قطع علاقاتها; ، في
    بيان نقلته وكالة الأنباء،), or None."""
    for k in range(m - 2, max(-1, m - 2 - _ASIDE_REACH), -1):
        if toks[k].punct and toks[k].token.text in "،,":
            if _aside_end(toks, k) == m:
                return k
            # (مساء أمس الثلاثاء 24 غشت: the time expression may start a few words in)
            dated = any(toks[n].timex for n in range(k + 1, min(m, k + 4)))
            return k if dated and _dated_aside_end(toks, k) == m else None
    return None


def _relative_aside_end(toks: list[Tok], k: int) -> int | None:
    """التقى X، الذي ترأس وفد بلاده نيابة عن الرئيس Z، رئيس الوزراء Y: a relative clause opening at the comma
    ``k`` right after the subject describes it; the comma closing it (before any stronger mark, within reach,
    with a phrase after it) ends the aside, and the verb's object follows."""
    if k + 1 >= len(toks) or toks[k + 1].ent:
        return None
    first = toks[k + 1]
    # or an apposition opening on an indefinite noun (، صاحبة أكبر كتلة في البرلمان،): no title (، رئيس وزراء
    # X، is the object), no trigger, no article
    appos = plain_word(first) and not first.article and not first.token.norm.startswith("ال")
    if "relative" not in first.cats and not (appos and not title_word(first)):
        return None
    for m in range(k + 2, min(len(toks), k + 2 + _RELATIVE_REACH)):
        tk = toks[m]
        if appos and tk.in_trigger:
            return None
        if tk.punct:
            if tk.token.text in '()"«»':
                continue
            return m if tk.token.text in "،," and m + 1 < len(toks) and not toks[m + 1].punct else None
    return None


def _dated_aside_end(toks: list[Tok], k: int) -> int | None:
    """استقبل X، أمس الخميس 25 آب بالقصر الملكي بعمان، الوزيرة Y: an aside opening on a date (and the place
    after it) up to the next comma, when it holds no trigger and closes before any stronger mark."""
    for m in range(k + 1, min(len(toks), k + 1 + _ASIDE_REACH)):
        tk = toks[m]
        if tk.in_trigger:
            return None
        if tk.punct:
            if tk.token.text in "()":
                continue
            return m if tk.token.text in "،," and m + 1 < len(toks) and not toks[m + 1].punct else None
    return None


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
    timed = False  # the adjunct is a time expression (في وقت لاحق)
    genitive = False  # the adjunct's noun has had its definite genitive
    # دعا حزب X في بيان مدبولي إلى …: after a way of saying (بيان، تصريح) the name is the verb's object
    said = c.prep == "في" and any(stem in lexicon().media for _, stem in toks[c.start].token.forms)
    for k in range(c.start, c.end):
        tk = toks[k]
        if tk.ent:
            if plain < (1 if said else 2) or tk.nisba:
                return []
            return list(
                dict.fromkeys(toks[m].ent for m in range(k, c.end) if toks[m].ent and not toks[m].nisba)
            )
        if tk.timex and not plain:
            timed = True
            continue
        if (plain or timed) and title_word(tk):
            # استقبل X في وقت لاحق وزير الخارجية Y: a title after the adjunct's noun opens the object
            for m in range(k + 1, min(c.end, k + 5)):  # the holder right after the title (no comma between)
                if toks[m].punct:
                    break
                if toks[m].ent:
                    return [toks[m].ent] if ctx.types.get(toks[m].ent) == "PER" and not toks[m].nisba else []
            return []
        if tk.timex and plain:
            timed = True  # في خطاب العرش يوم 31 يوليو الرئيس Y: a date after the adjunct's noun
            continue
        if plain == 1 and not genitive and plain_word(tk) and tk.token.forms[-1][1].startswith("ال"):
            genitive = (
                True  # في خطاب العرش الرئيس Y: the adjunct's noun in construct with a definite genitive
            )
            continue
        if not plain_word(tk) or tk.token.forms[-1][1].startswith("ال"):
            return []
        plain += 1
    return []


def place_noun(tk: Tok) -> bool:
    """A common noun for a place (بلدات، أحياء سكنية، مواقع، منازل)."""
    places = lexicon().place_nouns
    return not tk.ent and any(stem in places or stem[2:] in places for _, stem in tk.token.forms)


def masdar_object(ctx: SentCtx, g: Chunk) -> tuple[list[str], list[str]] | None:
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
    c = chunk_at(ctx, k)
    if c is None or c.prep != "في" or not c.actors:
        return []
    out = list(c.actors)
    m = c.end
    while m < len(toks) and toks[m].punct and toks[m].token.text in "،,":
        m += 1
    if m < len(toks) and "including" in toks[m].cats:
        nxt = chunk_at(ctx, m + 1)
        end = nxt.end if nxt is not None else m
        while end < len(toks) and starts_with_and(toks[end]) and chunk_at(ctx, end) is not None:
            end = chunk_at(ctx, end).end  # بنت جبيل ومحيط النبطية
        out += [toks[n].ent for n in range(m + 1, end) if toks[n].ent and not toks[n].nisba]
    return list(dict.fromkeys(out))


def l_clitic(tk: Tok) -> bool:
    """The word may carry the preposition ل (لحكومة; a word of its own starting with ل, لجنة, also passes:
    tolerable right after a trigger that takes ل)."""
    forms = tk.token.forms
    return not tk.ent and tk.token.text[:1] == "ل" and len(forms) > 1 and forms[1][0] == 1 and not tk.cats


def gap_target(ctx: SentCtx, cand: Cand, frm: int, to: int) -> list[str]:
    """A target phrase standing between a gapped verb's subject and its object noun."""
    for ci in sorted({ctx.chunk_of[k] for k in range(frm, to) if ctx.chunk_of[k] >= 0}):
        c = ctx.chunks[ci]
        if c.prep and c.prep in cand.trig.targets and c.actors and c.start >= frm:
            return c.actors
        if c.prep is None and "direct" in cand.trig.targets and c.actors and c.start >= frm:
            return c.actors  # حمّل الرئيس عباس إسرائيل المسؤولية: the object stands before the rest
    return []


def _apart(toks: list[Tok], c: Chunk) -> bool:
    """كلا / كل (before على حدة) or حدة after على: the parts of "each separately"."""
    first = toks[c.start].token.norm
    if c.prep == "علي":
        return first == "حده"
    return (
        c.prep is None
        and c.end - c.start == 1
        and first in ("كلا", "كل")
        and c.end + 1 < len(toks)
        and toks[c.end + 1].token.norm == "حده"
    )


def _framed(toks: list[Tok], k: int) -> bool:
    """على هامش الاجتماع، في ختام القمة: an event noun framing the act, not a new act ending the phrase."""
    return k > 0 and toks[k - 1].token.forms[-1][1] in lexicon().frame_nouns
