"""A day of the week read as a name (وقالت البعثة لدى الأمم المتحدة [ليل السبت] إن ...; [صباح الأحد] after a
body's name, where a title's holder could stand): a weekday, alone or after a part of the day (ليل, صباح,
مساء), is a time, never a person, body or place the KB does not know. Such a mention is dropped; a name the
model ran on into the weekday (بوتين الأحد) loses it. Words: the time layer's ``weekdays.tsv`` (the forms
with ال: جمعة without it is a given name) and the nouns of ``parts_of_day.tsv``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..text.tokens import Token
from .mention import Mention


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    from .. import data
    from ..text import normalize

    days = frozenset(normalize(r["name"]) for r in data.read_tsv("weekdays.tsv") if r.get("name"))
    parts = frozenset(
        normalize(r["form"]) for r in data.read_tsv("parts_of_day.tsv") if r.get("use") in ("noun", "both")
    )
    # ليل is the night noun before a day that parts_of_day.tsv lists only as ليلا / ليلة
    return days, parts | {normalize("ليل")}


def _day(tok: Token, days: frozenset[str]) -> bool:
    m = tok.match(days)
    return m is not None and m[1].startswith("ال")


def without_weekday_names(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions without the weekdays read as names (see the module's docstring); KB-linked ones stay."""
    days, parts = _words()
    out = []
    for m in mentions:
        if m.kb_ids or not _day(tokens[m.last], days):
            out.append(m)
            continue
        last = m.last - 1
        if last >= m.first and tokens[last].match(parts) is not None:
            last -= 1  # ليل السبت: the part of the day goes with the day
        if last < m.first:
            continue
        if tokens[last].kind == "word":
            out.append(replace(m, last=last, end=tokens[last].end))
    return out
