"""Helpers shared by the quote tests."""

from __future__ import annotations

from rasd.document import Document, Quote


def speaker_entity_name(doc: Document, q: Quote) -> str | None:
    """The name of the entity a quote's speaker is linked to, or None."""
    ent = doc.entity(q.speaker.entity) if q.speaker and q.speaker.entity else None
    return ent.name if ent else None
