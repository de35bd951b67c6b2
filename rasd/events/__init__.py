"""The events layer: who did what to whom, when and where (PLOVER types and modes), from Arabic text.

``annotate(doc)`` reads sentences, tokens, entities, time expressions and quotes, and fills ``doc.events``
and ``doc.summary``. Steps: trigger spotting (:mod:`.triggers`, lexicon in ``data/triggers.tsv``), actors
(:mod:`.actors`), modality (:mod:`.modality`), date/place/attributes/quote (:mod:`.attach`), absorption of
event nouns governed by another trigger (حذر من فرض عقوبات is one THREATEN event), coreference
(:mod:`.merge`), then events without any actor are dropped: nobody can use "a meeting happened".
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

from ..document import Document, Event, Quote, Span, fast_construct
from . import actors, attach, context, merge, modality, reported, triggers
from .actors.relative import resumptive
from .lexicon import lexicon
from .separate import separate
from .summary import summarize
from .triggers import Cand

__all__ = ["annotate", "extract"]

log = logging.getLogger(__name__)

ABSORB_WINDOW = 10  # words between a complement-taking trigger and the event noun it governs
_RESUME = {"اعاده", "استيناف", "مواصله"}  # normalized: إعادة، استئناف، مواصلة + an event noun
_ABSORB_PREPS = {None, "من", "ب", "علي", "الي", "ل", "عن", "في"}  # normalized (إلى -> الي)


_DECLINES = frozenset({"declines", "no_clause"})


def _called_protests(ctx: context.SentCtx, cands: list[Cand]) -> None:
    """دعت X إلى تظاهرة، تظاهرة دعت إليها X: calling a protest with no one called on is organizing it: one
    PROTEST by the caller, not a REQUEST."""
    for n in range(1, len(cands)):
        a, b = cands[n - 1], cands[n]
        if a.trig.type == "REQUEST" and b.trig.type == "PROTEST" and b.absorbed and not a.absorbed:
            if a.source and not a.target:
                a.trig = b.trig
        elif (
            a.trig.type == "PROTEST"
            and b.trig.type == "REQUEST"
            and b.trig.pos == "verb"
            and b.i == a.j
            and resumptive(ctx.toks, b.j)
            and b.source
            and not a.absorbed
        ):
            a.source, a.target = list(b.source), a.target or [e for e in b.target if e not in b.source]
            b.absorbed = True
    for c in cands:
        if c.trig.type == "PROTEST" and c.source and not c.target and not c.absorbed:
            c.target = _protested(ctx, c)


def _protested(ctx: context.SentCtx, c: Cand) -> list[str]:
    """وقفة احتجاجية … تنديدا بالهجوم التركي، رفضا لما وصفه بـ"التعنت الإثيوبي": the phrase after a word
    giving the protest's reason names whom it is against."""
    toks = ctx.toks
    reasons = lexicon().protest_reasons
    for k in range(c.j, len(toks)):
        tk = toks[k]
        if tk.punct and tk.token.text in context.STRONG_PUNCT:
            break
        if tk.token.forms[-1][1] in reasons:
            for m in range(k + 1, min(len(toks), k + 8)):
                t = toks[m]
                if t.punct and t.token.text not in _QUOTES:
                    break
                if t.ent and t.ent not in c.source and ctx.types.get(t.ent) != "PER":
                    return [t.ent]
            break
    return []


_QUOTES = set('"«»“”')  # flags of triggers that code no event


