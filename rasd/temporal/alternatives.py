"""Narrowing a rule to the alternatives that can match in a window (speed only).

Some rules are alternations whose branches each need a word of their own (the year after عام/سنة, a year after
a boundary word, a unit after a preposition of lasting). A branch none of whose words occurs in a window cannot
match there, so the window is searched with the other branches only: the regex engine then no longer tries the
hopeless branch at every word start. The result is the same match: a search returns the leftmost match, and at
that position the first branch that matches; a branch that matches nowhere in the window never decides either.
The "duration" rule is narrowed the same way inside its group of branches (what follows its optional mod).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import parts_of_day, relative, units
from .patterns import FLAGS, duration_branches, duration_source, fragments, rules

# The preposition/verb branch of "duration_bare" (patterns.py ``dur_preps``): one of these substrings is in
# every word it accepts (استمر، يستمر، تستمر → ستمر; دامت → دام; يدوم → دوم; استغرقت، يستغرق → ستغرق).
_DUR_PREP_WORDS = (
    "لمده",
    "خلال",
    "طوال",
    "طيله",
    "مدي",
    "مدار",
    "غضون",
    "قبل",
    "بعد",
    "منذ",
    "نحو",
    "حوالي",
    "قرابه",
    "زهاء",
    "ستمر",
    "دام",
    "دوم",
    "ستغرق",
)


def split_top(src: str) -> list[str]:
    """The top-level alternatives of a pattern's source (``|`` outside groups and character classes)."""
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if src[i + 1 : i + 2] == "]":  # a "]" right after "[" is a literal member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(src[start:i])
            start = i + 1
        i += 1
    out.append(src[start:])
    return out


def _longest(entries) -> tuple[str, ...]:
    """The longest word of each entry (its words are joined by any white space in the patterns)."""
    return tuple(sorted({max(e.split(), key=len) for e in entries}))


# The "duration" branches (patterns.duration_branches) are narrowed in four groups, not one by one: each
# narrowed set of branches is a pattern to compile (a few ms), and four groups make at most fifteen of them.
DURATION_GROUPS = ((0,), (1,), (2, 3, 4, 5, 6, 7, 8), (9,))


@lru_cache(maxsize=1)
def alt_words() -> dict[str, tuple[tuple[str, ...] | None, ...]]:
    """Rule -> for each top-level alternative (for "duration": each group of branches), substrings one of which every match of it holds (``None``: not
    narrowed). The counts are checked against the patterns (tests/test_temporal_alternatives.py)."""
    rel = relative()
    pod_adv = _longest(w for w, p in parts_of_day().items() if p.use in ("adverb", "both"))
    pod_noun = frozenset(w.split()[-1] for w, p in parts_of_day().items() if p.use in ("noun", "both"))
    half = ("نصف", "ربع")
    return {
        # the groups of DURATION_GROUPS: number + unit; ال + digits + unit; the rest (dual; half/quarter + unit;
        # accusative unit; accusative plural; unit + و نصف; unit + واحد; بضع/عدة + unit); ل + plural unit
        "duration": (
            None,
            tuple("0123456789"),
            _longest(w for w, (_, c) in units().items() if c == "2")
            + half
            + _longest(w for w, (_, c) in units().items() if c == "pl_acc" or (c == "1" and w.endswith("ا")))
            + ("واحد", "بضع", "عده"),
            # ل + a plural unit (لساعات): the unit written right after ل
            tuple(sorted("ل" + w for w, (_, c) in units().items() if c == "pl")),
        ),
        # عام/سنة/عامي/سنتي + year; boundary + year; preposition + year; year + era; a second year after و;
        # a noun naming a dated event + year
        "year": (
            ("عام", "سنه", "سنتي"),
            _longest(rel["boundary"]),
            None,
            None,
            None,
            _longest(rel["year_noun"]),
        ),
        "duration_bare": (_DUR_PREP_WORDS, _longest(rel["mod"])),
        "time_h": (("ساعه",), pod_adv),
        "time_words": (("ساعه",), pod_adv, ("منتصف",), ("توقيت",), tuple(sorted(pod_noun))),
        # a phrase; ذلك/هذا/نفس اليوم; اليوم نفسه
        "phrase": (None, ("اليوم",), ("اليوم",)),
        # a day of this/last/next month; a day of the same month (27 من الشهر نفسه)
        "day_rel_month": (None, ("الشهر",)),
    }


