"""The time layer: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) with values resolved against the
publication date, which is inferred from the text when none was given (see ``infer.py``).

Only sentences are read (boilerplate has none). Layout: ``lexicon`` (data files), ``numbers`` (number words),
``patterns`` (the regexes), ``scan`` (which rule runs where), ``rules`` (matches -> mentions), ``cues`` (tense),
``anchor`` (year choice), ``resolve`` -> ``dates``, ``relative_values``, ``clock``, ``durations`` (values),
``zones``, ``hijri``, ``infer`` (publication date), ``ranges`` (linked pairs), ``story`` (what refers back to
days and months told before, quotations), ``compound`` (ساعة وخمس دقائق), ``cli`` (``rasd time``)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from ..document import Document, Sentence, Timex, fast_construct
from ..text.normalize import normalize, normalize_span
from .anchor import Anchor
from .compound import join_durations
from .cues import PROVISO, find_cues, proviso_cues, tense_at
from .infer import infer
from .lexicon import relative
from .patterns import AFTER_MIN, PREP_BEFORE, SINCE_BEFORE, day_word_before
from .people import role_years
from .ranges import link_ranges, undate_schedules
from .resolve import Context, Value, value_of
from .rules import Mention, find
from .scan import read_runs
from .story import Story, entity_spans, inside, names_in, overlaps, quoted_spans, within

__all__ = ["annotate", "find", "infer", "Anchor"]

# a relative pronoun and its verb right before a date, maybe with في/يوم/منذ/خلال between (التي جرت الأحد 6
# أكتوبر، الذي عقد في 6 أكتوبر): the date describes a noun. Not with more words between: in
# الهيئة التي يرأسها فلان الخميس the date is the main verb's.
# a relative pronoun, its verb, at most one prepositional phrase of two words (التي جنحت في المجرى الملاحي), then the
# date (the 40-character window read before a date bounds it further)
RELATIVE_CLAUSE = regex.compile(
    r"(?:^|\s)(?:التي|الذي|اللذين|اللتين|الذين|اللواتي|اللاتي)\s+\S+"
    r"(?:\s+(?:في|على|عن|من|الى|قرب|داخل|امام)\s+\S+(?:\s+\S+)?)?(?:\s+(?:في|يوم|منذ|خلال))?\s+$"
)
NEXT_DAY_GAP = 12  # characters between a clock time and the day it belongs to: " من صباح "
# between a clock time and a date after it: the date is not the time's day (a curfew's hours, then the days it
# applies from: من الساعة السابعة مساء إلى الساعة السادسة صباحا، بداية من 26 جويلية)
_NOT_OWN_DAY = regex.compile(r"[،,;؛]|(?:اعتبارا|بدايه|ابتداء)\s")


def _prep(norm: str, m: Mention) -> str | None:
    """قبل / بعد / منذ right before a duration, unless من follows (قبل يومين من الانتخابات)."""
    if m.kind not in ("duration", "duration_bare"):
        return None
    pm = PREP_BEFORE.search(norm, max(0, m.nstart - 12), m.nstart)
    if not pm or AFTER_MIN.match(norm, m.nend):
        return None
    return pm.group("prep")


def _safe_value(m: Mention, ctx: Context, prep: str | None) -> Value:
    try:
        return value_of(m, ctx, prep)
    except (ValueError, KeyError, OverflowError, TypeError):
        return Value("DATE", None)  # a malformed match must not stop the article


_TOLD_KINDS = ("date", "numeric_date", "month", "day_rel_month")  # expressions that name a month


EVENT_GAP = 90  # characters from من to the event's date: "من الانتخابات الرئاسية في تركيا المقررة في "
_DAYS = regex.compile(r"P\d+D")
_CLAUSE_BREAK = regex.compile(r"[،,.؛;:!?؟]")


def _days_from_event(norm: str, mentions: list[Mention], values: list[Value | None]) -> None:
    """``قبل أربعة أيام (فقط) من الانتخابات … المقررة في 14 ماي``: a number of days before/after an event whose
    calendar date the same clause writes next is a day counted from that date (2023-05-10), not from the
    publication date; without one it stays a duration (P4D; ``بعد أربعة أيام من ضربات استهدفت يوم الجمعة
    الماضي`` too: a relative day is not taken). Only days: weeks and months would need a granularity rule."""
    for i, m in enumerate(mentions):
        v = values[i]
        if m.kind != "duration" or v is None or v.type != "DURATION" or m.parts.get("mod"):
            continue
        if not v.value or not _DAYS.fullmatch(v.value):
            continue
        pm = PREP_BEFORE.search(norm, max(0, m.nstart - 12), m.nstart)
        after = AFTER_MIN.match(norm, m.nend)
        if pm is None or pm.group("prep") not in ("قبل", "بعد") or after is None:
            continue
        for j in range(i + 1, len(mentions)):
            e, ev = mentions[j], values[j]
            if e.nstart - after.end() > EVENT_GAP or _CLAUSE_BREAK.search(norm, m.nend, e.nstart):
                break
            if (
                ev is not None
                and ev.type == "DATE"
                and ev.day is not None
                and e.kind in ("date", "numeric_date")
            ):
                n = int(v.value[1:-1]) * (-1 if pm.group("prep") == "قبل" else 1)
                try:
                    day = ev.day + dt.timedelta(days=n)
                except (OverflowError, ValueError):
                    break  # an absurd count (قبل 9999999 يوما من …): it stays a duration
                values[i] = Value("DATE", day.isoformat(), None, ev.anchored, day)
                break


# قبلها/بعده/بعد ذلك + ب right before a count of days (اجتماع تحضيري قبلها بيومين): before/after the day just told
_THEN_BY = regex.compile(r"(?:^|\s)[وف]?(?P<prep>قبل|بعد|عقب)(?:ها|ه|هما|هم|\s+ذلك)\s+ب$")
# بعد يومين من/على الزلزال: counted from an event named next (see _days_from_event), not from the day told
_OF_EVENT = regex.compile(r"\s+(?:(?:فقط|تقريبا)\s+)?(?:من|علي)\s")
_DAYS_OR_WEEKS = regex.compile(r"P(?P<n>\d+)(?P<u>[DW])")


_COMMA_AFTER = regex.compile(r"\s*[،,]")


def _opens_with(norm: str, pm: regex.Match | None, m: Mention) -> bool:
    """Whether ``بعد`` + the count opens the sentence and a comma closes it (``وبعد ثلاثة أيام، …``)."""
    return pm is not None and not norm[: pm.start()].strip() and _COMMA_AFTER.match(norm, m.nend) is not None


def _counted_from_told(
    norm: str,
    mentions: list[Mention],
    tenses: list,
    values: list[Value],
    story: Story,
    block: int,
    si: int,
) -> None:
    """A number of days or weeks counted from the day just told (earlier in the sentence, else in the paragraph
    at most two sentences back), not from the publication date: ``قبلها بيومين`` after ``يوم الجمعة 19 مايو``
    is 17 May; in a story told in the past, ``بعد ثلاثة أيام`` with no ``من`` after it (``استقبل الرئيس
    المعارض في 19 ديسمبر… واستدعت باماكو سفيرها بعد ثلاثة أيام``) is three days after the day told, 22
    December. With no day told before, or told in the future, they stay durations."""
    for i, m in enumerate(mentions):
        v = values[i]
        if m.kind not in ("duration", "duration_bare") or v.type != "DURATION" or v.mod or not v.value:
            continue
        dm = _DAYS_OR_WEEKS.fullmatch(v.value)
        if dm is None:
            continue
        then = _THEN_BY.search(norm, max(0, m.nstart - 12), m.nstart)
        if then is not None:
            sign = -1 if then.group("prep") == "قبل" else 1
        else:
            pm = PREP_BEFORE.search(norm, max(0, m.nstart - 12), m.nstart)
            if (
                pm is None
                or pm.group("prep") != "بعد"
                or tenses[i] == "future"
                or _OF_EVENT.match(norm, m.nend)
            ):
                continue
            sign = 1
        day = next(
            (values[j].day for j in range(i - 1, -1, -1) if values[j].day and values[j].type == "DATE"),
            None,
        ) or story.day_in_block(m.start, block, si)
        if day is None and then is None and _opens_with(norm, pm, m):
            # وبعد ثلاثة أيام، دان …: a sentence opened by the count moves the story on from the last day told,
            # in whichever paragraph (a background one too: it is the story being told)
            day = story.last_told(m.start)
        written = story.anchor.date if story.anchor is not None else None
        if day is None or (then is None and written is not None and day > written):
            continue
        n = int(dm.group("n")) * (7 if dm.group("u") == "W" else 1)
        try:
            day += dt.timedelta(days=sign * n)
        except (OverflowError, ValueError):
            continue  # an absurd count stays a duration
        if then is None and written is not None and day > written:
            # told in the past, yet after the day of writing (أعلن الأحد انسحابه بعد ثلاثة أيام): no day of the story
            continue
        values[i] = Value("DATE", day.isoformat(), None, False, day)


# characters from a year written alone to a day and month without one that may take it (في عام 2012، وتحديدا في 3
# ديسمبر); further on, the year alone most often dates something else (اتفاقية عام 1948 … في 7 أكتوبر)
YEAR_HINT_GAP = 30


def _resolve_sentence(
    norm: str, mentions: list[Mention], tenses: list, anchor: Anchor | None, story: Story
) -> list[Value]:
    """Dates first; then clock times, which take the day of a date right after them (الساعة العاشرة من صباح
    الأحد), else of the last date before them in the sentence, else the day of the events told before (see
    ``story.py``), else the anchor's day."""
    values: list[Value | None] = [None] * len(mentions)
    hint: Anchor | None = None
    bare_year_end: int | None = None  # where a hint written as a year alone (عام 1979) ends
    for i, (m, tense) in enumerate(zip(mentions, tenses, strict=True)):
        if not m.kind.startswith("time"):
            h = hint
            if bare_year_end is not None and m.nstart - bare_year_end > YEAR_HINT_GAP:
                h = None
            ctx = Context(anchor, tense, None, h, story.month)
            v = values[i] = _safe_value(m, ctx, _prep(norm, m))
            if v.explicit_year and v.value and v.value[:4].isdigit():
                hint = Anchor.parse(v.value)
                bare_year_end = m.nend if len(v.value) == 4 else None
            if m.kind in _TOLD_KINDS:
                story.name_month(v.value)
    if any(m.kind == "duration" for m in mentions):
        _days_from_event(norm, mentions, values)
    for i, (m, tense) in enumerate(zip(mentions, tenses, strict=True)):
        if values[i] is not None:
            continue
        day = None
        nxt = values[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.day
            and mentions[i + 1].nstart - m.nend <= NEXT_DAY_GAP
            and not _NOT_OWN_DAY.search(norm, m.nend, mentions[i + 1].nstart)
        ):
            day = nxt.day
        else:
            for j in range(i - 1, -1, -1):
                v = values[j]
                if v is not None and v.day and not mentions[j].kind.startswith("time"):
                    day = v.day
                    break
        told = story.day_of_clock(m.start) if day is None else None
        if told is not None and tense == "future" and anchor is not None and told < anchor.date:
            told = None  # ويعقد المجلس جلسة عند الساعة الرابعة: planned, not on a past day told before
        if told is not None and "منتصف" in (m.parts.get("pod") or "") and anchor and told < anchor.date:
            # بعد منتصف الليل after a day told before the day of writing: the night that ends it
            told += dt.timedelta(days=1)
        values[i] = _safe_value(m, Context(anchor, tense, day or told), None)
        if told is not None:
            values[i].anchored = True  # the day comes from the context, as the anchor's would
    return values  # type: ignore[return-value]


