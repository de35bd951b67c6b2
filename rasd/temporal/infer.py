"""Inferring the publication date from the text when none was given.

Evidence, strongest first:
0. A date written as today's (``اليوم الثلاثاء 15 أفريل``, ``اليوم الخميس 15 رمضان 1444 هـ``) is the publication
   date, whatever tense cue stands near it (a name such as ستيفان can look like a future verb); its year, when
   not written, comes from the weekday as in 1.
1. A weekday written with a day and month and no year (``الخميس 30 ديسمبر``) fixes the year among the years in
   which that day falls on that weekday, from the latest year written in the article that is not after the
   current one (``بحلول 2050`` does not count; an article mentions its own year or earlier ones) up to next
   year (none written: the last 40 years). Several fit (``الثلاثاء 3 كانون الثاني``: 2017 and 2023), so:
   a. the year in office of the most people the entity layer linked to the knowledge base (their roles'
      ``start``/``end`` years: a minister in office since 2022 dates the article 2023, not 2017);
   b. failing a single best year there, the first fitting year up to three years after the written one;
   c. failing that, the latest one not after the current year (an old year such as ``حزيران 2007`` or
      ``اجتاحتها في 2014`` does not date the article: news is recent, and not from the future); else next year.
2. Absolute dates with day, month and year (Hijri ones converted), except background ones: after ``منذ``
   (``منذ 25 آذار 2023``, ``منذ الانتخابات التي جرت في 10 تشرين الأول 2021``: when something began) or in a
   relative clause without a weekday (``الشغور الذي بدأ في 31 تشرين الأول 2022``: it describes a noun). They
   still bound the year, and the publication is not before them: when one is later than every candidate
   day, nothing is inferred (the report is later than all we can read).
The latest of the dates of 1 and 2 that is not in a future context is the day of the latest events told; when
some are told with their weekday, a date of 2 more than ``ANNOUNCED_AFTER`` days after the latest of those is
taken as announced, not told (``أعلن الخميس 24 آب أن العضوية تصبح نافذة اعتبارا من 1 كانون الثاني 2024``: an
imperfect verb is no reliable cue of the future).
3. A weekday named with a relative day (``اليوم السبت``, ``فجر اليوم الأربعاء``, ``أمس الخميس``, ``غدا
   الأحد``) gives the weekday of publication (Saturday; Wednesday; Friday; Saturday): the publication date is
   the first day on that weekday not before the date of 0, or of 1–2 (events of Friday the 10th told in an
   article that says ``اليوم السبت`` were published on Saturday the 11th). Without such a date the weekday alone
   dates nothing. When the weekdays named disagree, those counted from ``اليوم`` win, then the most named.
4. Without such a weekday of publication, a bare weekday told in the past one or two days after the latest day
   of 1–2 (``فجر الاثنين 3 تموز`` … ``مساء الثلاثاء``) continues the story: the report is not before it.
Failing 0–2, a month marked ``الحالي``/``الجاري`` gives the month, with its year taken from a written date of
that month. Otherwise nothing is inferred and relative expressions keep partial or empty values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from .anchor import Anchor
from .lexicon import relative
from .resolve import Context, value_of
from .rules import Mention
from .values import direction_of

MAX_YEARS = 40  # how far from the bound we look for a year with the right weekday
ANNOUNCED_AFTER = 7  # days after the last day told with a weekday past which a written date is announced
NEAR_YEARS = 3  # a written year dates the article when the weekday fits within this many years after it

# the years each person named held a role, as (start, end) pairs; asked for only when several years fit
RoleYears = Callable[[], list[list[tuple[int, int]]]]


def _fits(month: int, day: int, weekday: int, y: int) -> bool:
    try:
        return dt.date(y, month, day).isoweekday() == weekday
    except ValueError:
        return False


def _weekday_year(
    month: int,
    day: int,
    weekday: int,
    lower: int | None,
    clock_year: int,
    role_years: RoleYears | None = None,
) -> int | None:
    """The year of a weekday + day + month written without one (rule 1 above)."""
    first = lower if lower is not None else clock_year - MAX_YEARS
    fitting = [y for y in range(first, clock_year + 2) if _fits(month, day, weekday, y)]
    if not fitting:
        return None if lower is None else _weekday_year(month, day, weekday, None, clock_year, role_years)
    if fitting[0] <= clock_year:
        fitting = [
            y for y in fitting if y <= clock_year
        ]  # news is not from the future: next year only as a last resort
    if len(fitting) > 1 and role_years is not None:
        people = role_years()
        if people:
            score = {y: sum(any(s <= y <= e for s, e in spans) for spans in people) for y in fitting}
            best = max(score.values())
            top = [y for y in fitting if score[y] == best]
            if best > 0 and len(top) == 1:
                return top[0]
            fitting = top if best > 0 else fitting
    if lower is not None:
        near = [y for y in fitting if y <= lower + NEAR_YEARS]
        if near:
            return near[0]
    return fitting[-1] if fitting[-1] <= clock_year else fitting[0]


def _publication_weekday(
    items: Iterable[tuple[Mention, str | None]], day_words: Iterable[tuple[int, int]] = ()
) -> int | None:
    """The weekday of publication told by ``اليوم السبت``, ``أمس الخميس``… (rule 3), or ``None``;
    ``day_words`` adds ``(weekday, days from publication)`` pairs read before dates (``أمس الأحد، الموافق…``)."""
    today: Counter[int] = Counter()
    other: Counter[int] = Counter()
    for wd, shift in day_words:
        other[(wd - 1 - shift) % 7 + 1] += 1
    for m, _ in items:
        p = m.parts
        if m.kind != "phrase" or not p.get("wd2") or p.get("ana") or p.get("same"):
            continue
        entry = relative()["phrase"].get(" ".join(p["phrase"].split()))
        if entry is None or not entry[1].startswith("D"):
            continue
        offset = entry[1][1:].split("T")[0]
        try:
            shift = int(offset)
            wd = _wd2(p["wd2"])
        except (ValueError, KeyError):
            continue
        (today if shift == 0 else other)[(wd - 1 - shift) % 7 + 1] += 1
    votes = today or other
    return votes.most_common(1)[0][0] if votes else None


def _wd2(name: str) -> int:
    from .rules import _weekday  # the weekday names' table, read as the rules read it

    return _weekday(name)


FOLLOWING_DAYS = 2  # how many days after the latest day told a bare weekday told in the past may lie


def _days_after(
    d: dt.date, items: Iterable[tuple[Mention, str | None]], background: frozenset[int] = frozenset()
) -> int:
    """How many days after ``d`` (the latest day told) the events told on a bare weekday lie: a weekday told
    in the past, with no direction word, one or two days after ``d`` (``فجر الاثنين 3 تموز`` … ``مساء
    الثلاثاء``) continues the story, so the report is not before it; a weekday further on is the one before
    (``الأحد``, six days after a Monday, is the day before it). Weekdays in ``background`` (a pluperfect
    sentence, a relative clause) do not count."""
    most = 0
    for m, tense in items:
        p = m.parts
        if m.kind != "weekday" or p.get("rel") or tense == "future" or not p.get("weekday"):
            continue
        if id(m) in background:
            continue
        k = (p["weekday"] - d.isoweekday()) % 7
        if k <= FOLLOWING_DAYS:
            most = max(most, k)
    return most


def _on_weekday(d: dt.date, weekday: int | None) -> dt.date:
    """The first day on ``weekday`` not before ``d``."""
    return d if weekday is None else d + dt.timedelta(days=(weekday - d.isoweekday()) % 7)


def infer(
    items: list[tuple[Mention, str | None]],
    today: dt.date | None = None,
    background: frozenset[int] = frozenset(),
    role_years: RoleYears | None = None,
    day_words: Iterable[tuple[int, int]] = (),
) -> Anchor | None:
    """The publication date from ``(mention, tense)`` pairs, or ``None``. ``background`` holds the ``id()`` of
    the dates that tell a background (after ``منذ``, in a relative clause: they bound the year but are not the
    day reported); ``role_years`` gives the role years of the people named (rule 1a); ``day_words`` the
    weekdays read before dates (rule 3)."""
    clock = today or dt.date.today()
    clock_year = clock.year
    explicit: list[tuple[Mention, dt.date | None, int]] = []
    for m, tense in items:
        if tense == "future" or direction_of(m.parts.get("rel")) == 1:
            continue
        if m.kind not in ("date", "numeric_date", "month", "year"):
            continue  # (a Hijri date with its year counts: its value is the converted Gregorian day)
        try:
            v = value_of(m, Context(None, tense))
        except (ValueError, KeyError, OverflowError, TypeError):
            continue
        if v.explicit_year and v.value and v.value[:4].isdigit() and int(v.value[:4]) <= clock_year + 1:
            explicit.append((m, v.day, int(v.value[:4])))
    # the latest year the article writes, not counting years still to come (بحلول 2030)
    lower = max((y for _, _, y in explicit if y <= clock_year), default=None)
    limit = clock + dt.timedelta(days=1)
    weekday = _publication_weekday(items, day_words)
    for m, _ in items:
        if m.kind == "date" and m.parts.get("today") and m.parts.get("rel") is None:
            d = _today_day(m, lower, clock_year, role_years)
            if d is not None and d <= limit:
                return Anchor(d.year, d.month, d.day)
    days = [d for m, d, _ in explicit if d is not None and id(m) not in background]
    # the days told with their weekday (الخميس 24 آب): the events reported lie there
    weekday_days = [
        d for m, d, _ in explicit if d is not None and id(m) not in background and m.parts.get("weekday")
    ]
    for m, tense in items:
        p = m.parts
        if m.kind != "date" or p.get("year") or p.get("calendar") != "gregorian" or not p.get("weekday"):
            continue
        if tense == "future" or direction_of(p.get("rel")) == 1 or id(m) in background:
            continue
        y = _weekday_year(p["month"], p["day"], p["weekday"], lower, clock_year, role_years)
        if y is not None:
            days.append(dt.date(y, p["month"], p["day"]))
            weekday_days.append(days[-1])
    if weekday_days:
        # a date written without its weekday long after the days told with one is announced, not told (أعلن
        # الخميس 24 آب أن العضوية تصبح نافذة اعتبارا من 1 كانون الثاني 2024), whatever its verb's tense
        cap = max(weekday_days) + dt.timedelta(days=ANNOUNCED_AFTER)
        days = [d for d in days if d <= cap]
    days = [d for d in days if d <= limit]
    if days:
        d = max(days)
        if weekday is None:
            d += dt.timedelta(days=_days_after(d, items, background))
        d = _on_weekday(d, weekday)
        told = [b for m, b, _ in explicit if b is not None and id(m) in background and b <= limit]
        if told and max(told) > d:
            return None  # a background date later than every candidate: the report is later still, unknown
        return Anchor(d.year, d.month, d.day)
    for m, _ in items:
        p = m.parts
        if (
            m.kind in ("month", "date")
            and direction_of(p.get("rel")) == 0
            and p.get("calendar") == "gregorian"
        ):
            years = [
                y for e, _, y in explicit if e.parts.get("month") == p["month"] and id(e) not in background
            ]
            if years:
                return Anchor(max(years), p["month"])
    return None


def _today_day(
    m: Mention, lower: int | None, clock_year: int, role_years: RoleYears | None = None
) -> dt.date | None:
    """The day of a date written as today's: its own year when written, else the weekday's (Gregorian)."""
    p = m.parts
    if p.get("year"):
        try:
            return value_of(m, Context(None, None)).day
        except (ValueError, KeyError, OverflowError, TypeError):
            return None
    if p.get("calendar") != "gregorian" or not p.get("weekday"):
        return None
    y = _weekday_year(p["month"], p["day"], p["weekday"], lower, clock_year, role_years)
    return dt.date(y, p["month"], p["day"]) if y is not None else None
