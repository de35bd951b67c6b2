"""Actors of a verb trigger (or of a light verb governing an event noun): subject, then object."""

from __future__ import annotations

from functools import lru_cache

from ...data import read_tsv
from ...text import normalize
from ..attach import DURING
from ..context import STRONG_PUNCT, Chunk, SentCtx, plain_word
from ..lexicon import lexicon
from ..triggers import Cand
from .anaphora import pronoun_antecedent, resolve_pronoun
from .coordination import (
    clitic_prep,
    inherited_subject,
    object_then_complement,
    one_plain_phrase,
    opens_complement,
)
from .groups import group_subject
from .objects import gap_target, scan_targets
from .relative import resumptive
from .subjects import (
    clause_subject,
    dual_subject,
    first_subject_chunk,
    is_dual,
    left_subject,
    right_subject,
    title_word,
    topic_subject,
)
from .syntax import body_at, body_pair_at, chunk_at, is_definite, is_nisba, starts_with_and


def verb_actors(ctx: SentCtx, cand: Cand, i: int, prev: list[Cand], prev_sentence: list[str]) -> None:
    """Fill source/target for a verb trigger (or a light verb at ``i`` governing a noun trigger)."""
    toks = ctx.toks
    if i == cand.i and cand.participle:
        _participle_actors(ctx, cand, prev)
        return
    if i == cand.i and toks[i].conj and toks[i].head_k == 0:
        toks[i].conj = False  # فرضت is the verb فرض, not ف + رضت: the trigger matched the whole word
    if i > 0 and not toks[i].conj and toks[i - 1].token.norm in lexicon().then_words and not toks[i - 1].ent:
        toks[i].conj = True  # ثم وقعا الوثيقة: a verb after ثم is coordinated like one with و
    if toks[i].conj and not (i > 0 and "aux" in toks[i - 1].cats):
        kind, k, subj = "none", i - 1, None  # واتهمها: a new clause; what stands before is the last one's
    else:
        kind, k, subj = left_subject(ctx, i)
    if (
        kind == "none"
        and i == cand.i
        and k == i - 1
        and toks[k].in_trigger
        and not toks[k].ent
        and not is_definite(toks[k])
        and resumptive(toks, i + 1)
    ):
        # صفقة توسطت فيها قطر بين X و Y: a relative clause on the event noun, its subject after the pronoun
        kind = "indef"
    if kind == "none" and i == cand.i and i > 1 and toks[i - 1].token.norm == "قد":
        kana = _kana_subject(ctx, i - 1)
        if kana is not None:
            kind, subj = "subject", kana  # وكان وفد من X، برئاسة Y، قد زار …: the subject after كان
    if kind == "none" and i == cand.i:
        topic = topic_subject(ctx, i)
        if topic is not None:
            kind, subj = "subject", topic  # أما X، فقد رحبت …: the topic is the subject
    if i != cand.i and kind != "subject" and i + 1 < len(toks) and toks[i + 1].token.norm in DURING:
        # زيارة قام بها X إلى Y، أجرى خلالها محادثات مع Z: the light verb's dropped subject did the act told
        last = next((c for c in reversed(prev) if c.source), None)
        if last is not None:
            cand.source = list(last.source)
            return
    after = cand.j if i == cand.i else i + 1
    if i == cand.i and i > 0 and toks[i - 1].token.text in "،," and after < len(toks):
        author = _document_author(ctx, i, after)
        if author:
            # مذكرة وزعها X …، دعا فيها إلى …: what the document asks, its author asks
            # (its addressee, if any, is the document's, not named in this clause: no target is looked for)
            cand.source, cand.target = author, []
            return
    if i == cand.i and kind == "subject" and after == i + 1 < len(toks) and toks[after].token.norm in DURING:
        after += 1  # X … التقى خلالها نظيره Y: the adjunct's pronoun is the occasion; the object follows it
    if i == cand.i and kind == "subject" and _body_masdar(ctx, cand, after):
        return
    head_target: list[str] = []
    rel_source: list[str] = []
    if kind == "subject" and subj is not None and _relative_head(ctx, subj, after):
        kind = "indef"  # مواطنين أميركيين أفرجت عنهم إيران: the indefinite phrase heads a relative clause
    elif kind == "subject" and subj is not None and i == cand.i:
        m = _suffix_relative(ctx, subj, i, after)
        r = chunk_at(ctx, after) if m >= 0 else None
        if r is not None:
            # رفضت إثيوبيا مقترحا سودانيا أيدته مصر: the verb's object pronoun points back at the indefinite
            # phrase (its nisba names the target), the first name after the verb is the subject
            head_target = list(dict.fromkeys(e for k in range(m, i) if (e := toks[k].ent)))
            rel_source, after = r.actors[:1], after + 1
    source: list[str] = list(rel_source)
    object_nisba: list[str] = []
    direct = True
    dual = dual_subject(ctx, i, kind, k, subj)
    if dual is None and i + 1 < len(toks) and is_dual(toks[i + 1]):
        dual = i + 1  # VSO: the verb stays singular before a dual subject (وبحث الجانبان)
    elif dual is None and i + 2 < len(toks) and toks[i + 1].token.norm in DURING and is_dual(toks[i + 2]):
        dual = i + 2  # اتفق خلالها الرئيسان
    elif (
        dual is None
        and i == cand.i
        and i + 1 < len(toks)
        and toks[i + 1].token.norm in DURING
        and kind != "subject"
        # (صفقة توسطت فيها قطر: a relative clause on the noun before, its subject after the pronoun; but في
        # زيارة يلتقي خلالها X: the visitor meets X)
        and not (kind == "indef" and not toks[i + 1].token.norm.startswith("خلال"))
    ):
        # في زيارة يلتقي خلالها الرئيس المصري: the visitor (the clause's subject) meets the one named after;
        # but اتصالا هاتفيا …، بحثا خلاله: a consultation during a consultation is that one
        if prev and prev[-1].trig.type == cand.trig.type and prev[-1].trig.mode != "visit":
            cand.absorbed = True
        subj_c = first_subject_chunk(ctx, i)
        visit = prev[-1] if prev and prev[-1].trig.mode == "visit" and prev[-1].source else None
        if visit is not None:
            # … أن X سيصل إلى بيروت في زيارة، يلتقي خلالها Y: the visitor just named, not the sentence's first
            source = list(visit.source[:1])
            after = i + 2
        elif subj_c is not None:
            kind, subj = "subject", subj_c
            after = i + 2
    if dual is not None:
        # الوزيران: the latest pair of actors who both hold that title (وزير), else the latest pair
        word = toks[dual].token.forms[-1][1][2:-2]
        after = max(after, dual + 1)
        pairs = [c.actors for c in reversed(prev + ctx.history) if c.symmetric and len(c.actors) == 2]
        titled = [p for p in pairs if all(word in ctx.titles.get(e, "") for e in p)]
        if word in lexicon().state_duals:  # البلدين: the two states of a pair (its people's states)
            states = [
                [e if ctx.types.get(e) == "LOC" else ctx.person_states.get(e) for e in p] for p in pairs
            ]
            titled = [s for s in states if all(s) and s[0] != s[1]][:1] or titled  # type: ignore[misc]
        elif word in lexicon().body_duals:  # الوفدان: two sides, not two people
            titled = titled or [p for p in pairs if all(ctx.types.get(e) != "PER" for e in p)]
        pair = (titled or pairs or [None])[0]
        if pair:
            source = list(pair)
            direct = False
    if dual is None and not source and (subj is None or not subj.actors):
        group = group_subject(ctx, cand, i, prev)
        if group is not None:  # القادة الثلاثة اتفقوا: the parties of the event with that many
            source, after = group[0], max(after, group[1])
    if source:
        pass
    elif kind == "subject" and subj is not None:
        source = subj.actors
    elif kind == "pronoun":
        source = resolve_pronoun(ctx, k, prev, prev_sentence)
    elif kind == "relative":
        h = k - 1
        while h > 0 and toks[h].punct and toks[h].token.text in ("،", ","):
            h -= 1  # السيدة جورجيا ميلوني، التي تقوم بزيارة: the head before the comma
        c = chunk_at(ctx, h)
        source = c.actors[-1:] if c else []
        if toks[k].token.norm in _DUAL_RELATIVES:
            # اللذين عقدا لقاء: a dual relative stands for the last two people named (بحضور X والأمين العام
            # للأمم المتحدة Y، اللذين …; the chunker may cut them apart at a preposition)
            people: list[str] = []
            for m in range(h, max(-1, h - _DUAL_REACH), -1):
                e = toks[m].ent
                if toks[m].punct and toks[m].token.text in STRONG_PUNCT:
                    break
                if e and ctx.types.get(e) == "PER" and not toks[m].nisba and e not in people:
                    people.insert(0, e)
                    if len(people) == 2:
                        break
            source = people if len(people) == 2 else source
        r = chunk_at(ctx, after) if i == cand.i else None
        if (
            r is not None
            and r.start == after
            and r.prep is None
            and toks[after].ent
            and toks[i].token.norm.endswith(("ه", "ها", "هم", "هما"))
        ):
            # المخطط المغربي، الذي تعارضه جبهة البوليساريو: the verb's pronoun is the head, its subject follows
            head_target, source, after = source, r.actors[:1], after + 1
    else:
        aux_between = all("aux" in toks[m].cats for m in range(k + 1, i))
        if kind == "comp" and aux_between:
            # أن + verb: the subjunctive shares the governing clause's subject (تنفي موسكو أن تكون تهدد)
            c = chunk_at(ctx, k - 1)
            if c is None and k >= 2:
                c = chunk_at(ctx, k - 2)
            if c is not None and c.prep is None and c.actors:
                source = c.actors[-1:]
        linked = toks[i].conj or kind == "linker"  # وضمت …، حيث التقى …: the subject carries over
        # the previous act with a known actor, a verb first (coordination links verbs)
        last = next((c for c in reversed(prev) if c.source and c.trig.pos == "verb"), None) or next(
            (c for c in reversed(prev) if c.source), None
        )
        coordinated = linked and last is not None and i == cand.i and not _back_to_report(ctx, cand, last, i)
        if kind == "linker" and last is not None and i == cand.i and not source:
            # وأرسلت X طائرات، وحط قائد جيشها Y في المطار، حيث التقى Z: the clause right before حيث has its
            # own subject (after و + a verb the lexicon does not know), not the previous event's
            between = _clause_subject_between(ctx, last.j, k)
            if between:
                source, coordinated = between, False
        if (
            not source
            and coordinated
            # (اندلعت اشتباكات بين X و Y، ودعت روسيا …: after an event noun, و + verb + a name is VSO)
            and (last.trig.pos == "verb" or kind == "linker" or after >= len(toks) or not toks[after].ent)
            and "direct" in cand.trig.targets
            and one_plain_phrase(ctx, after)
        ):
            # وضمت شبه جزيرة القرم after "اجتاحتها": the subject is the previous verb's, the phrase its object
            source = inherited_subject(toks[i], last)
            cand.inherited = True
        r_obj = chunk_at(ctx, after) if kind == "linker" and cand.obj and i == cand.i else None
        if not source and r_obj is not None and r_obj.start == after and r_obj.prep is None and r_obj.actors:
            # بعدما منعتها قوات الدعم السريع من …: the verb carries its object; the name after it is the subject
            source = r_obj.actors[:1]
            after = r_obj.end
        if (
            not source
            and kind == "linker"
            and last is None
            and "direct" in cand.trig.targets
            and one_plain_phrase(ctx, after)
        ):
            # وصل بلينكن إلى القاهرة، حيث يلتقي السيسي: the main clause's subject, the phrase the object
            c = first_subject_chunk(ctx, k)
            if c is not None:
                source = c.actors[-1:]
        if not source and kind == "indef" and not resumptive(toks, after):
            pass  # قرار يدين روسيا: the head noun is the subject, the name after the verb its object
        elif not source and kind == "indef":
            r = chunk_at(ctx, after + 1)
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
            and object_then_complement(ctx, cand, after, _after_report(ctx, i))
        ):
            # قال X إن …، واتهم إسرائيل بالمماطلة: a verb that must take an object, one phrase, then its
            # complement: the phrase is the object and the subject is the clause's speaker or subject
            source = clause_subject(ctx, cand, i)
        elif (
            not source
            and toks[i].conj
            and i > 0
            and i == cand.i
            and "object_required" in cand.trig.flags
            and _after_report(ctx, i)
            and _followers_object(ctx, after)
        ):
            # قالت الوزارة إن …، واتهمت مسلحين موالين للشيخ X بالوقوف وراء الهجوم: the unnamed people accused
            # are X's; the subject is the clause's
            source = clause_subject(ctx, cand, i)
            head_target = _followers_object(ctx, after)
        elif (
            not source
            and toks[i].conj
            and i == 0
            and prev_sentence
            and object_then_complement(ctx, cand, after)
        ):
            # "… قالت X. واتهمت الاتحاد الأوروبي بالسعي …": the same, opening a sentence: the last actor before
            source = list(prev_sentence)
        elif not source:
            r = right_subject(ctx, after)
            body = body_at(ctx, r.start) if r is not None and not _described(ctx, r.start) else None
            pair = body_pair_at(ctx, r.start) if r is not None and body is None else None
            if body is not None and r is not None:
                # "دعم الجامعة الكامل لحق الإمارات": a body's bare head noun, the body named again, is the
                # subject; a name further on in its phrase is the object
                source, after, direct = [body], r.start + 1, True
            elif pair is not None and r is not None:
                source, after, direct = [pair], r.start + 2, True  # وهدد الاتحاد الدولي بفرض عقوبات
            elif r is not None and not r.actors and toks[i].conj and last is not None:
                # ودعا المجتمع الدولي إلى …: a dropped subject and an object that is no entity
                source = inherited_subject(toks[i], last)
                cand.inherited = True
                after = r.end
                direct = False
            elif (
                r is not None
                and toks[i].conj
                and i > 0
                and i == cand.i
                and all(is_nisba(ctx, r, e) for e in r.actors)
                and _plain_object(ctx, r)
            ):
                # نفى X أن …، واتهم الدول الغربية بـ…: no event before to inherit from, and a phrase naming nobody
                # (but by an adjective: بعرقلة الصادرات الروسية) after the verb: its object; the subject is the clause's (the speaker or the person before)
                source = clause_subject(ctx, cand, i)
                after = r.end
                direct = False
            elif r is not None and not r.actors and toks[i].conj and i == cand.i and clitic_prep(toks[after]):
                # قال X إن …، وتوعدت برد مناسب: a coordinated verb opening on بـ/لـ + a noun naming nobody
                # continues the clause's subject (or, opening a sentence, the last actor of the one before)
                source = clause_subject(ctx, cand, i) if i > 0 else list(prev_sentence)
            elif r is not None and not r.actors and crowd_of(ctx, r):
                # وتظاهر مئات من أنصار الجبهة: the crowd stands for the body its members support; the object
                # follows the من phrase naming it (يزور وفد من المفوضية الأوروبية تونس)
                source = crowd_of(ctx, r)
                of = chunk_at(ctx, r.end) or chunk_at(ctx, r.end + 1)
                after = of.end if of is not None and of.actors[:1] == source[:1] else after
            elif r is not None:
                # VSO: the subject is the phrase's first actor (a person when named, both sides when
                # coordinated); a nisba further on belongs to the object (رفضت طهران الاتهامات الأميركية)
                source = r.actors if len(r.conjuncts) > 1 else r.actors[:1]
                after = r.end
                direct = bool(source)
                if len(r.conjuncts) == 1 and "direct" in cand.trig.targets:
                    # رفضت حماس المقترح الإسرائيلي: a nisba after the subject, in the object, names the target
                    object_nisba = [e for e in r.actors[1:] if e not in source and is_nisba(ctx, r, e)]
                if (
                    source
                    and "symmetric" in cand.trig.flags
                    and after < len(toks)
                    and starts_with_and(toks[after])
                ):
                    # وقعه الشرع وقائد قسد مظلوم عبدي: a second party coordinated after the subject
                    nxt = chunk_at(ctx, after)
                    people = [e for e in (nxt.actors if nxt is not None else []) if ctx.types.get(e) == "PER"]
                    if nxt is not None and nxt.prep is None and people:
                        source = source + [e for e in people[-1:] if e not in source]
                        after = nxt.end
                if (
                    source
                    and i == cand.i
                    and cand.trig.mode == "phone"
                    and toks[r.start].token.norm in _TO_HIM
                ):
                    # اتصل به X، و Y، و Z: each caller called the one the pronoun stands for, in a call of his own
                    # (the subject of the clause before, a title standing for its holder: تلقى الرئيس المصري …)
                    before = first_subject_chunk(ctx, i)
                    called = [e for e in before.actors[-1:] if e not in source] if before is not None else []
                    called = called or pronoun_antecedent(ctx, i, source)
                    callers, end = _more_callers(ctx, r.end)
                    if called and callers:
                        source, after, head_target = source + callers, end, called
                        cand.apart = True
                    elif called:
                        head_target = called
            elif toks[i].conj and last is not None and not _back_to_report(ctx, cand, last, i):
                # (أكد X أن الخرطوم "تقف مع القاهرة"، ودعا إلى …: back to the speaker, below)
                source = inherited_subject(toks[i], last)
                cand.inherited = True
            elif toks[i].conj and i > 0 and i == cand.i and opens_complement(toks, after):
                # أن X شدد على …، ودعا إلى …: a coordinated verb opening on its complement continues the subject
                # of the clause before (the speaker or the person named as a subject before it)
                source = clause_subject(ctx, cand, i)
            elif toks[i].conj and i == 0 and prev_sentence and opens_complement(toks, after):
                # "… قال بوتين. وحذر من أن …": a sentence opening on a verb with no subject continues the
                # last actor of the sentence before
                source = list(prev_sentence)
    if i == cand.i:
        if cand.rest_end > cand.j:  # gapped multiword: the object noun is part of the trigger
            gap_end = cand.rest_end - len(cand.trig.rest)
            in_gap = gap_target(ctx, cand, after, gap_end)  # وقعت قسد مع دمشق يوم 10 مارس اتفاقا
            after = max(after, cand.rest_end)
            direct = "object_after" in cand.trig.flags  # حل X بالعاصمة الموريتانية نواكشوط: the place named
        else:
            in_gap = []
        tgt = head_target or in_gap or scan_targets(ctx, cand, after, direct) or object_nisba
        if isinstance(tgt, tuple):
            # بين X و Y right after the verb names both sides; further on it belongs to another phrase
            near = chunk_at(ctx, after) or chunk_at(ctx, after + 1)  # بين is a word of its own
            close = near is not None and near.prep == "بين" and near.start <= after + 1
            if close and source and "symmetric" not in cand.trig.flags:
                tgt = tgt[0] + tgt[1]  # توسطت قطر بين X و Y: both sides undergo the act of the subject
            else:
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
            elif cand.trig.type == "CONSULT" and (main := _main_subject(ctx, i, source)):
                # وعقد X جلسة مع Y …، قبل أن يستقبله Z: the guest received is the main clause's subject
                target = main
            else:
                target = pronoun_antecedent(ctx, i, source)
        cand.target = target
    cand.source = source


