"""Light records the quotes layer works with; they become the contract's pydantic models once, at the end
(building pydantic objects for every candidate speaker would cost more than finding them)."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Quote


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

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity,
            "role": self.role,
            "anonymous": self.anonymous,
            "affiliation": self.affiliation,
            "implicit": self.implicit,
        }


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
        c, t = self.cue, self.content
        return Quote.model_validate(  # one validation call over plain data is the fastest way in
            {
                "id": self.id,
                "kind": self.kind,
                "cue": {"start": c.start, "end": c.end, "text": text[c.start : c.end]},
                "content": {"start": t.start, "end": t.end, "text": text[t.start : t.end]},
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "addressee": self.addressee,
                "channel": self.channel,
                "parent": self.parent,
                "cue_class": self.cue_class,
                "sentence": self.sentence,
            }
        )
