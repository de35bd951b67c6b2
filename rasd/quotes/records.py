"""Light records the quotes layer works with; they become the contract's pydantic models once, at the end
(building pydantic objects for every candidate speaker would cost more than finding them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from ..document import Quote, Span, Speaker
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
        # built without validation: validating ~30 quotes cost more than the rest of the layer. The four
        # models are built here as document.construct_from builds one, without its four calls per quote
        c, t, sp = self.cue, self.content, self.speaker
        cue = _new(Span)
        _set_dict(cue, {"start": c.start, "end": c.end, "text": text[c.start : c.end]})
        _set_fields_set(cue, _SPAN_FIELDS.copy())
        _set_extra(cue, None)
        _set_private(cue, None)
        content = _new(Span)
        _set_dict(content, {"start": t.start, "end": t.end, "text": text[t.start : t.end]})
        _set_fields_set(content, _SPAN_FIELDS.copy())
        _set_extra(content, None)
        _set_private(content, None)
        speaker = None
        if sp:
            speaker = _new(Speaker)
            fields = {
                "start": sp.start,
                "end": sp.end,
                "text": sp.text,
                "entity": sp.entity,
                "role": sp.role,
                "anonymous": sp.anonymous,
                "affiliation": sp.affiliation,
                "implicit": sp.implicit,
            }
            _set_dict(speaker, fields)
            _set_fields_set(speaker, _SPEAKER_FIELDS.copy())
            _set_extra(speaker, None)
            _set_private(speaker, None)
        quote = _new(Quote)
        fields = {
            "id": self.id,
            "kind": self.kind,
            "cue": cue,
            "content": content,
            "speaker": speaker,
            "addressee": self.addressee,
            "channel": self.channel,
            "parent": self.parent,
            "cue_class": self.cue_class,
            "sentence": self.sentence,
        }
        _set_dict(quote, fields)
        _set_fields_set(quote, _QUOTE_FIELDS.copy())
        _set_extra(quote, None)
        _set_private(quote, None)
        return quote


# every field is set: each model's set of them, copied (a set per instance, as pydantic keeps it)
_SPAN_FIELDS = {"start", "end", "text"}
_SPEAKER_FIELDS = {"start", "end", "text", "entity", "role", "anonymous", "affiliation", "implicit"}
_QUOTE_FIELDS = {
    "id",
    "kind",
    "cue",
    "content",
    "speaker",
    "addressee",
    "channel",
    "parent",
    "cue_class",
    "sentence",
}

# BaseModel's instance-slot setters, as document.construct_from uses them (see there)
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
