"""Nesting: a quote whose cue lies inside another quote's content is reported within it ("X said that Y told
Z that …"); its ``parent`` is the innermost such quote."""

from __future__ import annotations

from .records import QuoteRec as Quote


def assign_parents(quotes: list[Quote]) -> None:
    by_id = {q.id: q for q in quotes}
    for q in quotes:
        best: Quote | None = None
        for p in quotes:
            if p is q or not (p.content.start <= q.cue.start and q.cue.end <= p.content.end):
                continue
            if best is None or p.content.end - p.content.start < best.content.end - best.content.start:
                best = p
        if best is not None and not _is_ancestor(q.id, best, by_id):
            q.parent = best.id


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