@lru_cache(maxsize=1)
def alt_checks() -> dict[str, tuple[regex.Pattern | None, ...]]:
    """Rule -> for each top-level alternative, a pattern that every match of it holds (``None``: none), for
    alternatives whose words are common but whose shape is rare: ساعة is frequent, ساعة before an hour is not.
    Each starts with a literal or a digit, so that the engine skips to its candidates instead of trying every
    word start as the rule does. Checked against the patterns (tests/test_temporal_scan.py)."""
    f = fragments()
    return {
        # the clock hour after ساعة (not a clock time 16:25); an hour before an adverb part of day
        "time_h": (
            regex.compile(r"ساعه\s+(?:ال\s*)?\d{1,2}(?![\d:.,])", FLAGS),
            regex.compile(rf"\d(?![\d:.,])\s*{f['POD_ADV']}", FLAGS),
        ),
        # an ordinal hour after ساعة; منتصف الليل/النهار
        "time_words": (
            regex.compile(rf"ساعه\s+{f['ORD']}", FLAGS),
            None,
            regex.compile(r"منتصف\s+(?:الليل|النهار)", FLAGS),
            # (a definite word, the ordinal hour, right before the zone; not 21:25 بتوقيت غرينتش)
            regex.compile(
                r"توقيت(?<=(?<!\w)ال\w+(?:\s+و\s*\w+)?\s+(?:ب|حسب\s+|وفق\s+)?(?:ال)?توقيت)\s+\w", FLAGS
            ),
            # (a part of day and a day word, behind a preposition and one to three words: the ordinal hour)
            regex.compile(
                rf"{f['POD_NOUN']}(?<=(?<!\w)(?:عند|في|حتي|منذ|قرابه|نحو|حوالي)\s+ال\w+(?:\s+\w+){{0,2}}"
                rf"\s+{f['POD_NOUN']})\s+(?:اليوم|امس|غدا|يوم|{f['WEEKDAY']})(?!\w)",
                FLAGS,
            ),
        ),
        # (the words are checked behind a literal or the digits, where the engine can skip to)
        "phrase": (
            None,
            regex.compile(rf"اليوم(?<=(?:{f['ANAPHOR']}|(?<!\w)(?:نفس|ذات))\s+اليوم)", FLAGS),
            regex.compile(r"اليوم\s+(?:نفسه|ذاته|عينه)(?!\w)", FLAGS),
        ),
        "day_rel_month": (
            None,
            regex.compile(rf"الشهر(?:\s+{f['SAME']}|(?<={f['SAME']}\s+الشهر))", FLAGS),
        ),
        # a noun naming a dated event right before four digits
        "year": (
            None,
            None,
            None,
            None,
            None,
            regex.compile(rf"\d{{4}}(?<={f['YEAR_NOUN']}\s+\d{{4}})", FLAGS),
        ),
    }


@lru_cache(maxsize=1)
def _alternatives() -> dict[str, list[str]]:
    names = alt_words()
    branches = duration_branches()
    out = {"duration": ["|".join(branches[b] for b in g) for g in DURATION_GROUPS]}
    for name, pat in rules():
        if name in names and name != "duration":
            alts = split_top(pat.pattern)
            if len(alts) != len(names[name]):
                raise ValueError(f"rule {name}: {len(alts)} alternatives, {len(names[name])} word lists")
            out[name] = alts
    return out


@lru_cache(maxsize=256)
def _compiled(name: str, keep: tuple[int, ...]) -> regex.Pattern:
    if name == "duration":
        return regex.compile(duration_source([b for g in keep for b in DURATION_GROUPS[g]]), FLAGS)
    alts = _alternatives()[name]
    return regex.compile("|".join(alts[i] for i in keep), FLAGS)


def narrowed(name: str, pat: regex.Pattern, window: str) -> regex.Pattern | None:
    """The pattern of rule ``name`` (``pat``) restricted to the alternatives that may match in ``window``;
    ``None`` when none may."""
    words = alt_words().get(name)
    if words is None:
        return pat
    checks = alt_checks().get(name)
    keep = tuple(
        i
        for i, ws in enumerate(words)
        if (ws is None or any(w in window for w in ws))
        and (checks is None or checks[i] is None or checks[i].search(window) is not None)
    )
    if len(keep) == len(words):
        return pat
    return _compiled(name, keep) if keep else None
