"""Shared by the events tests: each event of a document as (type, source names, target names)."""

from __future__ import annotations

from rasd.document import Document


def event_actors(doc: Document) -> list[tuple[str, set[str], set[str]]]:
    """(type, source names, target names) of each event, a name being the English KB name or the Arabic one."""
    name = {e.id: e.name_en or e.name for e in doc.entities}
    return [(ev.type, {name[i] for i in ev.source}, {name[i] for i in ev.target}) for ev in doc.events]