def _twelve_hours_on(mentions: list[Mention], values: list[Value]) -> None:
    """``الساعة التاسعة مساء بتوقيت الرياض (السادسة بتوقيت غرينتش)``: an hour written without a part of day
    right after a zoned time is its equivalent in another zone; read as the 12-hour value that gives the same
    instant (18:00Z), when the morning reading does not."""
    for i in range(1, len(mentions)):
        m, v, prev = mentions[i], values[i], values[i - 1]
        if m.kind != "time_words" or m.parts.get("pod") or "zone" not in m.parts or prev.type != "TIME":
            continue
        if not (v.value and prev.value and v.value[:1].isdigit() and prev.value[:1].isdigit()):
            continue
        try:
            here, there = dt.datetime.fromisoformat(v.value), dt.datetime.fromisoformat(prev.value)
        except ValueError:
            continue
        if here.tzinfo is None or there.tzinfo is None or here.hour >= 12 or here == there:
            continue
        later = here + dt.timedelta(hours=12)
        if later == there:
            values[i].value = v.value[:11] + later.strftime("%H:%M") + v.value[16:]


# characters between a zoned time and its equivalent in another zone (" فجر الأحد بتوقيت القدس (")
_SAME_INSTANT_GAP = 40


def _same_instant_day(mentions: list[Mention], values: list[Value]) -> None:
    """``الساعة 1:40 فجر الأحد بتوقيت القدس (22:40 بتوقيت غرينتش)``: a zoned time right after another zoned time
    that names the same instant on the other side of midnight is on the day that instant falls in that zone
    (Saturday 22:40Z), not on the day of the first."""
    prev: int | None = None
    for i, (m, v) in enumerate(zip(mentions, values, strict=True)):
        if v.type != "TIME" or not v.value or not v.value[:1].isdigit():
            continue
        if prev is not None and m.nstart - mentions[prev].nend <= _SAME_INSTANT_GAP and "zone" in m.parts:
            try:
                here, there = (
                    dt.datetime.fromisoformat(v.value),
                    dt.datetime.fromisoformat(values[prev].value),
                )
            except (TypeError, ValueError):
                here = there = None
            if here is not None and here.tzinfo is not None and there.tzinfo is not None:
                same = there.astimezone(here.tzinfo)
                if same.time() == here.time() and abs((same.date() - here.date()).days) == 1:
                    v.value = same.date().isoformat() + v.value[10:]
                    v.day = same.date()
        prev = i


