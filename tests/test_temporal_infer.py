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


def _full(s: str, today: dt.date = TODAY) -> Document:
    """Text, entities (linked to the shipped knowledge base) and time, with the clock fixed."""
    from rasd import entities

    doc = Document(id="t", text=s)
    text.annotate(doc)
    entities.annotate(doc)
    temporal.annotate(doc, today=today)
    return doc


def test_today_with_a_weekday_is_the_day_after_the_events_of_the_day_before():
    # the emir spoke on Friday the 10th; "today, Saturday" is the 11th (not the Friday of the latest date)
    doc = _doc(
        "أعلن الأمير مساء الجمعة 10 أيار (مايو) 2024 تعليق عمل البرلمان. "
        "ويعقد مجلس الوزراء اجتماعا استثنائيا اليوم السبت لبحث الخطوة."
    )
    assert doc.published == "2024-05-11"
    assert {t.text: t.value for t in doc.timexes}["اليوم السبت"] == "2024-05-11"


def test_a_part_of_day_before_today_and_a_weekday_counts_too():
    doc = _doc(
        "شنت مقاتلات غارات فجر اليوم الأربعاء على مواقع في صعدة، "
        "بعد اشتباكات دامية اندلعت الثلاثاء 19 أيلول (سبتمبر) 2023."
    )
    assert doc.published == "2023-09-20"


def test_yesterday_with_a_weekday_moves_the_latest_date_to_the_day_after():
    doc = _doc("افتتح الوزير أمس الخميس 14 آذار (مارس) 2024 مشروعا لتحلية المياه في البصرة.")
    assert doc.published == "2024-03-15"
    # أمس before a weekday and a converted Hijri date
    doc = _doc(
        "وتعهد المانحون في الاجتماع الذي عقد في بروكسل أمس الأحد، الموافق 18 ذو القعدة 1445 هـ، بتقديم الدعم."
    )
    assert doc.published == "2024-05-27"


def test_a_date_after_mundhu_is_not_the_publication_date():
    doc = _doc("قال الوزير أمس الخميس إن منسوب دجلة في أدنى مستوياته منذ 25 آذار (مارس) 2023.")
    assert doc.published is None  # no day of the report is written: nothing rather than a wrong year
    doc = _doc(
        "صوت البرلمان مساء أمس الخميس على منح الثقة للحكومة، منهيا أزمة استمرت منذ الانتخابات التي جرت "
        "في 10 تشرين الأول (أكتوبر) 2021. وكلف الرئيس رئيس الوزراء في 13 تشرين الأول الجاري."
    )
    assert doc.published is None  # the current October is not the one of the election


def test_a_background_date_later_than_every_candidate_leaves_the_date_unknown():
    doc = _doc(
        "فشل البرلمان أمس الأربعاء في انتخاب رئيس، في ظل الشغور الذي بدأ في 31 تشرين الأول (أكتوبر) 2022، "
        "وذكر النواب بانفجار المرفأ في 4 آب (أغسطس) 2020."
    )
    assert doc.published is None  # not 2020-08-04 (nor a day after it): the report is later than 2022


def test_the_years_in_office_of_the_people_named_break_a_weekday_tie():
    # Tuesday 3 January fits 2017 and 2023; the Iraqi prime minister named took office in 2022
    s = (
        "استقبل رئيس الوزراء العراقي محمد شياع السوداني اليوم الثلاثاء 3 كانون الثاني (يناير) في بغداد وفدا "
        "اقتصاديا، لبحث اتفاق وقع في 2015."
    )
    doc = _full(s)
    assert doc.published == "2023-01-03"
    # with no one linked, the first fitting year after the written one
    doc = _doc(
        "استقبل رئيس الوزراء اليوم الثلاثاء 3 كانون الثاني (يناير) في بغداد وفدا، لبحث اتفاق وقع في 2015."
    )
    assert doc.published == "2017-01-03"


