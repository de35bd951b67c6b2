"""The document contract, ``rasd.document/1``.

Every layer reads a :class:`Document` and appends to its own list; no layer edits another layer's output.
All spans are code-point offsets into ``Document.text``, the input exactly as decoded, and every span's
``text`` equals ``Document.text[start:end]``.  The JSON Schema in ``rasd/schema/`` is generated from these
models (``rasd schema``) and checked against them in the tests.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_ID = "rasd.document/1"

BlockKind = Literal["heading", "paragraph", "boilerplate"]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedSource = Literal["given", "metadata", "inferred"]
Modality = Literal["occurred", "planned", "hypothetical", "conditional", "negated", "denied"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A stretch of the document text: ``text == document.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Block(_Model):
    """A line-level unit of the article: a heading, a paragraph or boilerplate left by the site."""

    kind: BlockKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    block: int = Field(ge=0, description="index of the block holding the sentence")


class Role(_Model):
    """A title or function held by an entity, as seen in the text or known from the knowledge base."""

    text: str = Field(description="the role as written, e.g. المتحدثة باسم البيت الأبيض")
    text_en: str | None = None
    affiliation: str | None = Field(None, description="kb id or name of the country/organization implied")
    source: Literal["text", "kb"] = "text"
    span: Span | None = None


class Entity(_Model):
    id: str
    type: EntityType
    name: str = Field(description="canonical Arabic name (KB name when linked, else the longest mention)")
    name_en: str | None = None
    name_en_source: Literal["kb", "romanized"] | None = Field(
        None, description="'romanized' marks an automatic transliteration, not a known English name"
    )
    kb_id: str | None = None
    kind: str | None = Field(None, description="finer kind from the KB: country, city, person, igo, ...")
    country: str | None = Field(
        None, description="kb id of the country (or organization) the entity belongs to"
    )
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Speaker(Span):
    entity: str | None = Field(None, description="id of the speaking entity in entities[]")
    role: str | None = Field(None, description="the speaker's role at this point in the text")
    anonymous: bool = Field(False, description="an unnamed source (مسؤول في البيت الأبيض, مصادر دبلوماسية)")
    affiliation: str | None = Field(None, description="entity id or kb id an anonymous source belongs to")
    implicit: bool = Field(
        False, description="the subject is dropped or a pronoun; the span is the antecedent's mention"
    )


class Quote(_Model):
    id: str
    kind: QuoteKind
    cue: Span
    content: Span
    speaker: Speaker | None = None
    addressee: str | None = Field(None, description="entity id of the addressee when stated")
    channel: str | None = Field(
        None, description="statement, press_conference, interview, tweet, television, ..."
    )
    parent: str | None = Field(None, description="id of the quote this one is nested in")
    cue_class: Literal["speech", "stance", "threat", "attribution"] | None = None
    sentence: int | None = None


class Timex(Span):
    id: str
    type: TimexType
    value: str | None = Field(
        None, description="TIMEX3 value: 2021-12-30, 2021-12-30T21:25Z, PT50M, P1W, PAST_REF"
    )
    mod: str | None = Field(None, description="START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...")
    anchor: str | None = Field(None, description="ISO date the value was resolved against, for relative ones")
    range_to: str | None = Field(None, description="on the first value of a range: id of its end")
    range_from: str | None = Field(None, description="on the last value of a range: id of its start")


class Event(_Model):
    id: str
    type: str = Field(description="PLOVER type: CONSULT, THREATEN, ...")
    mode: str | None = Field(None, description="PLOVER mode: phone, visit, talks, summit, ...")
    trigger: Span
    source: list[str] = Field(default_factory=list, description="entity ids of the actors who act")
    target: list[str] = Field(default_factory=list, description="entity ids of those acted upon")
    symmetric: bool = False
    date: str | None = None
    date_source: Literal["timex", "published"] | None = None
    timex: str | None = Field(None, description="id of the timex the date comes from")
    location: str | None = Field(None, description="entity id of the place")
    modality: Modality = "occurred"
    sentence: int = Field(ge=0, description="index into sentences[]")
    quote: str | None = Field(None, description="id of the quote the event is reported in")
    attributes: dict[str, str] = Field(default_factory=dict, description="duration, start, end, ...")


class Document(_Model):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["rasd.document/1"] = Field(SCHEMA_ID, alias="schema")
    id: str
    text: str
    published: str | None = Field(None, description="ISO date of publication")
    published_source: PublishedSource | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "ar"
    blocks: list[Block] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    summary: list[int] = Field(default_factory=list, description="indices of the summary's sentences")
    meta: dict[str, Any] = Field(default_factory=dict)

    # Tokens are the text layer's working data: kept on the object for later layers, not serialized.
    _tokens: list[Any] = PrivateAttr(default_factory=list)

    @property
    def tokens(self) -> list[Any]:
        return self._tokens

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls.model_validate(data)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def content_blocks(self) -> list[Block]:
        """Blocks later layers read: everything but boilerplate."""
        return [b for b in self.blocks if b.kind != "boilerplate"]


# The setters of BaseModel's instance slots, called directly: object.__setattr__ looks each name up through the
# class hierarchy on every call, which made it most of fast_construct's cost.
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def fast_construct(cls: type[BaseModel], **fields: Any) -> Any:
    """Build a model from already-valid fields without validation: for hot paths that make many small objects
    (blocks, sentences). Equivalent to ``cls.model_construct`` with every field given, several times faster."""
    return construct_from(cls, fields)


def construct_from(cls: type[BaseModel], fields: dict[str, Any]) -> Any:
    """:func:`fast_construct` from a dict the caller built (no keyword packing)."""
    obj = _new(cls)
    _set_dict(obj, fields)
    _set_fields_set(obj, set(fields))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


def content_id(text: str) -> str:
    """A stable id from the text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def iter_spans(doc: Document):
    """Yield (path, Span-like dict) for every span in the document, for validation."""
    d = doc if isinstance(doc, dict) else doc.to_dict()
    for i, e in enumerate(d.get("entities", [])):
        for j, m in enumerate(e.get("mentions", [])):
            yield f"entities[{i}].mentions[{j}]", m
        for j, r in enumerate(e.get("roles", [])):
            if r.get("span"):
                yield f"entities[{i}].roles[{j}].span", r["span"]
    for i, q in enumerate(d.get("quotes", [])):
        for k in ("cue", "content", "speaker"):
            if q.get(k):
                yield f"quotes[{i}].{k}", q[k]
    for i, t in enumerate(d.get("timexes", [])):
        yield f"timexes[{i}]", t
    for i, ev in enumerate(d.get("events", [])):
        yield f"events[{i}].trigger", ev["trigger"]


