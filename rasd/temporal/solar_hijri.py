"""Solar Hijri (Iranian, Jalali) dates, written in Arabic reports from Iran (15 تير 1403), converted with the
maintained ``jdatetime`` library."""

from __future__ import annotations

import datetime as dt

import jdatetime


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Solar Hijri date, or ``None`` for an invalid one."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None


def month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian days of a Solar Hijri month."""
    first = to_gregorian(year, month, 1)
    if first is None:
        return None
    nxt = to_gregorian(year + month // 12, month % 12 + 1, 1)
    return (first, nxt - dt.timedelta(days=1)) if nxt else None
