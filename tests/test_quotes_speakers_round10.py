"""Speaker spans of the p/q round, checked as written (the corpus test accepts a speaker that contains the
expected name; these must not run over into the object or the medium spoken to)."""

from __future__ import annotations

import pytest

from rasd.document import check_spans
from rasd.pipeline import analyze

CASES = [
    # a body named by its head alone, then whom it calls on; اللاجئين is no nisba adjective
    ("ودعت المفوضية اللاجئين إلى عدم العودة في الوقت الحالي.", "ودعت", "المفوضية"),
    # a title of two words, then whom it urges
    ("وحث رئيس الوزراء النازحين على العودة إلى منازلهم.", "وحث", "رئيس الوزراء"),
    # the medium spoken to (لـ + its name in quotation marks) is no part of the speaker
    ('وصرح وزير الداخلية لـ"النهار" بأن الأجهزة الأمنية "في حالة تأهب".', "وصرح", "وزير الداخلية"),
    # بحسب بيان للجنة | نشرته وكالة…: the document and its owner, not the agency that carried it
    (
        "وعقدت لجنة الانتخابات المركزية اجتماعا طارئا، بحسب بيان للجنة نشرته وكالة الأنباء الرسمية.",
        "بحسب",
        "بيان للجنة",
    ),
    # a statement issued by a meeting speaks itself
    (
        'وأكد البيان الختامي الصادر عن الاجتماع أن الوزراء "يرفضون أي مساس بسيادة الدول".',
        "وأكد",
        "البيان الختامي",
    ),
]


CASES += [
    # a report issued by a person who is no meeting: the issuer speaks, not the report
    ('وأوضح التقرير الصادر عن المفتش الأميركي أن الخسائر "كبيرة".', "وأوضح", "المفتش الأميركي"),
]

ANONYMOUS = [
    # a count before an unnamed source's head: still the unnamed source
    ('وقالت ثلاثة مصادر مطلعة إن الصفقة "باتت قريبة".', "ثلاثة مصادر مطلعة"),
    ('وقال بعض المسؤولين إن الصفقة "باتت قريبة".', "بعض المسؤولين"),
    # a count and من: the group counted, up to the complementizer
    ('وقال اثنان من المسؤولين إن الصفقة "باتت قريبة".', "المسؤولين"),
]


@pytest.mark.parametrize(("text", "speaker"), ANONYMOUS)
def test_counted_unnamed_source(text: str, speaker: str) -> None:
    doc = analyze(text, published="2025-03-10")
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.anonymous and q.speaker.text == speaker, q.speaker


@pytest.mark.parametrize(("text", "cue", "speaker"), CASES)
def test_speaker_span_as_written(text: str, cue: str, speaker: str) -> None:
    doc = analyze(text, published="2025-03-10")
    assert check_spans(doc) == []
    q = next(q for q in doc.quotes if q.cue.text == cue)
    assert q.speaker is not None and q.speaker.text == speaker, q.speaker
