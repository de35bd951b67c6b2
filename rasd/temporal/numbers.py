"""Arabic numbers as they appear in time expressions: digits (already ASCII after normalization) and number
words, including the 3–10 / 11–19 patterns (ثلاثة عشر), tens joined by و (خمسة وعشرين) and ordinals
(الحادي والعشرين). Everything here works on normalized text."""

from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import number_words

_CARDINAL_KINDS = ("unit", "ten", "hundred", "thousand")


def alternation(words) -> str:
    """A regex matching any of ``words`` as a whole word; spaces match any white space. Built as a trie
    (shared prefixes factored out), which the regex engine walks much faster than a flat alternation."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + r")(?!\w)"


def literal_trie(words) -> str:
    """A regex matching any of ``words`` literally, anywhere: no word boundary is asked (a space in a word
    matches any white space)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else regex.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # longer words first: the optional group is greedy, so "كانون الثاني" wins over a shorter prefix
    return f"(?:{body})?" if end else body


@lru_cache(maxsize=1)
def cardinal_pattern() -> str:
    """A run of cardinal number words, e.g. ``خمسه وعشرين`` or ``ثلاثه عشر``."""
    words = [w for w, (k, _) in number_words().items() if k in _CARDINAL_KINDS]
    w = alternation(words)
    return rf"{w}(?:\s+(?:و\s*)?{w})*"


@lru_cache(maxsize=1)
def ordinal_pattern() -> str:
    """An ordinal with the article: ``الثالث``, ``الثالث عشر``, ``الحادي والعشرين``, ``الثلاثين``."""
    nw = number_words()
    ords = alternation([w for w, (k, _) in nw.items() if k == "ordinal"])
    tens = alternation([w for w, (k, _) in nw.items() if k == "ordinal_ten"])
    return rf"(?:{ords}(?:\s+عشر[ه]?(?!\w)|\s+و\s*{tens})?|{tens})"


def parse_cardinal(phrase: str) -> int | None:
    """Value of a cardinal phrase (digits or words); ``None`` when the words do not form a number."""
    phrase = phrase.strip()
    if phrase.isdigit():
        return int(phrase)
    nw = number_words()
    total = 0
    current = 0
    prev_kind = None  # kind of the previous word when not joined by و
    for tok in phrase.split():
        conj = False
        if tok not in nw and tok.startswith("و") and tok[1:] in nw:
            conj, tok = True, tok[1:]
        elif tok == "و":
            prev_kind = None
            continue
        entry = nw.get(tok)
        if entry is None or entry[0] not in _CARDINAL_KINDS or entry[1] is None:
            return None
        kind, value = entry[0], int(entry[1])
        adjacent = prev_kind is not None and not conj
        if kind == "unit" and value == 10 and adjacent and prev_kind == "unit" and current % 10:
            current += 10  # ثلاثة عشر: the teen marker
        elif kind == "hundred":
            if value == 100 and adjacent and prev_kind == "unit":
                current = current * 100
            else:
                current += value
        elif kind == "thousand":
            if adjacent and prev_kind in ("unit", "ten", "hundred") and value == 1000:
                total += current * 1000
            else:
                total += value
            current = 0
        else:
            if adjacent or (conj and kind == "unit" and prev_kind == "unit"):
                return None  # two numbers side by side, or two units joined by و (ثلاثة وخمسة)
            current += value
        prev_kind = kind
    return total + current or None


def parse_ordinal(phrase: str) -> int | None:
    """Value of an ordinal phrase such as ``الحادي والعشرين`` (21)."""
    nw = number_words()
    value = 0
    for tok in phrase.split():
        if tok in ("عشر", "عشره"):
            value += 10
            continue
        if tok.startswith("و") and tok[1:] in nw:
            tok = tok[1:]
        if tok == "و":
            continue
        entry = nw.get(tok)
        if entry is None or entry[0] not in ("ordinal", "ordinal_ten"):
            return None
        value += int(entry[1] or 0)
    return value or None
