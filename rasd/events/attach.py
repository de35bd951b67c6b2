"""Dates, places, attributes and quotes attached to events.

Date: a DATE/TIME expression in the trigger's clause (clauses end at commas, contrast words and conditions);
else one standing in a clause of its own without a trigger (``بلينكن، الأربعاء (29 ديسمبر)، مكالمة``), given to
the nearest trigger; else the previous event's date for a coordinated verb with a dropped subject; else the
publication date (``date_source="published"``). Place: a location entity after في near the trigger. Attributes:
duration after استمر/لمدة, start and end times after بدأ/انتهى (UTC values preferred), from the same sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable

import regex

from ..document import Document, Timex
from .actors.states import person_states
from .context import STRONG_PUNCT, SentCtx, Tok
from .lexicon import lexicon
from .triggers import Cand

_DATE_VALUE = regex.compile(
    r"^(?:\d{4}|XXXX)(?:-(?:\d{2}|W\d{2}(?:-WE)?|Q\d)(?:-\d{2})?)?(?:T[\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
DURING = {"خلالها", "خلاله", "خلالهما", "فيها", "فيه", "بعدها", "بعده"}  # normalized: during/after it
LOCATION_WINDOW = 24  # tokens after the trigger where "في <place>" still says where it happened
PLACED_TYPES = {"CONSULT", "AGREE", "COOPERATE", "AID", "RETREAT", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}
_CLAUSE_PUNCT = {"،", ",", "؛", ";", ":", ".", "؟", "?", "!"}
_CLAUSE_CATS = frozenset({"contrast", "condition"})


def date_of(value: str | None) -> str | None:
    """The date part of a TIMEX3 value, or None for values that are not calendar dates (PAST_REF, PT50M)."""
    if not value or not _DATE_VALUE.match(value):
        return None
    return value.split("T", 1)[0]


def _segments(ctx: SentCtx) -> list[int]:
    seg = []
    n = 0
    for tk in ctx.toks:
        if (tk.punct and tk.token.text in _CLAUSE_PUNCT) or (
            tk.cats and not tk.ent and not tk.cats.isdisjoint(_CLAUSE_CATS)
        ):
            n += 1
        elif tk.entries and tk.conj and not tk.ent:
            n += 1  # وضمت: a coordinated verb opens a clause
        seg.append(n)
    return seg


_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "منذ", "حتي", "مطلع", "نهايه", "اواخر", "اوايل", "منتصف"}


def _year_of_name(ctx: SentCtx, k: int, x: Timex) -> bool:
    """A bare year right after a noun names a thing (اتفاقية 1968، دستور 2014): it does not date an event."""
    if not (x.value and len(x.value) == 4 and x.value.isdigit()) or k == 0:
        return False
    prev = ctx.toks[k - 1]
    return prev.token.kind == "word" and not prev.ent and not prev.cats and prev.token.norm not in _YEAR_WORDS


def _deadline(ctx: SentCtx, k: int) -> bool:
    """بحلول أيلول 2025، حتى نهاية 2026، قبل نهاية العام الجاري، قبل حلول مايو: the date (whose first token is
    ``k``) is a deadline or a period's end, not the day of the act (the time layer may take نهاية in or not)."""
    lex = lexicon()
    toks = ctx.toks

    def norm(m: int) -> str:
        return toks[m].token.norm if 0 <= m < len(toks) else ""

    if norm(k - 1) in lex.deadlines:
        return True
    if norm(k - 1) in lex.deadline_ends and norm(k - 2) in lex.deadline_preps:
        return True
    return norm(k) in lex.deadline_ends and norm(k - 1) in lex.deadline_preps


def _tok_index(ctx: SentCtx, start: int, end: int) -> int | None:
    """The first token of the sentence overlapping ``[start, end)`` (tokens are sorted and disjoint)."""
    lo = ctx.lo
    hi = lo + len(ctx.toks)
    k = bisect_right(ctx.tok_ends, start, lo, hi)
    return k - lo if k < hi and ctx.tok_starts[k] < end else None


