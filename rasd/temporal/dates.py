"""Values of calendar expressions: dates and months (Gregorian and Hijri), years, decades, centuries,
quarters and halves, seasons, and days of this or last month."""

from __future__ import annotations

import datetime as dt

from . import solar_hijri
from .anchor import choose, gregorian_candidates, hijri_candidates
from .hijri import hijri_year_of, month_span, to_gregorian, year_span
from .lexicon import relative
from .rules import Mention
from .values import Context, Value, add_months, direction_of, mod_of


def date_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    day, month, year = p.get("day"), p["month"], p.get("year")
    hijri = p.get("calendar") == "hijri" or (p.get("era") in ("ه", "هجري", "هجريه", "للهجره"))
    direction = direction_of(p.get("rel"))
    if direction is None and p.get("today"):
        direction = 0  # اليوم الثلاثاء 15 أفريل: the day of writing, whatever the tense around it
    mod = mod_of(p.get("bnd"))
    a = ctx.anchor
    if p.get("calendar") == "solar_hijri":
        return _solar_value(day, month, year, mod)
    if hijri:
        if year is None and a is not None:
            ha = hijri_year_of(a.interval()[0])
            if ha:

                def span(y: int):
                    if day:
                        g = to_gregorian(y, month, day)
                        return (g, g) if g else None
                    return month_span(y, month)

                cands = hijri_candidates(ha, span)
                year = choose(a, cands, direction=direction, tense=ctx.tense, weekday=p.get("weekday"))
        if year is None:
            return Value("DATE", None, mod)
        if day:
            g = to_gregorian(year, month, day)
            return Value(
                "DATE", g.isoformat() if g else None, mod, p.get("year") is None, g, bool(p.get("year"))
            )
        sp = month_span(year, month)
        if sp and (sp[0].year, sp[0].month) == (sp[1].year, sp[1].month):
            return Value("DATE", f"{sp[0].year:04d}-{sp[0].month:02d}", mod, p.get("year") is None)
        if sp and sp[0].year == sp[1].year:
            return Value("DATE", f"{sp[0].year:04d}", mod, p.get("year") is None)
        return Value("DATE", None, mod)
    explicit = year is not None
    if year is None and p.get("sameyear"):
        # من العام نفسه: the year of the last date told with one (in the sentence, else before it)
        same = ctx.hint.year if ctx.hint is not None else ctx.month[0] if ctx.month else None
        return _finish(month, day, same, mod, False) if same else Value("DATE", None, mod)
    if year is None and ctx.hint is not None and direction is None and ctx.tense != "future":
        # "وقع الاتفاق في 3 مارس 2020، ثم انهار في 15 يونيو": the narrative's year, not the anchor's
        h = ctx.hint
        year = choose(h, gregorian_candidates(h, month, day), weekday=p.get("weekday")) or h.year
        return _finish(month, day, year, mod, False)
    if year is None and a is not None:
        year = choose(
            a,
            gregorian_candidates(a, month, day),
            direction=direction,
            tense=ctx.tense,
            weekday=p.get("weekday"),
        )
    return _finish(month, day, year, mod, explicit)


def _solar_value(day: int | None, month: int, year: int | None, mod: str | None) -> Value:
    """An Iranian-calendar date; its year is always written (the rules take its months only with one)."""
    if year is None:
        return Value("DATE", None, mod)
    if day:
        g = solar_hijri.to_gregorian(year, month, day)
        return Value("DATE", g.isoformat() if g else None, mod, False, g, True)
    sp = solar_hijri.month_span(year, month)
    if sp and sp[0].year == sp[1].year:  # a Solar month straddles two Gregorian ones
        return Value("DATE", f"{sp[0].year:04d}", mod)
    return Value("DATE", None, mod)


def _finish(month: int, day: int | None, year: int | None, mod: str | None, explicit: bool) -> Value:
    """The value of a Gregorian day or month once its year is known (or not: XXXX)."""
    if day:
        if year is None:
            return Value("DATE", f"XXXX-{month:02d}-{day:02d}", mod)
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return Value("DATE", None, mod)
        return Value("DATE", d.isoformat(), mod, not explicit, d, explicit)
    y = f"{year:04d}" if year is not None else "XXXX"
    return Value("DATE", f"{y}-{month:02d}", mod, not explicit and year is not None, None, explicit)


def day_of_month_value(m: Mention, ctx: Context) -> Value:
    """``15 الجاري``, ``3 من الشهر الماضي``: a day of the anchor's month, or of the month before or after;
    ``27 من الشهر نفسه``: a day of the month last told (with its year), none when no month was told."""
    if m.parts.get("same"):
        if ctx.month is None:
            return Value("DATE", None)
        y, mo = ctx.month
        try:
            d = dt.date(y, mo, m.parts["day"])
        except ValueError:
            return Value("DATE", None)
        return Value("DATE", d.isoformat(), None, False, d)
    a = ctx.anchor
    if a is None or a.month is None:
        return Value("DATE", None)
    y, mo = add_months(a.year, a.month, direction_of(m.parts.get("rel")) or 0)
    try:
        d = dt.date(y, mo, m.parts["day"])
    except ValueError:
        return Value("DATE", None)
    return Value("DATE", d.isoformat(), None, True, d)