_LATER = ("في وقت لاحق", "لاحقا")


def _later_in_past(mentions: list[Mention], tenses: list, values: list[Value]) -> None:
    """``في وقت لاحق``/``لاحقا`` in a sentence told in the past (``وفي وقت لاحق، أعلنت القيادة``, ``واستقبل
    الرئيس في وقت لاحق من اليوم``) is later than the events just told, still before the day of writing:
    PAST_REF, not FUTURE_REF. With a future cue (``سيغادرون في وقت لاحق``) it stays FUTURE_REF. (The mention
    stays: the event layer reads it as a time adjunct.)"""
    for m, t, v in zip(mentions, tenses, values, strict=True):
        if t == "past" and m.kind == "phrase" and v.value == "FUTURE_REF":
            if " ".join(m.parts["phrase"].split()) in _LATER:
                v.value = "PAST_REF"


def _speech_day(
    mentions: list[Mention], values: list[Value], quote: tuple[int, int], story: Story
) -> dt.date | None:
    """The day words quoted at ``quote`` were said: a day in their sentence outside the quotation (the nearest
    before it first), else the day of the events told before (``story.recent_day``)."""
    before = after = None
    for m, v in zip(mentions, values, strict=True):
        if v.day is None or m.kind.startswith("time") or (quote[0] <= m.start and m.end <= quote[1]):
            continue
        if m.end <= quote[0]:
            before = v.day
        elif after is None:
            after = v.day
    return before or after or story.recent_day(quote[0], past_only=True)


