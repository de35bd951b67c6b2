"""Values of clock times: 12-hour readings with parts of day, the day they belong to, and zone offsets."""

from __future__ import annotations

import datetime as dt

from .lexicon import parts_of_day
from .rules import Mention
from .values import Context, Value
from .zones import offset_suffix

_SHIFT = {"am": lambda h: 0 if h == 12 else h, "pm": lambda h: h + 12 if h < 12 else h}
_SHIFT["noon"] = lambda h: h + 12 if 1 <= h <= 5 else h
_SHIFT["night"] = lambda h: h + 12 if 6 <= h <= 11 else (0 if h == 12 else h)


FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "النصف": 30, "الربع": 15, "الثلث": 20}


def time_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    h, mi = p.get("h"), p.get("mi") or 0
    if p.get("mid"):
        h, mi = (24, 0) if p["mid"] == "الليل" else (12, 0)
    if h is None:
        return Value("TIME", None)
    if p.get("frac"):
        mi = FRACTIONS[p["frac"]]
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