def attach_dates(doc: Document, ctx: SentCtx, cands: list[Cand], timexes: list[Timex]) -> None:
    dated = []
    for x in timexes:
        if x.type not in ("DATE", "TIME") or date_of(x.value) is None:
            continue
        k = _tok_index(ctx, x.start, x.end)
        if k is not None and not _year_of_name(ctx, k, x) and not _compared(ctx, k) and not _deadline(ctx, k):
            dated.append((k, x))
    if dated:  # clauses matter only when the sentence has a date
        _attach_dated(ctx, cands, dated, _segments(ctx))
        for c in cands:
            if c.past and c.date_source == "timex" and c.date and _later(c.date, doc.published):
                # طالبت X …، فيما قال Y إن … بعد انتهاء البطولة في 18 ديسمبر المقبل: a past verb tells what
                # happened; a date still to come belongs to another clause
                c.date = c.date_source = c.timex = None
        _sentence_date(doc, ctx, cands, dated)
    anchors: list[Cand] | None = None  # dated event nouns right after عقب، إثر (found when first needed)
    for n, c in enumerate(cands):
        if (
            c.date is None
            and n > 0
            and cands[n - 1].date_source == "timex"
            and c.i + 1 < len(ctx.toks)
            and ctx.toks[c.i + 1].token.norm in DURING
        ):
            # مكالمة … يوم 31 مارس، اتفق خلالها الرئيسان: during the event just named, on its date
            prev = cands[n - 1]
            c.date, c.date_source, c.timex = prev.date, "timex", prev.timex
        nxt = cands[n + 1] if n + 1 < len(cands) else None
        if (
            c.date is None
            and c.trig.mode == "visit"
            and nxt is not None
            and nxt.date_source == "timex"
            and nxt.i + 1 < len(ctx.toks)
            and ctx.toks[nxt.i + 1].token.norm in DURING
        ):
            # زيارة قام بها X إلى الرياض، التقى خلالها Y الأحد الماضي: the visit is dated by what was done during it
            c.date, c.date_source, c.timex = nxt.date, "timex", nxt.timex
        if c.date is None and nxt is not None and _during_dated(ctx, c, nxt):
            # دعا، خلال اجتماع لمجلس الأمن القومي يوم الثلاثاء 21 فبراير، إلى …: done at the dated occasion
            c.date, c.date_source, c.timex = nxt.date, "timex", nxt.timex
        if (
            c.date is None
            and c.source
            and ctx.toks[c.i].conj
            and c.trig.pos == "verb"
            and not ctx.toks[c.i].fut
        ):
            # دان المجلس أمس الجمعة الهجمات …، في بيان …، وطالب بمحاسبة …: a coordinated verb of the same
            # subject keeps that subject's dated verb's day (an event noun between, dated otherwise, does not)
            same = next(
                (
                    p
                    for p in reversed(cands[:n])
                    if p.trig.pos == "verb" and p.source == c.source and p.date_source == "timex"
                ),
                None,
            )
            if same is not None:
                c.date, c.date_source, c.timex = same.date, "timex", same.timex
        if c.date is None and c.inherited and n > 0 and cands[n - 1].date_source == "timex":
            prev = cands[n - 1]
            c.date, c.date_source, c.timex = prev.date, "timex", prev.timex
        if c.date is None and not ctx.toks[c.i].fut:
            if anchors is None:
                anchors = _right_after(ctx, cands)
            d = next((d for d in anchors if d is not c and d.i >= c.i), None)
            if d is not None:
                c.date, c.date_source, c.timex = d.date, "timex", d.timex
                c.sentence_dated = True
        if c.date is None and doc.published:
            c.date, c.date_source = doc.published, "published"


_DURING_PREPS = {"خلال", "اثناء", "في"}  # normalized: during, in (أثناء -> اثناء)
_DURING_REACH = 8  # tokens from the act to the preposition (its subject and a comma may stand between)


def _during_dated(ctx: SentCtx, c: Cand, occasion: Cand) -> bool:
    """The act is followed, in its own clause, by خلال/أثناء/في + the dated event noun ``occasion``."""
    toks = ctx.toks
    k = occasion.i - 1
    if (
        c.trig.pos != "verb"
        or occasion.trig.pos != "noun"
        or occasion.date_source != "timex"
        or occasion.sentence_dated
        or k < c.j
        or k - c.j > _DURING_REACH
        or toks[k].token.norm not in _DURING_PREPS
    ):
        return False
    # only the subject and commas between (no other clause, trigger or stop)
    return all((tk.punct and tk.token.text in "،,") or (tk.ent and not tk.in_trigger) for tk in toks[c.j : k])


