"""Documents with given entities and time expressions, to run the events layer on its own.

The events layer reads what the entity, time and quote layers wrote. To test or evaluate it in isolation
(the example corpus, gold-entity evaluation), :func:`prepared` runs the text layer and then writes the given
entities and time expressions instead of running the other layers::

    doc = prepared("اتصل بايدن ببوتين", entities=[["بايدن", "PER", "Joe Biden", "person/joe-biden", "country/US"]])

An entity row is ``[surface, type, name_en, kb_id, country, kind, roles]`` (the last four optional; ``roles``: the
entity's titles as written, e.g. ``["وزير الخارجية الأميركي"]``); every occurrence of the
surface that is not inside a longer listed surface becomes a mention (a clitic before it stays outside), and
rows with the same ``name_en`` form one entity. A timex row is ``[surface, type, value]``.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .. import text as text_layer
from ..document import Document, Entity, Role, Timex, content_id


def _occurrences(t: str, surface: str) -> list[tuple[int, int]]:
    # a mention is a whole word or starts after proclitics (و ف ب ل ك, ال fused as لل)
    pat = regex.compile(r"(?<![\p{L}\p{M}])(?:[وف]?[بلك]?)(" + regex.escape(surface) + r")(?![\p{L}\p{M}])")
    return [m.span(1) for m in pat.finditer(t)]


def prepared(
    text: str,
    published: str | None = None,
    entities: Sequence[Sequence[str | None]] = (),
    timexes: Sequence[Sequence[str | None]] = (),
) -> Document:
    doc = Document(
        id=content_id(text), text=text, published=published, published_source="given" if published else None
    )
    text_layer.annotate(doc)
    taken: list[tuple[int, int]] = []
    groups: dict[str, Entity] = {}
    for row in sorted(entities, key=lambda r: -len(r[0] or "")):
        surface, etype, name_en = row[0], row[1], row[2]
        kb_id = row[3] if len(row) > 3 else None
        country = row[4] if len(row) > 4 else None
        kind = row[5] if len(row) > 5 else None
        roles = [Role(text=r, source="kb") for r in row[6]] if len(row) > 6 and row[6] else []
        # an eighth column: titles the article itself gives (source "text"), e.g. رئيس الوزراء الإسرائيلي
        roles += [Role(text=r, source="text") for r in row[7]] if len(row) > 7 and row[7] else []
        key = name_en or surface
        ent = groups.get(key)
        if ent is None:
            ent = Entity(
                id="",
                type=etype,
                name=surface,
                name_en=name_en,
                kb_id=kb_id,
                country=country,
                kind=kind,
                roles=roles,
            )
            groups[key] = ent
        for s, e in _occurrences(text, surface):
            if any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            ent.mentions.append(doc.span(s, e))
    ordered = sorted(
        (e for e in groups.values() if e.mentions), key=lambda e: min(m.start for m in e.mentions)
    )
    for n, e in enumerate(ordered, 1):
        e.id = f"e{n}"
        e.mentions.sort(key=lambda m: m.start)
        doc.entities.append(e)
    n = 0
    for row in timexes:
        surface, ttype, value = row[0], row[1], row[2]
        for s, e in _occurrences(text, surface):
            n += 1
            doc.timexes.append(Timex(id=f"t{n}", start=s, end=e, text=text[s:e], type=ttype, value=value))
    doc.timexes.sort(key=lambda x: x.start)
    return doc