def _absorb(ctx: context.SentCtx, cands: list[Cand]) -> None:
    """Mark event nouns that are the complement of a previous trigger (توعد … بعقوبات، استبعد تقديم أي تنازل)."""
    toks = ctx.toks
    for n, c in enumerate(cands):
        if n == 0:
            continue
        gov = cands[n - 1]
        if "complement" not in gov.trig.flags or (gov.absorbed and not gov.participle):
            continue
        words = sum(1 for k in range(gov.j, c.i) if toks[k].token.kind != "punct")
        if words > ABSORB_WINDOW:
            continue
        if any("light" in toks[k].cats and not toks[k].ent for k in range(gov.j, c.i)):
            continue  # اتهمت X Y بالتجسس، ردت Z بطرد …: the noun belongs to the verb in between

        head = toks[c.i]
        prev = toks[c.i - 1] if c.i > 0 else None
        prep = head.prep
        if prep is None and head.head_k:
            clit = head.token.text[: head.head_k].lstrip("وف")
            prep = clit[:1] or None
        if prep is None and prev is not None and prev.token.norm in _RESUME and c.i > 1:
            prev = toks[c.i - 2]  # في إعادة فرض العقوبات، إلى استئناف المحادثات: the preposition before
            prep = prev.token.norm if "prep" in prev.cats else None
        if prep is None and prev is not None and "prep" in prev.cats:
            prep = prev.token.norm
        if prev is not None and prev.punct and prev.token.text in context.STRONG_PUNCT:
            continue
        if c.trig.pos == "verb" and prep is None:
            continue  # a verb is only governed as a verbal noun after a preposition (من فرض عقوبات)
        if prep in _ABSORB_PREPS and (c.timex is None or c.sentence_dated or c.timex == gov.timex):
            c.absorbed = True
            gov.attributes.setdefault("about", c.trig.en)
            if not gov.target and c.target and gov.trig.type == "THREATEN":
                # هدد بقصف إيران، حذر من فرض عقوبات على روسيا: whom the threatened act targets is the threat's target
                gov.target = [e for e in c.target if e not in gov.source]


def _commentary(ctx: context.SentCtx, cands: list[Cand]) -> None:
    """ويرى المحلل السياسي X أن "انسحاب الصدر …"، لكنه استبعد أي مواجهة: a sentence whose subject is an analyst or
    an expert holds his comment, not events (the gold files code none)."""
    words = lexicon().commentators
    toks = ctx.toks
    for k in range(min(len(toks), 4)):  # the subject comes first: (و)يرى / قال / رأى + the title
        tk = toks[k]
        if tk.punct:
            return
        if not tk.ent and any(stem in words for _, stem in tk.token.forms):
            # up to another subject's clause (…، فيما استبعد الوزير X أي تنازل); لكنه goes on with the analyst
            end = next(
                (
                    m
                    for m in range(k + 1, len(toks))
                    if "contrast" in toks[m].cats and "pronoun" not in toks[m].cats and not toks[m].ent
                ),
                len(toks),
            )
            for c in cands:
                if k < c.i < end:
                    c.absorbed = True
            return


def _warned_threats(ctx: context.SentCtx, cands: list[Cand]) -> None:
    """حذر X من أن بلاده "لن تتردد في …"، حذرت الوزارة من أن أنقرة سترد: the threat told inside a warning's
    أن clause is the warning itself (one THREATEN, by the warner; gold files code it once), not a second one.
    A threat with no target right after an accusation in its sentence is aimed at the one accused."""
    toks = ctx.toks
    for n, c in enumerate(cands):
        if c.trig.type != "THREATEN" or c.absorbed or n == 0:
            continue
        gov = cands[n - 1]
        if gov.trig.type != "THREATEN" or gov.trig.mode != "warn" or gov.absorbed:
            continue
        between = range(gov.j, c.i)
        if sum(1 for k in between if toks[k].token.kind != "punct") > ABSORB_WINDOW:
            continue
        if any(toks[k].punct and toks[k].token.text in context.STRONG_PUNCT for k in between):
            continue
        if any("comp" in toks[k].cats and not toks[k].ent for k in between):
            c.absorbed = True
            if not gov.target and c.target:
                gov.target = [e for e in c.target if e not in gov.source]
    for n, c in enumerate(cands):
        if c.trig.type != "THREATEN" or c.target or not c.source or c.absorbed or n == 0:
            continue
        charge = cands[n - 1]
        if charge.trig.type == "ACCUSE" and charge.target and not charge.absorbed:
            # اتهم X إثيوبيا بـ…، مؤكدا أن مصر "لن تقف مكتوفة الأيدي": the threat is aimed at the one just accused
            c.target = [e for e in charge.target if e not in c.source]


HEADLINE_WORDS = 24  # a longer first line is a paragraph even without a final stop
SUBHEAD_WORDS = 8  # later lines: subheadings are short (جذور الأزمة، ترحيب دولي)


def _first_text_block(doc: Document) -> int:
    return next((n for n, b in enumerate(doc.blocks) if b.kind != "boilerplate"), 0)


_FINAL = set('.!?؟:"»”')
_QUOTE_END = "\"»”'"


