"""Compound durations: two durations joined by و, the second in smaller units, are one amount
(``ساعة وخمس دقائق`` -> PT1H5M, ``ثلاث سنوات وستة أشهر`` -> P3Y6M)."""

from __future__ import annotations

import regex

from .rules import Mention
from .values import Value

_AND = regex.compile(r"\s*و\s*")
_PART = regex.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_ORDER = ("Y", "M", "D", "TH", "TM", "TS")  # largest first; weeks do not mix with other units in ISO 8601


def _units(value: str | None) -> list[tuple[str, str]] | None:
    """``P3Y6M`` -> [("Y", "3"), ("M", "6")]; ``PT1H5M`` -> [("TH", "1"), ("TM", "5")]; None for a vague or
    malformed value (``PXD``) or one with weeks."""
    if not value or not value.startswith("P") or "X" in value or "W" in value:
        return None
    date, _, time = value[1:].partition("T")
    out: list[tuple[str, str]] = []
    for text, prefix in ((date, ""), (time, "T")):
        pos = 0
        for m in _PART.finditer(text):
            if m.start() != pos:
                return None
            out.append((prefix + m.group(2), m.group(1)))
            pos = m.end()
        if pos != len(text):
            return None
    return out or None


def _joined(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> str | None:
    """The ISO value of ``a`` followed by ``b`` when every unit of ``b`` is smaller than every unit of ``a``."""
    if _ORDER.index(a[-1][0]) >= _ORDER.index(b[0][0]):
        return None
    parts = a + b
    date = "".join(n + u for u, n in parts if not u.startswith("T"))
    time = "".join(n + u[1] for u, n in parts if u.startswith("T"))
    return "P" + date + ("T" + time if time else "")


def join_durations(norm: str, mentions: list[Mention], values: list[Value]) -> None:
    """Merge, in place, each duration followed by ``و`` and a duration in smaller units (no mod on the second:
    ``ساعة وأكثر من خمس دقائق`` stays two)."""
    i = 0
    while i + 1 < len(mentions):
        a, b = mentions[i], mentions[i + 1]
        va, vb = values[i], values[i + 1]
        if (
            va.type == "DURATION"
            and vb.type == "DURATION"
            and vb.mod is None
            and a.link_to is None
            and b.link_from is None
            and _AND.fullmatch(norm, a.nend, b.nstart)
        ):
            ua, ub = _units(va.value), _units(vb.value)
            joined = _joined(ua, ub) if ua and ub else None
            if joined is not None:
                merged = Mention(a.kind, a.start, b.end, a.nstart, b.nend, dict(a.parts))
                mentions[i : i + 2] = [merged]
                values[i : i + 2] = [Value("DURATION", joined, va.mod)]
                continue  # the merged amount may take a third part (ساعتان وخمس دقائق وعشر ثوان)
        i += 1
