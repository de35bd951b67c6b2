"""assign_parents visits only the contents that can hold a cue; it must pick what a check of every pair picks:
the shortest content holding the cue (the first of equals), never closing a cycle."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.quotes.nesting import _is_ancestor, assign_parents
from rasd.quotes.records import QuoteRec, Sp, SpeakerRec


def _quote(i: int, cue: tuple[int, int], content: tuple[int, int]) -> QuoteRec:
    return QuoteRec(
        id=f"q{i + 1}",
        kind="indirect",
        cue=Sp(*cue),
        content=Sp(*content),
        speaker=SpeakerRec(0, 1, "x"),
        addressee=None,
        channel=None,
        cue_class="speech",
        sentence=0,
    )


def _every_pair(quotes: list[QuoteRec]) -> list[str | None]:
    """The rule checked over all pairs."""
    by_id = {q.id: q for q in quotes}
    for qi, q in enumerate(quotes):
        best = None
        for pi, p in enumerate(quotes):
            if pi != qi and p.content.start <= q.cue.start and q.cue.end <= p.content.end:
                if best is None or p.content.end - p.content.start < best[1]:
                    best = (pi, p.content.end - p.content.start)
        if best is not None and not _is_ancestor(q.id, quotes[best[0]], by_id):
            q.parent = quotes[best[0]].id
    return [q.parent for q in quotes]


_span = st.tuples(st.integers(0, 60), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_span, _span), max_size=12))
def test_same_parents_as_every_pair(pairs: list) -> None:
    a = [_quote(i, cue, content) for i, (cue, content) in enumerate(pairs)]
    b = [_quote(i, cue, content) for i, (cue, content) in enumerate(pairs)]
    assign_parents(a)
    assert [q.parent for q in a] == _every_pair(b)


def test_innermost_content_is_the_parent() -> None:
    # "X said that Y told Z that …": Y's cue lies in X's content, Z's in both; Z's parent is Y's quote
    qs = [_quote(0, (0, 3), (10, 100)), _quote(1, (20, 25), (30, 90)), _quote(2, (40, 45), (50, 80))]
    assign_parents(qs)
    assert [q.parent for q in qs] == [None, "q1", "q2"]


def test_equal_contents_first_wins_and_no_cycle() -> None:
    qs = [_quote(0, (12, 14), (10, 50)), _quote(1, (20, 22), (10, 50)), _quote(2, (30, 32), (10, 50))]
    assign_parents(qs)
    assert [q.parent for q in qs] == ["q2", None, "q1"]