def test_a_title_given_in_the_text_and_a_former_holder_narrow_the_years_in_office():
    # Wednesday 4 September fits 2013, 2019 and 2024. Counted over all their KB roles, the people named tie
    # 2013 with 2024 (Sisi was defence minister, Fidan intelligence chief, Morsi president in 2013); the titles
    # the article gives (president, foreign minister) and Morsi named as a former president leave 2024, where the
    # years written (منذ 2012) would otherwise pull the tie to the nearest fitting year, 2013.
    s = (
        "وقع الرئيس المصري عبد الفتاح السيسي ووزير الخارجية التركي هاكان فيدان ونظيره المصري بدر عبد العاطي "
        "اليوم الأربعاء 4 أيلول (سبتمبر) اتفاقا في أنقرة، هو الأول بين البلدين منذ 2012، بعد خلاف بدأ عام 2013 "
        "حين عزل الرئيس الأسبق محمد مرسي."
    )
    assert _full(s).published == "2024-09-04"


def test_a_date_announced_after_a_proviso_is_no_publication_date():
    # "، على أن" + an imperfect verb tells what is still to come: the date after it is announced, not told
    s = (
        "أعلن وزير الخارجية، الأربعاء 15 آذار (مارس)، أن بلاده قررت الانضمام إلى المعاهدة، "
        "على أن يصبح الانضمام نافذا اعتبارا من 1 كانون الثاني (يناير) 2024. "
        "وقال الوزير في مؤتمر صحافي عقده الساعة العاشرة صباحا إن القرار نهائي."
    )
    doc = _doc(s)
    assert (doc.published, doc.published_source) == ("2023-03-15", "inferred")
    assert {t.text: t.value for t in doc.timexes}["الساعة العاشرة صباحا"] == "2023-03-15T10:00"
    # after a verb, على أن + a noun is what was said: its date is told, and may date the article
    said = _doc("وشدد الوزير على أن الاتفاق الموقع في 3 مارس 2023 ما زال ساريا.")
    assert said.published == "2023-03-03"


def test_a_date_long_after_the_days_told_with_a_weekday_is_announced():
    # no future cue before the written date (تصبح is an imperfect, not a cue): it lies months after the day
    # told with its weekday, so it is announced, and the article is dated by the weekday
    s = (
        "أعلن وزير الخارجية، الخميس 24 آب (أغسطس)، أن بلاده ستنضم إلى المجموعة. "
        "وتصبح العضوية نافذة اعتبارا من 1 كانون الثاني (يناير) 2024."
    )
    assert _doc(s).published == "2023-08-24"
    # a written date a few days after the weekday's is told: the latest events
    told = "التقى الوفدان الاثنين 4 أيلول (سبتمبر) في جنيف، ووقعا الاتفاق في 6 أيلول (سبتمبر) 2023."
    assert _doc(told).published == "2023-09-06"


def test_a_bare_weekday_told_after_the_latest_dated_day_moves_the_publication_date():
    s = (
        "بدأ الجيش عملية عسكرية فجر الاثنين 3 تموز (يوليو) 2023 في المخيم. "
        "وانسحبت القوات مساء الثلاثاء بعد يومين من القتال، وشيع الآلاف القتلى."
    )
    doc = _doc(s)
    assert doc.published == "2023-07-04"  # not before Tuesday, the day after Monday the 3rd
    assert {t.text: t.value for t in doc.timexes}["مساء الثلاثاء"] == "2023-07-04"  # not 27 June
    # a weekday six days on is the one before the dated day: the date stays
    before = "أعلنت الحكومة الاثنين 3 تموز (يوليو) 2023 خطة جديدة، بعد اجتماع عقدته الأحد."
    assert _doc(before).published == "2023-07-03"
    # a weekday told in the pluperfect (background) does not move it either
    older = (
        "أعلنت الحكومة الاثنين 3 تموز (يوليو) 2023 خطة جديدة للطاقة. "
        "وكان البرلمان قد رفض الثلاثاء مشروعا مماثلا."
    )
    assert _doc(older).published == "2023-07-03"
