"""Bad input never crashes the events layer nor yields spans outside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasd
from rasd import events
from rasd.document import check_spans
from rasd.events.fixture import prepared

ARABIC_BITS = [
    "حذر", "بايدن", "من", "فرض", "عقوبات", "على", "روسيا", "إذا", "اتصال", "هاتفي", "بين", "و", "،", ".", "\"",
    "لم", "نفى", "أن", "المحادثات", "المقبلة", "في", "جنيف", "التي", "ستقودها", "أجرى", "مع", "لكنه", "ال",
    "  ", "\n", "«", "»", "(", ")", "2014", "10", "يناير", "ﻻ", "\u200f", "ً", "ـ",
]  # fmt: skip
ENTITIES = [
    ["بايدن", "PER", "Joe Biden", "person/joe-biden", "country/US", "person"],
    ["روسيا", "LOC", "Russia", "country/RU", "country/RU", "country"],
    ["جنيف", "LOC", "Geneva", "city/geneva", "country/CH", "city"],
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ARABIC_BITS), max_size=60).map(" ".join))
def test_random_arabic_with_entities(text: str) -> None:
    doc = prepared(text, "2021-12-30", ENTITIES, [["2014", "DATE", "2014"]])
    events.annotate(doc)
    assert check_spans(doc) == []
    for ev in doc.events:
        assert ev.source or ev.target
        assert 0 <= ev.sentence < len(doc.sentences)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_through_the_pipeline(text: str) -> None:
    doc = rasd.analyze(text)
    assert check_spans(doc) == []


def test_empty_and_whitespace() -> None:
    for text in ("", " ", "\n\n", "."):
        doc = prepared(text)
        events.annotate(doc)
        assert doc.events == [] and doc.summary == []


def test_dangling_entity_ids_and_odd_timexes_are_tolerated() -> None:
    doc = prepared("أجرى بايدن اتصالا هاتفيا مع بوتين في 10 يناير.", "2021-12-30",
                   [["بايدن", "PER", "Joe Biden"], ["بوتين", "PER", "Vladimir Putin"]],
                   [["10 يناير", "DATE", "PAST_REF"]])  # fmt: skip
    doc.entities[0].country = "country/XX"  # a country the document does not name
    events.annotate(doc)
    assert check_spans(doc) == []
    (ev,) = doc.events
    assert ev.date == "2021-12-30" and ev.date_source == "published"  # PAST_REF is not a calendar date


def test_no_publication_date_means_no_date() -> None:
    doc = prepared(
        "أجرى بايدن اتصالا هاتفيا مع بوتين.",
        None,
        [["بايدن", "PER", "Joe Biden"], ["بوتين", "PER", "Vladimir Putin"]],
    )
    events.annotate(doc)
    (ev,) = doc.events
    assert ev.date is None and ev.date_source is None


def test_a_failing_sentence_costs_only_itself(monkeypatch) -> None:
    from rasd.events import actors

    text = "أجرى بايدن اتصالا هاتفيا مع بوتين. وحذر بوتين بايدن من العقوبات."
    ents = [["بايدن", "PER", "Joe Biden"], ["بوتين", "PER", "Vladimir Putin"]]
    real = actors.fill

    def flaky(ctx, cands, *args, **kwargs):
        if ctx.index == 0:
            raise RuntimeError("boom")
        return real(ctx, cands, *args, **kwargs)

    monkeypatch.setattr(actors, "fill", flaky)
    doc = events.annotate(prepared(text, "2024-01-01", ents))
    assert [ev.type for ev in doc.events] == ["THREATEN"]
