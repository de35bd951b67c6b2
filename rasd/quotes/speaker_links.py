"""Speaker records and the entities they link to: the entity that speaks for a mention (a city for its
country), a record built on a span, the implicit copy of one, and an entity's role as last written."""

from __future__ import annotations

from operator import itemgetter

from ..document import Entity
from ..text.normalize import normalize_word
from .context import Context
from .records import SpeakerRec as Speaker


def speaker_entity(ctx: Context, e: Entity) -> tuple[str, str | None]:
    """The entity that speaks for a mention: a city stands for its country's government (موسكو → Russia)."""
    if e.type == "LOC" and e.kind not in (None, "country") and e.country:
        country = ctx.by_kb.get(e.country)
        return (country.id if country else e.id), e.country
    return e.id, None


def strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def new_speaker(ctx: Context, start: int, end: int, **kw) -> Speaker:
    return Speaker(start=start, end=end, text=ctx.text[start:end], **kw)


def as_implicit(sp: Speaker) -> Speaker:
    if sp.implicit:
        return sp
    # built field by field: dataclasses.replace re-reads the class's fields on every call
    return Speaker(sp.start, sp.end, sp.text, sp.entity, sp.role, sp.anonymous, sp.affiliation, True)


def named_in(ctx: Context, ms: list, offset: int) -> bool:
    """A mention starts at or after ``offset``: the words there are a body's or place's name, not a person's."""
    return any(m[0] >= offset for m in ms)


def known_role(ctx: Context, e: Entity, before: int) -> str | None:
    """The entity's role as last written before this point (not a relation such as نظيره), else from the KB."""
    roles = ctx.known_roles.get(id(e))
    if roles is None:  # each entity's roles are read once per document: (start, full title, text), KB role
        text_roles = tuple(
            (r.span.start, " " in r.text.strip(), r.text)
            for r in e.roles
            if r.source == "text" and r.span is not None and not normalize_word(r.text).startswith("نظير")
        )
        kb = next((r.text for r in e.roles if r.source == "kb"), None)
        roles = ctx.known_roles[id(e)] = (text_roles, kb)
    seen = [x for x in roles[0] if x[0] < before]
    if seen:  # the last one written, preferring a full title (الرئيس الروسي) over a bare الرئيس
        full = [x for x in seen if x[1]] or seen
        return max(full, key=_START)[2]
    return roles[1]


_START = itemgetter(0)
