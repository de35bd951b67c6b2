"""Ranges: two values linked as start and end (``من 10 إلى 13 يناير``, ``بين عامي 2010 و2014``,
``من الساعة السادسة صباحا حتى منتصف الليل``). The rules build some pairs directly; here any two neighbouring
dates or times of the same type are linked when ``من/بين`` precedes the first and ``إلى/حتى/و/-`` joins them."""

from __future__ import annotations

import datetime as dt

from .patterns import RANGE_BEFORE, RANGE_BETWEEN
from .resolve import Value
from .rules import Mention


def link_ranges(norm: str, items: list[tuple[Mention, Value]]) -> None:
    for m, _ in items:
        if m.link_to is not None:
            m.link_to.link_from = m
    for (a, va), (b, vb) in zip(items, items[1:], strict=False):
        if a.link_to is not None or b.link_from is not None:
            continue
        if va.type != vb.type or va.type not in ("DATE", "TIME") or not (va.value and vb.value):
            continue
        if RANGE_BETWEEN.match(norm[a.nend : b.nstart]) and RANGE_BEFORE.search(
            norm, max(0, a.nstart - 10), a.nstart
        ):
            a.link_to = b
            b.link_from = a
            _share_year(a, va, b)
            _start_before_end(a, va, vb)


def _share_year(a: Mention, va: Value, b: Mention) -> None:
    """``من 15 يونيو إلى 15 سبتمبر 2023``: a range's start written without a year takes its end's (the year
    before when its month comes later: ``من 20 ديسمبر إلى 5 يناير 2024``)."""
    if a.kind not in ("date", "month") or b.kind not in ("date", "month") or a.parts.get("year"):
        return
    year, month, day = b.parts.get("year"), a.parts.get("month"), a.parts.get("day")
    if not year or not month or a.parts.get("calendar", "gregorian") != "gregorian" or a.parts.get("rel"):
        return
    if b.parts.get("calendar", "gregorian") != "gregorian":
        return
    if month > (b.parts.get("month") or 12):
        year -= 1
    try:
        d = dt.date(year, month, day) if day else None
    except ValueError:
        return
    va.value = d.isoformat() if d else f"{year:04d}-{month:02d}"
    va.day, va.anchored = d, False


def _start_before_end(a: Mention, va: Value, vb: Value) -> None:
    """A range's start with no year of its own that its tense put after the end (``تعقد من 20 ديسمبر إلى 5 يناير``
    read in late December: 20 December next year, 5 January next month) is the one before the end."""
    if a.parts.get("year") or a.kind != "date" or va.day is None or vb.day is None or va.day <= vb.day:
        return
    if a.parts.get("calendar", "gregorian") != "gregorian":
        return
    try:
        d = va.day.replace(year=va.day.year - 1)
    except ValueError:
        return
    if d <= vb.day:
        va.value, va.day = d.isoformat(), d


def undate_schedules(items: list[tuple[Mention, Value]]) -> None:
    """A range of clock times with no day of its own (``من الساعة السادسة صباحا حتى منتصف الليل``) is a
    schedule, not a moment of the publication day: its values keep the time only (``T06:00``)."""
    for m, v in items:
        other = m.link_to or m.link_from
        if other is None or v.type != "TIME" or not v.anchored or not v.value or "T" not in v.value:
            continue
        partner = next((pv for pm, pv in items if pm is other), None)
        if (
            partner is not None
            and partner.type == "TIME"
            and (partner.anchored or partner.value.startswith("T"))
        ):
            v.value, v.anchored, v.day = v.value[v.value.index("T") :], False, None
