"""A dual noun as a verb's object: دعا X البلدين إلى ضبط النفس names the two states of the last pair the
article set against each other (الصومال وإثيوبيا), as the same noun does as a subject (see verbs.py); دعا X
الطرفين، الجانبين names the two sides of that pair as they were named.
"""

from __future__ import annotations

from ..context import STRONG_PUNCT, SentCtx
from ..lexicon import lexicon
from ..triggers import Cand
from .subjects import is_dual
from .syntax import WINDOW


def dual_object(ctx: SentCtx, cand: Cand, done: list[Cand]) -> list[str]:
    """The pair a state dual (البلدين، الدولتين) after the verb and its subject stands for, or []."""
    toks = ctx.toks
    last_src = max((k for k in range(cand.j, min(len(toks), cand.j + WINDOW)) if toks[k].ent in cand.source),
                   default=cand.j - 1)  # fmt: skip
    for k in range(last_src + 1, min(len(toks), last_src + 1 + WINDOW)):
        tk = toks[k]
        if tk.punct and tk.token.text in STRONG_PUNCT:
            return []
        if not tk.ent and ("relative" in tk.cats or tk.in_trigger):
            return []  # دعا إلى تفعيل اللجنة التي اتفق البلدان على تشكيلها: the dual is another clause's subject
        if tk.ent or not is_dual(tk):
            continue
        word = tk.token.forms[-1][1][2:-2]
        pairs = [c.actors for c in reversed(ctx.history + done) if c.symmetric and len(c.actors) == 2]
        if word in lexicon().body_duals and word not in lexicon().state_duals:
            # دعت X الطرفين إلى وقف القتال: the two sides of the last pair set against each other
            return next((list(p) for p in pairs if not set(p) & set(cand.source)), [])
        if word not in lexicon().state_duals:
            return []
        # a pair of states named as such first (المحادثات بين الصومال وإثيوبيا), before the states of a pair
        # of people (a mediator's meeting with one side: فيدان ↔ وزير الخارجية الإثيوبي)
        for named in (True, False):
            for p in pairs:
                if named and not all(ctx.types.get(e) == "LOC" for e in p):
                    continue
                states = [e if ctx.types.get(e) == "LOC" else ctx.person_states.get(e) for e in p]
                if all(states) and states[0] != states[1] and not set(states) & set(cand.source):
                    return [s for s in states if s]
        return []
    return []
