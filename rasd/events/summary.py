"""The Arabic extractive summary: the few sentences that carry the most events, quotes and entities."""

from __future__ import annotations

from bisect import bisect_right

from ..document import Document

EVENT_WEIGHT = 3.0
QUOTE_WEIGHT = 1.5
ENTITY_WEIGHT = 1.0
MIN_WORDS = 6
LEAD_BONUS = 6.0  # a news lead states the main event: it should take a very busy sentence to displace it


def summary_size(n_sentences: int) -> int:
    """About one sentence in six, between two and five."""
    return max(2, min(5, round(n_sentences / 6)))


def summarize(doc: Document, size: int | None = None) -> list[int]:
    """Indices of the summary's sentences, in text order. Headings and very short sentences are skipped."""
    n = len(doc.sentences)
    if n == 0:
        return []
    score = [0.0] * n
    for ev in doc.events:
        if 0 <= ev.sentence < n:
            score[ev.sentence] += EVENT_WEIGHT
    for q in doc.quotes:
        si = q.sentence if q.sentence is not None else doc.sentence_at(q.cue.start)
        if si is not None and 0 <= si < n:
            score[si] += QUOTE_WEIGHT
    seen: list[set[str]] = [set() for _ in range(n)]
    # doc.sentence_at() over plain lists (sentences are sorted and disjoint): one bisect per mention
    starts = [s.start for s in doc.sentences]
    ends = [s.end for s in doc.sentences]
    for e in doc.entities:
        for m in e.mentions:
            si = bisect_right(starts, m.start) - 1
            if si >= 0 and m.start < ends[si]:
                seen[si].add(e.id)
    kinds = [doc.blocks[s.block].kind if s.block < len(doc.blocks) else "paragraph" for s in doc.sentences]
    cands = []
    for i, s in enumerate(doc.sentences):
        words = len(doc.text[s.start : s.end].split())
        if kinds[i] == "heading" or words < MIN_WORDS:
            continue
        # the lead sentence of a news article states its main event: a small bonus keeps it
        lead = LEAD_BONUS if not cands else 0.0
        cands.append((score[i] + ENTITY_WEIGHT * len(seen[i]) + lead, -i, i))
    k = size or summary_size(n)
    top = sorted(cands, reverse=True)[:k]
    return sorted(i for _, _, i in top)
