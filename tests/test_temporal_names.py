"""A time word inside a name is no date: after a noun such as صحيفة/حزب/سوق, alone in quotation marks, or
inside an entity mention the entity layer found (a market, a newspaper named after a day)."""

from __future__ import annotations

from rasd import temporal, text
from rasd.document import Document, Entity, Span, check_spans


def _doc(s: str, names: list[tuple[str, str]] = ()) -> Document:
    doc = Document(id="t", text=s, published="2024-04-14", published_source="given")
    text.annotate(doc)
    for i, (name, typ) in enumerate(names):
        k = s.index(name)
        doc.entities.append(
            Entity(id=f"e{i}", type=typ, name=name, mentions=[Span(start=k, end=k + len(name), text=name)])
        )
    temporal.annotate(doc)
    assert check_spans(doc) == []
    return doc


def test_a_weekday_inside_a_place_the_entity_layer_found_is_no_date():
    s = "وتجمع المحتجون في ميدان الخميس وسط المدينة"
    assert [t.text for t in _doc(s).timexes] == ["الخميس"]  # the time layer alone cannot tell
    assert _doc(s, [("ميدان الخميس", "LOC")]).timexes == []


def test_a_day_word_inside_an_organization_mention_is_no_date():
    s = "وذكرت الغد الأردنية أن الحكومة تدرس القرار"
    assert [t.text for t in _doc(s).timexes] == ["الغد"]
    assert _doc(s, [("الغد الأردنية", "ORG")]).timexes == []


def test_a_date_next_to_a_name_is_kept():
    s = "وزار الوزير سوق الحميدية الجمعة الماضي"
    doc = _doc(s, [("سوق الحميدية", "LOC")])
    assert [(t.text, t.value) for t in doc.timexes] == [("الجمعة الماضي", "2024-04-12")]


def test_a_quoted_time_word_is_a_name_but_a_quoted_phrase_is_not():
    assert _doc('وقال مصدر مطلع لـ"الغد" إن الاتفاق قريب').timexes == []
    doc = _doc('وقال الوزير: "سنوقع الاتفاق غدا" في ختام الزيارة')
    assert [(t.text, t.value) for t in doc.timexes] == [("غدا", "2024-04-15")]


def test_a_name_that_is_the_time_expression_alone_or_a_part_of_day_is_kept():
    s = "استقبل الرئيس الوزير صباح الثلاثاء في القصر"  # صباح is also a given name: a tagger may take it for one
    doc = _doc(s, [("صباح الثلاثاء", "PER"), ("الوزير صباح الثلاثاء", "PER")])
    assert [(t.text, t.value) for t in doc.timexes] == [("صباح الثلاثاء", "2024-04-09")]
    assert [t.text for t in _doc("وصل الوفد الخميس", [("الخميس", "PER")]).timexes] == ["الخميس"]
