"""Actor resolution to entities: capitals and seats stand for their state (موسكو، الكرملين -> روسيا), a
person's state (for بلاده، حكومته).
"""

from __future__ import annotations

SEAT_KINDS = {"capital", "government_seat"}


def state_actors(doc_entities) -> dict[str, str]:
    """Capitals and seats of government that stand for a state named in the same document
    (موسكو، الكرملين -> روسيا): event data codes the state as the actor."""
    by_kb = {
        e.kb_id: e.id for e in doc_entities if e.kb_id and e.kind in (None, "country") and e.type == "LOC"
    }
    out = {}
    for e in doc_entities:
        if e.kind in SEAT_KINDS and e.country and e.country in by_kb and by_kb[e.country] != e.id:
            out[e.id] = by_kb[e.country]
    return out


def person_states(doc_entities) -> dict[str, str]:
    """Person -> the document entity of the state he belongs to (for بلاده، حكومته as a subject)."""
    by_kb = {
        e.kb_id: e.id for e in doc_entities if e.kb_id and e.kind in (None, "country") and e.type == "LOC"
    }
    return {e.id: by_kb[e.country] for e in doc_entities if e.type == "PER" and e.country in by_kb}


_UNION_KINDS = {"eu_body": "org/eu"}  # the Commission, the Parliament: bodies of the European Union


def sides(doc_entities) -> dict[str, str]:
    """Entity -> the KB id of the state (or union) it belongs to: a state itself, its capital, ministries and
    people by their country; a person of a body (the Commission's president) by the body's side."""
    own: dict[str, str] = {}  # KB id -> side
    for e in doc_entities:
        if e.kb_id:
            own[e.kb_id] = (
                _UNION_KINDS.get(e.kind or "") or (e.country if e.type != "PER" else None) or e.kb_id
            )
    out = {}
    for e in doc_entities:
        side = _UNION_KINDS.get(e.kind or "") or (own.get(e.country, e.country) if e.country else None)
        side = side or (own.get(e.kb_id) if e.kb_id else None)
        if side:
            out[e.id] = side
    return out


def dedup(ids: list[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out
