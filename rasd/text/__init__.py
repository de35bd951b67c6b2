"""The text layer: blocks, sentences and clitic-aware tokens. Boilerplate gets no sentences or tokens."""

from __future__ import annotations

from ..document import Block, Document, Sentence
from .blocks import split_blocks
from .normalize import normalize, normalize_with_map
from .sentences import split_sentences
from .tokens import Token, clitic_forms, tokenize

__all__ = ["annotate", "normalize", "normalize_with_map", "tokenize", "clitic_forms", "Token"]


def annotate(doc: Document) -> Document:
    text = doc.text
    tokens: list[Token] = []
    for kind, start, end in split_blocks(text):
        bi = len(doc.blocks)
        doc.blocks.append(Block.model_construct(kind=kind, start=start, end=end))
        if kind == "boilerplate":
            continue
        for s, e in split_sentences(text, start, end):
            doc.sentences.append(Sentence.model_construct(start=s, end=e, block=bi))
        tokens.extend(tokenize(text, start, end))
    doc._tokens = tokens
    return doc
