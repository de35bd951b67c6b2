"""Values: a recognized mention becomes a TIMEX3 type, value and mod, resolved against the anchor.

Conventions (also in the README):
- a clock time takes the date of the last day-precise date earlier in its sentence, else the anchor's day;
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

import datetime as dt
from dataclasses import dataclass

from .anchor import Anchor, choose, gregorian_candidates, hijri_candidates
from .hijri import hijri_year_of, month_span, to_gregorian, year_span
from .lexicon import parts_of_day, relative, units
from .rules import Mention
from .zones import offset_suffix

_SHIFT = {"am": lambda h: 0 if h == 12 else h, "pm": lambda h: h + 12 if h < 12 else h}
_SHIFT["noon"] = lambda h: h + 12 if 1 <= h <= 5 else h
_SHIFT["night"] = lambda h: h + 12 if 6 <= h <= 11 else (0 if h == 12 else h)
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "النصف": 30, "الربع": 15, "الثلث": 20}


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


def _direction(word: str | None) -> int | None:
    if not word:
        return None
    v = relative()["direction"].get(word)
    return int(v[1]) if v else None


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    v = relative()["boundary"].get(word) or relative()["mod"].get(word)
    return v[1] if v else None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _date_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    day, month, year = p.get("day"), p["month"], p.get("year")
    hijri = p.get("calendar") == "hijri" or (p.get("era") in ("ه", "هجري", "هجريه", "للهجره"))
    direction = _direction(p.get("rel"))
    mod = _mod(p.get("bnd"))
    a = ctx.anchor
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


def _day_of_month_value(m: Mention, ctx: Context) -> Value:
    """``15 الجاري``, ``3 من الشهر الماضي``: a day of the anchor's month, or of the month before or after."""
    a = ctx.anchor
    if a is None or a.month is None:
        return Value("DATE", None)
    y, mo = _add_months(a.year, a.month, _direction(m.parts.get("rel")) or 0)
    try:
        d = dt.date(y, mo, m.parts["day"])
    except ValueError:
        return Value("DATE", None)
    return Value("DATE", d.isoformat(), None, True, d)


def _year_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    y = p["year"]
    mod = _mod(p.get("bnd"))
    if p.get("era") in ("ه", "هجري", "هجريه", "للهجره"):
        sp = year_span(y)
        if sp and sp[0].year == sp[1].year:
            return Value("DATE", f"{sp[0].year:04d}", mod)
        return Value("DATE", None, mod)
    return Value("DATE", f"{y:04d}", mod, explicit_year=True)


def _decade_value(m: Mention, ctx: Context) -> Value:
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
        century = ctx.anchor.year // 100 + (_direction(p["crel"]) or 0)
        anchored = True
    return Value("DATE", f"{century:02d}{d}", _mod(p.get("bnd")), anchored)


def _century_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    if p.get("cord"):
        return Value("DATE", f"{p['cord'] - 1:02d}", _mod(p.get("bnd")))
    if ctx.anchor is None:
        return Value("DATE", None)
    c = ctx.anchor.year // 100 + (_direction(p.get("crel")) or 0)
    return Value("DATE", f"{c:02d}", _mod(p.get("bnd")), True)


def _weekday_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    a = ctx.anchor.date if ctx.anchor else None
    if a is None:
        return Value("DATE", f"XXXX-WXX-{p['weekday']}")
    direction = _direction(p.get("rel"))
    back = (a.isoweekday() - p["weekday"]) % 7
    ahead = (p["weekday"] - a.isoweekday()) % 7
    if direction == -1:
        d = a - dt.timedelta(days=back or 7)
    elif direction == 1:
        d = a + dt.timedelta(days=ahead or 7)
    elif direction == 0:
        d = a - dt.timedelta(days=back) if back <= ahead else a + dt.timedelta(days=ahead)
    elif ctx.tense == "future":
        d = a + dt.timedelta(days=ahead)
    else:
        d = a - dt.timedelta(days=back)
    return Value("DATE", d.isoformat(), None, True, d)


