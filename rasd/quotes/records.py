"""Light records the quotes layer works with; they become the contract's pydantic models once, at the end
(building pydantic objects for every candidate speaker would cost more than finding them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Quote, Span, Speaker, construct_from
from ..text.normalize import normalize_word


@dataclass(slots=True)
class Sp:
    start: int
    end: int


@dataclass(slots=True)
class SpeakerRec:
    start: int
    end: int
    text: str
    entity: str | None = None
    role: str | None = None
    anonymous: bool = False
    affiliation: str | None = None
    implicit: bool = False
    # the text's normalized words, computed on first use (speaker_words): the rules that look back over the
    # speakers met so far read them again and again
    words: tuple[str, ...] | None = field(default=None, init=False, compare=False, repr=False)


def speaker_words(sp: SpeakerRec) -> tuple[str, ...]:
    """``tuple(normalize_word(sp.text).split())``, kept on the record."""
    words = sp.words
    if words is None:
        words = sp.words = tuple(normalize_word(sp.text).split())
    return words


@dataclass(slots=True)
class QuoteRec:
    id: str
    kind: str
    cue: Sp
    content: Sp
    speaker: SpeakerRec | None
    addressee: str | None
    channel: str | None
    cue_class: str | None
    sentence: int
    parent: str | None = None

    def to_model(self, text: str) -> Quote:
        # the records hold only values our own code made (plain ints, strings, known kinds), so the models are
        # built without validation: validating ~30 quotes cost more than the rest of the layer. The field
        # dicts are written out here (fast_construct's keyword packing cost as much as the rest of this)
        c, t, sp = self.cue, self.content, self.speaker
        return _model(
            Quote,
            {
                "id": self.id,
                "kind": self.kind,
                "cue": _model(Span, {"start": c.start, "end": c.end, "text": text[c.start : c.end]}),
                "content": _model(Span, {"start": t.start, "end": t.end, "text": text[t.start : t.end]}),
                "speaker": _model(
                    Speaker,
                    {
                        "start": sp.start,
                        "end": sp.end,
                        "text": sp.text,
                        "entity": sp.entity,
                        "role": sp.role,
                        "anonymous": sp.anonymous,
                        "affiliation": sp.affiliation,
                        "implicit": sp.implicit,
                    },
                )
                if sp
                else None,
                "addressee": self.addressee,
                "channel": self.channel,
                "parent": self.parent,
                "cue_class": self.cue_class,
                "sentence": self.sentence,
            },
        )


_model = construct_from  # fast_construct without the keyword packing
