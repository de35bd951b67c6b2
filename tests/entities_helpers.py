"""Shared by the entities tests: run the text and entities layers only, so that a half-built later layer
(quotes, events) cannot fail these tests."""

from __future__ import annotations

from rasd import entities, text
from rasd.document import Document, content_id


def analyze_entities(s: str, kb=None) -> Document:
    doc = Document(id=content_id(s), text=s)
    text.annotate(doc)
    entities.annotate(doc, kb=kb)
    return doc