def _offset_value(kind: str, n: int, ctx: Context) -> Value:
    """A date ``n`` units away from the anchor (kind: D, W, M, Y, DE, CE; sub-day units give the day)."""
    a = ctx.anchor
    if a is None:
        return Value("DATE", None)
    if kind in ("Y", "DE", "CE"):
        n = n * {"Y": 1, "DE": 10, "CE": 100}[kind]
        return Value("DATE", f"{a.year + n:04d}", None, True)
    if kind == "M":
        if a.month is None:
            return Value("DATE", None)
        y, mo = _add_months(a.year, a.month, n)
        return Value("DATE", f"{y:04d}-{mo:02d}", None, True)
    if a.date is None:
        return Value("DATE", None)
    if kind == "W":
        return Value("DATE", _week(a.date + dt.timedelta(weeks=n)), None, True)
    if kind == "D":
        d = a.date + dt.timedelta(days=n)
        return Value("DATE", d.isoformat(), None, True, d)
    return Value("DATE", a.date.isoformat(), None, True, a.date)  # hours or minutes ago: the same day


def _phrase_value(m: Mention, ctx: Context) -> Value:
    typ, val = relative()["phrase"][" ".join(m.parts["phrase"].split())]
    if val.endswith("_REF"):
        return Value(typ, val)
    # D-1, D0TNI, …
    off, _, pod = val[1:].partition("T")
    v = _offset_value("D", int(off), ctx)
    if pod and v.value:
        v.type, v.value = "TIME", f"{v.value}T{pod}"
    return v


def _rel_unit_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    unit = relative()["unit"][p["unit"]][1]
    direction = _direction(p.get("rel"))
    if direction is None:
        direction = 0
    mod = _mod(p.get("bnd"))
    if unit == "W" and p.get("bnd") == "نهايه":  # نهاية الأسبوع: the weekend
        v = _offset_value("W", direction, ctx)
        if v.value:
            v.value, v.mod = v.value + "-WE", None
        return v
    if unit == "DE":
        if ctx.anchor is None:
            return Value("DATE", None)
        return Value("DATE", f"{ctx.anchor.year // 10 + direction:03d}", mod, True)
    if unit == "CE":
        if ctx.anchor is None:
            return Value("DATE", None)
        return Value("DATE", f"{ctx.anchor.year // 100 + direction:02d}", mod, True)
    v = _offset_value(unit, direction, ctx)
    v.mod = mod
    return v


def _plural_ref_value(m: Mention, ctx: Context) -> Value:
    d = _direction(m.parts["rel"])
    return Value("DATE", {-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}.get(d if d is not None else -1))


def _time_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    h, mi = p.get("h"), p.get("mi") or 0
    if p.get("mid"):
        h, mi = (24, 0) if p["mid"] == "الليل" else (12, 0)
    if h is None:
        return Value("TIME", None)
    if p.get("frac"):
        mi = _FRACTIONS[p["frac"]]
    if p.get("minus"):
        h, mi = h - 1, 60 - (15 if p["minus"].startswith("ربع") else 20)
    pod = parts_of_day().get(p.get("pod") or "")
    if pod and h <= 12:
        h = _SHIFT[pod.shift](h)
    elif pod is None and m.kind == "time_words" and 1 <= h <= 12:
        pass  # "الساعة الثالثة" without part of day: keep the 12-hour reading
    if not (0 <= h <= 24 and 0 <= mi < 60) or (h == 24 and mi):
        return Value("TIME", None)
    day = ctx.day or (ctx.anchor.date if ctx.anchor else None)
    when = dt.datetime.combine(day, dt.time(h % 24, mi)) if day else None
    zone = offset_suffix(p.get("zone"), when, p.get("zoff"))
    date = day.isoformat() if day else "XXXX-XX-XX"
    return Value("TIME", f"{date}T{h:02d}:{mi:02d}{zone}", None, day is not None and ctx.day is None, day)


def _amount(p: dict) -> tuple[str, float | None]:
    unit, count = units()[p["unit"]]
    if p.get("frac"):
        n: float | None = _FRACTIONS[p["frac"]]
    elif p.get("n") is not None:
        n = p["n"]
    elif p.get("vague"):
        n = None
    elif count == "2":
        n = 2
    elif count == "1":
        n = 1
    else:
        n = None
    if n is not None and p.get("half"):
        n += _FRACTIONS[p["half"]]
    if unit in ("DE", "CE") and n is not None:
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    elif unit in ("DE", "CE"):
        unit = "Y"
    return unit, n


def duration_string(unit: str, n: float | None) -> str:
    """ISO 8601 duration: ``PT50M``, ``P3W``; a fraction goes to the next smaller unit (3.5 hours: PT3H30M)."""
    if n is None:
        return f"PTX{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN", "S") else f"PX{unit}"
    parts: list[tuple[str, int]] = []
    while True:
        whole = int(n)
        rest = n - whole
        if rest >= 1e-9 and unit not in _SMALLER:  # months have no exact smaller unit: keep the decimal
            parts.append((unit, n))  # type: ignore[arg-type]
            break
        if whole:
            parts.append((unit, whole))
        if rest < 1e-9:
            break
        unit, k = _SMALLER[unit]
        n = round(rest * k, 6)
    date = "".join(f"{v:g}{u}" for u, v in parts if u in ("Y", "M", "W", "D"))
    time = "".join(f"{v:g}{'M' if u == 'MIN' else u}" for u, v in parts if u in ("H", "MIN", "S"))
    return "P" + date + ("T" + time if time else "") if parts else "P0D"


