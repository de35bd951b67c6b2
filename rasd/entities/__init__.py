"""The entities layer: recognition (trained model + knowledge base), grouping within the article, linking to
the knowledge base, and roles. Fills ``doc.entities``; see ``rasd/entities/*.py`` for each stage."""

from __future__ import annotations

import logging

from ..document import Document
from .cues import match_ranges
from .group import group
from .kb import KB, StemIndex, load_kb
from .link import build_entities
from .recognize import recognize, sentence_ranges
from .roles import find_roles

__all__ = ["annotate", "load_kb", "KB"]

log = logging.getLogger(__name__)


def annotate(doc: Document, kb: KB | None = None, single_sentence: bool = False, **_: object) -> Document:
    """Append the document's entities. ``kb`` defaults to the shipped knowledge base."""
    if kb is None:
        kb = load_kb()
    tokens = doc.tokens
    if not tokens:
        return doc
    ranges = [(0, len(tokens))] if single_sentence else sentence_ranges(doc, tokens)
    index = StemIndex(tokens)  # where each reading occurs: phrase matching visits only possible starts
    cues = match_ranges(tokens, ranges, index)  # read by recognition and roles: found once
    mentions = recognize(doc, kb, single_sentence=single_sentence, ranges=ranges, cues=cues, index=index)
    clusters = [c for c in group(doc, mentions, kb) if c.mentions]
    roles = find_roles(doc, tokens, ranges, mentions, clusters, kb, cues)
    doc.entities.extend(build_entities(doc, clusters, roles, kb))
    return doc
