"""Mentions: the sequence model's names combined with the knowledge base's matches.

A KB match of two or more tokens is taken as it is; a one-token match is taken when the model does not find
it clearly outside a name (common words that are also aliases stay out). A model name that a KB match lies
inside (جامعة القاهرة around القاهرة) wins over it; otherwise the KB match wins. Proclitics are left out of
a mention's span (لأوكرانيا -> أوكرانيا).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..text.tokens import Token
from . import model
from .kb import KB

# a one-token KB name is kept unless the model is at least this sure the token is outside any name
_KB_SINGLE_MAX_P_OUT = 0.97
_KB_SINGLE_STRONG_KINDS = {"country", "capital", "city", "region", "government_seat", "igo"}


@dataclass(slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    start: int  # char offsets, clitics excluded
    end: int
    type: str
    kb_ids: tuple[str, ...] = ()
    source: str = "model"


def sentence_ranges(doc: Document, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [lo, hi) of the document's sentences (tokens outside any sentence form their own)."""
    out = []
    i, n = 0, len(tokens)
    for s in doc.sentences:
        while i < n and tokens[i].end <= s.start:
            out.append((i, i + 1))
            i += 1
        lo = i
        while i < n and tokens[i].start < s.end:
            i += 1
        if i > lo:
            out.append((lo, i))
    if i < n:
        out.append((i, n))
    return out


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    out = []
    start, typ = None, None
    for i, t in enumerate([*labels, "O"]):
        if t.startswith("I-") and typ == t[2:]:
            continue
        if typ is not None:
            out.append((start, i - 1, typ))
            start, typ = None, None
        if t != "O":
            start, typ = i, t[2:]
    return out


def strip_clitics(tok: Token, kb: KB | None, seen: set[str] | frozenset[str] = frozenset()) -> int:
    """Characters of proclitics to leave out of a name starting with ``tok``: the least stripped reading
    that the KB knows as a name word, or that stands bare elsewhere in the article (``seen``: لأوكرانيا when
    أوكرانيا occurs), or clitic + article (بالعراق)."""
    if len(tok.forms) == 1:
        return 0
    for k, stem in tok.forms:
        if (kb is not None and stem in kb.words) or (k and stem in seen):
            return k
    for k, stem in tok.forms[1:]:
        if stem.startswith("ال") and len(stem) > 3:
            return k
    return 0


def recognize_span(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    kb: KB | None,
    model_path: str | None = None,
    seen: set[str] | frozenset[str] = frozenset(),
) -> list[Mention]:
    sent = tokens[lo:hi]
    labels, p_out = model.tag(sent, kb, model_path)
    model_spans = [(lo + a, lo + b, t) for a, b, t in _bio_spans(labels)]
    kb_matches = kb.match(tokens, lo, hi) if kb is not None and len(kb) else []
    taken: list[Mention] = []
    for m in kb_matches:
        e = kb.entries[m.ids[0]]
        if m.first == m.last and p_out[m.first - lo] > _KB_SINGLE_MAX_P_OUT:
            if e.get("kind") not in _KB_SINGLE_STRONG_KINDS or len(tokens[m.first].forms[0][1]) < 4:
                continue
        taken.append(Mention(m.first, m.last, m.start, m.end, e["type"], m.ids, "kb"))
    out = list(taken)
    for a, b, typ in model_spans:
        inside = [m for m in taken if m.first >= a and m.last <= b]
        overlapping = [m for m in taken if m.first <= b and a <= m.last]
        if overlapping and (
            len(inside) != len(overlapping) or any(m.first == a and m.last == b for m in inside)
        ):
            for m in overlapping:
                if m.first == a and m.last == b:
                    m.source = "both"
            continue
        for m in inside:  # the model's longer name wins over the KB name inside it
            out.remove(m)
        if all(t.kind != "word" for t in tokens[a : b + 1]):
            continue
        k = strip_clitics(tokens[a], kb, seen)
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, typ))
    out.sort(key=lambda m: m.start)
    return out


def recognize(doc: Document, kb: KB | None, single_sentence: bool = False) -> list[Mention]:
    """Flat, non-overlapping mentions over the document's (non-boilerplate) tokens, in text order."""
    tokens = doc.tokens
    ranges = [(0, len(tokens))] if single_sentence else sentence_ranges(doc, tokens)
    seen = {t.norm for t in tokens if t.kind == "word"}
    out: list[Mention] = []
    for lo, hi in ranges:
        out.extend(recognize_span(tokens, lo, hi, kb, seen=seen))
    return out