# a sentence opened by كان … قد (the pluperfect): what it tells happened before the events reported
_PLUPERFECT = regex.compile(r"^\W*[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,7}?قد\s")
_OPENING = 80  # characters of a paragraph's opening read for the pluperfect


def _pluperfect_paragraph(doc: Document, block: int) -> bool:
    """Whether paragraph ``block`` opens in the pluperfect (``وكانت قطر قد استضافت الخميس الماضي اجتماعا …
    واستقبل وزير الخارجية أمس …``): background. Read only when a clock time or ``اليوم نفسه`` asks."""
    b = doc.blocks[block]
    return _PLUPERFECT.match(normalize(doc.text[b.start : min(b.end, b.start + _OPENING)])) is not None


_REFERRING = ("phrase", "rel_unit")  # the kinds _refer_back may change
_NEXT_PREVIOUS = {"التالي": 1, "السابق": -1}  # after اليوم: the day after / before the one told


def _is_today(m: Mention) -> bool:
    """اليوم, الليلة, هذا الصباح: a phrase for the day of speaking itself (offset D0)."""
    return relative()["phrase"][" ".join(m.parts["phrase"].split())][1].startswith("D0")


def _refer_back(
    doc: Document,
    sent: Sentence,
    si: int,
    mentions: list[Mention],
    values: list[Value],
    story: Story,
    quotes_of: dict[int, list[tuple[int, int]]],
) -> list[bool]:
    """Re-resolve what counts from a day told rather than from the publication date; returns which mentions
    to keep (``ذلك اليوم`` with no day told before it in its paragraph is dropped)."""
    keep = [True] * len(mentions)

    def told_before(i: int) -> dt.date | None:
        return next(
            (values[j].day for j in range(i - 1, -1, -1) if values[j].day and values[j].type == "DATE"),
            None,
        ) or story.day_in_block(mentions[i].start, sent.block, si)

    def told_last(i: int) -> dt.date | None:
        return next(
            (values[j].day for j in range(i - 1, -1, -1) if values[j].day and values[j].type == "DATE"),
            None,
        ) or story.last_day(mentions[i].start, sent.block)

    for i, (m, v) in enumerate(zip(mentions, values, strict=True)):
        if m.kind == "rel_unit" and m.parts.get("unit") == "اليوم" and m.parts.get("rel") in _NEXT_PREVIOUS:
            # في اليوم التالي: the day after the day just told, else after the last day told in an earlier
            # paragraph (وفي اليوم التالي، opening a paragraph after the one that told the day); with none told,
            # the day after the anchor's
            day = told_before(i) or story.last_day(m.start, sent.block)
            if day is not None:
                day += dt.timedelta(days=_NEXT_PREVIOUS[m.parts["rel"]])
                values[i] = Value("DATE", day.isoformat(), None, False, day)
            continue
        if m.kind != "phrase":
            continue
        if m.parts.get("ana") or m.parts.get("same"):
            # ذلك اليوم: a day just told in the paragraph; اليوم نفسه: the last day told, wherever
            day = told_before(i) if m.parts.get("ana") else told_last(i)
            if day is None:
                keep[i] = False
            else:
                values[i] = Value("DATE", day.isoformat(), None, False, day)
            continue
        if not v.anchored or v.day is None or not _is_today(m):
            continue
        if sent.block not in quotes_of:
            b = doc.blocks[sent.block]
            quotes_of[sent.block] = quoted_spans(doc.text, b.start, b.end)
        quote = inside(quotes_of[sent.block], m.start, m.end)
        if quote is None:
            continue
        said = _speech_day(mentions, values, quote, story)
        if said is not None and (story.anchor is None or said != story.anchor.date):
            values[i] = _safe_value(m, Context(Anchor(said.year, said.month, said.day)), None)
    return keep


