"""Which rules to run where (speed only): each rule has trigger words, substrings or digit patterns; a rule
runs on a sentence only around its triggers, in windows wide enough for any expression they start."""

from __future__ import annotations

from collections.abc import Set
from functools import lru_cache, reduce
from itertools import chain
from operator import itemgetter, or_
from typing import NamedTuple

import regex

from ..text.normalize import normalize
from .cues import is_cue
from .lexicon import holidays, months, number_words, parts_of_day, relative, units, weekdays
from .patterns import LAST_N_WORDS, rules

_WORDS = regex.compile(r"\w+")


_D = regex.compile(r"\d")
_D_YEAR = regex.compile(r"\d{3,4}")
_D_YEARS = regex.compile(r"\d{4}\D{1,30}\d{4}")
_D_NUMDATE = regex.compile(r"\d[/.-]\d")
# what every day range holds (range_days: من 10 إلى 13 يناير, يومي 10 و11; range_days_dash: 10-13 يناير)
_D_RANGE = regex.compile(r"\d\s*(?:الي|حتي|و|-|–)\s*(?:ال\s*)?\d")


@lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[frozenset[str], tuple[str, ...], regex.Pattern | None]]:
    """For each rule, what a sentence must contain before the rule is worth running (speed only):
    ``(words, substrings, digits)``; the rule runs when ``digits`` (if any) matches and one of the words
    (proclitics stripped) or substrings occurs; with no words or substrings, around the digits' matches."""
    rel = relative()
    first = lambda ws: frozenset(w.split()[0] for w in ws)  # noqa: E731
    month_w = first(months())
    wd_w = first(weekdays()) | frozenset(w[2:] for w in weekdays())
    unit_w = frozenset(units())
    pod_w = frozenset(w.split()[-1] for w in parts_of_day())  # قبل الظهر: الظهر (قبل alone is too common)
    none: frozenset[str] = frozenset()
    return {
        "range_days": (month_w, (), _D_RANGE),
        "range_days_dash": (month_w, (), _D_RANGE),
        "range_years": (none, (), _D_YEARS),
        "date": (month_w, (), None),
        "numeric_date": (none, (), _D_NUMDATE),
        "day_rel_month": (
            # the same month: الشهر نفسه / نفس الشهر (نفس and ذات alone are too common to trigger it)
            frozenset({"الجاري", "الحالي", "الماضي", "المنصرم", "المقبل", "القادم", "الشهر"})
            | frozenset(w for w in rel["same_month"] if w.endswith("ه")),
            (),
            None,  # a digit or an ordinal word (في الثالث من الشهر ذاته): _NEEDS_NUMBER
        ),
        "month": (month_w, (), None),
        "year": (none, (), _D_YEAR),
        "decade": (none, ("يات", "ينات"), None),
        "century": (frozenset({"القرن"}), (), None),
        "time_hm": (none, (":", "ساعه"), _D),
        "time_zoned": (none, ("ت غ", "ت.غ", "ت. غ", "GMT", "UTC"), _D),
        "time_h": (pod_w | {"الساعه", "ساعه"}, (), _D),
        # (a bare ordinal before a zone, السابعة بتوقيت غرينتش, is not a trigger of its own: it comes after a
        # time with الساعة or a part of day, which are)
        "time_words": (pod_w | {"الساعه", "ساعه", "منتصف"}, (), None),
        "weekday": (wd_w, (), None),
        "phrase": (frozenset(w.split()[-1] for w in rel["phrase"]) | {"اليوم"}, (), None),
        "set": (frozenset({"كل", "مره", "مرتين", "مرات"}) | frozenset(rel["set"]), (), None),
        "rel_unit": (frozenset(rel["unit"]), (), None),
        "plural_ref": (frozenset(rel["plural_ref"]), (), None),
        "duration": (unit_w, (), None),
        "duration_bare": (unit_w, (), None),
        "past_n": (frozenset("ال" + u for u in unit_w), (), None),
        "quarter": (frozenset({"الربع", "النصف"}), (), None),
        "season": (frozenset(rel["season"]) | frozenset("ال" + w for w in rel["season"]), (), None),
        "holiday": (frozenset(w.split()[-1] for w in holidays()), (), None),  # عيد الفطر: الفطر
    }


WINDOW = 60  # characters around a trigger that an expression may span (prefixes like مساء الخميس 30)


