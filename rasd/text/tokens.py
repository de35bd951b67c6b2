"""Tokens with clitic-aware matching forms.

A token keeps its exact span; ``forms`` lists the ways its proclitics may be read off, from none to most,
each as ``(k, stem)``: ``k`` original characters of clitics, then the normalized ``stem``. Which reading is
right depends on the lexicon doing the matching (وزير is not و+زير), so the text layer offers the readings and
the matching layer picks the one its vocabulary knows (see :func:`Token.match`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from .normalize import normalize_word

TOKEN_RE = regex.compile(
    r"\p{N}+(?:[.:,٫٬/]\p{N}+)*"  # numbers, clock times, decimals, dates 30/12
    r"|[\p{L}\p{M}\u200c\u200d]+"  # words (tatweel and harakat included)
    r"|\S",  # any other visible character on its own
)

_CONJ = "وف"
_PREP = "بلك"
_MIN_STEM = 2


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str
    forms: tuple[tuple[int, str], ...]
    kind: str  # "word", "num" or "punct"

    @property
    def stem(self) -> str:
        """The most stripped reading (clitics off, article kept)."""
        return self.forms[-1][1]

    def match(self, vocab) -> tuple[int, str] | None:
        """The least stripped reading whose stem is in ``vocab`` (anything supporting ``in``)."""
        for form in self.forms:
            if form[1] in vocab:
                return form
        return None


@lru_cache(maxsize=200_000)
def clitic_forms(word: str) -> tuple[tuple[int, str], ...]:
    """Readings of ``word`` with proclitics و ف ب ل ك س (and ال fused as لل) stripped."""
    norm = normalize_word(word)
    forms: list[tuple[int, str]] = [(0, norm)]
    if len(norm) < 3:
        return tuple(forms)
    # original-character offset of each normalized character (diacritics inside clitics are skipped)
    pos = [i for i, ch in enumerate(word) if normalize_word(ch)]
    if len(pos) != len(norm):  # presentation forms and the like: fall back to normalized offsets
        pos = list(range(len(norm)))

    def orig(k: int) -> int:
        return pos[k] if k < len(pos) else len(word)

    seen = {norm}

    def add(k: int, stem: str) -> None:
        if len(stem) >= _MIN_STEM and stem not in seen:
            seen.add(stem)
            forms.append((orig(k), stem))

    starts = [0]
    if norm[0] in _CONJ and len(norm) > 3:
        starts.append(1)
        add(1, norm[1:])
    for k in starts:
        rest = norm[k:]
        if rest.startswith("لل") and len(rest) > 3:
            # لل = ل + ال with the alef dropped: للحلف reads as الحلف, its stem starting at the second lam
            add(k + 1, "ال" + rest[2:])
            add(k + 2, rest[2:])
        elif rest[:1] in _PREP and len(rest) > 3:
            add(k + 1, rest[1:])
        elif rest[:1] == "س" and len(rest) > 3 and rest[1] in "يتنا":
            add(k + 1, rest[1:])
    return tuple(forms)


def _kind(text: str) -> str:
    ch = text[0]
    if ch.isdigit():
        return "num"
    if ch.isalpha() or len(text) > 1:
        return "word"
    return "punct"


_ANALYSES: dict[str, tuple[str, tuple[tuple[int, str], ...], str]] = {}


def _analyze(t: str) -> tuple[str, tuple[tuple[int, str], ...], str]:
    kind = _kind(t)
    if kind == "word":
        forms = clitic_forms(t)
    else:
        n = normalize_word(t)
        forms = ((0, n),)
    a = (forms[0][1], forms, kind)
    if len(_ANALYSES) < 500_000:  # bounded: a stream of unique garbage cannot exhaust memory
        _ANALYSES[t] = a
    return a


# White space as the regex module's \s has it (Unicode White_Space): the standard library's \s also takes the
# separators U+001C-U+001F, so the class is spelled out. The standard re finds chunks about twice as fast.
WHITE_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CHUNK_RE = re.compile(rf"([{WHITE_SPACE}]*)([^{WHITE_SPACE}]+)")
_CHUNKS: dict[str, tuple[tuple[int, int, str, str, tuple[tuple[int, str], ...], str], ...]] = {}


def _chunk_tokens(chunk: str) -> tuple[tuple[int, int, str, str, tuple[tuple[int, str], ...], str], ...]:
    """The tokens of one white-space-delimited chunk, with offsets relative to the chunk (cached)."""
    out = []
    for m in TOKEN_RE.finditer(chunk):
        tok = m.group()
        a = _ANALYSES.get(tok) or _analyze(tok)
        out.append((m.start(), m.end(), tok, a[0], a[1], a[2]))
    toks = tuple(out)
    if len(_CHUNKS) < 500_000:  # bounded, like _ANALYSES
        _CHUNKS[chunk] = toks
    return toks


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    # Most white-space-delimited chunks recur (words, "word،", "(كانون"), so their tokens are cached per chunk and
    # only shifted here; findall with the leading white space captured gives offsets as running sums.
    get = _CHUNKS.get
    new = tuple.__new__
    out: list[Token] = []
    append = out.append
    pos = start
    for ws, chunk in _CHUNK_RE.findall(text, start, len(text) if end is None else end):
        pos += len(ws)
        toks = get(chunk) or _chunk_tokens(chunk)
        if len(toks) == 1:  # a one-token chunk: the token spans it, its end is the next position
            t = toks[0]
            end_ = pos + t[1]
            append(new(Token, (pos, end_, t[2], t[3], t[4], t[5])))
            pos = end_
        else:
            for s, e, tok, norm, forms, kind in toks:
                append(new(Token, (pos + s, pos + e, tok, norm, forms, kind)))
            pos += len(chunk)
    return out
