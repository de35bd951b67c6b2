"""Values: a recognized mention becomes a TIMEX3 type, value and mod, resolved against the anchor.

Conventions (also in the README):
- a clock time takes the day of a date right after it (``الساعة العاشرة من صباح الأحد``), else of the last
  day-precise date before it in its sentence, else the anchor's day (see ``_resolve_sentence``); a range of
  times with no day of its own is a schedule and keeps the time only (``من الساعة السادسة صباحا حتى منتصف
  الليل`` -> ``T06:00``, ``T24:00``; see ``ranges.py``);
- a named zone adds its UTC offset for that date (``Z`` for GMT/UTC); ``بالتوقيت المحلي`` or no zone gives the
  wall-clock time without offset (``2021-12-30T16:25``), since the place is not known;
- ``قبل/منذ/بعد`` + a duration is a date counted from the anchor at the unit's granularity (``قبل ثلاثة أيام``
  -> a day, ``قبل أسبوعين`` -> an ISO week); with ``من`` after it (``قبل يومين من الانتخابات``), or ``بعد`` without a
  future cue (``أفرج عنه بعد عشرين عاما``: after the events told), or a mod (``بعد نحو أربعة أسابيع``,
  ``منذ أكثر من عقد``: a fuzzy distance), it stays a duration;
- a weekday alone is the latest such day not after the anchor, or the next one with a future cue;
- a Gregorian date without a year after one with a written year in the same sentence takes the year nearest
  to that one (``في 3 مارس 2020، ثم في 15 يونيو`` -> 2020-06-15), unless a future cue ties it to the present;
- a part of day before a day (``مساء الأحد 29 شعبان``, ``صباح اليوم``) keeps the DATE value of the day;
  ``الليلة``, ``هذا الصباح`` and clock times are TIME;
- a Hijri date is converted with hijridate; a Hijri month or year without day gets the Gregorian month or year
  only when it falls entirely inside one, else no value.
"""

from __future__ import annotations

from .clock import time_value
from .dates import (
    century_value,
    date_value,
    day_of_month_value,
    decade_value,
    numeric_date_value,
    quarter_value,
    season_value,
    year_value,
)
from .durations import duration_string, duration_value, set_value
from .holidays import holiday_value
from .relative_values import phrase_value, plural_ref_value, rel_unit_value, weekday_value
from .rules import Mention
from .values import Context, Value

__all__ = ["Context", "Value", "duration_string", "value_of"]


def value_of(m: Mention, ctx: Context, prep: str | None = None) -> Value:
    k = m.kind
    if k == "season":
        return season_value(m, ctx)
    if k == "quarter":
        return quarter_value(m, ctx)
    if k == "past_n":
        return duration_value(m, ctx, None)
    if k == "date":
        return date_value(m, ctx)
    if k == "day_rel_month":
        return day_of_month_value(m, ctx)
    if k == "numeric_date":
        return numeric_date_value(m, ctx)
    if k == "month":
        return date_value(m, ctx)
    if k == "year":
        return year_value(m, ctx)
    if k == "decade":
        return decade_value(m, ctx)
    if k == "century":
        return century_value(m, ctx)
    if k == "weekday":
        return weekday_value(m, ctx)
    if k == "phrase":
        return phrase_value(m, ctx)
    if k == "rel_unit":
        return rel_unit_value(m, ctx)
    if k == "plural_ref":
        return plural_ref_value(m, ctx)
    if k.startswith("time"):
        return time_value(m, ctx)
    if k in ("duration", "duration_bare"):
        return duration_value(m, ctx, prep)
    if k == "set":
        return set_value(m, ctx)
    if k == "holiday":
        return holiday_value(m, ctx)
    return Value("DATE", None)
