"""What the time layer reads beyond a single expression: the entity layer's names (a tense cue inside a name is
no cue), a date written as today's (the publication date), and the story told in earlier paragraphs (clock
times with no day of their own, اليوم inside a quotation, ذلك اليوم)."""

from __future__ import annotations

import datetime as dt

from rasd import temporal, text
from rasd.document import Document, Entity, Span, check_spans
from rasd.temporal.story import quoted_spans

TODAY = dt.date(2026, 11, 29)


def _doc(s: str, published: str | None = None, names: tuple[str, ...] = ()) -> Document:
    """The time layer on ``s``; ``names`` stand for what the entity layer found (each occurrence a mention)."""
    doc = Document(id="t", text=s, published=published, published_source="given" if published else None)
    text.annotate(doc)
    for i, name in enumerate(names):
        spans, pos = [], s.find(name)
        while pos >= 0:
            spans.append(Span(start=pos, end=pos + len(name), text=name))
            pos = s.find(name, pos + 1)
        doc.entities.append(Entity(id=f"e{i}", type="PER", name=name, mentions=spans))
    temporal.annotate(doc, today=TODAY)
    assert check_spans(doc) == []
    return doc


def _values(doc: Document) -> dict[str, str | None]:
    return {t.text: t.value for t in doc.timexes}


def test_a_name_that_looks_like_a_future_verb_is_no_cue_once_the_entity_layer_found_it() -> None:
    s = "واستدعت فرنسا سفيرها ستيفان روماتيه للتشاور في مارس"
    # read alone, ستيفان is سـ + an imperfect verb: the month is taken as the next March
    assert _values(_doc(s, "2025-04-20"))["مارس"] == "2026-03"
    assert _values(_doc(s, "2025-04-20", names=("ستيفان روماتيه",)))["مارس"] == "2025-03"


def test_a_name_read_as_fa_plus_a_verb_does_not_hide_the_date_of_writing() -> None:
    s = (
        "اتفق الأمير فيصل بن فرحان ونظيره الإيراني، الخميس 6 أبريل 2023، على إعادة فتح السفارتين. "
        "وكانت الرياض قد قطعت علاقاتها مع طهران في 3 يناير 2016."
    )
    assert _doc(s).published == "2016-01-03"  # فيصل read as ف + يصل (future): the 2023 date is set aside
    assert _doc(s, names=("فيصل بن فرحان",)).published == "2023-04-06"


def test_a_date_written_as_todays_is_the_publication_date_whatever_cue_is_near() -> None:
    s = (
        "ردت فرنسا، اليوم الثلاثاء 15 أفريل، بطرد 12 موظفا، واستدعت سفيرها ستيفان روماتيه للتشاور. "
        "وجاء ذلك بعد توقيف موظف قنصلي يوم الجمعة 11 أفريل، وكانت الأزمة قد بدأت في 30 جويلية 2024."
    )
    doc = _doc(s)  # no entity layer: the cue stays, but اليوم says it all
    assert (doc.published, doc.published_source) == ("2025-04-15", "inferred")
    assert _values(doc)["اليوم الثلاثاء 15 أفريل"] == "2025-04-15"
    hijri = "أعلن الوزير، اليوم الخميس 15 رمضان 1444 هـ، أن الوفد سيزور الرياض. وكان الاتفاق قد وقع في 2016."
    assert _doc(hijri).published == "2023-04-06"


def test_a_given_publication_date_is_never_overridden_by_a_date_written_as_todays() -> None:
    doc = _doc("قال الوزير اليوم الثلاثاء 15 أفريل إن المحادثات مستمرة", "2025-04-16")
    assert doc.published == "2025-04-16"
    assert _values(doc)["اليوم الثلاثاء 15 أفريل"] == "2025-04-15"


def test_a_clock_time_with_no_day_takes_the_day_told_in_an_earlier_paragraph() -> None:
    s = (
        "استخدمت الولايات المتحدة، مساء الخميس 18 نيسان (أبريل)، حق النقض في مجلس الأمن.\n"
        "وحصل المشروع على تأييد 12 عضوا في التصويت، الذي جرى في الساعة الخامسة والنصف مساء بتوقيت نيويورك."
    )
    assert _values(_doc(s, "2024-04-19"))["الساعة الخامسة والنصف مساء بتوقيت نيويورك"] == (
        "2024-04-18T17:30-04:00"
    )


def test_a_day_told_long_before_the_publication_date_is_background_not_the_day_of_a_clock_time() -> None:
    s = (
        "منحت الجمعية العامة فلسطين صفة دولة مراقب في 29 تشرين الثاني (نوفمبر) 2012.\n"
        "ويعقد المجلس جلسة جديدة الساعة العاشرة صباحا بتوقيت غرينتش."
    )
    assert _values(_doc(s, "2024-04-19"))["الساعة العاشرة صباحا بتوقيت غرينتش"] == "2024-04-19T10:00Z"


