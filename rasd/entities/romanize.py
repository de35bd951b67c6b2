"""A small rule-based Arabic -> Latin transliterator for names the knowledge base does not know.

It is a readable approximation, not a standard: short vowels are not written in Arabic, so it writes the
letters it sees (long vowels as a/u/i, ي/و as y/w between vowels), and the result is marked ``romanized``.
"""

from __future__ import annotations

from functools import lru_cache

from ..text.normalize import normalize

_CONS = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "'",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ء": "'",
    "پ": "p",
    "چ": "ch",
    "ڤ": "v",
    "گ": "g",
}


@lru_cache(maxsize=50_000)  # per word: names recur across articles
def romanize_word(word: str) -> str:
    w = normalize(word)
    out = []
    if w.startswith(("او", "اي")) and len(w) > 3:  # أوشاكوف, إيميلي: a long vowel opens the word
        out.append("u" if w[1] == "و" else "i")
        w = w[1:]
        skip = 1
    else:
        skip = 0
    for i, ch in enumerate(w):
        if i < skip:
            continue
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if ch == "ا":
            out.append("a")
        elif ch == "و":
            if i == len(w) - 2 and nxt == "ف":  # -وف of Slavic surnames: -ov
                out.append("o")
            else:
                out.append("w" if i == 0 or nxt == "ا" or prev == "ا" else "u")
        elif ch == "ي":
            out.append("y" if i == 0 or nxt == "ا" or prev == "ا" else "i")
        elif ch == "ه" and i == len(w) - 1 and i > 0:
            out.append("a" if prev not in "اوي" else "h")  # ة folded to ه
        elif ch == "ع" and i == 0:
            out.append("a" if nxt not in "اوي" else "")
        elif ch == "ف" and prev == "و" and i == len(w) - 1 and i >= 3:
            out.append("v")
        elif ch in _CONS:
            out.append(_CONS[ch])
        elif ch.isascii():
            out.append(ch)
    s = "".join(out).strip("'")
    if s.startswith("al") and len(s) > 4:
        s = "al-" + s[2:]
    return s[:1].upper() + s[1:] if s else s


def romanize(name: str) -> str:
    """Latin spelling of an Arabic name, word by word: يوري أوشاكوف -> Yuri Aushakuf."""
    words = [romanize_word(w) for w in name.split()]
    return " ".join(w for w in words if w)
