"""Values of expressions counted from the anchor: weekdays, fixed phrases (أمس، غدا), relative units
(الأسبوع الماضي) and vague references (الأيام المقبلة)."""

from __future__ import annotations

import datetime as dt

from .lexicon import relative
from .rules import Mention
from .values import Context, Value, add_months, direction_of, iso_week, mod_of


def weekday_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    a = ctx.anchor.date if ctx.anchor else None
    if a is None:
        return Value("DATE", f"XXXX-WXX-{p['weekday']}")
    direction = direction_of(p.get("rel"))
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


def offset_value(kind: str, n: int, ctx: Context) -> Value:
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
        y, mo = add_months(a.year, a.month, n)
        return Value("DATE", f"{y:04d}-{mo:02d}", None, True)
    if a.date is None:
        return Value("DATE", None)
    if kind == "W":
        return Value("DATE", iso_week(a.date + dt.timedelta(weeks=n)), None, True)
    if kind == "D":
        d = a.date + dt.timedelta(days=n)
        return Value("DATE", d.isoformat(), None, True, d)
    return Value("DATE", a.date.isoformat(), None, True, a.date)  # hours or minutes ago: the same day


def phrase_value(m: Mention, ctx: Context) -> Value:
    if m.parts.get("ana") or m.parts.get("same"):
        return Value("DATE", None)  # ذلك اليوم: the day it points back to is found in __init__.py
    typ, val = relative()["phrase"][" ".join(m.parts["phrase"].split())]
    if val.endswith("_REF"):
        return Value(typ, val)
    # D-1, D0TNI, …
    off, _, pod = val[1:].partition("T")
    v = offset_value("D", int(off), ctx)
    if pod and v.value:
        v.type, v.value = "TIME", f"{v.value}T{pod}"
    return v


def rel_unit_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    unit = relative()["unit"][p["unit"]][1]
    direction = direction_of(p.get("rel"))
    if direction is None:
        direction = 0
    mod = mod_of(p.get("bnd"))
    if unit == "W" and p.get("bnd") == "نهايه":  # نهاية الأسبوع: the weekend
        a = ctx.anchor.date if ctx.anchor else None
        if p.get("rel") is None and ctx.tense == "past" and a is not None and a.isoweekday() <= 4:
            direction = -1  # اعتقلت … نهاية الأسبوع, told on a Monday to Thursday: the weekend just past
        v = offset_value("W", direction, ctx)
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
    v = offset_value(unit, direction, ctx)
    v.mod = mod
    return v


def plural_ref_value(m: Mention, ctx: Context) -> Value:
    d = direction_of(m.parts["rel"])
    return Value("DATE", {-1: "PAST_REF", 1: "FUTURE_REF", 0: "PRESENT_REF"}.get(d if d is not None else -1))