def test_today_inside_a_quotation_is_the_day_the_words_were_said() -> None:
    s = (
        "أعلن البنك المركزي، صباح أمس الأربعاء 6 مارس (آذار)، رفع أسعار الفائدة.\n"
        "وبعد ساعات من القرار، أعلن الصندوق توصله إلى اتفاق.\n"
        'وقال المحافظ في مؤتمر صحافي: "لن يكون هناك بعد اليوم سعران للدولار في مصر".\n'
        "وقال رئيس الوزراء اليوم إن الحكومة ستوفر الاحتياجات."
    )
    values = [(t.text, t.value) for t in _doc(s, "2024-03-07").timexes if t.text == "اليوم"]
    assert values == [("اليوم", "2024-03-06"), ("اليوم", "2024-03-07")]  # quoted, then the reporter's own


def test_a_straight_quote_left_open_does_not_turn_the_paragraph_inside_out() -> None:
    s = 'قال الوزير أمس إن "الوضع صعب. وأضاف الوزير أن المفاوضات ستستأنف اليوم'
    assert quoted_spans(s, 0, len(s)) == []
    assert _values(_doc(s, "2024-03-07"))["اليوم"] == "2024-03-07"
    assert quoted_spans("أ «ب» ج “د”", 0, 11) == [(3, 4), (9, 10)]


def test_that_day_points_back_within_its_paragraph_only() -> None:
    doc = _doc("وصل الوفد الأحد 14 أبريل.\nوفي ذلك اليوم التقى الرئيس.", "2024-04-19")
    assert _values(doc) == {"الأحد 14 أبريل": "2024-04-14"}  # another paragraph: not reported
    doc = _doc("وصل الوفد الأحد 14 أبريل، وفي ذلك اليوم التقى الرئيس.", "2024-04-19")
    assert _values(doc)["ذلك اليوم"] == "2024-04-14"


def test_a_ranges_ends_are_not_the_day_of_a_clock_time_told_later() -> None:
    # the vote's days (a range, in a relative clause with words between) tell a period; the press conference's
    # hour, told in the next paragraph without a day, is on the day of writing
    s = (
        "أعلنت اللجنة اليوم الاثنين 18 كانون الأول (ديسمبر) النتائج بعد الاقتراع الذي جرى على مدى ثلاثة أيام "
        "بين 10 و12 ديسمبر الجاري.\n\nوقال رئيس اللجنة في مؤتمر صحافي عقده الساعة الثانية ظهرا بتوقيت القاهرة "
        "إن المشاركة بلغت 60 في المئة."
    )
    values = _values(_doc(s))
    assert values["12 ديسمبر الجاري"] == "2023-12-12"
    assert values["الساعة الثانية ظهرا بتوقيت القاهرة"] == "2023-12-18T14:00+02:00"


def test_a_day_told_in_a_relative_clause_with_a_place_phrase_is_not_the_day_of_a_later_clock_time() -> None:
    s = (
        "أعلنت وزارة النقل الأحد 12 أكتوبر إعادة فتح الطريق السريع الذي أغلق في الممر الجبلي مساء الأربعاء الماضي.\n"
        "وقال الوزير إن الحركة استؤنفت عند الساعة 16:00 بالتوقيت المحلي."
    )
    values = _values(_doc(s, "2025-10-12"))
    assert values["مساء الأربعاء الماضي"] == "2025-10-08"
    assert values["الساعة 16:00 بالتوقيت المحلي"] == "2025-10-12T16:00"


def test_a_sentence_opened_by_a_count_after_a_background_paragraph_counts_from_its_day() -> None:
    s = (
        "أعلنت الحكومة أمس السبت خطة جديدة للإسكان.\n"
        "وكان البرلمان قد رفض، في جلسة عقدها الأربعاء 8 أكتوبر، مشروع القانون السابق.\n"
        "وبعد يومين، دعت النقابات إلى إضراب عام."
    )
    values = _values(_doc(s, "2025-10-12"))
    assert values["يومين"] == "2025-10-10"


def test_the_next_day_opening_a_paragraph_counts_from_the_day_told_in_the_paragraph_before() -> None:
    s = (
        "افتتحت المحكمة الدستورية جلساتها الاثنين 3 مارس بالاستماع إلى الادعاء.\n"
        "وفي اليوم التالي، قدم محامو الدفاع مرافعتهم أمام الهيئة."
    )
    assert _values(_doc(s, "2025-03-20"))["اليوم التالي"] == "2025-03-04"
