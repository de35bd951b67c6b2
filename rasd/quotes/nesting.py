"""Nesting: a quote whose cue lies inside another quote's content is reported within it ("X said that Y told
Z that …"); its ``parent`` is the innermost such quote."""

from __future__ import annotations

from .records import QuoteRec as Quote


def assign_parents(quotes: list[Quote]) -> None:
    by_id = {q.id: q for q in quotes}
    # plain tuples in the inner loop: it runs over every pair of quotes
    contents = [(p.content.start, p.content.end, p.content.end - p.content.start) for p in quotes]
    for qi, q in enumerate(quotes):
        cs, ce = q.cue.start, q.cue.end
        best = -1
        best_len = 0
        for pi, (ps, pe, plen) in enumerate(contents):
            if pi == qi or not (ps <= cs and ce <= pe):
                continue
            if best < 0 or plen < best_len:
                best, best_len = pi, plen
        if best >= 0 and not _is_ancestor(q.id, quotes[best], by_id):
            q.parent = quotes[best].id


def same_speaker(a: Quote, b: Quote) -> bool:
    sa, sb = a.speaker, b.speaker
    if sa is None or sb is None:
        return False
    if sa.entity and sa.entity == sb.entity:
        return True
    return sa.text == sb.text


def _is_ancestor(qid: str, p: Quote, by_id: dict[str, Quote]) -> bool:
    """Would making ``p`` the parent of ``qid`` close a cycle?"""
    seen = set()
    cur: Quote | None = p
    while cur is not None and cur.id not in seen:
        if cur.id == qid:
            return True
        seen.add(cur.id)
        cur = by_id.get(cur.parent) if cur.parent else None
    return False
