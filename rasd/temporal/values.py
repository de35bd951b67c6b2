"""What every value function shares: the :class:`Value` it returns, the :class:`Context` it reads, and
small helpers for direction words, mods, ISO weeks and month arithmetic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .anchor import Anchor
from .lexicon import relative


@dataclass
class Value:
    type: str
    value: str | None
    mod: str | None = None
    anchored: bool = False  # the value depends on the anchor
    day: dt.date | None = None  # the day the expression points to, when day-precise
    explicit_year: bool = False  # the year was written (used to infer the publication date)


@dataclass
class Context:
    anchor: Anchor | None
    tense: str | None = None
    day: dt.date | None = None  # the sentence's current day, for clock times
    hint: Anchor | None = None  # the last date with a written year earlier in the sentence
    month: tuple[int, int] | None = None  # (year, month) of the last month-precise date told before


def direction_of(word: str | None) -> int | None:
    if not word:
        return None
    v = relative()["direction"].get(word)
    return int(v[1]) if v else None


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    v = relative()["boundary"].get(word) or relative()["mod"].get(word)
    return v[1] if v else None


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1