def _bare_line(doc: Document, block: int, quoted_title: bool = False) -> bool:
    """A short paragraph without a final stop reads as a headline or subheading (الحوثيون يتوعدون بالرد بعد
    ضربات …), though the text layer did not mark it: its events restate the story's and merge into them."""
    b = doc.blocks[block]
    line = doc.text[b.start : b.end].rstrip()
    if not line:
        return False
    first = None
    if line[-1] in _QUOTE_END and quoted_title:
        # a title may end on a quotation (… والرباط تأسف لقرار "غير مبرر"): its stop is what precedes the mark
        # (for its events only: the lead the reported-day rules read is found as before)
        first = block == _first_text_block(doc)
        if first:
            line = line.rstrip(_QUOTE_END)
    if not line or line[-1] in _FINAL:
        return False
    if first is None:
        first = block == _first_text_block(doc)
    words = line.count(" ") + 1
    # the first line (the title), or a short subheading: a body paragraph that merely lacks its stop is longer
    return words <= HEADLINE_WORDS if first else words <= SUBHEAD_WORDS


def _lead(doc: Document) -> int | None:
    """The first paragraph of the body: not a title the text layer left as a paragraph, nor a dateline standing
    on its own line (مسقط - (د ب أ):)."""
    for n, b in enumerate(doc.blocks):
        if b.kind == "paragraph" and not _bare_line(doc, n):
            if doc.text.count(" ", b.start, b.end) >= SUBHEAD_WORDS:
                return n
    return None


def _no_event(ctx: context.SentCtx, c: Cand) -> bool:
    """رفض الخوض في التفاصيل (declining to comment), استبعد أن … (judging a thing unlikely): no event."""
    flags = c.trig.flags
    if (
        "object_thing" in flags
        and c.i > 0
        and ctx.toks[c.i].article
        and context.plain_word(ctx.toks[c.i - 1])
    ):
        return True  # لإبعاد التهديد عن سكان الشمال: the threat is a danger removed, no one threatening
    if c.trig.pos == "noun" and c.i > 0:
        k = c.i - 1
        while k > 0 and ctx.toks[k].punct and ctx.toks[k].token.text in _QUOTES:
            k -= 1
        if any(stem in lexicon().means for _, stem in ctx.toks[k].token.forms):
            return True  # عودة سوريا "لا تعني استئناف العلاقات": what something means or implies is no act
    if "joint_only" in flags:
        # قالت X في مؤتمر صحافي إن …: a press conference alone is how she spoke; only a joint one (مشترك، مع Y)
        # is a meeting
        near = ctx.toks[c.i : min(len(ctx.toks), c.j + 2)]
        if not any(tk.token.norm.startswith(("مشترك", "المشترك")) or tk.token.norm == "مع" for tk in near):
            return True
    if c.j >= len(ctx.toks) or not flags & _DECLINES:
        return False
    if "declines" in flags:
        no_comment = lexicon().no_comment
        for tk in ctx.toks[
            c.j : c.j + 10
        ]:  # right after the verb or after its subject (رفض المتحدث … التعليق)
            if tk.punct or tk.in_trigger:
                break
            if not tk.ent and any(stem in no_comment for _, stem in tk.token.forms):
                return True
    if "no_clause" not in flags:
        return False
    end = max(c.j, c.rest_end)  # (past a gapped trigger's noun: توقع X في مذكرة لعملائه أن is no signing)
    for tk in ctx.toks[end : end + 10]:  # أن right after the verb or after its subject (استبعد المحلل X أن)
        if "comp" in tk.cats and not tk.ent:
            return True
        if tk.punct or tk.in_trigger or (tk.cats and not tk.ent and "not_conj" not in tk.cats):
            return False
    return False


def _condition_targets(ctx: context.SentCtx, cands: list[Cand], states: dict[str, str]) -> None:
    """A conditional threat is aimed at whoever would act in its condition (سيردون بحزم إذا شنت روسيا هجوما،
    هدد بمراجعة الاتفاقية إذا لم تستقبل الجزائر رعاياها); a capital there stands for its state, as everywhere
    (إذا لم تعالج بغداد … -> Iraq)."""
    for n, c in enumerate(cands):
        if c.trig.type != "THREATEN":
            continue
        # محذرا من أن أي هجوم إسرائيلي على رفح …: a warning aimed at whoever would attack, not at the place
        placed = bool(c.target) and all(e in ctx.places or e in ctx.cities for e in c.target)
        # حذر عراقجي من أن طهران "سترد" على أي هجوم إسرائيلي: his own state is who would respond, not the target
        own = set(c.source) | {ctx.person_states.get(e) for e in c.source}
        if c.target and set(c.target) <= own:
            c.target, placed = [], True
        if c.target and not placed:
            continue
        if c.modality == "conditional" or c.trig.mode == "warn":
            h = next((h for h in cands[n + 1 :] if h.modality == "hypothetical" and h.source), None)
            if h is not None and set(h.source) - set(c.source):
                c.target = [
                    e for e in actors.dedup([states.get(e, e) for e in h.source]) if e not in c.source
                ]
                continue
        if c.target:
            continue
        c.target = [
            t
            for t in actors.dedup([states.get(e, e) for e in _condition_subject(ctx, c)])
            if t not in c.source
        ]


