"""The years in office of the people the entity layer linked to the knowledge base: when a weekday + day +
month written without a year fits several years, the year most of them held their roles in wins (see
``infer.py``, rule 1a)."""

from __future__ import annotations

from ..document import Document


def role_years(doc: Document, clock_year: int) -> list[list[tuple[int, int]]]:
    """For each person in ``doc.entities`` linked to the shipped knowledge base, the ``(start, end)`` years of
    their roles there (an open end runs to next year; a role without a start year is left out)."""
    people = {e.kb_id for e in doc.entities if e.kb_id and e.type == "PER"}
    if not people:
        return []
    from ..entities.kb import shipped_kb  # read only when several years fit: the entity layer has loaded it

    entries = shipped_kb().entries
    out: list[list[tuple[int, int]]] = []
    for kb_id in sorted(people):
        roles = (entries.get(kb_id) or {}).get("roles")
        if not roles:
            continue
        spans = []
        for r in roles:
            start, end = r.get("start"), r.get("end")
            if isinstance(start, int) and (end is None or isinstance(end, int)):
                spans.append((start, end if end is not None else clock_year + 1))
        if spans:
            out.append(spans)
    return out
