"""The text layer: blocks, sentences and clitic-aware tokens. Boilerplate gets no sentences or tokens."""

from __future__ import annotations

from ..document import Block, Document, Sentence, fast_construct
from .blocks import split_blocks
from .normalize import normalize, normalize_span, normalize_with_map
from .sentences import split_sentences
from .tokens import Token, clitic_forms, tokenize

__all__ = [
    "annotate",
    "normalize",
    "normalize_span",
    "normalize_with_map",
    "tokenize",
    "clitic_forms",
    "Token",
]


def annotate(doc: Document) -> Document:
    text = doc.text
    blocks, sentences = doc.blocks, doc.sentences
    skipped: list[tuple[int, int]] = []
    for bi, (kind, start, end) in enumerate(split_blocks(text)):
        blocks.append(fast_construct(Block, kind=kind, start=start, end=end))
        if kind == "boilerplate":
            skipped.append((start, end))
            continue
        for s, e in split_sentences(text, start, end):
            sentences.append(fast_construct(Sentence, start=s, end=e, block=bi))
    # One pass over each stretch between boilerplate blocks is cheaper than one per block; tokens never cross a
    # line, so this gives the same tokens as tokenizing the content blocks one by one.
    if not skipped:
        doc._tokens = tokenize(text)
        return doc
    tokens: list[Token] = []
    pos = 0
    for s, e in skipped:
        tokens += tokenize(text, pos, s)
        pos = e
    tokens += tokenize(text, pos)
    doc._tokens = tokens
    return doc