def _right_after(ctx: SentCtx, cands: list[Cand]) -> list[Cand]:
    """توعد أردوغان، عقب اجتماع أمني ترأسه أمس السبت، بأن …: an undated act right after (عقب، إثر) an event
    noun of its sentence dated by a time expression took place on that day. Returns those event nouns."""
    after = lexicon().right_after
    toks = ctx.toks
    return [
        d
        for d in cands
        if d.date_source == "timex"
        and d.trig.pos == "noun"
        and d.i >= 1
        and not toks[d.i - 1].ent
        and toks[d.i - 1].token.forms[-1][1] in after
    ]


SINCE_REACH = 6  # words between منذ and the date that ends its phrase (منذ اندلاع النزاع قبل اثني عشر عاما)


def _since(ctx: SentCtx, k: int) -> bool:
    """منذ مطلع العام الماضي، منذ توليه منصبه في حزيران: a date in a "since" phrase starts a period (dating the
    acts of its own clause only, never a trigger outside that phrase)."""
    for m in range(k - 1, max(-1, k - 1 - SINCE_REACH), -1):
        tk = ctx.toks[m]
        if tk.token.norm in ("منذ", "ومنذ"):
            return True
        if tk.punct or tk.in_trigger or (tk.entries and tk.hit is not None):
            return False
    return False


def _since_between(ctx: SentCtx, a: int, k: int) -> bool:
    """الحزمة … من العقوبات على روسيا منذ غزوها أوكرانيا في فبراير 2022: a date after a منذ that follows the
    trigger is in the "since" phrase (it dates the act named there), not the trigger's."""
    return any(ctx.toks[m].token.norm in ("منذ", "ومنذ") for m in range(a, k))


COMPARED_REACH = 10  # words between a superlative and its منذ (أرفع لقاء علني بين مسؤولين سوريين وأتراك منذ)


def _compared(ctx: SentCtx, k: int) -> bool:
    """أرفع لقاء … منذ 2011، لأول مرة منذ اندلاع النزاع، أكبر قافلة منذ بدء الحرب: a "since" date after a
    superlative or "first" scopes the comparison; it dates no act (ويشن الحوثيون منذ نوفمبر هجمات: it does)."""
    toks = ctx.toks
    m = k - 1
    while m >= 0 and k - m <= SINCE_REACH and toks[m].token.norm not in ("منذ", "ومنذ"):
        if toks[m].punct:
            return False
        m -= 1
    if m < 0 or toks[m].token.norm not in ("منذ", "ومنذ"):
        return False
    for n in range(m - 1, max(-1, m - 1 - COMPARED_REACH), -1):
        tk = toks[n]
        if tk.punct and tk.token.text in _CLAUSE_PUNCT:
            return False
        if tk.token.forms[-1][1] in lexicon().superlatives:
            return True
    return False


def _in_relative(ctx: SentCtx, c: Cand, k: int) -> bool:
    """الزلزال الذي ضرب الحوز مساء الجمعة: a date after the trigger, in a relative clause (الذي، التي) that
    stands between them, dates that clause's verb, not the trigger."""
    toks = ctx.toks
    return k > c.j and any(
        "relative" in toks[m].cats and not (m + 1 < len(toks) and "light" in toks[m + 1].cats)
        for m in range(c.j, k)
    )  # (العملية التي شنها الجيش مطلع الشهر: a light verb's date is its noun's)


_SAYING_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT"})


def _in_content(ctx: SentCtx, c: Cand, k: int) -> bool:
    """محذرة من أن الملء الثاني المقرر في يوليو المقبل يهدد …: a date after أن, in what a warning, charge,
    demand or refusal says, dates the thing said, not the saying."""
    if c.trig.type not in _SAYING_TYPES or k <= c.j:
        return False
    return any("comp" in ctx.toks[m].cats and not ctx.toks[m].ent for m in range(c.j, k))


def _agreed_on(ctx: SentCtx, c: Cand, k: int) -> bool:
    """اتفقا على عقد القمة المقبلة في روما خلال جويلية: a date after an event noun that an agreement is on
    (على + the noun) dates that event, not the agreement."""
    if c.trig.type != "AGREE" or k <= c.j:
        return False
    toks = ctx.toks
    on = next((m for m in range(c.j, k) if toks[m].token.norm in ("على", "علي")), None)
    return on is not None and any(toks[m].in_trigger for m in range(on + 1, k))


