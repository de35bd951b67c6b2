"""Light records the quotes layer works with; they become the contract's pydantic models once, at the end
(building pydantic objects for every candidate speaker would cost more than finding them)."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Quote, Span, Speaker, fast_construct


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
        # built without validation: validating ~30 quotes cost more than the rest of the layer
        c, t, sp = self.cue, self.content, self.speaker
        return fast_construct(
            Quote,
            id=self.id,
            kind=self.kind,
            cue=fast_construct(Span, start=c.start, end=c.end, text=text[c.start : c.end]),
            content=fast_construct(Span, start=t.start, end=t.end, text=text[t.start : t.end]),
            speaker=fast_construct(
                Speaker,
                start=sp.start,
                end=sp.end,
                text=sp.text,
                entity=sp.entity,
                role=sp.role,
                anonymous=sp.anonymous,
                affiliation=sp.affiliation,
                implicit=sp.implicit,
            )
            if sp
            else None,
            addressee=self.addressee,
            channel=self.channel,
            parent=self.parent,
            cue_class=self.cue_class,
            sentence=self.sentence,
        )
