"""Whom an attack hit, named by its casualties: غارة … أسفرت عن مقتل عنصرين من قوات سوريا الديمقراطية، ضربات
أميركية قتلت قياديا في كتائب حزب الله: the armed group or body the dead belonged to is the target.
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, SentCtx
from ..lexicon import lexicon
from ..triggers import Cand

_REACH = 18  # words from the trigger to the casualty word (a place and a result clause may come between)
_MEMBER_REACH = 4  # words from the casualty word to the group (عنصرين من، قياديا بارزا في)


def casualty_target(ctx: SentCtx, cand: Cand) -> list[str]:
    """The organization whose members an attack killed, named right after the casualty word."""
    toks = ctx.toks
    words = lexicon().casualty_words
    for k in range(cand.j, min(len(toks), cand.j + _REACH)):
        tk = toks[k]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            return []
        if tk.ent or not any(stem in words for _, stem in tk.token.forms):
            continue
        for m in range(k + 1, min(len(toks), k + 1 + _MEMBER_REACH)):
            e = toks[m].ent
            if toks[m].punct:
                return []
            if e:
                ok = ctx.types.get(e) == "ORG" and e not in cand.source and not toks[m].nisba
                return [e] if ok else []
        return []
    return []
