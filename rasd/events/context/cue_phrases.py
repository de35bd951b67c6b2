"""Multiword cues (في حال، من المقرر): which may start at a word, and marking those that match."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import lexicon
from .model import Tok


@lru_cache(maxsize=100_000)
def _phrase_starts(forms: tuple[tuple[int, str], ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The multiword cues that may start at a word with these readings: (cue words, category) each."""
    by_first = lexicon().phrases_by_first
    return tuple(c for _, stem in forms for c in by_first.get(stem, ()))


@lru_cache(maxsize=100_000)
def _cues_by_second(forms: tuple[tuple[int, str], ...]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The multiword cues that may start at a word with these readings, by their second word."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, cat in _phrase_starts(forms):
        out.setdefault(words[1], []).append((words, cat))
    return {k: tuple(v) for k, v in out.items()}


def _mark_phrases(toks: list[Tok], cues: list[tuple[int, dict]]) -> list[int]:
    """Mark the multiword cues starting at the words ``cues`` lists (index, its cues by their second word):
    a cue is looked up by the readings of the next word, then its later words are checked. Returns the
    indices of the words where a cue starts."""
    n_toks = len(toks)
    marked: list[int] = []
    for k, by_second in cues:
        if k + 1 >= n_toks:
            continue
        found: set[str] | None = None
        for _, s in toks[k + 1].token.forms:
            for words, cat in by_second.get(s, ()):
                if k + len(words) > n_toks:
                    continue
                for n in range(2, len(words)):
                    w = words[n]
                    for _, s2 in toks[k + n].token.forms:
                        if s2 == w:
                            break
                    else:
                        break
                else:
                    if found is None:
                        found = set()
                    found.add(cat)
        if found:
            tk = toks[k]
            tk.phrases = tk.phrases | found
            marked.append(k)
    return marked


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    return frozenset(lexicon().phrases_by_first)
