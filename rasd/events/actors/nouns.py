"""Actors of an event-noun trigger: genitive or nisba phrase, بين X و Y, prepositional targets, a relative
clause, a light verb's subject, the clause an adjunct noun sits in, في إطار X, who headed it (برئاسة X).
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, Chunk, SentCtx, Tok, plain_word
from ..lexicon import lexicon
from ..triggers import Cand
from .anaphora import pronoun_antecedent
from .objects import aside_before, l_clitic, masdar_object, scan_targets
from .relative import resumptive
from .subjects import (
    adjective_mention,
    first_subject_chunk,
    is_dual,
    left_subject,
    right_subject,
    title_holder,
)
from .syntax import (
    LIGHT_WINDOW,
    TRANSPARENT,
    WINDOW,
    body_at,
    chunk_at,
    is_comp,
    is_nisba,
    starts_with_and,
)
from .verbs import crowd_of, verb_actors

_CLAUSE_CATS = frozenset({"contrast", "relative", "comp"})  # words opening a new clause
_LIFT_GAP = {"جميع", "كل", "ما", "تبقي", "من", "بعض", "كافه", "باقي"}  # normalized


def apply_lifting(ctx: SentCtx, cand: Cand) -> None:
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
                if not toks[k].conj and not (k > 0 and is_comp(toks[k - 1])):
                    # (الملف النووي ورفع العقوبات: a topic in a list; إن رفع العقوبات خطوة: the subject of a
                    # nominal clause: nobody lifts)
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
            c = chunk_at(ctx, k + 1) if chunk_at(ctx, k) is None else chunk_at(ctx, k)
            if c is None:
                return []
            end = c.end
            while end < len(toks) and starts_with_and(toks[end]) and chunk_at(ctx, end) is not None:
                end = chunk_at(ctx, end).end  # … ووزير الدفاع الأوكراني رستم عمروف: the second head
            people = [toks[m].ent for m in range(c.start, end) if ctx.types.get(toks[m].ent) == "PER"]
            return list(dict.fromkeys(people))
    return []


def _between_dual(ctx: SentCtx, cand: Cand, prev: list[Cand]) -> list[str]:
    """القمة الثانية بين الجانبين: a dual after بين right after the noun (and its adjective) names the last pair
    of the article (the sides of a pair of bodies for الجانبين، الطرفين), or []."""
    toks = ctx.toks
    for k in range(cand.j, min(len(toks) - 1, cand.j + 2)):
        if toks[k].token.norm == "بين" and is_dual(toks[k + 1]):
            word = toks[k + 1].token.forms[-1][1][2:-2]
            pairs = [c.actors for c in reversed(prev + ctx.history) if c.symmetric and len(c.actors) == 2]
            if word in lexicon().body_duals:
                pairs = [p for p in pairs if all(ctx.types.get(e) != "PER" for e in p)] or pairs
            return list(pairs[0]) if pairs else []
        if not (plain_word(toks[k]) or "planned_after" in toks[k].cats):
            return []  # (an adjective may come first: القمة الثانية، القمة المقبلة)
    return []


def _held_by_named(ctx: SentCtx, cand: Cand) -> bool:
    """عقدت اللجنة العليا اجتماعا طارئا برئاسة أمينها العام X: a light verb right before the noun whose subject
    is named between them holds the meeting; the one heading it chairs, he is no party (the light verb's
    subject is found below)."""
    toks = ctx.toks
    named = False
    for m in range(cand.i - 1, max(-1, cand.i - LIGHT_WINDOW), -1):
        tk = toks[m]
        if (tk.punct and tk.token.text in STRONG_PUNCT) or (tk.in_trigger and m != cand.i):
            return False
        if tk.ent and tk.ent not in ctx.cities and tk.ent not in ctx.places:
            named = True  # (a place is where, not who; past an aside: عقدت اللجنة العليا، الجهة المنظمة للبطولة، اجتماعا)
        elif "light" in tk.cats:
            return named
    return False


def _frames(tk: Tok) -> bool:
    return not tk.ent and tk.token.forms[-1][1] in lexicon().frame_nouns


def _l_chunk_after(ctx: SentCtx, g: Chunk) -> bool:
    nxt = chunk_at(ctx, g.end)
    return nxt is not None and nxt.start == g.end and nxt.prep == "ل"


def _joins(tk: Tok) -> bool:
    if tk.ent or tk.token.kind != "word":
        return False
    joins = lexicon().join_verbs
    return any(stem in joins for _, stem in tk.token.forms)


def noun_actors(ctx: SentCtx, cand: Cand, prev: list[Cand], prev_sentence: list[str]) -> None:
    toks = ctx.toks
    trig = cand.trig
    j = cand.j
    t = j
    while t < len(toks) and toks[t].timex and not toks[t].ent:
        t += 1
    if t > j and (after := chunk_at(ctx, t)) is not None and after.start == t and after.prep is not None:
        j = t  # أجرى X اتصالا هاتفيا مساء الأحد بـ Y: the time between the noun and its phrase is an aside
    src: list[str] = []
    tgt: list[str] = []
    g = chunk_at(ctx, j)
    if g is not None and g.start == j and g.prep is None and j < len(toks) and l_clitic(toks[j]):
        g = None  # منح الثقة لحكومة X: a ل phrase, not the noun's genitive
    m = cand.i - 1
    while m >= 0 and toks[m].punct and toks[m].token.text in TRANSPARENT:
        m -= 1
    gj = j
    while gj < len(toks) and toks[gj].punct and toks[gj].token.text in TRANSPARENT:
        gj += 1  # إن تركيا "ستواصل دعم" الحكومة السورية
    obj = chunk_at(ctx, gj)
    if (
        m >= 0
        and "light" in toks[m].cats
        and not toks[m].ent
        and obj is not None
        and obj.start == gj
        and obj.prep is None
        and obj.actors
        and (trig.gen == "source" or trig.type == "SUPPORT")
        and "symmetric" not in trig.flags
        and not (body_at(ctx, gj) is not None and _l_inside(toks, obj))  # أعلن X دعم الجامعة لـ…: it acts
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
                others = [e for e in g.actors if e not in cand.source and e not in ctx.cities]
                people = [e for e in others if ctx.types.get(e) == "PER"]
                # للقاء نتنياهو والرئيس هرتسوغ: every person named; else the last (للقاء أمير قطر -> the emir)
                cand.target = people if len(g.conjuncts) > 1 and people else others[-1:]
                cand.purpose = True
                return
    scan_from = j
    l_target: list[str] = []
    l_follows = False  # a ل phrase right after the genitive: دعم الولايات المتحدة للحكومة (the genitive acts)
    if g is not None and g.start == j and g.prep is None:
        holder = title_holder(ctx, g)  # زيارة نائبة المبعوث الأميركي إلى الشرق الأوسط مورغان أورتاغوس
        if holder is not None:
            g, scan_from = holder, holder.end
        else:
            # دعم فرنسا لمخطط الحكم الذاتي المغربي: a bare ل phrase ends the genitive and holds the target
            cut = next((k for k in range(g.start + 1, g.end) if l_clitic(toks[k])), None)
            if cut is not None and toks[g.start].ent:
                l_follows = True
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
        and not any(is_nisba(ctx, g, e) or adjective_mention(ctx, g, e) for e in g.actors)
    ):
        # وشارك في الاجتماعات مبعوث الرئيس …: a noun with the article takes no genitive; a name after it
        # (not an adjective: المحادثات الروسية) belongs to the clause
        g = None
    if (
        g is not None
        and g.start == j
        and g.prep is None
        and g.actors
        and trig.gen == "source"
        and "symmetric" not in trig.flags
        and _possessive(toks[cand.i])
    ):
        # جدد المجلس رفضه استمرار احتلال إيران للجزر: the pronoun is the genitive (who rejects); the phrase
        # after the noun is what it is aimed at
        tgt += [e for e in g.actors if e not in ctx.cities and not toks[g.start].ent]
        g = None
    body = body_at(ctx, j)
    if body is not None and (
        trig.gen == "source"
        or (g is not None and g.start == j and (_l_inside(toks, g) or _l_chunk_after(ctx, g)))
    ):
        # وأيدت جامعة الدول العربية …، إذ أكد أمينها العام "دعم الجامعة الكامل لحق الإمارات": the bare head
        # noun names the body again; the ل phrase inside the genitive holds the target
        src = [body]
        if g is not None and g.start == j and g.prep is None:
            tgt += [e for e in g.actors if e != body and e not in ctx.cities]
            scan_from = g.end
        g = None
    if "symmetric" in trig.flags and _own(toks[cand.i]) and not toks[cand.i].article:
        # قال X، خلال لقائه أمس بوزير الخارجية Y، إن …: the pronoun on the noun is the clause's subject; a
        # phrase after the noun (بوزير: a ب the chunker leaves on an indefinite word) is the other party
        kind, _, subj = left_subject(ctx, cand.i)
        if kind != "subject" or subj is None:
            subj = first_subject_chunk(ctx, cand.i)
        named = g is not None and g.start == j and g.prep is None and bool(g.actors)
        # with no party named after it (قبل لقائه الصحافيين) the noun is left to the rules below
        if subj is not None and subj.actors and (named or scan_targets(ctx, cand, j, allow_direct=False)):
            src = subj.actors[-1:]
            if named and g is not None:
                tgt += [e for e in g.actors if e not in src and e not in ctx.cities]
                scan_from = g.end
                g = None
    if g is not None and g.start == j and g.prep is None and g.actors:
        # محادثات جنيف، قمة الرياض: a city after the noun is where, not who
        places = [e for e in g.actors if e in ctx.cities]
        if places:
            cand.location = places[0]
        nis = [e for e in g.actors if is_nisba(ctx, g, e)]
        plain = [e for e in g.actors if e not in nis and e not in places]
        split = masdar_object(ctx, g)
        if split is not None:
            # توقيف السلطات الفرنسية موظفا قنصليا جزائريا: the genitive acts, the accusative undergoes it
            src, tgt = split
        elif trig.gen == "target" and "ل" in trig.targets and (l_follows or _l_chunk_after(ctx, g)):
            src = [e for e in g.actors if e not in places]  # دعم فرنسا لمخطط …: who supports whom
        elif trig.gen == "target":
            src, tgt = nis, plain
        elif toks[j].token.forms[-1][1].startswith("نظير"):
            # بعد لقاء نظيره الفرنسي: the counterpart is the other party; the clause's subject the first
            tgt = [e for e in g.actors if e not in places]
            kind, _, subj = left_subject(ctx, cand.i)
            if kind != "subject" or subj is None:
                subj = first_subject_chunk(ctx, cand.i)  # خلال لقائه نظيره …: the main clause's subject
            src = subj.actors[-1:] if subj is not None else []
        else:
            src = [e for e in g.actors if e not in places]
    if (
        not src
        and j + 1 < len(toks)
        and "light" in toks[j].cats
        and not toks[j].ent
        and toks[j].token.text.endswith(("ه", "ها"))  # the text: قادة (leaders) is no قاده (led it)
        and not toks[cand.i].article
    ):
        # هجوم شنه مسلحون من الحزب، غارات نفذتها الطائرات التركية: an indefinite noun's relative clause with a
        # light verb and its pronoun: the verb's subject after it did the act
        r = right_subject(ctx, j + 1)
        if r is not None:
            src = r.actors[:1] or crowd_of(ctx, r)
            scan_from = r.end if src else scan_from
            if src and not r.actors:
                # هجوم شنه مسلحون من X على قافلة …: the target is looked for past the من phrase naming X
                of = chunk_at(ctx, r.end) or chunk_at(ctx, r.end + 1)
                scan_from = of.end if of is not None else scan_from
    elif not src and not toks[cand.i].article and (lv := _relative_light(toks, j)) is not None:
        # زيارة (نادرة) قام بها X إلى Y، جولة يقوم بها X: the pronoun is on the ب of قام بـ; its subject follows
        r = right_subject(ctx, lv + 2) or chunk_at(ctx, lv + 1)  # (the chunker may open the phrase on بها)
        if r is not None and not r.actors:
            r = title_holder(ctx, r) or r  # قام بها السفير السعودي لدى اليمن X
        if r is not None and r.start in (lv + 1, lv + 2) and r.actors:
            src, scan_from = r.actors[:1], r.end
    # a relative clause with a verb naming the actor: المحادثات التي ستقودها X، مع Y (after an adjective of the
    # noun: الندوة الصحفية المشتركة التي عقدها X مع Y)
    rel = j
    if not src and j + 3 < len(toks) and "relative" not in toks[j].cats and "relative" in toks[j + 1].cats:
        if plain_word(toks[j]) and not toks[j].entries and not toks[j].ent:
            rel = j + 1
    if not src and rel + 2 < len(toks) and "relative" in toks[rel].cats:
        r = right_subject(ctx, rel + 2)
        if r is not None and r.actors and all(e in ctx.cities or e in ctx.places for e in r.actors):
            # القمة التي احتضنتها بروكسل: the city that hosted it is where, not a party
            cand.location = cand.location or r.actors[0]
            scan_from = r.end
        elif r is not None and r.actors:
            src = r.actors
            scan_from = r.end
        else:
            scan_from = rel + 2
            if toks[rel + 1].token.norm[-1:] in "اه" and "light" in toks[rel + 1].cats:
                # القمة التي جمعته بـ…: the object pronoun is the party named first in the sentence
                c = first_subject_chunk(ctx, cand.i)
                src = c.actors[:1] if c else []
    joined = False  # the joining verb named every party (قمة جمعت X و Y و Z): no more targets further on
    jj = j
    while jj < len(toks) and jj - j < 2 and plain_word(toks[jj]) and not toks[jj].entries:
        jj += 1  # اجتماعا رباعيا ضم …: an adjective of the noun before the verb
    if jj + 1 < len(toks) and _joins(toks[jj]) and (not src or "symmetric" in trig.flags):
        # مكالمة هاتفية جمعت X بنظيره Y، لقاء يجمع X و Y: the verb's subject and its ب phrase are the parties;
        # احتضنت موسكو اجتماعا ضم وزراء خارجية روسيا وسوريا: the host and the others
        r = right_subject(ctx, jj + 1)
        if r is not None and r.actors:
            rest = [e for e in r.actors if e not in src]
            # (not for a visit: جولة خليجية شملت X و Y names the places toured; the visitor is found below)
            if not src and "symmetric" in trig.flags:
                src, rest = rest[:1], rest[1:]
            nxt = chunk_at(ctx, r.end)
            scan_from = r.end
            while nxt is not None and nxt.start == scan_from and nxt.prep in (None, "ب") and nxt.actors:
                # قمة جمعت X والرئيس Y والعاهل Z: every conjunct is a party, however many (a ب phrase once)
                rest += [e for e in nxt.actors if e not in rest]
                scan_from = nxt.end
                if nxt.prep == "ب":
                    break
                nxt = chunk_at(ctx, nxt.end)
                if nxt is not None and not toks[nxt.start].token.text.startswith("و"):
                    break
            tgt += [e for e in rest if e not in src and e not in tgt]
            joined = bool(rest)
        elif not src and toks[jj].token.norm.endswith(("ه", "ها", "هم", "هما")):
            # قبل مشاركته في قمة تجمعه بقادة دول مجلس التعاون: the pronoun is the actor of the clause before
            # (بقادة reads as a light verb with its pronoun too: the phrase may start after it)
            nxt = chunk_at(ctx, jj + 1) or chunk_at(ctx, jj + 2)
            last = next((c for c in reversed(prev) if c.source), None)
            ba = nxt is not None and (nxt.prep == "ب" or toks[jj + 1].token.text.startswith("ب"))
            if ba and nxt is not None and nxt.start <= jj + 2 and nxt.actors and last is not None:
                src = list(last.source[:1])
                tgt += [e for e in nxt.actors if e not in src and e not in tgt]
                scan_from = nxt.end
    if (
        not src
        and "symmetric" in trig.flags
        and any(tk.token.norm == "بين" for tk in toks[j : j + 2])
        and not any(c.trig.type == "CONSULT" for c in prev)
    ):
        # (التقى الوفدان … في أول مفاوضات بين البلدين: the noun restates the meeting told in its sentence)
        pair = _between_dual(ctx, cand, prev)
        if pair:
            src, tgt = pair[:1], tgt + [e for e in pair[1:] if e not in tgt]
    if not src and trig.type == "CONSULT":
        heads = _headed_by(ctx, cand)
        if heads and not _held_by_named(ctx, cand):
            src, tgt = heads[:1], tgt + [e for e in heads[1:] if e not in tgt]
    if cand.rest_end > cand.j:
        scan_from = max(scan_from, cand.rest_end)  # قطع الجزائر علاقاتها مع X: past the trigger's own noun
    # قبول الوساطة الجزائرية: a multiword noun whose last word is a head noun takes the phrase after it
    direct = bool(trig.rest) and "object_after" in trig.flags
    found = [] if joined else scan_targets(ctx, cand, scan_from, allow_direct=direct)
    if direct and not found and cand.rest_end < len(toks) and toks[cand.rest_end].nisba:
        found = [toks[cand.rest_end].ent] if toks[cand.rest_end].ent else []  # the mediator's nisba
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
            kind, _, subj = left_subject(ctx, cand.light)
            if subj is None:
                subj = first_subject_chunk(ctx, cand.light)
            cand.source = subj.actors[-1:] if subj is not None else []
        cand.target = saved
        src = cand.source
    if not src:
        # a light verb before the noun: أجرى بلينكن مكالمة هاتفية، شنت روسيا هجوما
        noun_between = False  # a plain noun passed on the way back (قلقه in أعرب عن قلقه من الهجوم)
        m, low = cand.i, max(-1, cand.i - LIGHT_WINDOW)
        while m - 1 > low:
            m -= 1
            tk = toks[m]
            if (
                tk.punct
                and tk.token.text in "،,"
                and m + 1 == cand.i
                and (k := aside_before(toks, m)) is not None
            ):
                # أعلنت الجزائر، مساء أمس الثلاثاء، قطع علاقاتها: past a dated or reporting aside to the verb
                low, m = max(-1, low - (m - k)), k
                continue
            if tk.in_trigger and m != cand.i and m > 0 and _frames(toks[m - 1]):
                continue  # عقد على هامش القمة لقاء: the occasion framing the act, not the verb's object
            if (tk.punct and tk.token.text in STRONG_PUNCT) or (tk.in_trigger and m != cand.i):
                break
            if tk.cats & _CLAUSE_CATS and not tk.ent:
                break  # وأن اجتماعا سيعقد: a new clause; a light verb before it governs something else
            if "prep" in tk.cats and not tk.ent and m + 1 < cand.i and _frames(toks[m + 1]):
                noun_between = False  # عقد على هامش الأشغال لقاء: an adjunct between the verb and its object
                continue
            if "prep" in tk.cats and not tk.ent and noun_between:
                break  # أعرب عن قلقه من الهجوم: the noun sits in a PP of another noun, not the verb's object
            if plain_word(tk) and tk.token.forms[-1][0] == 0:
                noun_between = True
            # (أعلنت X إغلاق حدودها: a later word of the trigger may carry the pronoun)
            if (
                "light" in tk.cats
                or (
                    "announce" in tk.cats
                    and (_own_pronoun(toks[cand.i]) or _own_rest(toks, cand) or _between_them(toks, cand))
                )
            ) and not tk.ent:
                cand.light = m
                saved = cand.target
                verb_actors(ctx, cand, m, prev, prev_sentence)
                cand.target = saved
                src = cand.source
                break
    if not src and prev and prev[-1].source and _own_rest(toks, cand):
        # قطع X علاقاتها مع Y، ثم إغلاق مجالها الجوي: the noun's pronoun is the actor of the act just told
        src = list(prev[-1].source)
        tgt = [e for e in tgt if e not in src]
    if not src and _own(toks[cand.i]) and cand.i > 0:
        # ونقلت الوكالة عن وزير الخارجية X ترحيبه بالاتفاق: the noun's pronoun is the one reported from
        before = chunk_at(ctx, cand.i - 1)
        if before is not None and before.prep == "عن" and before.end == cand.i:
            people = [e for e in before.actors if ctx.types.get(e) == "PER"]
            src = people[-1:]
    if not src and trig.mode == "visit":
        src, tgt = _arrival(ctx, cand, tgt)
    if not src and trig.type == "CONSULT" and trig.mode is not None:
        host = _adjunct_host(ctx, cand, prev)
        if host is not None:  # هنأ X نظيره Y في اتصال هاتفي: the call is between the verb's two parties
            src = list(host.source)
            tgt += [e for e in host.target if e not in tgt and e not in src]
    if not src and trig.type == "CONSULT":
        src, extra = _governing_clause(ctx, cand, bool(tgt), tgt)
        tgt += [e for e in extra if e not in tgt and e not in src]
    if not src:
        n_toks = len(toks)
        for m in range(j, min(n_toks, j + WINDOW)):
            tk = toks[m]
            # _frame() guarded by its first test: most words are not في
            if "frame" in tk.cats or (m + 1 < n_toks and tk.token.norm in _FI and _frame(toks, m)):
                c = chunk_at(ctx, m + 1) or chunk_at(ctx, m + 2)
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
_RESUMPTIVE_BI = frozenset({"به", "بها", "بهما", "بهم"})


def _arrival(ctx: SentCtx, cand: Cand, tgt: list[str]) -> tuple[list[str], list[str]]:
    """وصل بلينكن إلى القاهرة، الأحد، في زيارة: a visit noun in the adjunct of a clause: its subject visits the
    place its إلى phrase names."""
    toks = ctx.toks
    m = cand.i - 1
    if m < 0 or toks[m].token.norm != "في":
        return [], tgt
    # the subject of the clause the adjunct closes: after the last أن before it (أعلنت السفارة أن X سيصل إلى
    # بيروت … في زيارة: X visits), else the sentence's first
    comp = max((k for k in range(m) if "comp" in toks[k].cats and not toks[k].ent), default=0)
    subj = (first_subject_chunk(ctx, m, after=comp) if comp else None) or first_subject_chunk(ctx, m)
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


def _adjunct_host(ctx: SentCtx, cand: Cand, prev: list[Cand]) -> Cand | None:
    """The verb event whose clause an adjunct event noun (في اتصال هاتفي، خلال لقاء) closes, when that verb
    names both a source and a target and nothing but its phrases stands between."""
    toks = ctx.toks
    m = cand.i - 1
    if m < 0 or toks[m].token.norm not in _ADJUNCT_PREPS:
        return None
    host = next((c for c in reversed(prev) if c.trig.pos == "verb" and c.j <= m), None)
    if host is None or not host.source or not host.target or host.trig.type == "CONSULT":
        return None  # (لم يلتق X Y خلال القمة: a meeting's frame is no call between them)
    if any(
        toks[k].punct and toks[k].token.text in STRONG_PUNCT or toks[k].in_trigger for k in range(host.j, m)
    ):
        return None
    if any(resumptive(toks, k) for k in range(host.j + 1, m)):
        return None  # دعا إلى …، وإلى تصريحات أدلى بها X خلال زيارته: the adjunct closes the relative clause
    return host


def _governing_clause(ctx: SentCtx, cand: Cand, has_counterpart: bool, dest: list[str] = ()):
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
    if has_counterpart and cand.trig.mode == "visit" and _own(toks[cand.i]):
        # تصريحات أدلى بها X خلال زيارته للمغرب، استقبل Y الوزير X خلال زيارته: the person right before owns
        # the visit, unless he is of the state visited (التقى X الرئيس Y خلال زيارته لبلد Y: Y is the host)
        near = chunk_at(ctx, v)
        # (إلى تصريحات أدلى بها X: a relative clause inside a prepositional phrase, X its verb's subject)
        bare = near is not None and (
            near.prep is None or any(resumptive(toks, k) for k in range(near.start + 1, v))
        )
        person = near.actors[-1] if near is not None and bare and near.actors else None
        if person is not None and ctx.types.get(person) == "PER" and person not in dest:
            if ctx.person_states.get(person) not in dest:
                return [person], []
    if has_counterpart:
        # وأضاف الصفدي، خلال مؤتمر صحافي مع …، وصل مودي إلى أبوظبي في زيارة إلى الإمارات: the clause's subject
        c = first_subject_chunk(ctx, m)
        return (c.actors[-1:], []) if c is not None else ([], [])
    c = chunk_at(ctx, v)
    if c is not None and c.prep is None and c.actors:
        return [], []
    if toks[v].in_trigger or toks[v].token.kind != "word" or toks[v].ent:
        return [], []  # أبلغ … أنان في اتصال: a name before في is the clause's object
    if not has_counterpart and "speech" not in toks[v].cats:
        return [], []  # only a verb of telling (أبلغه، شكره، هنأه) makes its subject the caller
    kind, k, subj = left_subject(ctx, v)
    if kind != "subject" or subj is None:
        return [], []
    src = subj.actors[-1:]
    other: list[str] = []
    if toks[v].token.norm.endswith(("ه", "ها", "هم")):
        other = pronoun_antecedent(ctx, subj.start, src)
    return src, other


def _purpose_noun(tk: Tok) -> bool:
    """An event noun after the purpose ل (للقاء، لبحث): the act is intended."""
    return tk.token.text[:1] == "ل" and tk.head_k >= 1 and not tk.token.text.startswith("لل" + "ا")


_FI = ("في", "وفي")


def _frame(toks: list[Tok], m: int) -> bool:
    """في إطار as two tokens."""
    return toks[m].token.norm in _FI and toks[m + 1].token.forms[-1][1] in ("اطار", "الاطار")


_POSSESSIVE = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def _relative_light(toks: list[Tok], j: int) -> int | None:
    """A light verb at ``j`` (or after one indefinite adjective: زيارة نادرة قام بها) followed by بها/به:
    its index, else None."""
    for k in (j, j + 1):
        if k + 2 >= len(toks):
            return None
        tk = toks[k]
        if "light" in tk.cats and not tk.ent and toks[k + 1].token.norm in _RESUMPTIVE_BI:
            return k
        if not plain_word(tk) or tk.token.norm.startswith("ال") or tk.token.forms[-1][0]:
            return None
    return None


_BETWEEN_THEM = frozenset({"بينهما", "بينها", "بينهم"})  # normalized


def _between_them(toks: list[Tok], cand: Cand) -> bool:
    """أعلنت X و Y إعادة العلاقات الدبلوماسية بينهما: "between them" right after the noun (past an adjective)
    refers to the announcing subject, as the noun's own pronoun would."""
    end = max(cand.j, cand.rest_end)
    return any(toks[m].token.norm in _BETWEEN_THEM for m in range(end, min(len(toks), end + 2)))