@lru_cache(maxsize=1)
def _wanted() -> frozenset[str]:
    """Every word :func:`active_rules` asks about: the trigger words and the number words."""
    out: set[str] = set(_number_words())
    for tw, _, _ in triggers().values():
        out |= tw
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _wanted_forms(word: str) -> tuple[str, ...]:
    """The readings of one word (itself, without one or two proclitics و ف ب ل ك) that :func:`_wanted` holds;
    cached per process, so that a sentence costs one lookup per word."""
    forms = {word}
    forms |= {w[1:] for w in forms if len(w) > 2 and w[0] in "وفبلك"}
    forms |= {w[1:] for w in forms if len(w) > 2 and w[0] in "بلك"}
    return tuple(f for f in forms if f in _wanted())


def _occurrences(norm: str, sub: str) -> list[tuple[int, int]]:
    out = []
    i = norm.find(sub)
    while i >= 0:
        out.append((i, i + len(sub)))
        i = norm.find(sub, i + 1)
    return out


def _windows(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Merged stretches of ``WINDOW`` characters around the spans, widened to white space."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        s, e = max(0, s - WINDOW), min(n, e + WINDOW)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# Substrings one of which every match of the rule contains (read off its pattern): a sentence holding none of
# them skips the rule, whatever its triggers (the triggers of these rules are common words: الولايات, اليوم).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "decade": ("ينيات", "ينات"),  # the tens all end in ين, then يات or ات: الثمانينيات، التسعينات
    "past_n": LAST_N_WORDS,  # الأيام الثلاثة الماضية: the closing word is not optional
    "time_zoned": ("ت غ", "ت.غ", "ت. غ", "GMT", "UTC"),  # (08,00 ت غ): the zone is not optional
}

# rules that need a number: a digit, or a number word (الخامس عشر من يناير, ثلاثة أسابيع)
_NEEDS_NUMBER = {"date", "day_rel_month"}


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(w for w in number_words())


class _Rule(NamedTuple):
    """What :func:`active_rules` needs to know about a rule, looked up once per process."""

    prio: int
    name: str
    pat: regex.Pattern
    words: frozenset[str]  # trigger words
    subs: tuple[str, ...]  # trigger substrings
    digits: regex.Pattern | None  # a digit pattern the sentence must match
    required: tuple[str, ...] | None  # substrings one of which the sentence must hold (_REQUIRED)
    needs_number: bool  # a digit or a number word (_NEEDS_NUMBER)
    key: int  # rules with the same trigger words and substrings share their windows


@lru_cache(maxsize=1)
def _table() -> list[_Rule]:
    """Every rule, in priority order."""
    trig = triggers()
    keys: dict[tuple[frozenset[str], tuple[str, ...]], int] = {}
    out = []
    for prio, (name, pat) in enumerate(rules()):
        tw, subs, digits = trig[name]
        key = keys.setdefault((tw, subs), len(keys))
        out.append(_Rule(prio, name, pat, tw, subs, digits, _REQUIRED.get(name), name in _NEEDS_NUMBER, key))
    return out


@lru_cache(maxsize=1)
def _word_masks() -> dict[str, int]:
    """Trigger word -> bit mask of the rules (by priority) it triggers."""
    out: dict[str, int] = {}
    for r in _table():
        for w in r.words:
            out[w] = out.get(w, 0) | (1 << r.prio)
    return out


@lru_cache(maxsize=100_000)
def _word_mask(word: str) -> int:
    """The rules that one word of a sentence triggers, through any of its readings (cached per process)."""
    masks = _word_masks()
    mask = 0
    for f in _wanted_forms(word):
        mask |= masks.get(f, 0)
    return mask


@lru_cache(maxsize=4096)
def _candidates(mask: int, has_digit: bool) -> tuple[_Rule, ...]:
    """The rules to look at given the rules whose trigger words occur (``mask``) and whether the sentence has a
    digit: those, and every rule triggered by substrings or digits alone, in priority order; rules that need a
    digit pattern only when there is a digit."""
    return tuple(
        r
        for r in _table()
        if ((mask >> r.prio) & 1 or r.subs or not r.words) and (has_digit or r.digits is None)
    )


class Runs(NamedTuple):
    """What the rules and the tense cues need of a sentence, read off its runs of non-space characters."""

    mask: int  # the rules its trigger words start (:func:`_word_mask`)
    forms: frozenset[str]  # the readings of its words that some rule asks about (:func:`_wanted_forms`)
    cue_words: list[str]  # its words that are tense cues (``cues.is_cue``), in text order


