"""The time layer: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) with values resolved against the
publication date, which is inferred from the text when none was given (see ``infer.py``).

Only sentences are read (boilerplate has none). Layout: ``lexicon`` (data files), ``numbers`` (number words),
``patterns`` (the regexes), ``scan`` (which rule runs where), ``rules`` (matches -> mentions), ``cues`` (tense),
``anchor`` (year choice), ``resolve`` -> ``dates``, ``relative_values``, ``clock``, ``durations`` (values),
``zones``, ``hijri``, ``infer`` (publication date), ``ranges`` (linked pairs), ``cli`` (``rasd time``)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..document import Document, Timex, fast_construct
from ..text.normalize import TABLE
from .anchor import Anchor
from .cues import find_cues, tense_at
from .infer import infer
from .patterns import AFTER_MIN, PREP_BEFORE
from .ranges import link_ranges, undate_schedules
from .resolve import Context, Value, value_of
from .rules import Mention, find

__all__ = ["annotate", "find", "infer", "Anchor"]

NEXT_DAY_GAP = 12  # characters between a clock time and the day it belongs to: " من صباح "


def _prep(norm: str, m: Mention) -> str | None:
    """قبل / بعد / منذ right before a duration, unless من follows (قبل يومين من الانتخابات)."""
    if m.kind not in ("duration", "duration_bare"):
        return None
    pm = PREP_BEFORE.search(norm, max(0, m.nstart - 12), m.nstart)
    if not pm or AFTER_MIN.match(norm, m.nend):
        return None
    return pm.group("prep")


class _Shifted:
    """Offsets of a sentence whose normalization keeps every character in place: ``start + i``."""

    __slots__ = ("start",)

    def __init__(self, start: int) -> None:
        self.start = start

    def __getitem__(self, i: int) -> int:
        return self.start + i


@lru_cache(maxsize=1)
def _shifting_re() -> re.Pattern:
    """Characters the text layer's normalization deletes or expands (they move offsets). The stdlib engine
    is used on purpose: it searches this thousand-character class about 40 times faster than ``regex``."""
    chars = "".join(chr(cp) for cp, v in TABLE.items() if v is None or len(v) != 1)
    return re.compile("[" + re.escape(chars) + "]")


@lru_cache(maxsize=1)
def _folds() -> tuple[re.Pattern, dict[str, str]]:
    """The text layer's normalization table as a character class and a replacement per character."""
    return re.compile("[" + re.escape("".join(chr(cp) for cp in TABLE)) + "]"), {
        chr(cp): v or "" for cp, v in TABLE.items()
    }


def _fold(seg: str) -> str:
    """``normalize(seg)``, i.e. ``seg.translate(TABLE)``: the same table, applied by substituting only the
    characters it lists (a few in a hundred in Arabic news), which is about three times faster than
    ``str.translate`` looking up every character."""
    pat, rep = _folds()
    return pat.sub(lambda m: rep[m.group()], seg)


def _with_map(seg: str, start: int) -> tuple[str, list[int]]:
    """``normalize_with_map(seg)`` with offsets shifted by ``start``: the same table and the same steps, but
    the shifting characters are found with :func:`_shifting_re` (the text layer's ``regex`` search is what
    made this step slow)."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _shifting_re().finditer(seg):
        i = m.start()
        if i > pos:
            parts.append(_fold(seg[pos:i]))
            offsets.extend(range(start + pos, start + i))
        rep = TABLE[ord(seg[i])]
        if rep:
            parts.append(rep)
            offsets.extend([start + i] * len(rep))
        pos = i + 1
    if pos < len(seg):
        parts.append(_fold(seg[pos:]))
        offsets.extend(range(start + pos, start + len(seg)))
    offsets.append(start + len(seg))
    return "".join(parts), offsets


def _normalized(text: str, start: int, end: int):
    """A sentence's normalized text and offsets into ``text``; the common case (no diacritic, tatweel or
    presentation form) skips the per-character offset list."""
    seg = text[start:end]
    if _shifting_re().search(seg) is None:
        return _fold(seg), _Shifted(start)
    return _with_map(seg, start)


def _safe_value(m: Mention, ctx: Context, prep: str | None) -> Value:
    try:
        return value_of(m, ctx, prep)
    except (ValueError, KeyError, OverflowError, TypeError):
        return Value("DATE", None)  # a malformed match must not stop the article


def _resolve_sentence(norm: str, mentions: list[Mention], tenses: list, anchor: Anchor | None) -> list[Value]:
    """Dates first; then clock times, which take the day of a date right after them (الساعة العاشرة من صباح
    الأحد), else of the last date before them in the sentence, else the anchor's day."""
    values: list[Value | None] = [None] * len(mentions)
    hint: Anchor | None = None
    for i, (m, tense) in enumerate(zip(mentions, tenses, strict=True)):
        if not m.kind.startswith("time"):
            v = values[i] = _safe_value(m, Context(anchor, tense, None, hint), _prep(norm, m))
            if v.explicit_year and v.value and v.value[:4].isdigit():
                hint = Anchor.parse(v.value)
    for i, (m, tense) in enumerate(zip(mentions, tenses, strict=True)):
        if values[i] is not None:
            continue
        day = None
        nxt = values[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and nxt.day and mentions[i + 1].nstart - m.nend <= NEXT_DAY_GAP:
            day = nxt.day
        else:
            for j in range(i - 1, -1, -1):
                v = values[j]
                if v is not None and v.day and not mentions[j].kind.startswith("time"):
                    day = v.day
                    break
        values[i] = _safe_value(m, Context(anchor, tense, day), None)
    return values  # type: ignore[return-value]


def annotate(doc: Document, today: dt.date | None = None, **kwargs) -> Document:
    """Fill ``doc.timexes``; set ``doc.published`` (source "inferred") when it is missing and can be inferred.
    ``today`` stands for the clock when inferring a year (tests fix it)."""
    sentences = []
    for s in doc.sentences:
        norm, offs = _normalized(doc.text, s.start, s.end)
        norm, mentions = find(doc.text, s.start, s.end, norm, offs)
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
        values = _resolve_sentence(norm, mentions, tenses, anchor)
        items = list(zip(mentions, values, strict=True))
        link_ranges(norm, items)
        undate_schedules(items)
        resolved.extend(zip(mentions, values, strict=True))
    ids = {id(m): f"t{i + 1}" for i, (m, _) in enumerate(resolved)}
    for m, v in resolved:
        doc.timexes.append(
            fast_construct(  # every field is ours and already of its type: no validation needed
                Timex,
                start=m.start,
                end=m.end,
                text=doc.text[m.start : m.end],
                id=ids[id(m)],
                type=v.type,
                value=v.value,
                mod=v.mod,
                anchor=anchor.iso() if (v.anchored and anchor) else None,
                range_to=ids.get(id(m.link_to)) if m.link_to is not None else None,
                range_from=ids.get(id(m.link_from)) if m.link_from is not None else None,
            )
        )
    return doc