def _name_word(m: Mention) -> bool:
    """A weekday or a phrase (الغد) alone, words that also name places and bodies (سوق الجمعة, "الغد"): inside
    a longer entity mention, such a word is part of the name, not a date. With a part of day (صباح الثلاثاء)
    it is a date whatever the entity layer says (صباح is also a given name)."""
    return m.kind in ("weekday", "phrase") and not m.parts.get("podc")


def _publication_clues(sentences: list) -> tuple[frozenset[int], list[tuple[int, int]]]:
    """What the publication-date inference reads around the mentions (see ``infer.py``): the ``id()`` of the
    dates that tell a background (after ``منذ``; in a relative clause without a weekday: ``الشغور الذي بدأ في 31
    تشرين الأول 2022``), and ``(weekday, days from publication)`` of the weekday + date written after a day
    counted from the writing (``أمس الأحد، الموافق 18 ذو القعدة``)."""
    background: set[int] = set()
    day_words: list[tuple[int, int]] = []
    for _, _, norm, mentions, _ in sentences:
        since = "منذ" in norm  # (most sentences have neither: no regex is tried)
        rel = "الذي" in norm or "التي" in norm or "الل" in norm
        pluperfect = None  # read once, for a bare weekday
        for m in mentions:
            if m.kind == "weekday" and not m.parts.get("rel"):
                # a bare weekday in a sentence opened by وكان … قد, or in a relative clause, is background: it
                # does not move the publication date after the latest day told (infer._days_after)
                if pluperfect is None:
                    pluperfect = _PLUPERFECT.match(norm) is not None
                if pluperfect or (rel and RELATIVE_CLAUSE.search(norm, max(0, m.nstart - 40), m.nstart)):
                    background.add(id(m))
                continue
            if m.kind not in ("date", "numeric_date", "month") or not (
                m.parts.get("year") or m.parts.get("weekday")
            ):
                continue  # (only a date with its year or weekday can be a candidate day or give a month's year)
            if (since and SINCE_BEFORE.search(norm, max(0, m.nstart - 60), m.nstart)) or (
                rel
                and not m.parts.get("weekday")
                and RELATIVE_CLAUSE.search(norm, max(0, m.nstart - 40), m.nstart)
            ):
                background.add(id(m))
            if m.kind == "date" and m.parts.get("weekday") and not m.parts.get("today"):
                w = day_word_before().search(norm, max(0, m.nstart - 24), m.nstart)
                entry = relative()["phrase"].get(w.group("dw")) if w else None
                if entry is not None:
                    day_words.append((m.parts["weekday"], int(entry[1][1:])))
    return frozenset(background), day_words