@lru_cache(maxsize=100_000)
def _run(chunk: str) -> tuple[int, tuple[str, ...], tuple[str, ...], bool]:
    """One run of non-space characters of the original text, normalized and read once per process: the rules
    its words trigger, its wanted readings, its tense cues, and whether a rule may run on it (a digit, a
    trigger word or the decades' ending)."""
    norm = normalize(chunk)
    words = _WORDS.findall(norm)
    mask = reduce(or_, map(_word_mask, words), 0)
    starts = bool(mask) or _D.search(norm) is not None or any(x in norm for x in _REQUIRED["decade"])
    forms = tuple(dict.fromkeys(chain.from_iterable(map(_wanted_forms, words))))
    return mask, forms, tuple(w for w in words if is_cue(w)), starts


@lru_cache(maxsize=100_000)
def _starts(chunk: str) -> bool:
    return _run(chunk)[3]


_MASK_OF, _FORMS_OF, _CUES_OF = itemgetter(0), itemgetter(1), itemgetter(2)


def read_runs(runs: list[str]) -> Runs | None:
    """A sentence given as its runs (``str.split()`` of the original text), or ``None`` when no rule could
    run on it: no digit, no trigger word, no decade ending (:func:`active_rules` would pick none: the rules
    without trigger words need a digit, but the decades). Normalization maps characters one by one and keeps
    white space, and no word crosses white space, so the runs' words are the normalized sentence's words."""
    if not any(map(_starts, runs)):
        return None
    info = list(map(_run, runs))
    return Runs(
        reduce(or_, map(_MASK_OF, info), 0),
        frozenset(chain.from_iterable(map(_FORMS_OF, info))),
        list(chain.from_iterable(map(_CUES_OF, info))),
    )


def sentence_words(norm: str) -> list[str]:
    """The words of a normalized sentence (runs of word characters), as :func:`active_rules` reads them."""
    return _WORDS.findall(norm)


def active_rules(
    norm: str, words_list: list[str] | Runs | None = None
) -> list[tuple[int, str, regex.Pattern, list[tuple[int, int]]]]:
    """The rules worth running on a normalized sentence: ``(priority, name, pattern, windows)``; a rule only
    needs to look around its trigger words (speed only: the windows cover any expression they start).
    ``words_list`` may give :func:`sentence_words` of the sentence, or its :class:`Runs`."""
    has_digit = _D.search(norm) is not None
    if isinstance(words_list, Runs):
        mask = words_list.mask
        words: Set[str] = words_list.forms if mask else frozenset()
    else:
        uniq = set(_WORDS.findall(norm) if words_list is None else words_list)
        mask = reduce(or_, map(_word_mask, uniq), 0)
        # only the words some rule asks about matter: the sentence's words met with the wanted ones
        words = set(chain.from_iterable(map(_wanted_forms, uniq))) if mask else set()
    cands = _candidates(mask, has_digit)
    if not cands:
        return []
    n = len(norm)
    out = []
    digits_found: dict[regex.Pattern, bool] = {_D: has_digit}
    # rules sharing trigger words share their windows (the month names start four rules)
    windows_of: dict[int, list[tuple[int, int]] | None] = {}
    for r in cands:
        digit_re = r.digits
        if digit_re is not None:
            found = digits_found.get(digit_re)
            if found is None:
                found = digits_found[digit_re] = digit_re.search(norm) is not None
            if not found:
                continue
        if r.required is not None and not any(x in norm for x in r.required):
            continue
        if r.needs_number and not has_digit and words.isdisjoint(_number_words()):
            continue
        tw, subs = r.words, r.subs
        if tw or subs:
            if r.key in windows_of:
                wins = windows_of[r.key]
            else:
                # where the trigger words occur (as substrings: a few extra windows cost less than a word index)
                spans = [sp for w in tw.intersection(words) for sp in _occurrences(norm, w)]
                for sub in subs:
                    spans.extend(_occurrences(norm, sub))
                wins = windows_of[r.key] = _widened(norm, spans, n) if spans else None
            if wins is None:
                continue
        else:
            spans = [m.span() for m in digit_re.finditer(norm)] if digit_re is not None else [(0, n)]
            wins = _widened(norm, spans, n)
        out.append((r.prio, r.name, r.pat, wins))
    return out


def _widened(norm: str, spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The windows around ``spans``, widened to white space so that no window cuts a word."""
    return [(_ws_left(norm, s), _ws_right(norm, e)) for s, e in _windows(spans, n)]


def _ws_left(norm: str, s: int) -> int:
    while s > 0 and not norm[s - 1].isspace():
        s -= 1
    return s


def _ws_right(norm: str, e: int) -> int:
    n = len(norm)
    while e < n and not norm[e].isspace():
        e += 1
    return e