def _alleged(ctx: SentCtx, c: Cand, k: int) -> bool:
    """اتهم X روسيا بشن هجوم … ليل الثلاثاء: a date after the act an accusation names dates that act (the
    accusation itself is of its own day)."""
    if c.trig.type != "ACCUSE" or k <= c.j:
        return False
    return any(ctx.toks[m].in_trigger or "light" in ctx.toks[m].cats for m in range(c.j, k))


def _attach_dated(ctx: SentCtx, cands: list[Cand], dated: list[tuple[int, Timex]], seg: list[int]) -> None:
    """Dates in the sentence (token index, timex) to its triggers: the nearest in the same clause, else the
    one a date standing in a clause of its own belongs to."""
    trig_segs = {seg[c.i] for c in cands}
    for c in cands:
        same = [
            (abs(k - c.i), x)
            for k, x in dated
            if seg[k] == seg[c.i]
            and not _in_relative(ctx, c, k)
            and not _alleged(ctx, c, k)
            and not _in_content(ctx, c, k)
            and not _agreed_on(ctx, c, k)
            and not (k > c.j and (_since(ctx, k) or _since_between(ctx, c.j, k)))
        ]
        if same:
            _set(c, min(same, key=lambda p: p[0])[1])
    for k, x in dated:
        if seg[k] in trig_segs or _since(ctx, k) or _temporal_clause(ctx, seg, k):
            # (a date after منذ in another clause starts a period there: it dates no act here; nor does one in
            # a clause of its own time: …، قبل أن تسيطر قواته فجر السبت على …)
            continue
        free = [c for c in cands if c.date is None]
        # a date set off by commas belongs to the act before it (أفرجت حماس …، الجمعة، …; أجرى X، الأربعاء،
        # مكالمة: the light verb stands for its noun), else to the nearest one after it
        before = [c for c in free if _anchor(c) < k]
        owner = (
            max(before, key=_anchor) if before else (min(free, key=lambda c: abs(c.i - k)) if free else None)
        )
        if owner is not None:
            _set(owner, x)
            owner.sentence_dated = True  # from a clause of its own, not the trigger's


_TEMPORAL_OPENERS = {"قبل", "بعد", "قبيل"}  # normalized: before/after + أن + a verb of its own
_COMP = "ان"  # normalized أن


def _temporal_clause(ctx: SentCtx, seg: list[int], k: int) -> bool:
    """The date at ``k`` stands in a clause opened by قبل أن / بعد أن: its own verb's time, not an earlier act's."""
    toks = ctx.toks
    m = k
    while m > 0 and seg[m - 1] == seg[k]:
        m -= 1
    while m < k and toks[m].punct:
        m += 1
    return m + 1 < k and toks[m].token.forms[-1][1] in _TEMPORAL_OPENERS and toks[m + 1].token.norm == _COMP


_CALENDAR_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_ISO_WEEK = re.compile(r"\d{4}-W\d{2}")


def _later(value: str, published: str | None) -> bool:
    """A calendar month or day after the publication day's, or a week starting after it (seasons and unknown
    parts are not compared)."""
    if published and _ISO_WEEK.fullmatch(value):
        # أرسلت تركيا طائرتين، وأعلن أردوغان أن سفينة ستبحر مطلع الأسبوع المقبل: next week is another clause's
        try:
            start = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return start.isoformat() > published[:10]
        except ValueError:
            return False
    if not published or not _CALENDAR_DATE.fullmatch(value):
        return False
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _not_after(value: str, published: str | None) -> bool:
    """A date before publication, or the publication day itself (not a coarser period holding it: العام
    الجاري may be still to come)."""
    if not published or value.startswith("X"):
        return not value.startswith("X")
    n = min(len(value), len(published))
    return value[:n] < published[:n] or value == published[: len(value)] and len(value) >= 10


