"""The years in office of the people the entity layer linked to the knowledge base: when a weekday + day +
month written without a year fits several years, the year most of them held their roles in wins (see
``infer.py``, rule 1a)."""

from __future__ import annotations

from ..document import Document


def role_years(doc: Document, clock_year: int) -> list[list[tuple[int, int]]]:
    """For each person in ``doc.entities`` linked to the shipped knowledge base, the ``(start, end)`` years of
    their roles there (an open end runs to next year; a role without a start year is left out)."""
    people = [e.kb_id for e in doc.entities if e.type == "PER" and e.kb_id]
    if not people:
        return []
    from ..entities.kb import shipped_kb  # read only when several years fit: the entity layer has loaded it

    kb = shipped_kb()
    out: list[list[tuple[int, int]]] = []
    for kb_id in dict.fromkeys(people):
        entry = kb.get(kb_id) or {}
        spans = []
        for r in entry.get("roles") or []:
            start, end = r.get("start"), r.get("end")
            if isinstance(start, int) and (end is None or isinstance(end, int)):
                spans.append((start, end if end is not None else clock_year + 1))
        if spans:
            out.append(spans)
    return out
