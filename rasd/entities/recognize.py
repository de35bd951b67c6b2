"""Mentions: the sequence model's names combined with the knowledge base's matches.

A KB match is taken when the model does not find it clearly outside a name (common words that are also
aliases stay out), and a person's full name from the KB always. A model name that a KB match lies
inside (جامعة القاهرة around القاهرة) wins over it; otherwise the KB match wins. Proclitics are left out of
a mention's span (لأوكرانيا -> أوكرانيا).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..text.tokens import Token
from . import model
from .kb import KB

# a KB name is kept unless the model is at least this sure all its tokens are outside any name (tuned on the
# held-out tenth of ANERcorp train: the KB's places and organizations differ from ANERcorp's conventions)
_KB_MAX_P_OUT = 0.5
# the model's longer name replaces a KB name only where its extra words are names with this P(outside) at most
_EXTEND_MAX_P_OUT = 0.3


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
    seen: set[str] | frozenset[str] = frozenset(),
    p_out_all: list[float] | None = None,
    rejected: list[Mention] | None = None,
) -> list[Mention]:
    """Mentions of one sentence ``tokens[lo:hi]``; the model's P(outside) per token goes to ``p_out_all``
    and the KB matches left out to ``rejected``."""
    labels, p_out = model.tag(tokens[lo:hi], kb)
    if p_out_all is not None:
        p_out_all[lo:hi] = p_out
    model_spans = [(lo + a, lo + b, t) for a, b, t in _bio_spans(labels)]
    kb_matches = kb.match(tokens, lo, hi) if kb is not None and len(kb) else []
    taken: list[Mention] = []
    for m in kb_matches:
        e = kb.entries[m.ids[0]]
        mention = Mention(m.first, m.last, m.start, m.end, e["type"], m.ids, "kb")
        # a KB name is taken where the model sees a name in it too; a person's full name always
        name_p_out = min(p_out[m.first - lo : m.last - lo + 1])
        if name_p_out > _KB_MAX_P_OUT and not (m.last > m.first and e["type"] == "PER"):
            if rejected is not None:
                rejected.append(mention)
            continue
        taken.append(mention)
    out = list(taken)
    for a, b, typ in model_spans:
        overlapping = [m for m in taken if m.first <= b and a <= m.last]
        same = [m for m in overlapping if m.first == a and m.last == b]
        if same and same[0].type != typ and same[0].type == "LOC" and typ == "ORG":
            # the model reads the context (برشلونة the club, not the city): its type wins, the link goes
            out.remove(same[0])
            out.append(Mention(a, b, same[0].start, same[0].end, typ))
            continue
        if any(b - a <= m.last - m.first for m in overlapping):
            continue  # the KB name is as long or longer: it stands
        covered = {j for m in overlapping for j in range(m.first, m.last + 1)}
        if overlapping and any(
            p_out[j - lo] > _EXTEND_MAX_P_OUT for j in range(a, b + 1) if j not in covered
        ):
            continue  # the model stretches a KB name over words it is unsure of (الكرملين أي)
        for m in overlapping:  # the model's longer name wins over KB names inside or across it
            out.remove(m)
        if all(t.kind != "word" for t in tokens[a : b + 1]):
            continue
        k = strip_clitics(tokens[a], kb, seen)
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, typ))
    return out


def recognize(doc: Document, kb: KB | None, single_sentence: bool = False) -> list[Mention]:
    """Flat, non-overlapping mentions over the document's (non-boilerplate) tokens, in text order."""
    tokens = doc.tokens
    ranges = [(0, len(tokens))] if single_sentence else sentence_ranges(doc, tokens)
    seen = {t.norm for t in tokens if t.kind == "word"}
    p_out = [1.0] * len(tokens)
    out: list[Mention] = []
    rejected: list[Mention] = []
    for lo, hi in ranges:
        out.extend(recognize_span(tokens, lo, hi, kb, seen=seen, p_out_all=p_out, rejected=rejected))
    # a KB entity named clearly once is taken at its other mentions too (الحربي after نادية الحربي)
    named = {i for m in out for i in m.kb_ids if len(m.kb_ids) == 1}
    taken = {j for m in out for j in range(m.first, m.last + 1)}
    for m in rejected:
        if named.intersection(m.kb_ids) and not taken.intersection(range(m.first, m.last + 1)):
            out.append(m)
    out = propagate(doc, tokens, ranges, out, p_out)
    out.sort(key=lambda m: m.start)
    return out


# a name found once is found again elsewhere in the article unless the model is this sure it is not a name
PROPAGATE_MAX_P_OUT = 0.9999
PROPAGATE_TYPES = {"PER", "ORG", "LOC", "MISC"}
MAJORITY_TYPE = True


def _key(doc: Document, tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    first = tokens[m.first]
    k = m.start - first.start
    stem = next((st for kk, st in first.forms if kk == k), first.norm)
    return (stem, *(t.norm for t in tokens[m.first + 1 : m.last + 1]))


def propagate(
    doc: Document,
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
) -> list[Mention]:
    """Within-article consistency: the names found (and a person's surname) are looked for at their other
    occurrences, and unlinked mentions of one name take the name's majority type."""
    from .cues import cue_index
    from .kb import match_phrases

    votes: dict[tuple[str, ...], Counter] = {}
    for m in mentions:
        key = _key(doc, tokens, m)
        votes.setdefault(key, Counter())[m.type] += 1
        if m.type == "PER" and m.last > m.first and tokens[m.last].kind == "word":
            votes.setdefault((tokens[m.last].norm,), Counter())["PER_"] += 1
    cues = cue_index().phrases
    names = {k: v for k, v in votes.items() if len(k[0]) >= 3 and k not in cues}
    prefixes = {k[:i] for k in names for i in range(1, len(k))}
    firsts = {k[0] for k in names}
    taken = set()
    for m in mentions:
        taken.update(range(m.first, m.last + 1))
    added = []
    for lo, hi in ranges:
        for i, last, k, key in match_phrases(tokens, names, prefixes, firsts, lo, hi):
            if any(j in taken for j in range(i, last + 1)) or p_out[i] > PROPAGATE_MAX_P_OUT:
                continue
            typ = names[key].most_common(1)[0][0].rstrip("_")
            if typ not in PROPAGATE_TYPES:
                continue
            added.append(Mention(i, last, tokens[i].start + k, tokens[last].end, typ, (), "doc"))
    for m in mentions if MAJORITY_TYPE else ():
        if not m.kb_ids:
            c = votes.get(_key(doc, tokens, m))
            if c and len(c) > 1:
                m.type = c.most_common(1)[0][0].rstrip("_")
    return mentions + added
