"""Token features for the sequence model: word, clitic-stripped stem, affixes, character n-grams (for unseen
transliterated names), shape, knowledge-base and cue gazetteer tags, and a context window of them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from .cues import cue_index
from .kb import KB

_WINDOW = (-2, -1, 1, 2)


@lru_cache(maxsize=300_000)
def word_features(text: str, forms: tuple[tuple[int, str], ...]) -> tuple[tuple[str, ...], str]:
    """Features of a token on its own (cached by its text), and its short context label."""
    norm = forms[0][1]
    stem = forms[-1][1]
    f = ["w=" + norm, "s=" + stem]
    if len(forms) > 1:
        f.append("cl=" + norm[: len(norm) - len(stem)])
    core = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    if core is not stem:
        f.append("al")
    f.append("c=" + core)
    for n in (1, 2, 3):
        if len(core) > n:
            f.append(f"p{n}={core[:n]}")
    for n in (1, 2, 3, 4):
        if len(core) > n:
            f.append(f"x{n}={core[-n:]}")
    padded = f"<{core}>"
    if len(core) <= 12:
        f.extend("g=" + padded[i : i + 3] for i in range(len(padded) - 2))
    ln = len(core)
    f.append("len=" + ("1" if ln < 2 else "2" if ln < 3 else "3" if ln < 4 else "5" if ln < 6 else "8"))
    ch = text[0]
    if ch.isdigit():
        f.append("num")
    elif ch.isascii() and ch.isalpha():
        f.append("latin")
    elif not ch.isalpha():
        f.append("punct=" + text[:1])
    # vowel letters inside transliterated names are dense (فولوديمير، أوشاكوف)
    vowels = sum(1 for c in core if c in "اوي")
    if ln >= 4:
        f.append("vr=" + str(min(3, (3 * vowels) // ln)))
    try:
        "".join(f).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: crfsuite takes UTF-8 only
        f = [x.encode("utf-8", "replace").decode("utf-8") for x in f]
        stem = stem.encode("utf-8", "replace").decode("utf-8")
    return tuple(f), stem


def sentence_features(tokens: Sequence[Token], kb: KB | None) -> list[list[str]]:
    """Feature lists for one sentence's tokens."""
    n = len(tokens)
    gaz = [""] * n
    if kb is not None and len(kb):
        for m in kb.match(tokens):
            e = kb.entries.get(m.ids[0])
            typ = e["type"] if e else "X"
            kind = (e.get("kind") or "") if e else ""
            for j in range(m.first, m.last + 1):
                gaz[j] = ("B-" if j == m.first else "I-") + typ + ("|" + kind if kind else "")
    cue = [""] * n
    for c in cue_index().match(tokens):
        for j in range(c.first, c.last + 1):
            cue[j] = ("B-" if j == c.first else "I-") + c.kind
    dem = [""] * n
    inkb = [False] * n
    if kb is not None and len(kb):
        for j, t in enumerate(tokens):
            if t.kind == "word":
                if kb.demonym_country(t):
                    dem[j] = "dem"
                inkb[j] = t.match(kb.words) is not None
    own = [word_features(t.text, t.forms) for t in tokens]
    out = []
    for i in range(n):
        f = ["b", *own[i][0]]
        if gaz[i]:
            f.append("gz=" + gaz[i])
            f.append("gzt=" + gaz[i].split("|")[0])
        if inkb[i]:
            f.append("kbw")
        if cue[i]:
            f.append("cu=" + cue[i])
        if dem[i]:
            f.append("dem")
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in _WINDOW:
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}s={own[j][1]}")
                if gaz[j]:
                    f.append(f"{d}gz={gaz[j].split('|')[0]}")
                if cue[j]:
                    f.append(f"{d}cu={cue[j]}")
                if dem[j]:
                    f.append(f"{d}dem")
                if inkb[j]:
                    f.append(f"{d}kbw")
        if i > 0:
            f.append(f"bg={own[i - 1][1]}|{own[i][1]}")
        if i + 1 < n:
            f.append(f"bg+={own[i][1]}|{own[i + 1][1]}")
        out.append(f)
    return out
