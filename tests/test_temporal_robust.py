"""Bad input never crashes the time layer, and every span stays inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd import temporal, text
from rasd.document import Document, check_spans
from rasd.pipeline import analyze

PIECES = [
    "في",
    "من",
    "إلى",
    "الساعة",
    "16:25",
    "30",
    "٣٠",
    "2021",
    "ديسمبر",
    "كانون",
    "الأول",
    "(",
    ")",
    "/",
    "الخميس",
    "المقبل",
    "الماضي",
    "هـ",
    "رمضان",
    "1445",
    "بتوقيت",
    "غرينتش",
    "GMT+3",
    "قبل",
    "ثلاثة",
    "عشر",
    "أيام",
    "ونصف",
    "مساء",
    "ـ",
    "\u064b",
    "\u200f",
    "99:99",
    "31/02/2021",
    "كل",
    "منذ",
    "خلال",
    "يومين",
    "\n",
    "، ",
    ". ",
    "الحالي",
    "مطلع",
    "العام",
    "القرن",
    "التسعينيات",
    "0",
    "00:61",
    "الثانية",
    "عشرة",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=30),
    st.sampled_from([None, "2021-12-30", "2024-02-29", "bad", "9999-12-31", "0001-01-01", "2021-12"]),
)
def test_random_pieces_never_crash(pieces, published):
    s = " ".join(pieces)
    doc = Document(id="t", text=s, published=published, published_source="given" if published else None)
    text.annotate(doc)
    temporal.annotate(doc)
    assert check_spans(doc) == []
    for t in doc.timexes:
        assert t.text.strip() == t.text and t.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(s):
    doc = analyze(s)
    assert check_spans(doc) == []


def test_boilerplate_is_not_read():
    s = "أعلنت الوزارة أمس خطة جديدة للطاقة تستمر ثلاثة أعوام.\nاقرأ المزيد\nيحتوي هذا القسم على المقلات ذات صلة, الموضوعة في (Related Nodes field)"
    doc = analyze(s, published="2021-12-30")
    boiler = [b for b in doc.blocks if b.kind == "boilerplate"]
    for t in doc.timexes:
        assert not any(b.start <= t.start < b.end for b in boiler)
    assert [t.value for t in doc.timexes] == ["2021-12-29", "P3Y"]


def test_impossible_dates_get_no_value():
    doc = analyze("صدر القرار في 31/02/2021 وفي 30 فبراير 2021.", published="2021-12-30")
    assert all(t.value is None for t in doc.timexes)
