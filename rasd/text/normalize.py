"""Matching normalization for Arabic text.

Normalization is for matching only: it never replaces ``Document.text``. :func:`normalize` folds the
letter variants that Arabic news spells inconsistently; :func:`normalize_with_map` also returns, for every
character of the normalized string, the offset of the original character it came from, so that a match
found in normalized text maps back to exact offsets in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

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
# Characters whose replacement is not exactly one character: they shift offsets.
_SHIFTING = "".join(chr(cp) for cp, v in TABLE.items() if v is None or len(v) != 1)
_SHIFTING_RE = regex.compile("[" + regex.escape(_SHIFTING) + "]")


def normalize(s: str) -> str:
    """Fold letter variants, drop diacritics/tatweel/bidi marks, map digits to ASCII."""
    return s.translate(TABLE)


@lru_cache(maxsize=200_000)
def normalize_word(s: str) -> str:
    """Cached :func:`normalize` for short strings such as tokens."""
    return s.translate(TABLE)


def normalize_with_map(s: str) -> tuple[str, list[int]]:
    """Return ``(norm, offsets)`` where ``offsets[i]`` is the index in ``s`` of ``norm[i]``'s source.

    ``offsets`` has one extra element, ``len(s)``, so that ``offsets[j]`` is a valid exclusive end.
    """
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SHIFTING_RE.finditer(s):
        i = m.start()
        if i > pos:
            chunk = s[pos:i].translate(TABLE)
            parts.append(chunk)
            offsets.extend(range(pos, i))
        rep = TABLE[ord(s[i])]
        if rep:
            parts.append(rep)
            offsets.extend([i] * len(rep))
        pos = i + 1
    if pos < len(s):
        parts.append(s[pos:].translate(TABLE))
        offsets.extend(range(pos, len(s)))
    offsets.append(len(s))
    return "".join(parts), offsets


def to_original_span(offsets: list[int], nstart: int, nend: int) -> tuple[int, int]:
    """Map a ``[nstart, nend)`` span of normalized text back to the original text."""
    start = offsets[nstart]
    end = offsets[nend - 1] + 1 if nend > nstart else start
    return start, end