def _main_subject(ctx: SentCtx, i: int, exclude: list[str]) -> list[str]:
    """The person the sentence opens with as its subject, before token ``i`` (not one of ``exclude``)."""
    c = first_subject_chunk(ctx, i)
    people = [
        e for e in (c.actors if c is not None else []) if ctx.types.get(e) == "PER" and e not in exclude
    ]
    return people[:1]


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
    # the subject of the sentence part it closes: after لكن، … (X قال إن …، لكن الرئيس الروسي أبلغ …، محذراً)
    part = max((k for k in range(cand.i) if "contrast" in toks[k].cats and not toks[k].ent), default=-1)
    c = (first_subject_chunk(ctx, cand.i, after=part + 1) if part >= 0 else None) or first_subject_chunk(
        ctx, cand.i
    )
    main = _clause_subject(ctx, last, part + 1) if last is not None else None
    later = _later_clause_person(ctx, cand, last)
    if later:
        # دانت X العملية، ووصف الناطق باسمها Y ما جرى بأنه …، محملا …: the clause just before, opened by a verb
        # the lexicon does not know and naming a person as its subject, is the one the participle closes
        cand.source = later
    elif (
        main is None
        and (anchor := last or next((c for c in reversed(prev) if c.source), None)) is not None
        and cand.introduces
        and ctx.types.get(cand.introduces) == "PER"
        and not any(ctx.types.get(e) == "PER" for e in anchor.source)
        and cand.introduces not in anchor.source
    ):
        # وأضاف أن الأردن سيواصل دعم العراق، داعيا إلى …: the words the participle opens are the speaker's
        # (the quotes layer found him, though the reporting verb's subject is dropped)
        cand.source = [cand.introduces]
    elif main is not None:
        # أكد X أن مصر "ترفض …"، محملا إسرائيل …: the participle goes with أكد, whose subject is X, not
        # with the verb of the clause after أن
        cand.source = main
    elif last is not None:
        cand.source = list(last.source)
    elif c is not None:
        cand.source = c.actors[-1:]
    elif cand.speaker:
        cand.source = [cand.speaker]
    tgt = scan_targets(ctx, cand, cand.j, True)
    cand.target = [e for e in (tgt[1] if isinstance(tgt, tuple) else tgt) if e not in cand.source]


