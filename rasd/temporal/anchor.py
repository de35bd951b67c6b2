"""The anchor (the publication date) and the choice of year for dates written without one.

Rule for a day or month written without a year (``10 يناير``, ``في يونيو``), against the anchor's year Y:
the candidates are the occurrences in Y-1, Y and Y+1;
1. a weekday written with the date (``الخميس 30 ديسمبر``) keeps only the candidate on that weekday (none:
   no year);
2. a direction word right after it decides: ``الماضي`` the latest strictly before the anchor, ``المقبل`` the
   earliest strictly after it, ``الحالي``/``الجاري`` the one containing (or nearest to) the anchor;
3. otherwise the tense of the nearest cue in the sentence (see ``cues.py``): past -> the latest not after the
   anchor, future -> the earliest not before it;
4. otherwise (no cue) the nearest candidate among the past ones within ``PAST_DAYS`` and the future ones within
   ``FUTURE_DAYS`` (news reports the past unless it says otherwise: future references come with سـ, المقبل,
   المقرر…); if there is none the year is undecidable and the value stays partial (``XXXX-05-03``): a wrong year
   is worse than none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import regex

PAST_DAYS = 240  # how far back an unmarked date may lie
FUTURE_DAYS = 120  # how far ahead
Interval = tuple[dt.date, dt.date]

_ISO = regex.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class Anchor:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, s: str | None) -> Anchor | None:
        if not s:
            return None
        m = _ISO.match(s.strip())
        if not m:
            return None
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            if mo is not None:
                dt.date(y, mo, d or 1)
        except ValueError:
            return None
        return cls(y, mo, d if mo is not None else None)

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None

    def interval(self) -> Interval:
        if self.date:
            return self.date, self.date
        if self.month:
            return month_interval(self.year, self.month)
        return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)

    def iso(self) -> str:
        if self.date:
            return self.date.isoformat()
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def month_interval(year: int, month: int) -> Interval:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _gap(a: Interval, b: Interval) -> int:
    """Days between two intervals, 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def choose(
    anchor: Anchor | None,
    candidates: list[tuple[int, Interval]],
    *,
    direction: int | None = None,
    tense: str | None = None,
    weekday: int | None = None,
) -> int | None:
    """Pick the year (the first element of a candidate) following the rule in the module docstring."""
    if anchor is None or not candidates:
        return None
    a = anchor.interval()
    cands = candidates
    if weekday is not None:
        same = [c for c in cands if c[1][0] == c[1][1] and c[1][0].isoweekday() == weekday]
        if same:
            return min(same, key=lambda c: _gap(c[1], a))[0]
        return None  # the weekday fits none of the years near the anchor: do not guess
    if direction == -1:
        past = [c for c in cands if c[1][1] < a[0]]
        return max(past, key=lambda c: c[1][0])[0] if past else None
    if direction == 1:
        fut = [c for c in cands if c[1][0] > a[1]]
        return min(fut, key=lambda c: c[1][0])[0] if fut else None
    if direction == 0:
        return min(cands, key=lambda c: _gap(c[1], a))[0]
    if tense == "past":
        past = [c for c in cands if c[1][0] <= a[1]]
        if past:
            return max(past, key=lambda c: c[1][0])[0]
    elif tense == "future":
        fut = [c for c in cands if c[1][1] >= a[0]]
        if fut:
            return min(fut, key=lambda c: c[1][0])[0]
    # no cue: news reports the past unless it says otherwise, so a past candidate may lie further away
    past = [c for c in cands if c[1][0] <= a[1] and _gap(c[1], a) <= PAST_DAYS]
    fut = [c for c in cands if c[1][1] >= a[0] and _gap(c[1], a) <= FUTURE_DAYS]
    near = past + fut
    return min(near, key=lambda c: _gap(c[1], a))[0] if near else None


def gregorian_candidates(anchor: Anchor, month: int, day: int | None) -> list[tuple[int, Interval]]:
    out = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            out.append((y, month_interval(y, month)))
            continue
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        out.append((y, (d, d)))
    return out


def hijri_candidates(
    hijri_year: int, interval_of: Callable[[int], Interval | None]
) -> list[tuple[int, Interval]]:
    out = []
    for y in (hijri_year - 1, hijri_year, hijri_year + 1):
        iv = interval_of(y)
        if iv:
            out.append((y, iv))
    return out
