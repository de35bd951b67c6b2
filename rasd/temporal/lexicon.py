"""The time layer's language data, read once per process from ``rasd/data/*.tsv`` and normalized."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import read_tsv
from ..text import normalize


@dataclass(frozen=True)
class Month:
    number: int
    calendar: str  # "gregorian", "hijri" or "solar_hijri" (the Iranian calendar)
    family: str
    ambiguous: bool


@dataclass(frozen=True)
class PartOfDay:
    code: str  # TIMEX3 part of day: MO, MI, AF, EV, NI
    shift: str  # how a 12-hour clock hour is read: am, pm, noon, night
    use: str  # "adverb" (after a clock time) or "noun" (before a day)


def _n(s: str) -> str:
    return " ".join(normalize(s).split())


@lru_cache(maxsize=1)
def months() -> dict[str, Month]:
    return {
        _n(r["name"]): Month(int(r["month"]), r["calendar"], r["family"], r["ambiguous"] == "1")
        for r in read_tsv("months.tsv")
    }


@lru_cache(maxsize=1)
def weekdays() -> dict[str, tuple[int, bool]]:
    """normalized name -> (ISO weekday, ambiguous)."""
    return {_n(r["name"]): (int(r["iso"]), r["ambiguous"] == "1") for r in read_tsv("weekdays.tsv")}


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[str, float | None]]:
    """normalized word -> (kind, value); vague counts have value None."""
    out: dict[str, tuple[str, float | None]] = {}
    for r in read_tsv("numbers.tsv"):
        v = None if r["value"] == "X" else float(r["value"])
        out[_n(r["word"])] = (r["kind"], v)
    return out


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, str]]:
    """normalized unit noun -> (unit, count) with count "1", "2", "pl" or "pl_acc" (أشهرا: only alone)."""
    return {_n(r["form"]): (r["unit"], r["count"]) for r in read_tsv("time_units.tsv")}


@lru_cache(maxsize=1)
def zones() -> dict[str, str]:
    """normalized zone name -> IANA zone, "UTC" or "local"."""
    return {_n(r["name"]).upper(): r["zone"] for r in read_tsv("time_zones.tsv")}


@lru_cache(maxsize=1)
def relative() -> dict[str, dict[str, tuple[str, str]]]:
    """kind -> {normalized phrase -> (type, value)} from ``relative_time.tsv``."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for r in read_tsv("relative_time.tsv"):
        out.setdefault(r["kind"], {})[_n(r["phrase"])] = (r["type"], r["value"])
    return out


@lru_cache(maxsize=1)
def parts_of_day() -> dict[str, PartOfDay]:
    return {_n(r["form"]): PartOfDay(r["code"], r["shift"], r["use"]) for r in read_tsv("parts_of_day.tsv")}


@lru_cache(maxsize=1)
def tense_cues() -> dict[str, str]:
    """normalized word -> "past" or "future"."""
    return {_n(r["word"]): r["tense"] for r in read_tsv("time_cues.tsv")}


@lru_cache(maxsize=1)
def holidays() -> dict[str, tuple[str, int, int]]:
    """normalized holiday name -> (calendar, month, day) from ``holidays.tsv``."""
    return {_n(r["name"]): (r["calendar"], int(r["month"]), int(r["day"])) for r in read_tsv("holidays.tsv")}