def check_spans(doc: Document | dict) -> list[str]:
    """Problems with the document's spans and references; an empty list means all is well."""
    d = doc if isinstance(doc, dict) else doc.to_dict()
    text = d["text"]
    n = len(text)
    problems = []
    for path, s in iter_spans(d):
        if not (0 <= s["start"] <= s["end"] <= n):
            problems.append(f"{path}: [{s['start']},{s['end']}) outside text of length {n}")
        elif text[s["start"] : s["end"]] != s["text"]:
            problems.append(f"{path}: text {s['text']!r} != text[{s['start']}:{s['end']}]")
    for key in ("blocks", "sentences"):
        for i, b in enumerate(d.get(key, [])):
            if not (0 <= b["start"] <= b["end"] <= n):
                problems.append(f"{key}[{i}]: [{b['start']},{b['end']}) outside text")
    ids = {e["id"] for e in d.get("entities", [])}
    qids = {q["id"] for q in d.get("quotes", [])}
    for i, q in enumerate(d.get("quotes", [])):
        sp = q.get("speaker")
        if sp and sp.get("entity") and sp["entity"] not in ids:
            problems.append(f"quotes[{i}].speaker.entity {sp['entity']} unknown")
        if q.get("addressee") and q["addressee"] not in ids:
            problems.append(f"quotes[{i}].addressee {q['addressee']} unknown")
        if q.get("parent") and q["parent"] not in qids:
            problems.append(f"quotes[{i}].parent {q['parent']} unknown")
    for i, ev in enumerate(d.get("events", [])):
        for k in ("source", "target"):
            for eid in ev.get(k, []):
                if eid not in ids:
                    problems.append(f"events[{i}].{k} {eid} unknown")
        if not (0 <= ev["sentence"] < max(1, len(d.get("sentences", [])))):
            problems.append(f"events[{i}].sentence {ev['sentence']} out of range")
    return problems
