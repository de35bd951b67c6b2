"""A range of clock times that a following date only says when it starts to apply (a curfew) is a schedule:
its values keep the time of day only; a day right after a clock time with nothing between stays its day."""

from __future__ import annotations

from rasd import temporal, text
from rasd.document import Document, check_spans


def _timexes(s: str, published: str = "2024-07-17") -> list[tuple[str, str | None, str | None]]:
    doc = Document(id="t", text=s, published=published, published_source="given")
    text.annotate(doc)
    temporal.annotate(doc)
    assert check_spans(doc) == []
    ids = {t.id: t.text for t in doc.timexes}
    return [(t.text, t.value, ids.get(t.range_to)) for t in doc.timexes]


def test_curfew_hours_before_the_days_it_applies_from_are_a_schedule() -> None:
    s = (
        "وفرضت السلطات حظر التجول في المدينة من الساعة الثامنة مساء إلى الساعة الخامسة صباحا، "
        "بداية من 20 تموز إلى غاية 3 آب."
    )
    assert _timexes(s)[:2] == [
        ("الساعة الثامنة مساء", "T20:00", "الساعة الخامسة صباحا"),
        ("الساعة الخامسة صباحا", "T05:00", None),
    ]


def test_starting_from_a_day_does_not_date_the_hours_either() -> None:
    s = "ويسري الحظر من الساعة العاشرة مساء حتى الساعة السادسة صباحا اعتبارا من السبت المقبل"
    got = _timexes(s)
    assert [v for _, v, _ in got[:2]] == ["T22:00", "T06:00"]


def test_a_day_right_after_a_clock_time_is_still_its_day() -> None:
    got = _timexes("وبدأ الاجتماع الساعة العاشرة من صباح الاثنين")
    assert got[0][:2] == ("الساعة العاشرة", "2024-07-15T10:00")