# a title in quotation marks ending in a time word after a noun of the press: الجريدة الرسمية "الكويت اليوم"
_QUOTED_TITLE = regex.compile(r"[\"«“](?P<words>[^\"«“»”\n]{1,40})$")
_CLOSE_QUOTE = regex.compile(r"\s*[\"»”]")
_ANY_CLOSER = regex.compile(r"[\"»”]")
_MEDIUM_BEFORE = 3  # words between the noun of the press and the quotation (an adjective: الرسمية)


@lru_cache(maxsize=1)
def _media_nouns() -> frozenset[str]:
    """The nouns of ``name_noun`` in ``relative_time.tsv`` marked ``press`` (صحيفة، قناة…), normalized."""
    return frozenset(n for n, (_, v) in relative()["name_noun"].items() if v == "press")


def _quoted_title(text: str, m: Mention, floor: int) -> bool:
    """A time word closing a short quotation after a noun of the press (``الجريدة الرسمية "الكويت اليوم"``,
    ``لقناة «روسيا اليوم»``): a title, not a date. Quoted words said by someone (``"ستجتمع اليوم"``) keep
    their date."""
    if m.kind != "phrase" or m.parts.get("podc") or not _CLOSE_QUOTE.match(text, m.end):
        return False
    q = _QUOTED_TITLE.search(text, max(floor, m.start - 41), m.start)
    if q is None or len(q.group("words").split()) > 3:
        return False
    before = normalize(text[max(floor, q.start() - 40) : q.start()]).split()[-_MEDIUM_BEFORE:]
    media = _media_nouns()
    return any(
        w.removeprefix("و").removeprefix("ل").removeprefix("ب").removeprefix("ال") in media for w in before
    )


# what may stand between a holiday and the date that tells its day (يوم عرفة 9 ذي الحجة، بعيد الفطر الأربعاء 10
# أبريل، بالمولد النبوي في 12 ربيع الأول، بعيد الأضحى في اليوم التالي، بعيد الفطر غدا)
_HOLIDAY_DATE_GAP = regex.compile(r"\s*(?:[،,]\s*)?(?:(?:في|يوم|الموافق)\s+)?")
_DAY_KINDS = ("date", "numeric_date", "weekday", "day_rel_month")


def _names_a_day(m: Mention) -> bool:
    """``اليوم التالي``, ``غدا``: a relative expression that names one day."""
    if m.kind == "rel_unit":
        return m.parts.get("unit") == "اليوم"
    if m.kind == "phrase" and not m.parts.get("podc"):
        entry = relative()["phrase"].get(" ".join(m.parts["phrase"].split()))
        return entry is not None and entry[1][:1] == "D"
    return False


