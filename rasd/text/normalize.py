"""Matching normalization for Arabic text.

Normalization is for matching only: it never replaces ``Document.text``. :func:`normalize` folds the
letter variants that Arabic news spells inconsistently; :func:`normalize_with_map` also returns, for every
character of the normalized string, the offset of the original character it came from, so that a match
found in normalized text maps back to exact offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters folded together (hamza/alef variants, ta marbuta, alef maqsura, Persian/Urdu shapes).
_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "ھ": "ه",
    "ە": "ه",
    "ۀ": "ه",
}
# Removed: tatweel, harakat and Quranic marks (shadda included), bidi controls and zero-width marks.
_DELETE = (
    [0x0640]
    + list(range(0x064B, 0x0660))
    + [0x0670]
    + list(range(0x0610, 0x061B))
    + list(range(0x06D6, 0x06EE))
    + [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for d in range(10):
        table[0x0660 + d] = str(d)  # Arabic-Indic digits
        table[0x06F0 + d] = str(d)  # Persian (Extended Arabic-Indic) digits
    for src, dst in _LETTERS.items():
        table[ord(src)] = dst
    for cp in _DELETE:
        table[cp] = None
    # Presentation forms A and B: their compatibility decomposition, then the folds above.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        dec = unicodedata.normalize("NFKC", ch)
        if dec == ch:
            continue
        folded = "".join(table.get(ord(c), c) or "" for c in dec)
        table[cp] = folded.strip() or None
    return table


TABLE = _build_table()
# The stdlib engine on purpose: it searches these thousand-character classes about 40 times faster than `regex`.
# Characters whose replacement is not exactly one character: they shift offsets.
SHIFTING_RE = re.compile(
    "[" + re.escape("".join(chr(cp) for cp, v in TABLE.items() if v is None or len(v) != 1)) + "]"
)
# Every character the table changes, and its replacement.
_FOLD_RE = re.compile("[" + re.escape("".join(chr(cp) for cp in TABLE)) + "]")
_FOLD = {chr(cp): v or "" for cp, v in TABLE.items()}


def _fold_match(m: re.Match) -> str:
    return _FOLD[m.group()]


def normalize(s: str) -> str:
    """Fold letter variants, drop diacritics/tatweel/bidi marks, map digits to ASCII.

    Same result as ``s.translate(TABLE)``; substituting only the characters the table lists (a few in a hundred
    in Arabic news) is about twice as fast as ``str.translate`` looking up every character."""
    return _FOLD_RE.sub(_fold_match, s)


@lru_cache(maxsize=200_000)
def normalize_word(s: str) -> str:
    """Cached :func:`normalize` for short strings such as tokens."""
    return s.translate(TABLE)


def normalize_with_map(s: str, start: int = 0) -> tuple[str, list[int]]:
    """Return ``(norm, offsets)`` where ``offsets[i]`` is ``start`` plus the index in ``s`` of ``norm[i]``'s
    source (pass a sentence's start to get offsets into the whole text).

    ``offsets`` has one extra element, ``start + len(s)``, so that ``offsets[j]`` is a valid exclusive end.
    """
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in SHIFTING_RE.finditer(s):
        i = m.start()
        if i > pos:
            parts.append(normalize(s[pos:i]))
            offsets.extend(range(start + pos, start + i))
        rep = TABLE[ord(s[i])]
        if rep:
            parts.append(rep)
            offsets.extend([start + i] * len(rep))
        pos = i + 1
    if pos < len(s):
        parts.append(normalize(s[pos:]))
        offsets.extend(range(start + pos, start + len(s)))
    offsets.append(start + len(s))
    return "".join(parts), offsets


class ShiftedOffsets:
    """The offsets of a stretch whose normalization keeps every character in place: ``start + i``, without
    building the list."""

    __slots__ = ("start",)

    def __init__(self, start: int) -> None:
        self.start = start

    def __getitem__(self, i: int) -> int:
        return self.start + i


def normalize_span(text: str, start: int, end: int) -> tuple[str, list[int] | ShiftedOffsets]:
    """``normalize_with_map(text[start:end], start)``, with a cheap offsets object in the common case where no
    character of the stretch shifts offsets (no diacritic, tatweel, bidi mark or ligature)."""
    seg = text[start:end]
    if SHIFTING_RE.search(seg) is None:
        return normalize(seg), ShiftedOffsets(start)
    return normalize_with_map(seg, start)


def to_original_span(offsets: list[int], nstart: int, nend: int) -> tuple[int, int]:
    """Map a ``[nstart, nend)`` span of normalized text back to the original text."""
    start = offsets[nstart]
    end = offsets[nend - 1] + 1 if nend > nstart else start
    return start, end
