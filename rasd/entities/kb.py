"""The knowledge base: loading (shipped JSONL, users' CSV/JSONL, entry dicts) and name matching over tokens.

Names are indexed as tuples of normalized tokens (the text layer's tokenizer and normalizer), so matching in
an article is a walk over its tokens: the first token may shed proclitics (``لأوكرانيا`` -> ``أوكرانيا``,
``للحلف`` -> ``الحلف``), the following ones are compared by their normalized form.
"""

from __future__ import annotations

import csv
import json
import logging
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from .. import data
from ..text.tokens import Token, tokenize

log = logging.getLogger(__name__)

TYPES = ("PER", "ORG", "LOC", "MISC")
_MAX_NAME_TOKENS = 12


_T = TypeVar("_T")


def per_kb(build: Callable[[KB], _T]) -> Callable[[KB], _T]:
    """``build(kb)`` computed once per knowledge base and kept for the last four KB objects (a KB is mutable, so
    not hashable, and a user's ``--kb`` makes a second one): for tables a rule derives from the whole KB."""
    cache: list[tuple[KB, _T]] = []

    @wraps(build)
    def get(kb: KB) -> _T:
        for k, v in cache:
            if k is kb:
                return v
        v = build(kb)
        cache[:] = [*cache[-3:], (kb, v)]
        return v

    return get


# hashable like a frozen dataclass, but built with plain slot stores: frozen's __init__ costs ~4x (one
# object.__setattr__ per field), and documents make hundreds of these; nothing assigns to one after it is made
@dataclass(slots=True, unsafe_hash=True)
class KBMatch:
    """A run of tokens ``[first, last]`` naming ``ids``; ``start`` is the char offset after clitics."""

    first: int
    last: int
    start: int
    end: int
    ids: tuple[str, ...]
    demonym: bool = False


@lru_cache(maxsize=100_000)
def name_key(name: str) -> tuple[str, ...]:
    """The matching key of a name: its normalized tokens (cached: grouping asks again for every KB alias of
    every entity in every article)."""
    return tuple(t.norm for t in tokenize(name) if t.kind != "punct" or t.text in "-.'")


def demonym_forms(nisba: str) -> set[str]:
    """Inflections of a masculine nisba without ال (روسي): الروسي، الروسية، روسية، الروس، الروسيين ..."""
    base = name_key(nisba)
    if len(base) != 1:
        return set()
    n = base[0]
    stem = n[:-1] if n.endswith("ي") else n
    forms = {n, n + "ه", n + "ين", n + "ون", n + "ات", stem + "يان", stem + "يتان", stem + "يين"}
    if n.endswith("ي") and len(stem) >= 3:
        forms.add(stem)  # الروس، العرب (plural of the people)
    return forms | {"ال" + f for f in forms}


@dataclass
class KB:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    names: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)  # normalized inflected nisba -> country id
    words: set[str] = field(default_factory=set)  # every normalized token of every name (features)
    # the words of ``words`` that are a name alone or not the first word of one (كاري of كاري لام is not)
    inner_words: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, kb_id: str | None) -> dict[str, Any] | None:
        return self.entries.get(kb_id) if kb_id else None

    def add(self, entry: dict[str, Any]) -> None:
        """Add or replace an entry (a later entry with the same id wins)."""
        entry = _clean_entry(entry)
        if entry is None:
            return
        if entry["id"] in self.entries:
            self._unindex(entry["id"])
        self.entries[entry["id"]] = entry
        self._index(entry)

    def _index(self, e: dict[str, Any]) -> None:
        for name in [e["name"], *e.get("aliases", [])]:
            key = name_key(name)
            if not key or len(key) > _MAX_NAME_TOKENS:
                continue
            ids = self.names.setdefault(key, [])
            if e["id"] not in ids:
                ids.append(e["id"])
            self.first_words.add(key[0])
            self.words.update(key)
            self.inner_words.update(key[1:] if len(key) > 1 else key)
            for i in range(1, len(key)):
                self.prefixes.add(key[:i])
        for nisba in e.get("demonyms") or []:
            for form in demonym_forms(nisba):
                self.demonyms.setdefault(form, e["id"])

    def _unindex(self, kb_id: str) -> None:
        for key in list(self.names):
            ids = self.names[key]
            if kb_id in ids:
                ids.remove(kb_id)
                if not ids:
                    del self.names[key]
        for form in [f for f, c in self.demonyms.items() if c == kb_id]:
            del self.demonyms[form]

    def lookup(self, name: str) -> list[dict[str, Any]]:
        """Entries whose name or alias is ``name`` (normalized comparison)."""
        return [self.entries[i] for i in self.names.get(name_key(name), [])]

    def demonym_country(self, token: Token) -> str | None:
        """Country id of a nisba token (الروسي، والأميركية ...), else None."""
        form = token.match(self.demonyms)
        return self.demonyms[form[1]] if form else None

    def match(
        self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None, index: StemIndex | None = None
    ) -> list[KBMatch]:
        """Longest, leftmost, non-overlapping name matches in ``tokens[lo:hi]`` (``index``: the tokens'
        StemIndex when built)."""
        out = []
        names, prefixes, firsts = self.names, self.prefixes, self.first_words
        for i, last, k, key in match_phrases(tokens, names, prefixes, firsts, lo, hi, index):
            if tokens[last].text.rstrip(_MARKS)[-1:] == "ئ" and not self._ends_in_hamza(names[key]):
                continue  # هادئ "calm" is no هادي (Hadi): normalization makes final ئ a ي
            if k and i > lo and _preposition(tokens[i - 1]) and set(tokens[i].text[:k]) & set("بلك"):
                continue  # في ببنين: a preposition takes no second one (ب + بنين, Benin, is no reading)
            out.append(KBMatch(i, last, tokens[i].start + k, tokens[last].end, tuple(self.names[key])))
        return out

    def _ends_in_hamza(self, ids: Sequence[str]) -> bool:
        return any(
            n.rstrip(_MARKS).endswith("ئ")
            for i in ids
            for n in (self.entries[i]["name"], *self.entries[i].get("aliases", ()))
        )