_IN_IT = frozenset({"فيه", "فيها"})  # normalized
_AUTHOR_REACH = 16  # words back from "in it" to the document and its author


def _document_author(ctx: SentCtx, i: int, after: int) -> list[str]:
    """، دعا فيها إلى …: a verb whose next word is "in it", after a comma, continues a relative clause on a
    document (مذكرة وزعها X، بيان أصدره X): the person who wrote or issued it, named before the comma."""
    toks = ctx.toks
    if toks[after].token.norm not in _IN_IT:
        return []
    for m in range(i - 2, max(-1, i - 2 - _AUTHOR_REACH), -1):
        tk = toks[m]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            return []
        if tk.ent and ctx.types.get(tk.ent) == "PER" and not tk.nisba:
            # the document's verb carries its pronoun (وزعها، أصدره) before the person and his title
            first = m
            while first > 0 and toks[first - 1].ent == tk.ent:
                first -= 1
            if any(_resumptive_verb(toks[n]) for n in range(max(0, first - 8), first)):
                return [tk.ent]
            return []
    return []


def _resumptive_verb(tk) -> bool:
    """A verb with an object pronoun (وزعها، أصدره، نشرها): the text ends on the pronoun and no clitic came off."""
    text = tk.token.text
    return (
        tk.token.kind == "word"
        and not tk.ent
        and text.endswith(("ها", "ه"))
        and len(text) >= 4
        and not tk.cats
    )