def _duration_value(m: Mention, ctx: Context, prep: str | None) -> Value:
    p = m.parts
    unit, n = _amount(p)
    mod = _mod(p.get("mod"))
    if p.get("post"):
        mod = "APPROX" if p["post"].startswith("تقريب") else "EQUAL_OR_MORE"
    if mod is not None:
        prep = (
            None  # "بعد نحو أربعة أسابيع", "منذ أكثر من عقد": a fuzzy distance stays a duration with its mod
        )
    if prep == "بعد" and ctx.tense != "future":
        prep = None  # "أفرج عنه بعد عشرين عاما": after the events told, not after the publication date
    if prep in ("قبل", "منذ", "بعد"):
        sign = 1 if prep == "بعد" else -1
        if n is None:
            return Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)
        if n == int(n):
            v = _offset_value(unit, sign * int(n), ctx)
            v.mod = mod
            return v
    return Value("DURATION", duration_string(unit, n), mod)


def _set_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    if p.get("adv"):
        return Value("SET", relative()["set"][p["adv"]][1])
    if p.get("weekday") and not p.get("n"):
        return Value("SET", f"XXXX-WXX-{p['weekday']}")
    unit, n = _amount(p)
    return Value("SET", duration_string(unit, n if n is not None else 1))


_ORDER = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}


def _quarter_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    half = p["qh"] == "النصف"
    n = 2 if half and p["qo"] == "الاخير" else 4 if p["qo"] == "الاخير" else _ORDER[p["qo"]]
    if half and n > 2:
        return Value("DATE", None)
    year, anchored = p.get("year"), False
    if year is None:
        if ctx.anchor is None:
            return Value("DATE", None)
        year, anchored = ctx.anchor.year + (_direction(p.get("rel")) or 0), True
    return Value("DATE", f"{year:04d}-{'H' if half else 'Q'}{n}", None, anchored)


def _season_value(m: Mention, ctx: Context) -> Value:
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
        return Value("DATE", f"{a.year + (_direction(p.get('urel')) or 0):04d}-{code}", None, True)
    direction = _direction(p.get("rel")) if not p.get("dir0") else 0
    started = a.year if a.month >= first else a.year - 1  # the latest start not after the anchor
    current = (a.month - first) % 12 < 3  # the anchor lies inside that season
    if direction == -1:
        y = started - 1 if current else started
    elif direction == 1:
        y = started + 1
    elif direction == 0:  # هذا الصيف: the current one, else the one of the anchor's year
        y = started if current else a.year
    else:
        y = started if current else None
    return Value("DATE", f"{y:04d}-{code}" if y is not None else None, None, True)


def value_of(m: Mention, ctx: Context, prep: str | None = None) -> Value:
    k = m.kind
    if k == "season":
        return _season_value(m, ctx)
    if k == "quarter":
        return _quarter_value(m, ctx)
    if k == "past_n":
        return _duration_value(m, ctx, None)
    if k == "date":
        return _date_value(m, ctx)
    if k == "day_rel_month":
        return _day_of_month_value(m, ctx)
    if k == "numeric_date":
        try:
            d = dt.date(m.parts["year"], m.parts["month"], m.parts["day"])
        except ValueError:
            return Value("DATE", None)
        return Value("DATE", d.isoformat(), None, False, d, True)
    if k == "month":
        return _date_value(m, ctx)
    if k == "year":
        return _year_value(m, ctx)
    if k == "decade":
        return _decade_value(m, ctx)
    if k == "century":
        return _century_value(m, ctx)
    if k == "weekday":
        return _weekday_value(m, ctx)
    if k == "phrase":
        return _phrase_value(m, ctx)
    if k == "rel_unit":
        return _rel_unit_value(m, ctx)
    if k == "plural_ref":
        return _plural_ref_value(m, ctx)
    if k.startswith("time"):
        return _time_value(m, ctx)
    if k in ("duration", "duration_bare"):
        return _duration_value(m, ctx, prep)
    if k == "set":
        return _set_value(m, ctx)
    return Value("DATE", None)
