"""Words one of which every match of a rule holds (speed only).

A rule's pattern is searched in windows (see ``scan.py``) from one position to the next match. Most searches
end in no match: the engine tries the pattern at every word start up to the window's end. Every match of the
rules below holds a word of their lexicon literally (a month's name, a unit noun, a weekday…), so where none of
those words occurs between the search's start and the window's end, no match can be there and the search is
skipped: the mentions found are the same. Lexicon entries of several words are matched word by word (joined by
any white space, ``numbers.alternation``): any one of their words, taken whole, is in every match of the entry.
The claims are checked against the patterns (tests/test_temporal_required.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import holidays, months, parts_of_day, relative, units, weekdays
from .numbers import literal_trie
from .patterns import LAST_N_WORDS


def _first(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(e.split()[0] for e in entries)


def _longest(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(max(e.split(), key=len) for e in entries)


@lru_cache(maxsize=1)
def required_words() -> dict[str, frozenset[str]]:
    """Rule -> words one of which every match holds (read off the patterns in ``patterns.py``); a word ending
    in a space must be followed by white space."""
    rel = relative()
    month = _first(months())  # the group "mon" (MONTH)
    unit = _longest(units())  # the group "unit": UNIT, UNIT_SG, UNIT_DUAL, UNIT_ACC, UNIT_PL_ACC…
    pod_adv = _longest(w for w, p in parts_of_day().items() if p.use in ("adverb", "both"))  # POD_ADV
    # POD_NOUN, by its last word (قبل ظهر: ظهر)
    pod_noun = frozenset(w.split()[-1] for w, p in parts_of_day().items() if p.use in ("noun", "both"))
    return {
        "range_days": month,
        "range_days_dash": month,
        "date": month,
        "month": month,
        # WEEKDAY
        "weekday": _longest(weekdays()),
        # PHRASE; ذلك/نفس اليوم; اليوم نفسه
        "phrase": _longest(rel["phrase"]) | {"اليوم"},
        # UNITREF
        "rel_unit": _longest(rel["unit"]),
        # DIR_AFTER (this/last/next month); الشهر + SAME or SAME + الشهر
        "day_rel_month": _longest(w for w in rel["direction"] if w not in ("هذا", "هذه")) | {"الشهر"},
        # every branch of "duration" and the bare unit of "duration_bare" name a unit
        "duration": unit,
        "duration_bare": unit,
        # ساعة + hour; hour + POD_ADV
        "time_h": pod_adv | {"ساعه"},
        # ساعة + ordinal; ordinal + POD_ADV; منتصف الليل/النهار; ordinal + توقيت + zone; ordinal + POD_NOUN
        "time_words": pod_adv | pod_noun | {"ساعه", "منتصف", "توقيت"},
        # كل + white space + unit or weekday; SETADV; مرات/مرة/مرتين + unit ("كل " asks for the white space
        # after it: كل is in many words, لكل، مشكلة)
        "set": _longest(rel["set"]) | {"كل ", "مرات", "مره", "مرتين"},
        # SEASON (with or without ال)
        "season": _longest(rel["season"]),
        # PLURALREF
        "plural_ref": _longest(rel["plural_ref"]),
        # LAST_N closes every match
        "past_n": frozenset(LAST_N_WORDS),
        "quarter": frozenset({"الربع", "النصف"}),
        "century": frozenset({"القرن"}),
        "holiday": _longest(holidays()),  # HOLIDAY
    }


def _words(entries: Iterable[str]) -> int:
    """The most words an entry of a lexicon has."""
    return max((len(e.split()) for e in entries), default=1)


@lru_cache(maxsize=1)
def runs_before() -> dict[str, int]:
    """Rule -> the most runs of white space a match may hold before its first required word (counted off the
    patterns' prefixes: each ``\\s+`` or ``\\s*`` before the word is one run at most, and the prefixes hold
    no other white space). A search for the rule may then start that many words before the first required word
    ahead instead of at the window's start. Rules with long or unbounded prefixes (date: part of day, weekday,
    الموافق, day, من شهر; duration: number words) are left out."""
    rel = relative()
    pod_noun = _words(w for w, p in parts_of_day().items() if p.use in ("noun", "both"))
    bnd = _words(rel["boundary"])  # {bnd}: BOUNDARY \s+
    phrase_word = max(  # where the required (longest) word of a phrase sits in it
        (e.split().index(max(e.split(), key=len)) for e in rel["phrase"]), default=0
    )
    return {
        # {bnd} (شهر\s+)? MONTH, whose first word is required
        "month": bnd + 1,
        # {podc}: POD_NOUN \s+ (يوم\s+)?; (يوم\s+)? WEEKDAY
        "weekday": pod_noun + 1 + 1 + _words(weekdays()) - 1,
        # (POD_NOUN \s+)? PHRASE; (ANAPHOR|نفس|ذات) \s+ اليوم; اليوم نفسه
        "phrase": max(pod_noun + phrase_word, _words(rel["anaphor"])),
        # {bnd} (هذا|هذه \s+)? UNITREF
        "rel_unit": bnd + 1 + _words(rel["unit"]) - 1,
        # preposition \s+ unit; MOD \s+ unit
        "duration_bare": max(1, _words(rel["mod"])) + _words(units()) - 1,
    }


def search_start(norm: str, required: int, runs: int, floor: int) -> int:
    """The first position at or after ``floor`` where a match holding the required word at ``required`` may
    start: the start of the run ``runs`` runs of non-space characters before the word's own."""
    i = required
    if norm.isprintable():  # its only white space is " " (every other white space character is unprintable)
        i = norm.rfind(" ", floor, i) + 1
        for _ in range(runs):
            while i > floor and norm[i - 1] == " ":
                i -= 1
            i = norm.rfind(" ", floor, i) + 1
        return max(i, floor)
    while i > floor and not norm[i - 1].isspace():
        i -= 1
    for _ in range(runs):
        while i > floor and norm[i - 1].isspace():
            i -= 1
        while i > floor and not norm[i - 1].isspace():
            i -= 1
    return i


# rules whose required word always follows white space in a match: "duration_bare" (a preposition or a mod, then
# \s+, then the unit). A unit inside a word (اليوم، العام) then starts no search.
AFTER_SPACE = frozenset({"duration_bare"})


@lru_cache(maxsize=64)
def required_pattern(rule: str) -> re.Pattern | None:
    """A pattern finding any of the rule's :func:`required_words` (anywhere, even inside a word); ``None`` for
    the rules without such words. Compiled with ``re``: on a literal trie its engine skips along the text
    several times faster than ``regex`` does, so the check costs a fraction of the search it may save."""
    words = required_words().get(rule)
    if not words:
        return None
    # (re's \s holds every character regex's \s matches: tests/test_temporal_required.py)
    return re.compile(("(?<=\\s)" if rule in AFTER_SPACE else "") + literal_trie(words))
