"""fast_construct builds the same model as validation does, only without checking the fields."""

from __future__ import annotations

import json

from rasd.document import Block, Quote, Sentence, Span, Speaker, fast_construct


def _same(fast, slow) -> None:
    assert fast == slow
    assert type(fast) is type(slow)
    assert fast.model_dump() == slow.model_dump()
    assert json.loads(fast.model_dump_json()) == json.loads(slow.model_dump_json())
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.__pydantic_extra__ is None and fast.__pydantic_private__ is None
    assert repr(fast) == repr(slow)


def test_small_models_equal_validated_ones() -> None:
    _same(fast_construct(Span, start=3, end=9, text="الرئيس"), Span(start=3, end=9, text="الرئيس"))
    _same(fast_construct(Block, kind="paragraph", start=0, end=40), Block(kind="paragraph", start=0, end=40))
    _same(fast_construct(Sentence, start=0, end=12, block=0), Sentence(start=0, end=12, block=0))


def test_nested_quote_equals_validated_one() -> None:
    fields = dict(start=0, end=5, text="بايدن", entity="E1", role="الرئيس الأميركي", anonymous=False)
    slow = Quote(
        id="q1",
        kind="indirect",
        cue=Span(start=6, end=9, text="قال"),
        content=Span(start=14, end=30, text="الوضع خطير جدا"),
        speaker=Speaker(**fields, affiliation=None, implicit=False),
        addressee=None,
        channel="statement",
        parent=None,
        cue_class="speech",
        sentence=0,
    )
    fast = fast_construct(
        Quote,
        id="q1",
        kind="indirect",
        cue=fast_construct(Span, start=6, end=9, text="قال"),
        content=fast_construct(Span, start=14, end=30, text="الوضع خطير جدا"),
        speaker=fast_construct(Speaker, **fields, affiliation=None, implicit=False),
        addressee=None,
        channel="statement",
        parent=None,
        cue_class="speech",
        sentence=0,
    )
    _same(fast, slow)


def test_instances_do_not_share_state() -> None:
    a = fast_construct(Span, start=1, end=2, text="a")
    b = fast_construct(Span, start=1, end=2, text="a")
    a.start = 0
    assert b.start == 1 and a.model_fields_set is not b.model_fields_set