def _own_rest(toks: list[Tok], cand: Cand) -> bool:
    """A word of the trigger after its head carries a possessive pronoun (إغلاق مجالها الجوي)."""
    # (the text, not the normalized form: there ة is ه)
    return any(toks[m].token.text.endswith(("ه", "ها")) for m in range(cand.i + 1, cand.j))


def _possessive(tk: Tok) -> bool:
    """The noun carries a possessive pronoun (رفضه، دعمها): in the original text, so ة (رفضة) is not ه."""
    return tk.token.text.endswith(_POSSESSIVE) and len(tk.token.text) > 3


def _l_inside(toks: list[Tok], g: Chunk) -> bool:
    """A word with the preposition ل inside the phrase, after its first word (الجامعة الكامل لحق …)."""
    return any(l_clitic(toks[k]) for k in range(g.start + 1, g.end))


def _own(tk: Tok) -> bool:
    """The noun carries a singular possessive pronoun (لقائه، اتصالها): one party, named before it."""
    text = tk.token.text
    return text.endswith(("ه", "ها")) and len(text) > 3


_OWN_PRONOUNS = ("ها", "هم", "هما")  # not ه: a noun ending in ة is normalized to ه


def _own_pronoun(tk: Tok) -> bool:
    """قبولها، انسحابهم: the event noun carries a possessive pronoun (its actor is the clause's subject)."""
    norm = tk.token.norm
    return len(norm) > 4 and norm.endswith(_OWN_PRONOUNS)
