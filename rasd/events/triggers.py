"""Trigger spotting: tokens whose clitic readings are in the trigger lexicon, longest multiword form first."""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import SentCtx
from .lexicon import Trigger


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
    speaker: str | None = None  # entity id of the speaker of the quote the trigger sits in
    introduces: str | None = None  # entity id of the speaker of a quote the trigger opens (داعيا إلى "…")
    apart: bool = False  # several sources, each acting on its own (اتصل به X، و Y: one call each)
    heading: bool = False  # the trigger is in a headline
    purpose: bool = False  # an event noun after the purpose ل: intended (للقاء أمير قطر)
    past: bool = False  # the trigger is a past-tense verb
    participle: bool = False  # the trigger is an adverbial participle (محذراً)
    rest_end: int = 0  # end token of a gapped multiword trigger (its object noun)
    sentence_dated: bool = False  # the date came from another clause of the sentence, not the trigger's own
    document: bool = False  # the subject is a document (a resolution) standing for the body that issued it

    @property
    def actors(self) -> list[str]:
        return self.source + [t for t in self.target if t not in self.source]


def _head_offset(tk) -> int:
    """Clitic characters before the head: للمحادثات is ل + (ا)لمحادثات, so its head starts after لل."""
    k = tk.head_k
    text = tk.token.text
    if k and tk.article and text[k - 1 : k + 1] == "لل" and k + 1 < len(text):
        return k + 1
    return k


def find(ctx: SentCtx) -> list[Cand]:
    out: list[Cand] = []
    toks = ctx.toks
    for i in ctx.hits:  # the heads context.trigger_marking gave a trigger, in order
        tk = toks[i]
        j = i + 1 + tk.gap + len(tk.hit.trigger.rest)
        start = tk.token.start + _head_offset(tk)
        end = tk.token.end if tk.gap else toks[j - 1].token.end
        c = Cand(ctx, i, j if not tk.gap else i + 1, tk.hit.trigger, tk.hit.obj_suffix, start, end)
        c.rest_end = j
        c.past = tk.hit.past and not tk.fut
        c.participle = tk.hit.participle
        out.append(c)
    return out
