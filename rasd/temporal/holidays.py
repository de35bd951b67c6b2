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
    a = ctx.anchor.date if ctx.anchor is not None else None
    if entry is None or a is None:
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
