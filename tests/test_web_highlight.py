"""The page's highlighter: spans from every layer cut into flat pieces, each knowing what it belongs to."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.document import Block, Document, Entity, Event, Quote, Span, Speaker, Timex
from rasd.web.highlight import render_blocks, speaker_label

TEXT = 'قالت المتحدثة جين ساكي يوم الخميس إن "الرئيس بايدن حث روسيا على التهدئة".\nاقرأ المزيد'


def span(doc_text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def build() -> Document:
    doc = Document(id="t", text=TEXT)
    line = TEXT.index("\n")
    doc.blocks = [
        Block(kind="paragraph", start=0, end=line),
        Block(kind="boilerplate", start=line + 1, end=len(TEXT)),
    ]
    psaki = span(TEXT, "جين ساكي")
    doc.entities = [
        Entity(id="e1", type="PER", name="جين ساكي", name_en="Jen Psaki", mentions=[psaki]),
        Entity(id="e2", type="PER", name="جو بايدن", name_en="Joe Biden", mentions=[span(TEXT, "بايدن")]),
        Entity(id="e3", type="LOC", name="روسيا", name_en="Russia", mentions=[span(TEXT, "روسيا")]),
    ]
    thursday = span(TEXT, "الخميس")
    doc.timexes = [Timex(id="t1", type="DATE", value="2021-12-30", **thursday.model_dump())]
    content = span(TEXT, "الرئيس بايدن حث روسيا على التهدئة")
    doc.quotes = [
        Quote(
            id="q1",
            kind="direct",
            cue=span(TEXT, "قالت"),
            content=content,
            speaker=Speaker(entity="e1", **psaki.model_dump()),
        )
    ]
    return doc


def pieces_text(blocks) -> str:
    return "".join(p.text for b in blocks for p in b.pieces)


def test_pieces_cover_each_block_exactly_once() -> None:
    doc = build()
    blocks = render_blocks(doc)
    for b in blocks:
        assert "".join(p.text for p in b.pieces) == doc.text[b.start : b.end]
        for p in b.pieces:
            assert doc.text[p.start : p.start + len(p.text)] == p.text


def test_entities_dates_and_quotes_are_marked() -> None:
    blocks = render_blocks(build())
    pieces = {p.text: p for p in blocks[0].pieces}
    assert pieces["جين ساكي"].entity.name_en == "Jen Psaki"
    assert pieces["جين ساكي"].speaker
    assert pieces["الخميس"].timex.value == "2021-12-30"
    assert pieces["قالت"].cue
    # The entity inside the quote carries both marks.
    assert pieces["بايدن"].entity.id == "e2" and pieces["بايدن"].quote == "q1"
    assert pieces["روسيا"].entity.type == "LOC" and pieces["روسيا"].quote == "q1"


def test_a_quote_gets_one_chip_naming_its_speaker_at_its_start() -> None:
    doc = build()
    blocks = render_blocks(doc)
    chips = [(p.text, c) for b in blocks for p in b.pieces for c in p.chips]
    assert chips == [("الرئيس ", "جين ساكي")]
    assert speaker_label(doc, doc.quotes[0]) == "جين ساكي"


def test_boilerplate_is_one_plain_piece() -> None:
    blocks = render_blocks(build())
    assert blocks[1].kind == "boilerplate"
    assert [p.text for p in blocks[1].pieces] == ["اقرأ المزيد"]
    assert blocks[1].pieces[0].plain


def test_spans_outside_the_text_are_ignored() -> None:
    doc = build()
    doc.entities.append(
        Entity.model_construct(
            id="bad",
            type="ORG",
            name="x",
            name_en=None,
            kb_id=None,
            roles=[],
            mentions=[Span(start=5, end=999, text="")],
        )
    )
    doc.timexes.append(
        Timex.model_construct(id="t9", type="DATE", value="x", start=40, end=30, text="", mod=None)
    )
    blocks = render_blocks(doc)
    assert pieces_text(blocks) == doc.text[: doc.text.index("\n")] + "اقرأ المزيد"
    assert all(p.entity is None or p.entity.id != "bad" for b in blocks for p in b.pieces)


def test_a_document_without_blocks_is_shown_whole() -> None:
    doc = Document(id="x", text="نص بلا كتل")
    blocks = render_blocks(doc)
    assert [(b.kind, pieces_text([b])) for b in blocks] == [("paragraph", "نص بلا كتل")]


def test_overlapping_entities_choose_the_shorter_span() -> None:
    text = "وزير الخارجية الروسي سيرغي لافروف"
    doc = Document(id="x", text=text, blocks=[Block(kind="paragraph", start=0, end=len(text))])
    doc.entities = [
        Entity(id="a", type="PER", name="سيرغي لافروف", mentions=[span(text, "سيرغي لافروف")]),
        Entity(id="b", type="ORG", name="وزير الخارجية الروسي سيرغي لافروف", mentions=[span(text, text)]),
    ]
    pieces = {p.text: p for p in render_blocks(doc)[0].pieces}
    assert pieces["سيرغي لافروف"].entity.id == "a"
    assert pieces["وزير الخارجية الروسي "].entity.id == "b"


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=0, max_size=60),
    spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
)
def test_any_spans_never_break_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    doc = Document(id="x", text=text)
    doc.blocks = [Block.model_construct(kind="paragraph", start=0, end=len(text))]
    doc.entities = [
        Entity.model_construct(
            id=f"e{i}",
            type="PER",
            name="x",
            name_en=None,
            kb_id=None,
            roles=[],
            mentions=[Span.model_construct(start=s, end=e, text="")],
        )
        for i, (s, e) in enumerate(spans)
    ]
    doc.quotes = [
        Quote.model_construct(
            id=f"q{i}",
            kind="direct",
            speaker=None,
            cue=Span.model_construct(start=s, end=e, text=""),
            content=Span.model_construct(start=e, end=s, text=""),
        )
        for i, (s, e) in enumerate(spans)
    ]
    blocks = render_blocks(doc)
    if text.strip():
        assert pieces_text(blocks) == text


def test_event_triggers_are_marked_with_type_and_modality() -> None:
    doc = build()
    trigger = span(TEXT, "حث")
    doc.events = [
        Event(
            id="v1", type="REQUEST", mode="urge", trigger=trigger, source=["e2"], target=["e3"], sentence=0
        ),
        Event(id="v2", type="THREATEN", trigger=span(TEXT, "قالت"), modality="hypothetical", sentence=0),
    ]
    pieces = {p.text: p for b in render_blocks(doc) for p in b.pieces}
    assert pieces["حث"].event.title == "REQUEST/urge" and pieces["حث"].quote == "q1"
    assert pieces["قالت"].event.title == "THREATEN (hypothetical)" and pieces["قالت"].cue
