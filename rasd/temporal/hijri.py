"""Hijri (Umm al-Qura) dates converted with the maintained ``hijridate`` library."""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri date, or ``None`` outside the library's range or for an invalid day."""
    try:
        g = Hijri(year, month, day).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian days of a Hijri month."""
    try:
        h = Hijri(year, month, 1)
        g = h.to_gregorian()
        first = dt.date(g.year, g.month, g.day)
        return first, first + dt.timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


def year_span(year: int) -> tuple[dt.date, dt.date] | None:
    a = month_span(year, 1)
    b = month_span(year, 12)
    return (a[0], b[1]) if a and b else None


def hijri_year_of(day: dt.date) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