DESCRIBED_GAP = (
    2  # words between an indefinite event noun and the verb of its relative clause (هجوم إسرائيلي يستهدف)
)


def _describing_verbs(ctx: context.SentCtx, cands: list[Cand]) -> None:
    """أي هجوم إسرائيلي يستهدف منشآتها: a verb of the same type right after an indefinite hypothetical event
    noun describes that event (an Arabic relative clause without الذي): one hypothetical event, not a second,
    real one. (Real events are told twice and merged later: ضربات استهدفت مواقع للحوثيين.)"""
    toks = ctx.toks
    for n in range(1, len(cands)):
        c, p = cands[n], cands[n - 1]
        if c.trig.pos != "verb" or p.trig.pos != "noun" or c.trig.type != p.trig.type or p.absorbed:
            continue
        if p.modality not in ("hypothetical", "conditional") or c.trig.mode != p.trig.mode:
            continue
        if toks[p.i].article or toks[p.i].token.norm.startswith("ال"):
            continue  # a definite noun is no head of a relative clause without الذي
        between = toks[p.j : c.i]
        if len(between) <= DESCRIBED_GAP and not any(tk.punct or tk.cats or tk.in_trigger for tk in between):
            c.absorbed = True
            if not p.target:
                p.target = [e for e in c.target if e not in p.source]


def _journeys(cands: list[Cand]) -> None:
    """يتوجه بلينكن إلى الدوحة للقاء أمير قطر: a journey made for a meeting named after it is that meeting."""
    for n, c in enumerate(cands):
        if "travel" not in c.trig.flags:
            continue
        if any(
            m.trig.type == "CONSULT" and m.purpose and (not m.source or m.source == c.source)
            for m in cands[n + 1 :]
        ):
            c.absorbed = True


def _condition_subject(ctx: context.SentCtx, c: Cand) -> list[str]:
    """The first actor named right after a condition word following the trigger (إذا لم تستقبل الجزائر)."""
    toks = ctx.toks
    for k in range(c.j, len(toks)):
        tk = toks[k]
        if tk.punct and tk.token.text in context.STRONG_PUNCT:
            return []
        if ("condition" in tk.cats or "condition" in tk.phrases) and not tk.ent:
            for m in range(k + 1, min(len(toks), k + 5)):
                e = toks[m].ent
                if e and e not in c.source and not toks[m].nisba:
                    return [e]
            return []
    return []


def extract(doc: Document) -> list[Cand]:
    ctxs = context.build(doc)
    kinds = {e.id: (e.type, e.kind) for e in doc.entities}
    # sentences are sorted and disjoint: the sentence holding an offset, or those a span overlaps, by bisection
    sent_starts = [s.start for s in doc.sentences]
    sent_ends = [s.end for s in doc.sentences]
    timexes_by_sent: dict[int, list] = {}
    for x in doc.timexes:
        si = bisect_right(sent_starts, x.start) - 1  # doc.sentence_at(x.start)
        if si >= 0 and x.start < sent_ends[si]:
            timexes_by_sent.setdefault(si, []).append(x)
    out: list[Cand] = []
    prev_sentence: list[str] = []
    states = actors.state_actors(doc.entities)
    person_states = actors.person_states(doc.entities)
    sides = actors.sides(doc.entities)
    # the quotes overlapping each sentence, in document order
    quotes_by_sent: dict[int, list[Quote]] = {}
    for q in doc.quotes:
        a, b = q.content.start, q.content.end
        for si in range(bisect_right(sent_ends, a), bisect_left(sent_starts, b)):
            quotes_by_sent.setdefault(si, []).append(q)
    for ctx in ctxs:
        try:
            ctx.person_states = person_states
            ctx.sides = sides
            cands = _sentence(doc, ctx, out, prev_sentence, states, kinds, timexes_by_sent, quotes_by_sent)
        except Exception:  # one odd sentence must not cost the article its other events
            log.exception("events: sentence %d skipped", ctx.index)
            continue
        for c in cands:
            if c.source:
                prev_sentence = list(c.source)
        out.extend(c for c in cands if not c.absorbed)
    attach.frame_dates(out)
    attach.session_dates(doc, out, _lead)
    for ctx in ctxs:
        # candidates point at their sentence and the sentence at the earlier candidates: cut that cycle, so all
        # of the layer's working objects are freed as soon as they are dropped, not by a later GC pass
        ctx.history = []
    return out


