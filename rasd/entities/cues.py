"""Contextual cues: titles, counterpart words, reporting verbs, heads of organization and place names.

Loaded once per process from ``rasd/data/ner_cues.tsv`` (and the shared ``titles.tsv`` when it is there, read
for its first column only so that its exact layout does not matter here).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .. import data
from ..text.tokens import Token
from .kb import StemIndex, match_phrases, name_key

log = logging.getLogger(__name__)


# hashable like a frozen dataclass, but built with plain slot stores: frozen's __init__ costs ~4x (one
# object.__setattr__ per field), and documents make hundreds of these; nothing assigns to one after it is made
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    first: int
    last: int
    start: int  # char offset after the first token's clitics
    end: int
    kind: str
    text_en: str | None


@dataclass
class CueIndex:
    phrases: dict[tuple[str, ...], tuple[str, str | None]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)

    def add(self, phrase: str, kind: str, text_en: str | None) -> None:
        key = name_key(phrase)
        if not key or key in self.phrases:
            return
        self.phrases[key] = (kind, text_en or None)
        self.first_words.add(key[0])
        for i in range(1, len(key)):
            self.prefixes.add(key[:i])

    def match(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None, index: StemIndex | None = None
    ) -> list[Cue]:
        out = []
        phrases, prefixes, firsts = self.phrases, self.prefixes, self.first_words
        for i, last, k, key in match_phrases(tokens, phrases, prefixes, firsts, lo, hi, index):
            kind, en = self.phrases[key]
            out.append(Cue(i, last, tokens[i].start + k, tokens[last].end, kind, en))
        return out


def match_ranges(
    tokens: Sequence[Token], ranges: Sequence[tuple[int, int]], index: StemIndex | None = None
) -> dict[tuple[int, int], list[Cue]]:
    """The cues of each token range ``[lo, hi)`` (each sentence), found once per document for the stages that
    read them (model features, organization heads, roles); ``index``: the tokens' StemIndex when built."""
    idx = cue_index()
    return {(lo, hi): idx.match(tokens, lo, hi, index) for lo, hi in ranges}


@lru_cache(maxsize=1)
def cue_index() -> CueIndex:
    idx = CueIndex()
    for row in data.read_tsv("ner_cues.tsv"):
        idx.add(row["cue"], row["kind"], row.get("text_en"))
    try:
        rows = data.read_tsv("titles.tsv")
    except (FileNotFoundError, StopIteration, OSError):
        rows = []
    except Exception as exc:  # another layer's file: never let its format break us
        log.warning("titles.tsv unreadable here: %s", exc)
        rows = []
    for row in rows:
        vals = list(row.values())
        if vals and vals[0]:
            en = next((v for k, v in row.items() if k and "en" in k.lower() and v), None)
            idx.add(vals[0], "title", en)
    return idx


@lru_cache(maxsize=1)
def one_word_titles() -> frozenset[str]:
    """The titles of ner_cues.tsv that are one word (الرئيس, الوزير, سفير), normalized."""
    return frozenset(k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "title" and len(k) == 1)