_TO_HIM = frozenset({"به", "بها"})  # normalized: ب + a singular object pronoun


def _more_callers(ctx: SentCtx, end: int) -> tuple[list[str], int]:
    """Persons coordinated after a subject, each after a comma and و (، ورئيس الإمارات X، وأمير قطر Y), and
    where their phrases end."""
    toks = ctx.toks
    found: list[str] = []
    while end + 1 < len(toks) and toks[end].token.text in "،," and starts_with_and(toks[end + 1]):
        nxt = chunk_at(ctx, end + 1)
        people = [e for e in (nxt.actors if nxt is not None else []) if ctx.types.get(e) == "PER"]
        if nxt is None or nxt.start != end + 1 or nxt.prep is not None or not people:
            break
        found.append(people[-1])
        end = nxt.end
    return found, end


def _later_clause_person(ctx: SentCtx, cand: Cand, last: Cand | None) -> list[str]:
    """The person subject of a clause opened by ، و + a verb (no trigger) between the last event and the
    participle (، ووصف الناطق باسمها نبيل أبو ردينة ما جرى …، محملا), or []."""
    toks = ctx.toks
    for m in range(cand.i - 2, last.j if last is not None else 0, -1):
        tk = toks[m]
        if tk.in_trigger or (tk.punct and tk.token.text in STRONG_PUNCT):
            return []
        if not (tk.conj and not tk.ent and not tk.cats and toks[m - 1].token.text in "،,"):
            continue
        r = chunk_at(ctx, m + 1)  # (the chunker may open the phrase on the verb itself)
        if r is None or r.start not in (m, m + 1) or r.prep is not None:
            return []
        people = [e for e in r.actors if ctx.types.get(e) == "PER"]
        return people[-1:]
    return []