def _sentence(
    doc: Document,
    ctx: context.SentCtx,
    out: list[Cand],
    prev_sentence: list[str],
    states: dict[str, str],
    kinds: dict,
    timexes_by_sent: dict[int, list],
    quotes_by_sent: dict[int, list[Quote]],
) -> list[Cand]:
    cands = triggers.find(ctx)
    if not cands:
        return []
    block = doc.sentences[ctx.index].block
    heading = 0 <= block < len(doc.blocks) and (
        doc.blocks[block].kind == "heading" or _bare_line(doc, block, True)
    )
    # a quote holding a trigger overlaps its sentence: look at those only
    quotes = quotes_by_sent.get(ctx.index, [])
    for c in cands:
        c.heading = heading
        attach.attach_quote(doc, c, quotes)
    for c in cands:
        if _no_event(ctx, c):
            c.absorbed = True  # dropped with the absorbed ones
    ctx.history = out
    ctx.speakers = [
        (q.cue.start, q.speaker.entity)
        for q in quotes
        if q.speaker is not None and q.speaker.entity and ctx.start <= q.cue.start < ctx.end
    ]
    actors.fill(ctx, cands, prev_sentence, states)
    _commentary(ctx, cands)
    sx = timexes_by_sent.get(ctx.index, [])
    attach.attach_dates(doc, ctx, cands, sx)
    attach.attach_attributes(ctx, cands, sx)
    _absorb(ctx, cands)
    _warned_threats(ctx, cands)
    _called_protests(ctx, cands)
    for c in cands:
        modality.decide(ctx, c)
    _condition_targets(ctx, cands, states)
    _journeys(cands)
    _describing_verbs(ctx, cands)
    cands = separate(ctx, cands)
    for c in cands:
        if c.modality in ("occurred", "planned") and attach.planned_by_date(doc, c):
            c.modality, c.modality_cue = "planned", True
        attach.attach_location(doc, ctx, c, kinds)
        if (
            c.trig.type == "ASSAULT"
            and c.source
            and not c.target
            and c.location
            and c.location not in c.source
            and any(actors.place_noun(tk) for tk in ctx.toks[c.j : c.j + 4])
        ):
            c.target = [c.location]  # قصفت أحياء سكنية في الفاشر: the place attacked
    return cands


def annotate(doc: Document, **kwargs) -> Document:
    try:
        found = merge.merge(doc, extract(doc))
        reported.carry_reported_day(doc, found)
    except Exception:  # never let the last layer take the article down with it
        log.exception("events: layer failed on %s", doc.id)
        found = []
    # an event needs someone who acts; only "X is under sanctions" names just who undergoes it
    cands = [
        c
        for c in found
        if (c.source or (c.target and "subject_target" in c.trig.flags))
        and (c.target or "needs_target" not in c.trig.flags)
    ]
    for n, c in enumerate(cands, 1):
        # the fields come from our own code and are valid by construction: skip pydantic's validation
        doc.events.append(
            fast_construct(
                Event,
                id=f"v{n}",
                type=c.trig.type,
                mode=c.trig.mode,
                trigger=fast_construct(Span, start=c.start, end=c.end, text=doc.text[c.start : c.end]),
                source=list(c.source),
                target=list(c.target),
                symmetric=c.symmetric and len(c.source) + len(c.target) > 1,  # a side alone is no pair
                date=c.date,
                date_source=c.date_source,
                timex=c.timex,
                location=c.location,
                modality=c.modality,
                sentence=c.sent.index,
                quote=c.quote,
                attributes=dict(c.attributes),
            )
        )
    try:
        doc.summary.extend(summarize(doc))
    except Exception:
        log.exception("events: no summary for %s", doc.id)
    return doc
