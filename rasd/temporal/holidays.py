"""Values of holidays on a fixed day of their calendar (``holidays.tsv``): ``عيد الفطر`` is 1 Shawwal of the
Hijri year that puts it nearest the anchor, or the next one after it with a future cue, the last one before
it with a past cue; Hijri days are converted with hijridate."""

from __future__ import annotations

import datetime as dt

from .hijri import hijri_year_of, to_gregorian
from .lexicon import holidays
from .rules import Mention
from .values import Context, Value


def _occurrences(calendar: str, month: int, day: int, around: dt.date) -> list[dt.date]:
    """The holiday's days in the calendar years before, of and after the one holding ``around``."""
    if calendar == "hijri":
        hy = hijri_year_of(around)
        if hy is None:
            return []
        days = [to_gregorian(y, month, day) for y in (hy - 1, hy, hy + 1)]
        return [d for d in days if d is not None]
    out = []
    for y in (around.year - 1, around.year, around.year + 1):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    return out


def holiday_value(m: Mention, ctx: Context) -> Value:
    entry = holidays().get(" ".join(m.parts["hol"].split()))
    if entry is None:
        return Value("DATE", None)
    year = m.parts.get("year")
    if year:  # عيد الأضحى عام 2006: its first day in that Gregorian year
        try:
            mid = dt.date(year, 7, 1)
        except ValueError:
            return Value("DATE", None)
        days = [d for d in _occurrences(*entry, mid) if d.year == year]
        if len(days) != 1:
            # a Hijri holiday falls twice in some Gregorian years (عيد الأضحى: 10 January and 31 December
            # 2006): the year alone is what the text says
            return Value("DATE", f"{year:04d}", None, False, None, explicit_year=True)
        return Value("DATE", days[0].isoformat(), None, False, days[0], explicit_year=True)
    a = ctx.anchor.date if ctx.anchor is not None else None
    if a is None:
        return Value("DATE", None)
    days = _occurrences(*entry, a)
    if not days:
        return Value("DATE", None)
    if ctx.tense == "future":
        pick = min((d for d in days if d >= a), default=None)
    elif ctx.tense == "past":
        pick = max((d for d in days if d <= a), default=None)
    else:
        pick = min(days, key=lambda d: (abs((d - a).days), d < a))  # a tie goes to the coming one
    if pick is None:
        return Value("DATE", None)
    return Value("DATE", pick.isoformat(), None, True, pick)