def _body_masdar(ctx: SentCtx, cand: Cand, after: int) -> bool:
    """أكد X "دعم الجامعة الكامل لحق الإمارات": after a subject, a trigger read as a verb whose next word
    names a body again by its head noun, a ل phrase following, is the noun: the body acts on the ل phrase."""
    body = body_at(ctx, after)
    if body is None or "ل" not in cand.trig.targets:
        return False
    toks = ctx.toks
    m = next((k for k in range(after + 1, min(len(toks), after + 4)) if toks[k].token.norm[:1] == "ل"), None)
    if m is None or toks[m].punct:
        return False
    c = chunk_at(ctx, m)
    named = [toks[k].ent for k in range(m, c.end if c is not None else m + 1) if toks[k].ent]
    if not named:
        return False
    cand.source, cand.target = [body], [e for e in dict.fromkeys(named) if e != body][:1]
    return True


def _described(ctx: SentCtx, k: int) -> bool:
    """A definite word after the one at ``k`` (المجلس الأعلى للقضاء): an adjective making it another body."""
    toks = ctx.toks
    return k + 1 < len(toks) and not toks[k + 1].ent and is_definite(toks[k + 1])


def _followers_object(ctx: SentCtx, after: int) -> list[str]:
    """An indefinite phrase naming nobody (مسلحين موالين، عناصر تابعين) with a ل phrase naming someone right after
    it, then a preposition: the ones named in the ل phrase; else []."""
    c = chunk_at(ctx, after)
    if c is None or c.start != after or c.prep is not None or c.actors or is_definite(ctx.toks[c.start]):
        return []
    nxt = chunk_at(ctx, c.end)
    if nxt is None or nxt.start != c.end or nxt.prep != "ل" or not nxt.actors:
        return []
    toks = ctx.toks
    end = nxt.end
    if end >= len(toks) or not (
        "prep" in toks[end].cats or toks[end].prep is not None or clitic_prep(toks[end])
    ):
        return []
    return list(nxt.actors)