# diacritics and tatweel that may follow a word's last letter
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"

# prepositions after which a word bears no prepositional proclitic (normalized)
_PREPOSITIONS = frozenset("في من الي علي عن مع".split())


def _preposition(tok: Token) -> bool:
    """A preposition, also after و or ف (وفي: the tokenizer keeps a three-letter word whole)."""
    w = tok.norm
    return w in _PREPOSITIONS or (w[:1] in "وف" and w[1:] in _PREPOSITIONS)


def stem_at(tok: Token, start: int) -> str:
    """The token's normalized reading that begins at char offset ``start`` (its clitics stripped), else its
    normalized form. (A loop: next() over a generator costs several times more, and this runs per mention.)"""
    k = start - tok.start
    for kk, st in tok.forms:
        if kk == k:
            return st
    return tok.norm


class StemIndex:
    """Where each normalized reading occurs among a document's (non-punctuation) tokens: built once per
    document, so that phrase matching visits only the tokens that can start a phrase."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        pos: dict[str, list[int]] = {}
        get = pos.get
        for i, t in enumerate(tokens):
            if t.kind != "punct":
                for _, st in t.forms:
                    at = get(st)  # (no list made for a reading seen before, as setdefault would)
                    if at is None:
                        pos[st] = [i]
                    else:
                        at.append(i)
        self.pos = pos
        self._starts: dict[int, tuple[object, list[int]]] = {}

    def starts(self, first_words: set[str] | dict[str, Any]) -> list[int]:
        """Sorted positions of the tokens with a reading in ``first_words`` (remembered per set)."""
        hit = self._starts.get(id(first_words))
        if hit is not None and hit[0] is first_words:
            return hit[1]
        pos = self.pos
        # the readings in both, by a set intersection in C (it walks the smaller side)
        common = pos.keys() & (first_words.keys() if isinstance(first_words, dict) else first_words)
        out = sorted({i for st in common for i in pos[st]})
        self._starts[id(first_words)] = (first_words, out)
        return out

    def between(self, first_words: set[str] | dict[str, Any], lo: int, hi: int) -> list[int]:
        """``starts(first_words)`` in ``[lo, hi)``."""
        starts = self.starts(first_words)
        return starts[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _longest_at(
    tokens: Sequence[Token],
    i: int,
    hi: int,
    names: dict | set,
    prefixes: set[tuple[str, ...]],
    first_words: set[str],
) -> tuple[int, int, tuple[str, ...]] | None:
    """The longest phrase of ``names`` starting at token ``i`` (before ``hi``): (last, clitic chars, key)."""
    best: tuple[int, int, tuple[str, ...]] | None = None
    for k, stem in tokens[i].forms:
        if stem not in first_words:
            continue
        key: tuple[str, ...] = (stem,)
        found = key if key in names else None
        last = i if found else -1
        j = i
        while key in prefixes and j + 1 < hi:
            j += 1
            key = key + (tokens[j].norm,)
            if key in names:
                last, found = j, key
        if found and (best is None or last > best[0]):
            best = (last, k, found)
    return best


def match_phrases(
    tokens: Sequence[Token],
    names: dict | set,
    prefixes: set[tuple[str, ...]],
    first_words: set[str],
    lo: int = 0,
    hi: int | None = None,
    index: StemIndex | None = None,
) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """Longest, leftmost, non-overlapping phrases of ``names`` (keys: tuples of normalized tokens) in
    ``tokens[lo:hi]``, as (first, last, clitic chars of the first token, key). ``index``: the tokens'
    StemIndex, to visit only the tokens with a reading in ``first_words``."""
    hi = len(tokens) if hi is None else hi
    if index is None:
        candidates: Iterable[int] = (i for i in range(lo, hi) if tokens[i].kind != "punct")
    else:
        candidates = index.between(first_words, lo, hi)
    out = []
    nxt = lo
    for i in candidates:
        if i < nxt:
            continue
        best = _longest_at(tokens, i, hi, names, prefixes, first_words)
        if best is not None:
            out.append((i, best[0], best[1], best[2]))
            nxt = best[0] + 1
    return out


def _split_multi(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list | tuple):
        return [str(x).strip() for x in v if str(x).strip()]
    return [s.strip() for s in str(v).split("|") if s.strip()]


def _clean_entry(e: Any) -> dict[str, Any] | None:
    """Validate and fill defaults; a bad entry is skipped with a warning, never a crash."""
    if not isinstance(e, dict):
        log.warning("kb: skipping non-object entry %r", e)
        return None
    if not e.get("id") or not e.get("name"):
        log.warning("kb: skipping entry without id/name: %r", e)
        return None
    out = dict(e)
    out["id"] = str(e["id"]).strip()
    out["name"] = str(e["name"]).strip()
    t = str(e.get("type") or "").upper()
    out["type"] = {"PERS": "PER", "MIS": "MISC", "GPE": "LOC"}.get(t, t)
    if out["type"] not in TYPES:
        out["type"] = _type_from_id(out["id"])
    out["name_en"] = e.get("name_en") or None
    out["kind"] = e.get("kind") or None
    out["aliases"] = _split_multi(e.get("aliases"))
    out["demonyms"] = _split_multi(e.get("demonyms"))
    out["country"] = e.get("country") or None
    out["stands_for"] = e.get("stands_for") or None
    roles = e.get("roles") or []
    if isinstance(roles, str):
        roles = [{"title": r} for r in _split_multi(roles)]
    out["roles"] = [r for r in roles if isinstance(r, dict) and r.get("title")]
    return out


def _type_from_id(kb_id: str) -> str:
    prefix = kb_id.split("/", 1)[0]
    return {"person": "PER", "country": "LOC", "city": "LOC", "region": "LOC"}.get(prefix, "ORG")


def read_entries(path: str | Path) -> list[dict[str, Any]]:
    """Entries of a user's KB file: JSONL (one object a line, ``#`` comments) or CSV with a header row.

    CSV columns: id,type,kind,name,name_en,aliases,country,qid,stands_for,gender,demonyms,roles — only id and
    name are required; aliases, demonyms and roles (titles) are ``|``-separated.
    """
    p = Path(path)
    text = p.read_text(encoding="utf-8-sig")
    if p.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                log.warning("kb: %s:%d: bad JSON (%s)", p, n, exc)
        return out
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [dict(row) for row in csv.DictReader(lines)]


def _shipped_files() -> list[Path]:
    try:
        kb_dir = data.path("kb")
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    return sorted(kb_dir.glob("*.jsonl")) if kb_dir.is_dir() else []


@lru_cache(maxsize=1)
def shipped_kb() -> KB:
    """The knowledge base shipped in ``rasd/data/kb/*.jsonl``, built once per process."""
    kb = KB()
    for f in _shipped_files():
        for e in read_entries(f):
            kb.add(e)
    return kb


def load_kb(*paths: str | Path, entries: Iterable[dict[str, Any]] | None = None, shipped: bool = True) -> KB:
    """The shipped KB extended with users' files (CSV/JSONL) and entry dicts; later entries override."""
    if not paths and not entries and shipped:
        return shipped_kb()
    kb = KB()
    if shipped:
        base = shipped_kb()
        kb.entries = dict(base.entries)
        kb.names = {k: list(v) for k, v in base.names.items()}
        kb.prefixes = set(base.prefixes)
        kb.first_words = set(base.first_words)
        kb.demonyms = dict(base.demonyms)
        kb.words = set(base.words)
        kb.inner_words = set(base.inner_words)
    for p in paths:
        for e in read_entries(p):
            kb.add(e)
    for e in entries or []:
        kb.add(e)
    return kb
