"""Inferring the publication date from the text when none was given.

0. A date written as today's (``اليوم الثلاثاء 15 أفريل``, ``اليوم الخميس 15 رمضان 1444 هـ``) is the publication
   date, whatever tense cue stands near it (a name such as ستيفان can look like a future verb); its year, when
   not written, comes from the weekday as in 1.
1. A weekday written with a day and month and no year (``الخميس 30 ديسمبر``) fixes the year. Take the latest
   year written in the article that is not after the current one (``بحلول 2050`` does not count): the first
   year from it up to three years later in which that day falls on that weekday (an article mentions its own
   year or recent ones); failing that, the latest such year not after the current year, and not before the
   written one (an old year such as ``حزيران 2007`` or ``اجتاحتها في 2014`` does not date the article: news is
   recent, and not from the future); failing that, next year.
2. Absolute dates with day, month and year (Hijri ones converted).
The latest of these dates that is not in a future context is the publication date. Failing that,
3. a month marked ``الحالي``/``الجاري`` gives the month, with its year taken from a written date of that month.
Otherwise nothing is inferred and relative expressions keep partial or empty values.
"""

from __future__ import annotations

import datetime as dt

from .anchor import Anchor
from .resolve import Context, value_of
from .rules import Mention
from .values import direction_of

MAX_YEARS = 40  # how far from the bound we look for a year with the right weekday
NEAR_YEARS = 3  # a written year dates the article when the weekday fits within this many years after it


def _weekday_year(month: int, day: int, weekday: int, lower: int | None, clock_year: int) -> int | None:
    def ok(y: int) -> bool:
        try:
            return dt.date(y, month, day).isoweekday() == weekday
        except ValueError:
            return False

    if lower is not None:
        for y in range(lower, min(lower + NEAR_YEARS + 1, clock_year + 2)):
            if ok(y):
                return y
        for y in range(clock_year, max(lower + NEAR_YEARS, clock_year - MAX_YEARS), -1):
            if ok(y):
                return y
        return clock_year + 1 if ok(clock_year + 1) else None
    for y in range(clock_year, clock_year - MAX_YEARS, -1):
        if ok(y):
            return y
    return None


def infer(items: list[tuple[Mention, str | None]], today: dt.date | None = None) -> Anchor | None:
    """The publication date from ``(mention, tense)`` pairs, or ``None``."""
    clock_year = (today or dt.date.today()).year
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
    days = [d for _, d, _ in explicit if d is not None]
    limit = (today or dt.date.today()) + dt.timedelta(days=1)
    for m, _ in items:
        if m.kind == "date" and m.parts.get("today") and m.parts.get("rel") is None:
            d = _today_day(m, lower, clock_year)
            if d is not None and d <= limit:
                return Anchor(d.year, d.month, d.day)
    for m, tense in items:
        p = m.parts
        if m.kind != "date" or p.get("year") or p.get("calendar") != "gregorian" or not p.get("weekday"):
            continue
        if tense == "future" or direction_of(p.get("rel")) == 1:
            continue
        y = _weekday_year(p["month"], p["day"], p["weekday"], lower, clock_year)
        if y is None and lower is not None:
            y = _weekday_year(p["month"], p["day"], p["weekday"], None, clock_year)
        if y is not None:
            days.append(dt.date(y, p["month"], p["day"]))
    days = [d for d in days if d <= limit]
    if days:
        d = max(days)
        return Anchor(d.year, d.month, d.day)
    for m, _ in items:
        p = m.parts
        if (
            m.kind in ("month", "date")
            and direction_of(p.get("rel")) == 0
            and p.get("calendar") == "gregorian"
        ):
            years = [y for e, _, y in explicit if e.parts.get("month") == p["month"]]
            if years:
                return Anchor(max(years), p["month"])
    return None


def _today_day(m: Mention, lower: int | None, clock_year: int) -> dt.date | None:
    """The day of a date written as today's: its own year when written, else the weekday's (Gregorian)."""
    p = m.parts
    if p.get("year"):
        try:
            return value_of(m, Context(None, None)).day
        except (ValueError, KeyError, OverflowError, TypeError):
            return None
    if p.get("calendar") != "gregorian" or not p.get("weekday"):
        return None
    y = _weekday_year(p["month"], p["day"], p["weekday"], lower, clock_year)
    if y is None and lower is not None:
        y = _weekday_year(p["month"], p["day"], p["weekday"], None, clock_year)
    return dt.date(y, p["month"], p["day"]) if y is not None else None