def _after_report(ctx: SentCtx, i: int) -> bool:
    """Before token ``i``: a reporting verb's أن/إن clause closed by a comma (قالت X إن المحادثات "…"،)."""
    toks = ctx.toks
    # (not غير أن opening the sentence: the أن after a subject, أكد X أن …، is the reporting one)
    comp = next(
        (
            k
            for k in range(i)
            if "comp" in toks[k].cats and not toks[k].ent and first_subject_chunk(ctx, k) is not None
        ),
        None,
    )
    if comp is None:
        return False
    return any(toks[k].punct and toks[k].token.text in "،," for k in range(comp + 1, i))


def _back_to_report(ctx: SentCtx, cand: Cand, last: Cand, i: int) -> bool:
    """قالت X إن موسكو "تدين" الغارات، ودعت إسرائيل إلى …: a past verb after a comma, coordinated after an
    imperfect verb of the reported clause, goes with the past reporting verb: its subject is the speaker's."""
    if not cand.past or last.past or last.participle or last.trig.pos != "verb" or not _after_report(ctx, i):
        return False
    toks = ctx.toks
    comp = next((k for k in range(i) if "comp" in toks[k].cats and not toks[k].ent), None)
    return comp is not None and comp < last.i < i


def _clause_subject(ctx: SentCtx, last: Cand, after: int) -> list[str] | None:
    """When the verb before a participle stands in a clause opened by أن/إن, the subject named before that
    word (the one who said it), if it differs from the verb's own subject; else None. A person as that verb's
    subject keeps the participle (قالت البعثة إن خوري حثت …، محذرة: Koury warned, the mission reports it)."""
    toks = ctx.toks
    if any(ctx.types.get(e) == "PER" for e in last.source):
        return None
    comp = next((k for k in range(after, last.i) if "comp" in toks[k].cats and not toks[k].ent), None)
    if comp is None:
        return None
    main = first_subject_chunk(ctx, comp, after=after)
    if main is None or not main.actors or set(main.actors) & set(last.source):
        return None
    return main.actors[-1:]