def _sentence_date(doc: Document, ctx: SentCtx, cands: list[Cand], dated: list[tuple[int, Timex]]) -> None:
    """Triggers left without a date in a sentence that states one in another clause: a participle takes its
    main verb's date (رفض مساء أمس …، داعيا); a past verb or an event noun after the sentence's one past date
    takes it (المحادثات التي عقدت السبت …، مشيرا إلى أن الطرفين اتفقا)."""
    past = [
        (k, x) for k, x in dated if _not_after(date_of(x.value) or "X", doc.published) and not _since(ctx, k)
    ]
    if not past:
        return
    values = {date_of(x.value) for _, x in past}
    for n, c in enumerate(cands):
        if c.date is not None or ctx.toks[c.i].fut or c.purpose:
            continue
        if c.participle:
            main = next((p for p in reversed(cands[:n]) if p.date_source == "timex"), None)
            if main is not None:
                c.date, c.date_source, c.timex = main.date, "timex", main.timex
                c.sentence_dated = True
                continue
            before = [(k, x) for k, x in past if k < c.i]
            if before:
                _set(c, before[-1][1])
                c.sentence_dated = True
                continue
        if (c.past or c.participle or c.trig.pos == "noun") and len(values) == 1 and past[0][0] < c.i:
            _set(c, past[0][1])
            c.sentence_dated = True


def _anchor(c: Cand) -> int:
    return c.light if c.light is not None else c.i


def _set(c: Cand, x: Timex) -> None:
    c.date, c.date_source, c.timex = date_of(x.value), "timex", x.id


def planned_by_date(doc: Document, c: Cand) -> bool:
    """A date after the publication date (at the precision both have) means the event is still to come."""
    if c.date_source != "timex" or not doc.published or not c.date or c.date.startswith("X") or c.past:
        return False  # a past-tense verb reports what happened, whatever the date says
    if "W" in c.date:  # ISO week: compare with the publication date's week
        try:
            y, w, _ = dt.date.fromisoformat(doc.published[:10]).isocalendar()
        except ValueError:
            return False
        return c.date > f"{y:04d}-W{w:02d}"
    n = min(len(c.date), len(doc.published))
    return c.date[:n] > doc.published[:n]


def _cue_after(ctx: SentCtx, k: int, cat: str) -> bool:
    for m in range(k - 1, max(-1, k - 9), -1):
        tk: Tok = ctx.toks[m]
        if cat in tk.cats and not tk.ent:
            return True
        if tk.punct and tk.token.text in STRONG_PUNCT:
            return False
    return False


def attach_attributes(ctx: SentCtx, cands: list[Cand], timexes: list[Timex]) -> None:
    if not cands:
        return
    for x in timexes:
        k = _tok_index(ctx, x.start, x.end)
        if k is None or not x.value:
            continue
        before = [c for c in cands if c.i <= k] or cands
        owner = min(before, key=lambda c: abs(c.i - k))
        if x.type == "DURATION" and x.value.startswith("P") and _cue_after(ctx, k, "duration_cue"):
            owner.attributes.setdefault("duration", x.value)
        elif x.type == "TIME" and "T" in x.value:
            # the nearest cue before the time decides: بدأ -> start, انتهى -> end
            for m in range(k - 1, max(-1, k - 9), -1):
                cats = ctx.toks[m].cats
                key = "start" if "start_cue" in cats else "end" if "end_cue" in cats else None
                if key:
                    old = owner.attributes.get(key)
                    if old is None or (_is_utc(x.value) and not _is_utc(old)):
                        owner.attributes[key] = x.value
                    break


def _is_utc(v: str) -> bool:
    return v.endswith("Z") or v.endswith("+00:00")