def _undated_holidays(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the holidays whose day the date right after them writes out (the date is the
    expression reported, as before holidays were read)."""
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            m.kind == "holiday"
            and nxt is not None
            and (nxt.kind in _DAY_KINDS or _names_a_day(nxt))
            and _HOLIDAY_DATE_GAP.fullmatch(norm, m.nend, nxt.nstart)
        ):
            continue
        out.append(m)
    return out


def annotate(doc: Document, today: dt.date | None = None, **kwargs) -> Document:
    """Fill ``doc.timexes``; set ``doc.published`` (source "inferred") when it is missing and can be inferred.
    ``today`` stands for the clock when inferring a year (tests fix it). The entity layer's mentions, when it
    has run, keep tense cues out of names (ستيفان is not سـ + a verb)."""
    names: list[tuple[int, int]] | None = None  # the entity mentions' spans, read when a cue is found
    sentences = []
    for si, s in enumerate(doc.sentences):
        runs = read_runs(doc.text[s.start : s.end].split())
        if runs is None:
            continue  # most sentences: no rule could run (read run by run from a cache, without normalizing)
        norm, offs = normalize_span(doc.text, s.start, s.end)
        norm, mentions = find(doc.text, s.start, s.end, norm, offs, runs)
        if mentions and doc.entities and any(_name_word(m) for m in mentions):
            if names is None:
                names = entity_spans(doc)
            local = names_in(names, s.start, s.end)
            mentions = [m for m in mentions if not _name_word(m) or not within(local, m.start, m.end)]
        if mentions and _ANY_CLOSER.search(doc.text, s.start, s.end):
            mentions = [m for m in mentions if not _quoted_title(doc.text, m, s.start)]
        if any(m.kind == "holiday" for m in mentions):
            mentions = _undated_holidays(norm, mentions)
        if mentions:
            cues = find_cues(norm, runs.cue_words) if runs.cue_words else []
            if PROVISO in norm:
                cues = sorted(cues + proviso_cues(norm))
            if cues and doc.entities:
                if names is None:
                    names = entity_spans(doc)
                local = names_in(names, s.start, s.end)
                if local:
                    cues = [c for c in cues if not overlaps(local, offs[c[0]], offs[c[1] - 1] + 1)]
            tenses = (
                [tense_at(cues, m.nstart, m.nend, norm) for m in mentions] if cues else [None] * len(mentions)
            )
            sentences.append((si, s, norm, mentions, tenses))
    anchor = Anchor.parse(doc.published)
    if doc.published is None:
        items = [(m, t) for _, _, _, ms, ts in sentences for m, t in zip(ms, ts, strict=True)]
        background, day_words = _publication_clues(sentences)
        clock_year = (today or dt.date.today()).year
        anchor = infer(
            items, today, background, lru_cache(maxsize=1)(lambda: role_years(doc, clock_year)), day_words
        )
        if anchor is not None:
            doc.published = anchor.iso()
            doc.published_source = "inferred"
    story = Story(anchor, opens_in_pluperfect=lambda block: _pluperfect_paragraph(doc, block))
    quotes_of: dict[int, list[tuple[int, int]]] = {}
    resolved: list[tuple[Mention, Value]] = []
    for si, sent, norm, mentions, tenses in sentences:
        values = _resolve_sentence(norm, mentions, tenses, anchor, story)
        if "لاحق" in norm:
            _later_in_past(mentions, tenses, values)
        if "بعد" in norm or "قبل" in norm or "عقب" in norm:
            _counted_from_told(norm, mentions, tenses, values, story, sent.block, si)
        if len(mentions) > 1:
            join_durations(norm, mentions, values)  # ساعة وخمس دقائق: one amount
            _twelve_hours_on(mentions, values)
            _same_instant_day(mentions, values)
        if any(m.kind in _REFERRING for m in mentions):
            keep = _refer_back(doc, sent, si, mentions, values, story, quotes_of)
            items = [(m, v) for m, v, k in zip(mentions, values, keep, strict=True) if k]
        else:
            items = list(zip(mentions, values, strict=True))
        link_ranges(norm, items)
        undate_schedules(items)
        for m, v in items:
            if v.day is not None and v.type == "DATE":
                # a day told in a relative clause describes a noun; a range's ends (بين 10 و12 ديسمبر) tell a
                # period: neither is the day of a clock time told later without one
                rel = (
                    m.link_to is not None
                    or m.link_from is not None
                    or RELATIVE_CLAUSE.search(norm, max(0, m.nstart - 40), m.nstart) is not None
                )
                today = (
                    m.kind == "phrase" and not (m.parts.get("same") or m.parts.get("ana")) and _is_today(m)
                )
                story.tell_day(m.start, sent.block, si, v.day, rel, today)
        resolved.extend(items)
    ids = {id(m): f"t{i + 1}" for i, (m, _) in enumerate(resolved)}
    anchor_iso = anchor.iso() if anchor else None
    for m, v in resolved:
        doc.timexes.append(
            fast_construct(  # every field is ours and already of its type: no validation needed
                Timex,
                start=m.start,
                end=m.end,
                text=doc.text[m.start : m.end],
                id=ids[id(m)],
                type=v.type,
                value=v.value,
                mod=v.mod,
                anchor=anchor_iso if v.anchored else None,
                range_to=ids.get(id(m.link_to)) if m.link_to is not None else None,
                range_from=ids.get(id(m.link_from)) if m.link_from is not None else None,
            )
        )
    return doc
