"""The order of the layers, and nothing else."""

from __future__ import annotations

import gc
from collections.abc import Callable

from . import entities, events, quotes, temporal, text
from .document import Document, content_id

# (name, step): each step reads the Document and the layers before it and adds its own list.
LAYERS: list[tuple[str, Callable[[Document, object], object]]] = [
    ("text", lambda doc, kb: text.annotate(doc)),
    ("entities", lambda doc, kb: entities.annotate(doc, kb=kb)),
    ("time", lambda doc, kb: temporal.annotate(doc)),
    ("quotes", lambda doc, kb: quotes.annotate(doc)),
    ("events", lambda doc, kb: events.annotate(doc)),
]


def new_document(
    text_: str,
    published: str | None = None,
    *,
    title: str | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published_source: str | None = None,
) -> Document:
    if not isinstance(text_, str):
        raise TypeError(f"text must be str, not {type(text_).__name__}")
    return Document(
        id=doc_id or content_id(text_),
        text=text_,
        title=title,
        url=url,
        source=source,
        published=published[:10] if published else None,
        published_source=(published_source or "given") if published else None,
    )


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
    """Analyze one article. ``published`` is an ISO date; ``kb`` a knowledge base from :func:`rasd.load_kb`
    or ``None`` for the shipped one."""
    doc = new_document(
        text_,
        published,
        title=title,
        doc_id=doc_id,
        url=url,
        source=source,
        published_source=published_source,
    )
    # The cyclic garbage collector is paused while the layers run: refcounting frees their temporaries, and
    # the collector's passes over an article's young objects (tokens, spans, candidates) find next to no
    # cycles there; one article's cycles wait for the next pass after it instead.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        for _, step in LAYERS:
            step(doc, kb)
    finally:
        if paused:
            gc.enable()
    _freeze_loaded_data()
    return doc


_frozen = False


def _freeze_loaded_data() -> None:
    """After the first article, move what is loaded (knowledge base, lexicons, model caches) out of the cyclic
    garbage collector's sight: its full passes otherwise rescan those millions of objects every few dozen
    articles (about 0.8 ms per article on average)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
