"""Values of durations and sets: ISO 8601 durations (PT50M, P3W, PT3H30M), mods, and the dates that
``قبل/منذ/بعد`` + a duration point to."""

from __future__ import annotations

from .clock import FRACTIONS
from .lexicon import relative, units
from .relative_values import offset_value
from .rules import Mention
from .values import Context, Value, mod_of

_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _amount(p: dict) -> tuple[str, float | None]:
    unit, count = units()[p["unit"]]
    if p.get("frac"):
        n: float | None = FRACTIONS[p["frac"]]
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
        n += FRACTIONS[p["half"]]
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


def duration_value(m: Mention, ctx: Context, prep: str | None) -> Value:
    p = m.parts
    unit, n = _amount(p)
    mod = mod_of(p.get("mod"))
    if p.get("post"):
        mod = "APPROX" if p["post"].startswith("تقريب") else "EQUAL_OR_MORE"
    if mod is not None:
        prep = (
            None  # "بعد نحو أربعة أسابيع", "منذ أكثر من عقد": a fuzzy distance stays a duration with its mod
        )
    if prep == "منذ" and units()[p["unit"]][0] in ("DE", "CE"):
        # منذ عقدين ("in two decades", أوسع عملية منذ عقدين): a span in round decades; a year counted back from
        # the publication date (2003) would claim a precision the text does not have
        prep = None
    if prep == "بعد" and ctx.tense != "future":
        prep = None  # "أفرج عنه بعد عشرين عاما": after the events told, not after the publication date
    if prep in ("قبل", "منذ", "بعد"):
        sign = 1 if prep == "بعد" else -1
        if n is None and prep == "منذ":
            # منذ سنوات: "for years" (لم تتغير منذ سنوات) tells how long a state has lasted; as PAST_REF it
            # would say no more than the past tense does
            return Value("DURATION", duration_string(unit, None), mod)
        if n is None:
            return Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)
        if n == int(n):
            v = offset_value(unit, sign * int(n), ctx)
            v.mod = mod
            return v
    return Value("DURATION", duration_string(unit, n), mod)


def set_value(m: Mention, ctx: Context) -> Value:
    p = m.parts
    if p.get("adv"):
        return Value("SET", relative()["set"][p["adv"]][1])
    if p.get("weekday") and not p.get("n"):
        return Value("SET", f"XXXX-WXX-{p['weekday']}")
    unit, n = _amount(p)
    return Value("SET", duration_string(unit, n if n is not None else 1))
