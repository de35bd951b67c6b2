"""Speaker rules of the n/o round that need the whole pipeline (the temporal layer's time expressions)."""

from __future__ import annotations

from rasd.document import check_spans
from rasd.pipeline import analyze


def test_time_phrase_after_the_verb_is_no_subject() -> None:
    # a subject too long to be read before "قد": the time phrase after the verb must not stand in for it
    text = (
        "وكان رئيس المجلس الرئاسي القائد الأعلى للقوات المسلحة محمد المنفي قد تعهد الأسبوع الماضي "
        'بـ"توحيد المؤسسة العسكرية قبل الانتخابات".'
    )
    doc = analyze(text, published="2025-03-10")
    assert check_spans(doc) == []
    assert any(t.text == "الأسبوع الماضي" for t in doc.timexes)
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.text == "محمد المنفي", q.speaker


def test_unnamed_source_keeps_its_affiliation_before_a_noun_phrase_object() -> None:
    text = 'في حين استبعد مصدر دبلوماسي في القاهرة أي اتفاق "قبل نهاية الشهر".'
    doc = analyze(text, published="2025-03-10")
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.anonymous
    assert q.speaker.text == "مصدر دبلوماسي في القاهرة"
    assert q.content.text.startswith("أي اتفاق")


def test_a_count_of_people_is_not_the_speaker() -> None:
    doc = analyze('وتظاهر المئات من الطلاب أمام الوزارة أمس، مطالبين الحكومة بـ"إلغاء الرسوم الجديدة".')
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.text == "الطلاب", q.speaker