def attach_location(doc: Document, ctx: SentCtx, c: Cand, kinds: dict[str, tuple[str, str | None]]) -> None:
    """The first place after في in the trigger's stretch of the sentence (until the next trigger, a contrast
    or a full stop): a city anywhere there, a country only close to the trigger."""
    if c.trig.type not in PLACED_TYPES:
        return  # في غزة after "دعا إلى وقف إطلاق النار" is what the call is about, not where it was made
    lo = c.light if c.light is not None else c.i
    toks = ctx.toks
    k = max(0, lo - 2)
    limit = min(len(toks), c.j + LOCATION_WINDOW)
    # only a في phrase naming a place can give the location: without one in reach, the scan cannot find any
    if ctx.place_phrases is None:
        ctx.place_phrases = [
            (ch.start, ch.end)
            for ch in ctx.chunks
            if ch.prep == "في" and any(kinds.get(e, ("",))[0] == "LOC" for e in ch.actors)
        ]
    if not any(a < limit and b > k for a, b in ctx.place_phrases):
        return
    actors = set(c.actors)
    last_actor = c.j  # the last token after the trigger that is one of its actors
    if actors:
        for m in reversed(ctx.ents):  # the tokens that stand for an entity, last first
            if m < c.j:
                break
            if toks[m].ent in actors:
                last_actor = m
                break
    while k < limit:
        tk = toks[k]
        if k > last_actor and tk.punct and tk.token.text in "،," and not _place_follows(toks, k + 1):
            break  # past the actors a comma closes the event's phrase (…، تناول الأوضاع في غزة)
        if k >= c.j and (tk.in_trigger or (tk.punct and tk.token.text in STRONG_PUNCT)):
            break
        if k >= c.j and tk.cats and not tk.ent and not tk.cats.isdisjoint(_CLAUSE_CATS):
            break
        if k >= c.j and tk.token.text[:1] == "ل" and _purpose(tk):
            break  # لبحث الوضع في غزة: a purpose clause says what about, not where
        ci = ctx.chunk_of[k]
        if ci < 0:
            k += 1
            continue
        chunk = ctx.chunks[ci]
        if k >= c.j and _purpose_in(toks, k, chunk.end):
            break  # the purpose clause starts inside this phrase
        if chunk.prep == "في":
            near = chunk.start <= c.j + 4
            for eid in chunk.actors:
                etype, kind = kinds.get(eid, ("", None))
                if etype == "LOC" and eid not in c.actors and (near or kind in ("city", "capital")):
                    c.location = eid
                    return
        k = max(chunk.end, k + 1)


def _purpose_in(toks: list[Tok], a: int, b: int) -> bool:
    """A purpose clause starts at one of ``toks[a:b]`` (its words are tested for ل first: most do not have it)."""
    for m in range(a, b):
        tk = toks[m]
        if tk.token.text[:1] == "ل" and _purpose(tk):
            return True
    return False


def _purpose(tk: Tok) -> bool:
    """ل + a verbal noun (لبحث، لمناقشة، لتجنب): a purpose clause begins."""
    forms = tk.token.forms
    return (
        tk.token.kind == "word"
        and not tk.ent
        and tk.token.text[:1] == "ل"
        and len(forms) > 1
        and forms[1][0] == 1
        and not forms[1][1].startswith("ال")
    )


def _place_follows(toks: list[Tok], k: int) -> bool:
    """After a comma: only a date and commas, then في (…، الجمعة، في باريس)."""
    while k < len(toks) and (toks[k].timex or (toks[k].punct and toks[k].token.text in "،,()")):
        k += 1
    return k < len(toks) and toks[k].token.norm in ("في", "وفي")


_OPENS_REACH = 6  # characters from a trigger to the content of a quote it opens (، داعيا إلى …)


def attach_quote(doc: Document, c: Cand, quotes: list | None = None) -> None:
    """The first quote whose content holds the trigger; ``quotes``: those overlapping its sentence (in
    document order), when the caller has them, else all of the document's."""
    for q in doc.quotes if quotes is None else quotes:
        if q.content.start <= c.start < q.content.end:
            c.quote = q.id
            if q.speaker is not None and q.speaker.entity and doc.entity(q.speaker.entity) is not None:
                c.speaker = q.speaker.entity
            return
        if (
            c.end <= q.content.start <= c.end + _OPENS_REACH
            and q.speaker is not None
            and q.speaker.entity
            and c.introduces is None
        ):
            c.introduces = q.speaker.entity  # داعيا إلى فتح المعابر: the words it opens are the speaker's


SESSION_DAYS = 7  # how far before the publication date the session the article reports may lie


def session_date(doc: Document, lead: int | None) -> Timex | None:
    """The day of the session or meeting an article reports: the first day-precise date of its lead (block
    ``lead``, the first paragraph of the body), before the publication date and at most SESSION_DAYS before it."""
    if not doc.published or len(doc.published) < 10 or lead is None:
        return None
    lead = doc.blocks[lead]
    try:
        pub = dt.date.fromisoformat(doc.published[:10])
    except ValueError:
        return None
    for x in sorted(doc.timexes, key=lambda x: x.start):
        if x.start < lead.start or x.type != "DATE":
            continue
        if x.start >= lead.end:
            break
        value = date_of(x.value) or ""
        if len(value) != 10:
            continue
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            continue
        return x if 0 < (pub - day).days <= SESSION_DAYS else None
    return None


