"""Bad or odd input never crashes the quotes layer nor yields a span outside the text; the layer works without
entities and ignores boilerplate."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd import quotes, text
from rasd.document import Entity, Span, check_spans
from rasd.pipeline import new_document
from rasd.quotes.nesting import assign_parents
from rasd.quotes.records import QuoteRec, Sp


class _Errors(logging.Handler):
    """Collects what the layer logs when a sentence trips a rule: the tests want none."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


ERRORS = _Errors()
logging.getLogger("rasd.quotes").addHandler(ERRORS)

PIECES = [
    "قال",
    "وقالت",
    "إن",
    "أن",
    "بأن",
    "وأضاف",
    ":",
    '"',
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "،",
    ".",
    "\n",
    "الوزير",
    "مسؤول",
    "في",
    "البيت",
    "الأبيض",
    "مصادر",
    "بحسب",
    "وفق ما أعلن",
    "نقلا عن",
    "مضيفا",
    "حذر",
    "من",
    "أعرب",
    "عن",
    "وهي",
    "تؤكد",
    "لكنه",
    "(",
    ")",
    "بـ",
    "للرئيس",
    "أبلغه",
    "فيما",
    "قد",
    "كان",
    " ",
    "  ",
    "\u200f",
    "ً",
    "123",
    "x",
    "اقرأ أيضاً",
    "\t",
]


def _run(s: str, entities: list[Entity] | None = None):
    doc = new_document(s)
    text.annotate(doc)
    if entities:
        doc.entities.extend(entities)
    quotes.annotate(doc)
    return doc


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join))
def test_random_cue_soup_never_breaks(s: str) -> None:
    ERRORS.records.clear()
    doc = _run(s)
    assert check_spans(doc) == []
    assert ERRORS.records == []  # no sentence was skipped because a rule raised
    for q in doc.quotes:
        assert q.content.end > q.content.start


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_breaks(s: str) -> None:
    doc = _run(s)
    assert check_spans(doc) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map(" ".join),
    st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=6),
)
def test_odd_entities_never_break(s: str, spans: list[tuple[int, int]]) -> None:
    """Mentions out of range, empty or overlapping (another layer's bug) are tolerated."""
    ents = []
    for i, (a, b) in enumerate(spans):
        m = Span.model_construct(start=a, end=b, text=s[max(0, a) : max(0, b)])
        ents.append(
            Entity.model_construct(
                id=f"e{i}",
                type=["PER", "ORG", "LOC"][i % 3],
                name="x",
                mentions=[m],
                roles=[],
                kind="city",
                country="country/XX",
                kb_id=None,
            )
        )
    ERRORS.records.clear()
    doc = _run(s, ents)
    assert [p for p in check_spans(doc) if p.startswith("quotes")] == []
    assert ERRORS.records == []


def test_empty_and_blank() -> None:
    for s in ("", " ", "\n\n", "،", '"'):
        assert _run(s).quotes == []


def test_unbalanced_and_long_quotation() -> None:
    s = 'وقال الوزير: "لن نتراجع عن قرارنا ' + "والوضع صعب " * 400 + "."
    doc = _run(s)
    assert check_spans(doc) == []
    assert len(doc.quotes) == 1  # colon-introduced, read to the sentence end


def test_without_entities_the_speaker_span_is_kept() -> None:
    doc = _run("وقال المتحدث باسم الحكومة سامر الخطيب إن الحكومة ستعلن خطة جديدة.")
    (q,) = doc.quotes
    assert q.speaker is not None and q.speaker.entity is None
    assert q.speaker.text == "سامر الخطيب"
    assert q.speaker.role == "المتحدث باسم الحكومة"


def test_boilerplate_is_ignored() -> None:
    s = "وقال الوزير إن الاتفاق قريب.\nاقرأ أيضاً\nشارك الخبر على فيسبوك"
    doc = _run(s)
    assert len(doc.quotes) == 1
    assert all(doc.blocks[doc.sentences[q.sentence].block].kind != "boilerplate" for q in doc.quotes)


def test_nesting_never_cycles() -> None:
    a = QuoteRec("q1", "indirect", Sp(0, 3), Sp(10, 50), None, None, None, "speech", 0)
    b = QuoteRec("q2", "indirect", Sp(20, 23), Sp(0, 60), None, None, None, "speech", 0)
    assign_parents([a, b])
    assert not (a.parent == "q2" and b.parent == "q1")


def test_nesting_picks_the_innermost() -> None:
    outer = QuoteRec("q1", "indirect", Sp(0, 3), Sp(5, 100), None, None, None, "speech", 0)
    mid = QuoteRec("q2", "indirect", Sp(10, 13), Sp(15, 90), None, None, None, "speech", 0)
    inner = QuoteRec("q3", "indirect", Sp(20, 23), Sp(25, 80), None, None, None, "speech", 0)
    assign_parents([outer, mid, inner])
    assert (outer.parent, mid.parent, inner.parent) == (None, "q1", "q2")


def test_annotate_is_repeatable_on_a_fresh_document() -> None:
    s = "وأكد الرئيس أن الانتخابات ستجري في موعدها، مشيرا إلى أن الحكومة مستعدة."
    assert _run(s).to_dict()["quotes"] == _run(s).to_dict()["quotes"]
