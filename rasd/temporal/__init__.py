"""The time layer: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) with values resolved against the
publication date, which is inferred from the text when none was given (see ``infer.py``).

Only sentences are read (boilerplate has none). Layout: ``lexicon`` (data files), ``numbers`` (number words),
``patterns``/``rules`` (recognition), ``cues`` (tense), ``anchor`` (year choice), ``resolve`` (values),
``zones``, ``hijri``, ``infer`` (publication date), ``ranges`` (linked pairs)."""

from __future__ import annotations

import datetime as dt

from ..document import Document, Timex
from .anchor import Anchor
from .cues import find_cues, tense_at
from .infer import infer
from .patterns import AFTER_MIN, PREP_BEFORE
from .ranges import link_ranges
from .resolve import Context, Value, value_of
from .rules import Mention, find

__all__ = ["annotate", "find", "infer", "Anchor"]


def _prep(norm: str, m: Mention) -> str | None:
    """قبل / بعد / منذ right before a duration, unless من follows (قبل يومين من الانتخابات)."""
    if m.kind != "duration":
        return None
    pm = PREP_BEFORE.search(norm, max(0, m.nstart - 12), m.nstart)
    if not pm or AFTER_MIN.match(norm, m.nend):
        return None
    return pm.group("prep")


def annotate(doc: Document, today: dt.date | None = None, **kwargs) -> Document:
    """Fill ``doc.timexes``; set ``doc.published`` (source "inferred") when it is missing and can be inferred.
    ``today`` stands for the clock when inferring a year (tests fix it)."""
    sentences = []
    for s in doc.sentences:
        norm, mentions = find(doc.text, s.start, s.end)
        if mentions:
            cues = find_cues(norm)
            tenses = [tense_at(cues, m.nstart, m.nend) for m in mentions]
            sentences.append((norm, mentions, tenses))
    anchor = Anchor.parse(doc.published)
    if doc.published is None:
        anchor = infer([(m, t) for _, ms, ts in sentences for m, t in zip(ms, ts, strict=True)], today)
        if anchor is not None:
            doc.published = anchor.iso()
            doc.published_source = "inferred"
    resolved: list[tuple[Mention, Value]] = []
    for norm, mentions, tenses in sentences:
        day = None  # the sentence's last day-precise date, for the clock times after it
        start = len(resolved)
        for m, tense in zip(mentions, tenses, strict=True):
            try:
                v = value_of(m, Context(anchor, tense, day), _prep(norm, m))
            except (ValueError, KeyError, OverflowError, TypeError):
                v = Value("DATE", None)  # a malformed match must not stop the article
            if v.day is not None and not m.kind.startswith("time"):
                day = v.day
            resolved.append((m, v))
        link_ranges(norm, resolved[start:])
    ids = {id(m): f"t{i + 1}" for i, (m, _) in enumerate(resolved)}
    for m, v in resolved:
        doc.timexes.append(
            Timex(
                start=m.start,
                end=m.end,
                text=doc.text[m.start : m.end],
                id=ids[id(m)],
                type=v.type,
                value=v.value,
                mod=v.mod,
                anchor=anchor.iso() if (v.anchored and anchor) else None,
                range_to=ids.get(id(m.link_to)) if m.link_to is not None else None,
                range_from=ids.get(id(getattr(m, "link_from", None)))
                if getattr(m, "link_from", None)
                else None,
            )
        )
    return doc