def session_dates(doc: Document, cands: list[Cand], lead: Callable[[Document], int | None]) -> None:
    """وأكد البيان أن …، والتقى X على هامش الاجتماع نظيره: an act with no date of its own, in a sentence
    referring back to the session (or its statement) the article reports, or done by someone the lead names
    (the participants of the reported occasion: بحث فيدان … أمس الخميس …، متهما), happened on the day of that
    session, not on the publication day; others' reactions keep the publication day. ``lead`` finds the lead
    paragraph (called only when needed)."""
    refs = lexicon().session_refs
    x = None
    n: int | None = None  # the lead's block
    players: set[str] = set()  # the entities the lead names
    own: dict[str, str] = {}  # person -> his state (a minister acts for a state the lead names)
    refers: dict[int, bool] = {}  # sentence index -> whether it refers to the session
    for c in cands:
        if c.date_source != "published" or c.modality != "occurred":
            continue
        si = c.sent.index
        if si not in refers:
            refers[si] = any(not tk.ent and tk.token.forms[-1][1] in refs for tk in c.sent.toks)
        if x is None:
            n = lead(doc)
            x = session_date(doc, n) or False
            sides: set[str] | None = None
            if x and n is not None and _lead_strikes(doc, cands, n):
                # a lead reporting a strike, not a meeting: the reactions after it are of their own day; but in
                # a clash between two sides (اندلعت اشتباكات بين X و Y أمس السبت) what each side charges the
                # other with is told from that day
                sides = _clash_sides(doc, cands, n)
                x = x if sides else False
            if x and n is not None:
                players = sides if sides else _lead_actors(doc, n)
                own = person_states(doc.entities)
        if not x:
            return
        if not refers[si] and (
            doc.sentences[si].block <= (n or 0)  # the lead's own acts are dated by its own words
            or not any(e in players or own.get(e) in players for e in c.source)
        ):
            continue
        c.date, c.date_source, c.timex = date_of(x.value), "timex", x.id


_FORCE = frozenset({"ASSAULT", "COERCE"})


def _lead_strikes(doc: Document, cands: list[Cand], lead: int) -> bool:
    """The lead reports an attack, not an occasion people attend (a session, talks, a vote): its acts are
    the lead's types of force, with no consultation."""
    types = {c.trig.type for c in cands if doc.sentences[c.sent.index].block == lead}
    return bool(types & _FORCE) and "CONSULT" not in types


def _clash_sides(doc: Document, cands: list[Cand], lead: int) -> set[str]:
    """The two sides of a symmetric act of force (a clash) the lead reports, or none."""
    return {
        e
        for c in cands
        if doc.sentences[c.sent.index].block == lead and c.trig.type in _FORCE and c.symmetric
        for e in c.actors
    }


def _lead_actors(doc: Document, lead: int) -> set[str]:
    """The entities the lead names, with the states their capitals stand for (بغداد -> Iraq)."""
    from .actors import state_actors

    b = doc.blocks[lead]
    out = {e.id for e in doc.entities if any(b.start <= m.start < b.end for m in e.mentions)}
    states = state_actors(doc.entities)
    return out | {states[e] for e in out if e in states}


def frame_dates(cands: list[Cand]) -> None:
    """والتقى X نظيره Y على هامش التوقيع، في ختام القمة: an undated act on the sidelines (or at the close) of an
    occasion named by a definite event noun happened on that occasion's day: the date of the latest earlier
    event of that noun's type and mode, when its own expression dated it."""
    frames = lexicon().frame_nouns
    by_sent: dict[int, set] = {}  # sentence -> the (type, mode) of the occasions its frame words name
    for n, c in enumerate(cands):
        if c.date_source != "published" or c.modality != "occurred":
            continue
        kinds = by_sent.get(c.sent.index)
        if kinds is None:
            toks = c.sent.toks
            kinds = by_sent[c.sent.index] = {
                (e.trigger.type, e.trigger.mode)
                for k in range(len(toks) - 1)
                if toks[k + 1].entries and not toks[k].ent and toks[k].token.forms[-1][1] in frames
                for e in toks[k + 1].entries
                if toks[k + 1].token.forms[-1][1].startswith("ال") and e.trigger.pos == "noun"
            }
        if not kinds:
            continue
        occasion = next(
            (
                a
                for a in reversed(cands[:n])
                if (a.trig.type, a.trig.mode) in kinds and a.date_source == "timex" and a is not c
            ),
            None,
        )
        if occasion is not None and len(occasion.date or "") >= 10:
            c.date, c.date_source, c.timex = occasion.date, "timex", occasion.timex
