"""The time layer's parts: number words, year choice, tense cues, zones, Hijri conversion."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.temporal.anchor import Anchor, choose, gregorian_candidates
from rasd.temporal.cues import find_cues, tense_at
from rasd.temporal.hijri import month_span, to_gregorian
from rasd.temporal.numbers import parse_cardinal, parse_ordinal
from rasd.temporal.resolve import duration_string
from rasd.temporal.zones import lookup, offset_suffix
from rasd.text import normalize


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ثلاثة", 3),
        ("ثلاثة عشر", 13),
        ("اثنا عشر", 12),
        ("خمسة وعشرين", 25),
        ("خمسين", 50),
        ("مئة وخمسين", 150),
        ("ثلاثة آلاف", 3000),
        ("ألفين", 2000),
        ("٤٥", 45),
    ],
)
def test_cardinals(words, value):
    assert parse_cardinal(normalize(words)) == value


def test_two_numbers_side_by_side_are_not_one():
    assert parse_cardinal(normalize("ثلاثة أربعة")) is None


@pytest.mark.parametrize(
    ("words", "value"), [("الأول", 1), ("الثالث عشر", 13), ("الحادي والعشرين", 21), ("الثلاثين", 30)]
)
def test_ordinals(words, value):
    assert parse_ordinal(normalize(words)) == value


@pytest.mark.parametrize(
    ("unit", "n", "iso"),
    [("MIN", 50, "PT50M"), ("W", 3, "P3W"), ("H", 3.5, "PT3H30M"), ("Y", 1.5, "P1Y6M"), ("D", None, "PXD")],
)
def test_duration_strings(unit, n, iso):
    assert duration_string(unit, n) == iso


ANCHOR = Anchor(2021, 12, 30)


def _year(month, day=None, **kw):
    return choose(ANCHOR, gregorian_candidates(ANCHOR, month, day), **kw)


def test_year_choice_by_tense_and_direction():
    assert _year(1, 10) == 2022  # nearest: 11 days ahead
    assert _year(6, tense="past") == 2021
    assert _year(6, tense="future") == 2022
    assert _year(6) == 2021  # unmarked: the past June, within PAST_DAYS
    assert _year(5, 3) is None  # 241 days back, 124 ahead: undecidable
    assert _year(2) == 2022  # 33 days ahead
    assert _year(12, direction=-1) == 2020  # "ديسمبر الماضي" in December is last year's
    assert _year(12, direction=0) == 2021
    assert _year(1, direction=1) == 2022
    assert _year(12, 29, weekday=3) == 2021  # Wednesday 29 December


def test_no_anchor_no_year():
    assert choose(None, [], tense="past") is None


def test_nearest_cue_wins():
    norm = normalize("قال الوزير إن القمة ستعقد في يونيو")
    cues = find_cues(norm)
    i = norm.index("يونيو")
    assert tense_at(cues, i, i + 5) == "future"
    norm = normalize("وكان الرئيسان قد التقيا في يونيو")
    assert tense_at(find_cues(norm), norm.index("يونيو"), len(norm)) == "past"


def test_lookalike_of_a_future_verb_is_no_cue():
    assert find_cues(normalize("سيرغي لافروف")) == []


def test_zones():
    assert lookup("غرينتش") == "UTC"
    assert lookup("GMT") == "UTC"
    assert lookup(normalize("مكة المكرمة")) == "Asia/Riyadh"
    assert offset_suffix("UTC", None) == "Z"
    assert offset_suffix("Asia/Jerusalem", dt.datetime(2021, 7, 1, 9)) == "+03:00"  # summer time
    assert offset_suffix("Asia/Jerusalem", dt.datetime(2021, 12, 30, 9)) == "+02:00"
    assert offset_suffix("local", dt.datetime(2021, 12, 30, 9)) == ""


def test_hijri():
    assert to_gregorian(1445, 8, 29) == dt.date(2024, 3, 10)
    assert to_gregorian(1445, 13, 1) is None
    first, last = month_span(1445, 9)
    assert first == dt.date(2024, 3, 11) and (last - first).days + 1 in (29, 30)


def test_every_holiday_resolves_near_the_anchor() -> None:
    import datetime as dt

    from rasd.temporal.anchor import Anchor
    from rasd.temporal.holidays import holiday_value
    from rasd.temporal.lexicon import holidays
    from rasd.temporal.resolve import Context
    from rasd.temporal.rules import Mention

    anchor = Anchor(2024, 3, 13)
    for name in holidays():
        v = holiday_value(Mention("holiday", 0, 1, 0, 1, {"hol": name}), Context(anchor))
        assert v.day is not None and abs((v.day - dt.date(2024, 3, 13)).days) <= 190, name
