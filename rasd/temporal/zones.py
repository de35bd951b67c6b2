"""Time zones: a zone named in the text becomes a UTC offset for the date in question (zoneinfo knows summer
time). A time "بالتوقيت المحلي" of an unnamed place keeps no offset: its value is the wall-clock time."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .lexicon import zones

LOCAL = "local"


def lookup(name: str) -> str | None:
    """IANA zone, "UTC" or "local" for a normalized zone name (``غرينتش``, ``مكه المكرمه``, ``GMT``)."""
    return zones().get(" ".join(name.replace(".", " ").split()).upper())


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def offset_suffix(zone: str | None, when: dt.datetime | None, extra_minutes: int | None = None) -> str:
    """The ISO suffix for a wall-clock time in ``zone``: "Z", "+03:00", or "" when unknown/local.

    ``extra_minutes`` is an explicit offset written in the text (GMT+3 -> 180)."""
    if zone is None or zone == LOCAL:
        return ""
    if zone == "UTC":
        minutes = extra_minutes or 0
    else:
        tz = _zone(zone)
        if tz is None or when is None:
            return ""
        off = when.replace(tzinfo=tz).utcoffset()
        if off is None:
            return ""
        minutes = int(off.total_seconds() // 60)
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
