"""Per-document working data for the quotes layer: tokens with their normalized forms, quotation regions and
an index of entity mentions, built once per document so that the rules below stay linear in its length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from ..document import Document, Entity
from ..text import normalize
from ..text.sentences import quote_regions
from .lexicon import Lexicon, lexicon

_SINGLE = regex.compile(r"‘([^‘’\n]{1,2000})’")  # ‘…’ pairs; straight ' is an apostrophe too often
PUNCT_END = frozenset(".؟?!…")


@dataclass
class Context:
    doc: Document
    lex: Lexicon
    toks: list
    norms: list[str]
    starts: list[int]
    closes: dict[int, int] = field(default_factory=dict)  # opening mark offset -> closing mark offset
    regions: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    mention_starts: list[int] = field(default_factory=list)
    by_name: dict[str, Entity] = field(default_factory=dict)
    by_kb: dict[str, Entity] = field(default_factory=dict)
    by_role: dict[str, Entity] = field(default_factory=dict)
    by_part: dict[str, Entity | None] = field(default_factory=dict)  # a person's last name -> the person
    verb_at: dict[int, tuple] = field(default_factory=dict)  # token index -> (Cue, enclitic) for verb cues

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Entity mentions overlapping ``[start, end)``."""
        hi = bisect_right(self.mention_starts, end - 1)
        return [m for m in self.mentions[max(0, hi - 64) : hi] if m[1] > start and m[0] < end]

    def person_token(self, j: int) -> Entity | None:
        """The person whose last name token ``j`` is (بلينكن for أنتوني بلينكن), when the entities layer
        did not mark this mention."""
        tok = self.toks[j]
        if tok.kind != "word" or not self.by_part:
            return None
        for _k, stem in tok.forms:
            e = self.by_part.get(stem)
            if e is not None:
                return e
        return None

    def region_at(self, open_offset: int) -> int | None:
        return self.closes.get(open_offset)


def build_context(doc: Document) -> Context:
    toks = list(doc.tokens)
    ctx = Context(
        doc=doc,
        lex=lexicon(),
        toks=toks,
        norms=[t.norm for t in toks],
        starts=[t.start for t in toks],
    )
    text = doc.text
    for b in doc.blocks:
        if b.kind == "boilerplate":
            continue
        for o, c in quote_regions(text, b.start, b.end):
            ctx.closes[o] = c
        for m in _SINGLE.finditer(text, b.start, b.end):
            ctx.closes.setdefault(m.start(), m.end() - 1)
    ctx.regions = sorted(ctx.closes.items())
    n = len(text)
    for e in doc.entities:
        for m in e.mentions:
            if 0 <= m.start < m.end <= n:
                ctx.mentions.append((m.start, m.end, e))
                ctx.by_name.setdefault(normalize(text[m.start : m.end]), e)
        if e.kb_id:
            ctx.by_kb.setdefault(e.kb_id, e)
        for r in e.roles:
            if r.text:
                ctx.by_role.setdefault(normalize(r.text), e)
        if e.type == "PER":
            for m in e.mentions:
                words = normalize(m.text).split()
                if words and len(words[-1]) >= 3:
                    other = ctx.by_part.get(words[-1], e)
                    ctx.by_part[words[-1]] = e if other is e else None  # two people share it: unusable
    ctx.mentions.sort(key=lambda m: (m[0], -m[1]))
    ctx.mention_starts = [m[0] for m in ctx.mentions]
    return ctx
