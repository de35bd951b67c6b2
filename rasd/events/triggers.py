"""Trigger spotting: tokens whose clitic readings are in the trigger lexicon, longest multiword form first."""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import SentCtx
from .lexicon import Trigger, core


@dataclass
class Cand:
    """An event candidate while the layer works on it."""

    sent: SentCtx
    i: int  # head token (sentence-local)
    j: int  # end token, exclusive
    trig: Trigger
    obj: bool  # the head carries an object pronoun
    start: int  # trigger span in the document text
    end: int
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    symmetric: bool = False
    modality: str = "occurred"
    modality_cue: bool = False  # the modality came from a cue, not the default
    inherited: bool = False  # a dropped subject taken from the previous event of the sentence
    light: int | None = None  # token index of a light verb (أجرى مكالمة، شن هجوما)
    date: str | None = None
    date_source: str | None = None
    timex: str | None = None
    location: str | None = None
    quote: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    absorbed: bool = False

    @property
    def actors(self) -> list[str]:
        return self.source + [t for t in self.target if t not in self.source]


def _rest_matches(ctx: SentCtx, j: int, rest) -> bool:
    toks = ctx.toks
    for n, alts in enumerate(rest):
        k = j + n
        if k >= len(toks) or toks[k].token.kind != "word":
            return False
        if not any(core(stem) in alts for _, stem in toks[k].token.forms):
            return False
    return True


def _head_offset(tk) -> int:
    """Clitic characters before the head: للمحادثات is ل + (ا)لمحادثات, so its head starts after لل."""
    k = tk.head_k
    text = tk.token.text
    if k and text[k - 1 : k + 1] == "لل" and k + 1 < len(text):
        return k + 1
    return k


def find(ctx: SentCtx) -> list[Cand]:
    out: list[Cand] = []
    toks = ctx.toks
    i = 0
    while i < len(toks):
        tk = toks[i]
        if not tk.entries or tk.ent:  # words inside a name (منظمة الأمن والتعاون) are not triggers
            i += 1
            continue
        hit = None
        for entry in tk.entries:
            if _rest_matches(ctx, i + 1, entry.trigger.rest):
                hit = entry
                break
        if hit is None:
            i += 1
            continue
        j = i + 1 + len(hit.trigger.rest)
        start = tk.token.start + _head_offset(tk)
        out.append(Cand(ctx, i, j, hit.trigger, hit.obj_suffix, start, toks[j - 1].token.end))
        i = j
    return out
