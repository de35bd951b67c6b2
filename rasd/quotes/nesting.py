"""Nesting: a quote whose cue lies inside another quote's content is reported within it ("X said that Y told
Z that …"); its ``parent`` is the innermost such quote."""

from __future__ import annotations

from bisect import bisect_right

from .records import QuoteRec as Quote


def assign_parents(quotes: list[Quote]) -> None:
    by_id = {q.id: q for q in quotes}
    # plain tuples, sorted by content start: for each cue only the contents starting before it and close
    # enough to still hold it are visited, nearest first
    contents = [(p.content.start, p.content.end, p.content.end - p.content.start) for p in quotes]
    by_start = [c[0] for c in contents]
    order = sorted(range(len(quotes)), key=by_start.__getitem__)
    starts = [by_start[pi] for pi in order]
    longest = max([c[2] for c in contents], default=0)
    for qi, q in enumerate(quotes):
        cs, ce = q.cue.start, q.cue.end
        best = -1
        best_len = 0
        for k in range(bisect_right(starts, cs) - 1, -1, -1):
            pi = order[k]
            ps, pe, plen = contents[pi]
            # a content starting here or earlier and holding the cue is at least ce - ps long: once that
            # exceeds the shortest found (or the longest of all), nothing further back can win
            if ce - ps > (best_len if best >= 0 else longest):
                break
            if pi == qi or ce > pe:
                continue
            if best < 0 or plen < best_len or (plen == best_len and pi < best):
                best, best_len = pi, plen  # the shortest content holding the cue, the first of equals
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
