"""The order of the layers, and nothing else."""

from __future__ import annotations

from . import entities, events, quotes, temporal, text
from .document import Document, content_id


def analyze(
    text_: str,
    published: str | None = None,
    kb=None,
    *,
    title: str | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published_source: str | None = None,
) -> Document:
    """Analyze one article. ``published`` is an ISO date; ``kb`` a :class:`rasd.entities.kb.KB` or ``None``
    for the shipped knowledge base."""
    if not isinstance(text_, str):
        raise TypeError(f"text must be str, not {type(text_).__name__}")
    doc = Document(
        id=doc_id or content_id(text_),
        text=text_,
        title=title,
        url=url,
        source=source,
        published=published[:10] if published else None,
        published_source=(published_source or "given") if published else None,
    )
    text.annotate(doc)
    entities.annotate(doc, kb=kb)
    temporal.annotate(doc)
    quotes.annotate(doc)
    events.annotate(doc)
    return doc