def year_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    y = p["year"]
    mod = mod_of(p.get("bnd"))
    if p.get("era") in ("ه", "هجري", "هجريه", "للهجره"):
        sp = year_span(y)
        if sp and sp[0].year == sp[1].year:
            return Value("DATE", f"{sp[0].year:04d}", mod)
        return Value("DATE", None, mod)
    return Value("DATE", f"{y:04d}", mod, explicit_year=True)


def decade_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    d = int(
        p["dec"]
        and {
            "عشرين": 2,
            "ثلاثين": 3,
            "اربعين": 4,
            "خمسين": 5,
            "ستين": 6,
            "سبعين": 7,
            "ثمانين": 8,
            "تسعين": 9,
        }[p["dec"]]
    )
    century = 19  # the 1900s unless the text names another century
    anchored = False
    if p.get("cord"):
        century = p["cord"] - 1
    elif p.get("crel") is not None and ctx.anchor is not None:
        century = ctx.anchor.year // 100 + (direction_of(p["crel"]) or 0)
        anchored = True
    return Value("DATE", f"{century:02d}{d}", mod_of(p.get("bnd")), anchored)


def century_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    if p.get("cord"):
        return Value("DATE", f"{p['cord'] - 1:02d}", mod_of(p.get("bnd")))
    if ctx.anchor is None:
        return Value("DATE", None)
    c = ctx.anchor.year // 100 + (direction_of(p.get("crel")) or 0)
    return Value("DATE", f"{c:02d}", mod_of(p.get("bnd")), True)


_ORDER = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}


def quarter_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    half = p["qh"] == "النصف"
    n = 2 if half and p["qo"] == "الاخير" else 4 if p["qo"] == "الاخير" else _ORDER[p["qo"]]
    if half and n > 2:
        return Value("DATE", None)
    year, anchored = p.get("year"), False
    if year is None:
        if ctx.anchor is None:
            return Value("DATE", None)
        year, anchored = ctx.anchor.year + (direction_of(p.get("rel")) or 0), True
    return Value("DATE", f"{year:04d}-{'H' if half else 'Q'}{n}", None, anchored)


def season_value(m: Mention, ctx: Context) -> Value:
    """``صيف 2021``, ``الصيف الماضي``, ``شتاء هذا العام``: TIMEX3 seasons (2021-SU). A season's year is the year
    it starts in; "last" is the latest one that has started and is not the current one, "next" the next to start."""
    p = m.parts
    name = p["season"].removeprefix("ال")
    code, start = relative()["season"][name]
    first = int(start)
    if p.get("year"):
        return Value("DATE", f"{p['year']:04d}-{code}", None, False, explicit_year=True)
    a = ctx.anchor
    if a is None or a.month is None:
        return Value("DATE", None)
    if p.get("unit"):  # صيف هذا العام / صيف العام الماضي
        return Value("DATE", f"{a.year + (direction_of(p.get('urel')) or 0):04d}-{code}", None, True)
    direction = direction_of(p.get("rel")) if not p.get("dir0") else 0
    started = a.year if a.month >= first else a.year - 1  # the latest start not after the anchor
    current = (a.month - first) % 12 < 3  # the anchor lies inside that season
    mod = mod_of(p.get("bnd"))
    if direction is None and not current:
        # نهاية الصيف، فصل الشتاء with no year: the coming one when its arrival is told (قبل حلول الشتاء) or
        # the sentence is in the future, the last one for the past; else the nearer of the two
        since_end = (a.month - first - 3) % 12  # whole months since the last one ended
        until_start = (first - a.month) % 12
        if p.get("arrive") or ctx.tense == "future":
            direction = 1
        elif ctx.tense == "past" or since_end <= until_start:
            direction = 0
        else:
            direction = 1
        y = started + 1 if direction == 1 else started
        return Value("DATE", f"{y:04d}-{code}", mod, True)
    if direction == -1:
        y = started - 1 if current else started
    elif direction == 1:
        y = started + 1
    elif direction == 0:  # هذا الصيف: the current one, else the one of the anchor's year
        y = started if current else a.year
    else:
        y = started if current else None
    return Value("DATE", f"{y:04d}-{code}" if y is not None else None, mod, True)


def numeric_date_value(m: Mention, ctx: Context) -> Value:
    """``30/12/2021``, ``2021-12-30``; a Hijri year (``26/5/1443هـ``, or any year before 1600) is converted."""
    p = m.parts
    if (p.get("era") or "").startswith(("ه", "للهجر")) or p["year"] < 1600:
        d = to_gregorian(p["year"], p["month"], p["day"])
    else:
        try:
            d = dt.date(p["year"], p["month"], p["day"])
        except ValueError:
            d = None
    return Value("DATE", d.isoformat(), None, False, d, True) if d else Value("DATE", None)