def _plain_object(ctx: SentCtx, r: Chunk) -> bool:
    """A phrase headed by a definite common noun (الدول الغربية، المجتمع الدولي), not a title that could be a
    subject whose holder goes unnamed (الرئيس، الوزارة)."""
    head = ctx.toks[r.start]
    stem = head.token.forms[-1][1]
    return (
        plain_word(head)
        and stem.startswith("ال")
        and stem not in _title_words()
        and "state_noun" not in head.cats
    )


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """First words of the titles the entities layer knows (الرئيس، الوزير، المتحدث), normalized."""
    return frozenset(normalize(row["title"]).split()[0] for row in read_tsv("titles.tsv") if row["title"])


def _relative_head(ctx: SentCtx, subj: Chunk, after: int) -> bool:
    """An indefinite phrase right before a verb that a resumptive pronoun (عنهم، بها) follows, with a named
    phrase after that: the phrase heads a relative clause whose subject comes after the verb."""
    toks = ctx.toks
    head = toks[subj.start]
    if head.ent or not plain_word(head) or is_definite(head) or not resumptive(toks, after):
        return False
    r = chunk_at(ctx, after + 1)
    return r is not None and r.prep is None and bool(r.actors)


def _suffix_relative(ctx: SentCtx, subj: Chunk, i: int, after: int) -> int:
    """An indefinite phrase right before a verb carrying an object pronoun (أيدته، أطلقتها), a named phrase
    right after the verb: a relative clause on the phrase, its subject after the verb. The phrase's first
    token, else -1."""
    toks = ctx.toks
    verb = toks[i].token.norm
    if subj.end != i or i < 1:
        return -1
    m = i - 1  # the phrase's tail: an indefinite noun and perhaps its adjective (مقترحا سودانيا)
    if (
        m - 1 >= subj.start
        and plain_word(toks[m - 1])
        and not toks[m - 1].ent
        and not is_definite(toks[m - 1])
    ):
        m -= 1
    head = toks[m]
    if head.ent or not plain_word(head) or is_definite(head):
        return -1
    if len(verb) < 5 or not verb.endswith(("ه", "ها", "هم", "هما")):
        return -1
    r = chunk_at(ctx, after)
    return m if r is not None and r.start == after and r.prep is None and toks[after].ent else -1


