"""Which spans of the document refer to an actor: mentions, roles standing alone, datelines to leave out,
and the head nouns of the article's bodies named again (الجامعة after جامعة الدول العربية)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...document import Document
from ...text import normalize
from ..lexicon import lexicon
from .model import ACTOR_TYPES

_DATELINE_SEPARATORS = ("--", "-", ":", "–", "—")
_DATELINE_SPAN = 48  # characters from the sentence start to the agency: a place and a date at most


def _datelines(doc: Document, reporters: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each dateline: a sentence opening on a place, maybe a date, and a news agency, then a
    separator (القاهرة - (د ب أ):، سنغافورة - 1 - 6 (كونا) --)."""
    out = []
    starts = [s.start for s in doc.sentences]
    for e in doc.entities:
        if e.id not in reporters:
            continue
        for m in e.mentions:
            k = bisect_right(starts, m.start) - 1
            if k < 0 or m.start - starts[k] > _DATELINE_SPAN:
                continue
            rest = doc.text[m.end : m.end + 6].lstrip(") ")
            sep = next((s for s in _DATELINE_SEPARATORS if rest.startswith(s)), None)
            if sep is not None:
                out.append((starts[k], m.end + doc.text[m.end : m.end + 6].index(sep) + len(sep)))
    return out


def _reference_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Mentions, plus the spans of roles the entities layer tied to an entity (نظيره الروسي, الرئيس الأوكراني)
    where they overlap no mention: a title standing alone refers to its holder."""
    actors = [e for e in doc.entities if e.type in ACTOR_TYPES]
    spans = sorted((m.start, m.end, e.id) for e in actors for m in e.mentions if m.end > m.start)
    extra = []
    # is there a mention with start < b and end > a? The mentions starting before b are a prefix of spans:
    # compare the largest end in that prefix
    starts = [s for s, _, _ in spans]
    max_end = [0]  # max_end[i]: the largest end among spans[:i] (i >= 1)
    for _, t, _ in spans:
        max_end.append(max(max_end[-1], t))
    for e in actors:
        for r in e.roles:
            sp = r.span
            if sp is None or sp.end <= sp.start:
                continue
            hi = bisect_left(starts, sp.end + 2)
            if hi and max_end[hi] > sp.start - 2:
                continue  # overlapping or right beside a mention (الأمير | محمد بن سلمان): part of that phrase
            if hi < len(starts) and _honorifics_only(doc.text[sp.end : starts[hi]]):
                continue  # وزير الخارجية السعودي | الأمير | فيصل بن فرحان: the title of the name after it
            extra.append((sp.start, sp.end, e.id))
    if not extra:
        return spans
    out = spans + extra
    out.sort()
    # keep them non-overlapping: the first (earliest, longest) wins
    clean: list[tuple[int, int, str]] = []
    for s in out:
        if clean and s[0] < clean[-1][1]:
            continue
        clean.append(s)
    return clean


_HONORIFIC_GAP = 16  # characters between a title and the name it belongs to: one or two honorifics


def _honorifics_only(gap: str) -> bool:
    """The text between a title and the next mention is one or two honorifics (الأمير، الشيخ، السيد)."""
    words = gap.split()
    if not 0 < len(words) <= 2 or len(gap) > _HONORIFIC_GAP:
        return False
    honorifics = lexicon().title_honorifics
    return all(normalize(w) in honorifics for w in words)


def _bodies(doc: Document, reporters: frozenset[str], ends: list[int]) -> dict[str, tuple[str, int]]:
    """Head nouns of the article's bodies with the article prefixed, kept only where one body has that head."""
    seen: dict[str, tuple[str, int] | None] = {}
    for e in doc.entities:
        if e.type != "ORG" or e.id in reporters or not e.mentions:
            continue
        words = normalize(e.name).split()
        if len(words) < 2:
            continue  # حماس: a one-word name has no head noun to repeat
        head = words[0][2:] if words[0].startswith("ال") else words[0]
        first = min(m.start for m in e.mentions)
        keys = ["ال" + head]
        if len(words) > 2 and words[1].startswith("ال") and words[0].startswith("ال"):
            keys.append(words[0] + " " + words[1])  # الاتحاد الدولي after الاتحاد الدولي لكرة القدم
        for key in keys:
            prior = seen.get(key, (e.id, first))
            seen[key] = None if prior is None or prior[0] != e.id else (e.id, min(first, prior[1]))
    # بعثة صندوق النقد الدولي، وفد حماس: a delegation of a body, named again as البعثة / الوفد, is that body
    for e in doc.entities:
        if e.type != "ORG" or e.id in reporters:
            continue
        for m in e.mentions:
            n = bisect_right(ends, m.start - 1) - 1  # the token right before the mention
            if n < 0 or doc.tokens[n].end > m.start or m.start - doc.tokens[n].end > 1:
                continue
            stem = next((st for _, st in doc.tokens[n].forms if st in lexicon().delegations), None)
            if stem is not None:
                key = "ال" + stem
                prior = seen.get(key, (e.id, doc.tokens[n].start))
                seen[key] = (
                    None if prior is None or prior[0] != e.id else (e.id, min(prior[1], doc.tokens[n].start))
                )
    return {k: v for k, v in seen.items() if v is not None}
