"""Inferring the publication date when none is given, and never overriding a given one."""

from __future__ import annotations

import datetime as dt

from rasd import temporal, text
from rasd.document import Document

TODAY = dt.date(2026, 11, 29)


def _doc(s: str, published: str | None = None, today: dt.date = TODAY) -> Document:
    doc = Document(id="t", text=s, published=published, published_source="given" if published else None)
    text.annotate(doc)
    temporal.annotate(doc, today=today)
    return doc


def test_weekday_and_date_fix_the_year_after_the_latest_year_written():
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر أن الأزمة بدأت في 2010.")
    assert (doc.published, doc.published_source) == ("2010-12-30", "inferred")
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر أن الأزمة بدأت في 2014.")
    assert doc.published == "2021-12-30"


def test_an_old_year_written_does_not_date_the_article():
    # 30 July fell on a Sunday in 2017 and 2023: a year written long before (2007) only bounds the search,
    # and the latest fitting year not after the clock wins over the first one after 2007.
    doc = _doc("عقد الاجتماع مساء الأحد 30 تموز (يوليو) في القاهرة، بعد قطيعة بدأت في حزيران (يونيو) 2007.")
    assert doc.published == "2023-07-30"
    # a year written within three years of a fitting one still dates the article
    doc = _doc("عقد الاجتماع مساء الأحد 30 تموز (يوليو) في القاهرة، بعد قطيعة بدأت في 2015.")
    assert doc.published == "2017-07-30"


def test_weekday_and_date_without_any_year_take_the_latest_past_year():
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر خطة جديدة.")
    assert doc.published == "2021-12-30"  # 2027 would be in the future of the clock
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر خطة جديدة.", today=dt.date(2028, 1, 5))
    assert doc.published == "2027-12-30"


def test_relative_expressions_follow_the_inferred_date():
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر أن الوزير وصل أمس، في 2014 كانت الأزمة.")
    values = {t.text: t.value for t in doc.timexes}
    assert values["أمس"] == "2021-12-29"


def test_latest_absolute_date_when_no_weekday():
    doc = _doc("وقعت الاشتباكات في 3 مارس 2023، وقال الجيش في 12 مارس 2023 إنه استعاد السيطرة.")
    assert (doc.published, doc.published_source) == ("2023-03-12", "inferred")


def test_future_dates_do_not_set_the_publication_date():
    doc = _doc("بدأت الأزمة في 3 مارس 2023. وستعقد القمة المقبلة في 20 مايو 2024.")
    assert doc.published == "2023-03-03"


def test_current_month_with_a_written_year():
    doc = _doc("تراجعت الأسعار في مارس 2023. ويتوقع أن تتحسن منتصف مارس الجاري.")
    assert (doc.published, doc.published_source) == ("2023-03", "inferred")
    values = {t.text: t.value for t in doc.timexes}
    assert values["منتصف مارس الجاري"] == "2023-03"


def test_nothing_to_infer_leaves_relative_values_empty():
    doc = _doc("أعلنت الوزارة أمس عن إجراءات جديدة خلال يومين.")
    assert doc.published is None and doc.published_source is None
    by_text = {t.text: t for t in doc.timexes}
    assert by_text["أمس"].value is None
    assert by_text["يومين"].value == "P2D"  # durations need no anchor


def test_year_less_date_without_anchor_stays_partial():
    doc = _doc("يعقد المؤتمر في 10 يناير.")
    assert [t.value for t in doc.timexes] == ["XXXX-01-10"]


def test_given_date_is_never_overridden():
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر خطة جديدة.", published="2024-05-20")
    assert (doc.published, doc.published_source) == ("2024-05-20", "given")
    # values follow the given date: no December 30 near May 2024 is a Thursday, so no year is guessed
    assert [t.value for t in doc.timexes] == ["XXXX-12-30"]


def test_hijri_date_with_year_sets_the_publication_date():
    doc = _doc(
        "أعلنت المحكمة العليا مساء الأحد 29 شعبان 1445 هـ ثبوت رؤية هلال رمضان، وأن يوم غد هو أول أيام الشهر."
    )
    assert (doc.published, doc.published_source) == ("2024-03-10", "inferred")
    assert {t.text: t.value for t in doc.timexes}["يوم غد"] == "2024-03-11"


def test_a_year_still_to_come_does_not_bound_the_weekday_search():
    doc = _doc("أعلنت الحكومة الخميس 30 ديسمبر خطة لخفض الانبعاثات بحلول 2050.")
    assert doc.published == "2021-12-30"