def crowd_of(ctx: SentCtx, r: Chunk) -> list[str]:
    """مئات من أنصار X، آلاف من أعضاء X، وفد من X: the body named in the من phrase after a crowd noun or a
    delegation; قادة الدول
    الأعضاء في X، وزراء خارجية الدول الأعضاء في X: the body named in the في phrase after its members."""
    lex = lexicon()
    if ctx.toks[r.end - 1].token.forms[-1][1] in lex.member_words:
        nxt = chunk_at(ctx, r.end) or chunk_at(ctx, r.end + 1)
        ok = nxt is not None and nxt.prep == "في" and nxt.start <= r.end + 1
        return [e for e in nxt.actors[:1] if ctx.types.get(e) == "ORG"] if ok and nxt is not None else []
    forms = ctx.toks[r.start].token.forms
    if forms[-1][1] not in lex.crowd_nouns and not any(stem in lex.delegations for _, stem in forms):
        return []  # (وفد من السلطة الفلسطينية: a delegation from a body stands for it like a crowd)
    nxt = chunk_at(ctx, r.end) or chunk_at(ctx, r.end + 1)
    if nxt is None or nxt.prep != "من" or nxt.start > r.end + 1:
        return []
    return nxt.actors[:1]


_KANA_REACH = 30  # tokens between كان and the قد before its verb (the subject and the asides describing it)


def _kana_subject(ctx: SentCtx, qad: int) -> Chunk | None:
    """وكان وفد من السلطة الفلسطينية برئاسة X، ورئيس جهاز Y، قد زار الرياض: a pluperfect whose subject, right
    after كان, is set off from قد by asides: the phrase after كان (or the body its crowd or delegation stands
    for), when no other verb or trigger stands between."""
    toks = ctx.toks
    aside = False  # inside a relative clause set off by commas (، الذي حضر اجتماعات …،): its words describe
    for k in range(qad - 1, max(-1, qad - _KANA_REACH), -1):
        tk = toks[k]
        if tk.punct and tk.token.text in "،,":
            aside = k == qad - 1 or aside
        elif aside and "relative" in tk.cats and k > 0 and toks[k - 1].token.text in "،,":
            aside = False
            continue
        if (tk.punct and tk.token.text in STRONG_PUNCT) or (tk.in_trigger and not aside):
            return None
        if tk.cats & _NEW_CLAUSE and not tk.ent and not (k > 0 and toks[k - 1].token.text in ("،", ",")):
            return None  # (، الذي وصل أمس،: a relative clause set off by commas describes the subject)
        if not tk.ent and any(stem in _KANA for _, stem in tk.token.forms):
            r = chunk_at(ctx, k + 1)
            if r is None or r.start != k + 1 or r.prep is not None:
                return None
            if r.actors:
                return r
            crowd = crowd_of(ctx, r)
            return Chunk(r.start, r.end, None, [crowd]).seal() if crowd else None
    return None


_KANA = frozenset({"كان", "كانت"})
_DUAL_REACH = 24  # words back from a dual relative to the two people it stands for
_DUAL_RELATIVES = frozenset({"اللذين", "اللذان", "اللتين", "اللتان"})  # normalized
_NEW_CLAUSE = frozenset({"comp", "relative", "contrast"})


def _clause_subject_between(ctx: SentCtx, lo: int, hi: int) -> list[str]:
    """The subject of the last clause between tokens ``lo`` and ``hi``: a phrase naming someone that opens on
    و + a plain word (a verb: وحط، ووصل) right after a comma, with no preposition."""
    toks = ctx.toks
    found: list[str] = []
    for c in ctx.chunks:
        if c.start < lo or c.end > hi:
            continue
        first = toks[c.start]
        if (
            c.prep is None
            and c.actors
            and first.conj
            and not first.ent
            and not first.cats
            and c.start > 0
            and toks[c.start - 1].punct
            and toks[c.start - 1].token.text in "،,"
            and not first.token.forms[-1][1].startswith("ال")
            and not title_word(first)
        ):
            found = c.actors[-1:]
    return found
