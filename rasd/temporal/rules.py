"""Recognition: every pattern runs over a sentence's normalized text; matches become :class:`Mention` objects
with their parts read off (day, month, number of units…). Overlaps are settled longest-first."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..text import normalize_with_map
from ..text.normalize import normalize_word
from .alternatives import narrowed
from .lexicon import months, relative, units, weekdays
from .numbers import alternation, parse_cardinal, parse_ordinal
from .patterns import today_before, zone_after
from .required import required_pattern, runs_before, search_start
from .scan import Runs, active_rules
from .zones import lookup

# a temporal preposition before an ambiguous month name (في مارس, منذ رمضان) makes it a month
_TIME_PREP_BEFORE = regex.compile(r"(?:^|\s)[وف]?(?:في|منذ|خلال|حتي|قبل|بعد|طيله|طوال)\s+$")
# direction words that follow a bare day number as "of this/last/next month" (15 الجاري، 3 من الشهر الماضي)
_MONTH_DIRECTIONS = {"الجاري", "الحالي", "الماضي", "المنصرم", "الفايت", "المقبل", "القادم"}
# words around الاثنين that make it "the two", not Monday (بين الاثنين، الاثنين معا)
_TWO_AFTER = regex.compile(r"\s+(?:معا|كليهما|كلاهما)(?!\w)")
_FROM_AFTER = regex.compile(r"\s*من\s")
_DECIMAL = regex.compile(r"\d+(?:\.\d+)?")
_TWO_BEFORE = regex.compile(r"(?:بين|كلا|هذين|الطرفين)\s+$")
# what may follow a bare year after a noun (اتفاقية 1968 المتعلقة، انتخابات 2021، التي): the end of a phrase, a
# definite word, a conjunction, a preposition or a function word; a bare indefinite word makes the number a
# count (1968 شخصا)
_YEAR_FOLLOWER = regex.compile(
    r"\s*(?:$|[^\w\s]|و|ال\w|[بل](?!المئه|المائه)\w"
    r"|(?:في|من|علي|الي|عن|مع|حين|عندما|بعد|قبل|ضد|بين|كما|ثم|او|اذ|حيث|لكن|ان|لم|لن|قد|بسبب|رغم|منذ|حتي"
    r"|الا|عبر|ضمن|لدي|عند)(?!\w))"
)


# a dateline's source: a city, a dash, the source and a colon (عمان - الغد: خرج آلاف…)
_DASH_BEFORE = regex.compile(r"[-–—]\s*$")
_COLON_AFTER = regex.compile(r"\s*:")

# a negation and its verb right before an accusative unit: لم تتوقف يوما ("never")
# (a verb of exceeding is no "never": مهلة لا تتجاوز عاما is a limit of a year)
_NEGATED_VERB_BEFORE = regex.compile(
    r"(?:^|\s)[وف]?(?:لم|لن|لا|ما)(?!\s+(?:[يت]?تجاوز|[يت]?تعدي|تتعدي|[يت]زيد|[يت]قل)(?!\w))"
    r"(?:\s+[^\s،,.:]+){1,2}\s+$"
)
# an accusative unit, بعد and the same unit: يوما بعد يوم ("day by day")
_REPEATED_AFTER = regex.compile(r"(?P<u>\w+)ا\s+بعد\s+(?P=u)(?!\w)")
_REPEATED_BEFORE = regex.compile(r"(?:^|\s)(?P<u>\w+)ا\s+بعد\s+$")
_OF_TIME_AFTER = regex.compile(r"\s+من\s+الزمن(?!\w)")

_NAME = "name"  # a date-shaped name (حركة 20 فبراير): it takes its span, then is dropped
_OPEN_QUOTE = '"«“'
_CLOSE_QUOTE = '"»”'


@lru_cache(maxsize=1)
def _name_before() -> regex.Pattern:
    """An indefinite noun (name_noun in relative_time.tsv) right before a time word: صحيفة الغد, سوق الجمعة."""
    return regex.compile(rf"(?:^|\s)[وفبلك]?{alternation(relative()['name_noun'])}\s+$", regex.VERSION0)


def _general_noun(word: str) -> bool:
    """A definite noun (general_noun in relative_time.tsv) after which العام means "general": الأمين العام."""
    nouns = relative().get("general_noun", {})
    return word in nouns or (word[:1] in "وفبلك" and word[1:] in nouns) or "ا" + word[1:] in nouns


def _in_name(norm: str, s: int, e: int) -> bool:
    """Whether the word(s) at ``norm[s:e]`` name something (a newspaper, a party, a market) rather than a day:
    after a noun such as صحيفة/حزب/سوق, or alone between quotation marks (لـ"الغد")."""
    if 0 < s and e < len(norm) and norm[s - 1] in _OPEN_QUOTE and norm[e] in _CLOSE_QUOTE:
        return True
    if _COLON_AFTER.match(norm, e) and _DASH_BEFORE.search(norm, max(0, s - 4), s):
        return True  # the source in a dateline (عمان - الغد: …): a newspaper, not tomorrow
    return _name_before().search(norm, max(0, s - 16), s) is not None


@dataclass
class Mention:
    kind: str  # the rule that matched (date, month, year, time_hm, duration, …)
    start: int  # offsets into the document text
    end: int
    nstart: int  # offsets into the sentence's normalized text
    nend: int
    parts: dict[str, Any] = field(default_factory=dict)
    link_to: Mention | None = None  # the end of a range this mention starts
    link_from: Mention | None = None  # the start of a range this mention ends


def _dual_units() -> set[str]:
    return {w for w, (_, c) in units().items() if c == "2"}


def _ambiguous_month(name: str) -> bool:
    m = months().get(" ".join(name.split()))
    return bool(m and m.ambiguous)


def _solar_month(name: str) -> bool:
    m = months().get(" ".join(name.split()))
    return bool(m and m.calendar == "solar_hijri")


def _groups(m: regex.Match) -> dict[str, str]:
    """The groups of a match that took part in it."""
    return {k: v for k, v in m.groupdict().items() if v is not None}


def _accept(kind: str, g: dict[str, str], norm: str, s: int) -> bool:
    """Context checks that a regex cannot express cheaply."""
    if g.get("mon") and not g.get("year") and _solar_month(g["mon"]):
        return False  # تير، مهر، دي are ordinary words too: an Iranian month only with its year
    if kind in ("month",) and _ambiguous_month(g["mon"]):
        if not (g.get("shahr") or g.get("year") or g.get("m2") or g.get("rel") or g.get("bnd")):
            if not _TIME_PREP_BEFORE.search(norm, max(0, s - 12), s):
                return False
    if g.get("year") and not g.get("era"):
        y = int(g["year"])
        if kind in ("year", "range_years") and not 1800 <= y <= 2100:
            return False
    if kind == "range_years" and not int(g["y1"]) < int(g["year"]) <= 2100:
        return False
    if kind in ("weekday", "phrase") and not g.get("podc") and _in_name(norm, s, s + len(g["x"])):
        return False
    if kind == "weekday":
        wd = weekdays().get(" ".join(g["wd"].split()))
        if wd and wd[1] and not g.get("podc") and not g.get("rel"):
            if _TWO_BEFORE.search(norm, max(0, s - 12), s) or _TWO_AFTER.match(norm, s + len(g["x"])):
                return False
    if kind == "day_rel_month" and g.get("rel") not in _MONTH_DIRECTIONS and not g.get("same"):
        return False
    if kind == "day_rel_month" and g.get("dayw"):
        # a day in words is a masculine ordinal followed by من (في الثالث من الشهر ذاته); للمرة الثالثة الشهر
        # الماضي counts times, not days
        x, w = g["x"], g["dayw"]
        if w.endswith("ه") or not _FROM_AFTER.match(x, x.find(w) + len(w)):
            return False
    if kind == "year" and g.get("ynoun") and not _YEAR_FOLLOWER.match(norm, s + len(g["x"])):
        return False  # حدود 1500 دولار: a count of what follows, not a year
    if kind == "season" and not (
        g.get("year")
        or g.get("rel")
        or g.get("unit")
        or g.get("dir0")
        or (g["season"].startswith("ال") and (g.get("bnd") or g.get("fasl") or g.get("arrive")))
    ):
        return False  # a season alone (في الصيف) is most often generic
    if kind == "past_n" and not (g.get("n") or g["unit"] in _dual_units()):
        return False
    if kind == "rel_unit" and not (g.get("rel") or g.get("dir0") or g.get("bnd")):
        return False
    if kind == "rel_unit" and g.get("unit") == "العام" and not g.get("dir0") and not g.get("bnd"):
        # الأمين العام السابق، النائب العام الحالي: after such a noun العام is the adjective "general"
        prev = norm[max(0, s - 24) : s].split()
        if prev and _general_noun(prev[-1]):
            return False
    if kind == "duration" and g.get("unit") == "عاما" and not (g.get("n") or g.get("mod") or g.get("full")):
        # إضرابا عاما، نائبا عاما: after an indefinite accusative noun عاما is the adjective "general"
        prev = norm[max(0, s - 24) : s].split()
        if prev and len(prev[-1]) >= 4 and prev[-1].endswith("ا") and not prev[-1].endswith("وا"):
            return False
    if kind == "duration_bare" and g.get("unit") and not g.get("mod"):
        before = _REPEATED_BEFORE.search(norm, max(0, s - 24), s)
        if before and before.group("u") == g["unit"]:
            return False  # يوما بعد يوم: "day by day", no amount of time
    if kind == "duration" and not (g.get("n") or g.get("mod") or g.get("full") or g.get("one")):
        unit = g.get("unit", "")
        entry = units().get(unit)
        if entry and entry[1] == "1" and unit.endswith("ا"):
            # an accusative unit alone (يوما، عقدا)
            if _REPEATED_AFTER.match(norm, s):
                return False  # يوما بعد يوم، عاما بعد عام: "day by day", no amount of time
            if _NEGATED_VERB_BEFORE.search(norm, max(0, s - 30), s):
                return False  # لم تتوقف يوما: "never", not a day
            if entry[0] in ("DE", "CE") and not _OF_TIME_AFTER.match(norm, s + len(g["x"])):
                return False  # اللذين عقدا لقاء، وقعت عقدا: "held", "a contract"; a decade is عقدا من الزمن
    if kind in ("time_hm", "time_zoned") and not (int(g["h"]) <= 24 and int(g["mi"]) < 60):
        return False
    if kind == "time_h" and int(g["h"]) > 24:
        return False
    return True


def _parts(kind: str, g: dict[str, str]) -> dict[str, Any] | None:
    p: dict[str, Any] = dict(g)
    for key in ("day", "mo", "year", "h", "mi", "d1", "y1"):
        if key in g:
            p[key] = int(g[key])
    if "dayw" in g:
        p["day"] = parse_ordinal(g["dayw"])
    if "hw" in g:
        p["h"] = parse_ordinal(g["hw"])
    if "cord" in g:
        p["cord"] = parse_ordinal(g["cord"])
    if "n" in g:
        n = g["n"].replace(",", ".")
        if _DECIMAL.fullmatch(n):
            p["n"] = float(n)
        else:
            p["n"] = parse_cardinal(n)
        if p["n"] is None:
            return None
    if "mon" in g:
        mon = months()[" ".join(g["mon"].split())]
        p["month"], p["calendar"] = mon.number, mon.calendar
    if "mo" in g:
        p["month"], p["calendar"] = p["mo"], "gregorian"
    if "wd" in g:
        p["weekday"] = _weekday(g["wd"])
    if p.get("day") is not None and not 1 <= p["day"] <= 31:
        return None
    if p.get("month") is not None and not 1 <= p["month"] <= 12:
        return None
    return p


def _weekday(name: str) -> int:
    name = " ".join(name.split())
    wd = weekdays()
    return wd[name][0] if name in wd else wd["ال" + name][0]


_ZONE_AHEAD = 60  # characters after a time within which a zone's key word must start (white space, a bracket)


def _zone_ahead(norm: str, pos: int) -> bool:
    """Whether a zone may follow ``pos``: every zone holds توقيت, غ (ت غ), GMT or UTC; most times have none
    after them, and this test costs less than trying the zone pattern (speed only)."""
    seg = norm[pos : pos + _ZONE_AHEAD]
    return "توقيت" in seg or "غ" in seg or "GMT" in seg.upper() or "UTC" in seg.upper()


def _attach_zone(norm: str, offs: list[int], m: Mention) -> None:
    if not _zone_ahead(norm, m.nend):
        return
    z = zone_after().match(norm, m.nend)
    if not z:
        return
    name = z.group("zname")
    zone = lookup(name) if name else None
    if zone is None:
        return
    m.parts["zone"] = zone
    if z.group("zoff"):
        sign = -1 if "-" in z.group("zoff") else 1
        hh, _, mm = z.group("zoff").strip("+- ").replace(" ", "").partition(":")
        m.parts["zoff"] = sign * (int(hh) * 60 + int(mm or 0))
    else:
        m.parts.pop("zoff", None)
    if not z.group("close"):  # the zone directly follows the time: it is part of the expression
        m.nend = z.end()
        m.end = offs[z.end() - 1] + 1


def find(
    text: str, start: int, end: int, norm: str | None = None, offs=None, words: list[str] | Runs | None = None
) -> tuple[str, list[Mention]]:
    """The normalized sentence ``text[start:end]`` and its temporal mentions in text order, without overlaps.
    ``norm``/``offs`` may give the sentence's normalization, with offsets into ``text`` (and one past the end),
    and ``words`` its :func:`~rasd.temporal.scan.sentence_words` or :class:`~rasd.temporal.scan.Runs`."""
    if norm is None or offs is None:
        norm, rel_offs = normalize_with_map(text[start:end])
        offs = [start + o for o in rel_offs]
    cands: list[tuple[int, int, Mention]] = []
    for prio, kind, pat, windows in active_rules(norm, words):
        for m, g in _matches(pat, norm, windows, kind):
            s, e = m.span("x")
            if e <= s or not _accept(kind, g, norm, s):
                continue
            if kind == "date" and "year" not in g and _name_before().search(norm, max(0, s - 16), s):
                # حركة 20 فبراير, ثورة 25 يناير: a name, and without its year the date would get a wrong one;
                # the span stays taken so that the month inside it is not read alone
                cands.append((e - s, -prio, Mention(_NAME, offs[s], offs[e - 1] + 1, s, e)))
                continue
            if kind == "date" and "wd" in g and "podc" not in g:
                t = today_before().search(norm, max(0, s - 24), s)
                if t is not None:  # اليوم الثلاثاء 15 أفريل: the span takes اليوم in; the value is today's
                    s = t.start("podc") if t.group("podc") else t.start("today")
                    g = {**g, "today": "ال"}
            parts = _parts(kind, g)
            if parts is None:
                continue
            ment = Mention(kind, offs[s], _end(text, offs[e - 1] + 1, end), s, e, parts)
            if kind.startswith("range_"):
                s1, e1 = m.span("x1")
                first = dict(parts)
                if kind == "range_years":
                    first["year"] = parts["y1"]
                    kind1 = "year"
                else:
                    first["day"] = parts["d1"]
                    kind1 = "date"
                head = Mention(
                    kind1,
                    offs[s1],
                    _end(text, offs[e1 - 1] + 1, end),
                    s1,
                    e1,
                    first,
                    link_to=None if g.get("lst") else ment,  # يومي 10 و11: two days, not a range
                )
                ment.kind = kind1
                # the pair is judged by its whole stretch so that it beats the single date inside it
                cands.append((e - s1, -prio, head))
            cands.append((e - s, -prio, ment))
    if not cands:
        return norm, []
    cands.sort(key=lambda c: (c[0], c[1]), reverse=True)
    taken: list[Mention] = []
    used = bytearray(len(norm) + 1)
    for _, _, ment in cands:
        # a range start comes with its end: both must be free (the end alone is then seen as used)
        pair = [ment] if ment.link_to is None else [ment, ment.link_to]
        if any(any(used[x.nstart : x.nend]) for x in pair):
            continue
        for x in pair:
            used[x.nstart : x.nend] = b"\x01" * (x.nend - x.nstart)
        taken.extend(pair)
    taken = [x for x in taken if x.kind != _NAME]
    taken.sort(key=lambda x: x.start)
    for i, ment in enumerate(taken):
        if ment.kind.startswith("time"):
            _attach_zone(norm, offs, ment)
            if "zone" not in ment.parts and i + 1 < len(taken):
                _zone_after_day(norm, ment, taken[i + 1])
    return norm, taken


DAY_GAP = 12  # characters between a clock time and the day after it: " من صباح "


def _zone_after_day(norm: str, time: Mention, day: Mention) -> None:
    """``الساعة الثالثة فجر الاثنين بتوقيت بغداد``: a zone after the day that follows a clock time is the
    time's zone; the span stays the time's (the day is a mention of its own)."""
    if day.kind.startswith("time") or day.nstart - time.nend > DAY_GAP or not _zone_ahead(norm, day.nend):
        return
    z = zone_after().match(norm, day.nend)
    if z is None or z.group("close") or z.group("zoff"):
        return
    zone = lookup(z.group("zname"))
    if zone is not None:
        time.parts["zone"] = zone


_NEXT_WORD = regex.compile(r"\S*\s+")


def _matches(pat: regex.Pattern, norm: str, windows: list[tuple[int, int]], kind: str = ""):
    """Matches of ``pat`` in the windows, with their groups. A match whose parts do not make sense (ثلاثة وخمسة أيام) is
    retried from its next word, so that the good expression inside it (خمسة أيام) is still found. Each window is
    searched with the alternatives of rule ``kind`` that may match there (see ``alternatives.py``), and only
    while one of the words every match of the rule holds is ahead (see ``required.py``)."""
    need = required_pattern(kind)
    before = runs_before().get(kind)
    for ws, we in windows:
        ahead = need.search(norm, ws, we) if need is not None else None
        if need is not None and ahead is None:
            continue  # none of the words every match holds: no match in the window
        wpat = narrowed(kind, pat, norm[ws:we])
        if wpat is None:
            continue
        pos = ws
        while pos < we:
            if pos > ws and need is not None:
                ahead = need.search(norm, pos, we)
                if ahead is None:
                    break  # no match can lie ahead in the window
            # a match holds a required word at or after the first one ahead: it starts at most `before` words
            # before that one
            start = pos if before is None or ahead is None else search_start(norm, ahead.start(), before, pos)
            m = wpat.search(norm, start, we)
            if m is None:
                break
            g = _groups(m)
            yield m, g
            if _good(g):
                nxt_pos = m.end()
            else:
                nw = _NEXT_WORD.match(norm, max(m.start("x"), m.start()))
                nxt_pos = nw.end() if nw else m.end()
            pos = max(nxt_pos, m.start() + 1, pos + 1)


def _good(g: dict[str, str]) -> bool:
    """Whether a match's number (in its groups ``g``) parses (the one check that calls for a retry)."""
    n = g.get("n")
    return n is None or n.replace(",", ".").replace(".", "", 1).isdigit() or parse_cardinal(n) is not None


def _end(text: str, e: int, limit: int) -> int:
    """Extend an end offset over trailing tatweel and diacritics, which normalization dropped (هـ)."""
    while e < limit and not normalize_word(text[e]):
        e += 1
    return e
