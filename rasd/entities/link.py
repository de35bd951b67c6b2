"""Entities from clusters: ids in order of first mention, KB fields, romanized names, roles."""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Document, Entity, Role, Span, fast_construct
from .group import Cluster
from .kb import KB
from .roles import TextRole
from .romanize import romanize


def build_entities(
    doc: Document, clusters: Sequence[Cluster], roles: Sequence[TextRole], kb: KB | None
) -> list[Entity]:
    order = sorted(range(len(clusters)), key=lambda i: clusters[i].mentions[0].start)
    by_cluster: dict[int, list[TextRole]] = {}
    for r in roles:
        by_cluster.setdefault(r.cluster, []).append(r)
    out = []
    for n, ci in enumerate(order, 1):
        c = clusters[ci]
        typ = c.type(kb)
        # spans made here from the text's own offsets are valid: built without validation (the bulk of objects)
        mentions = [
            fast_construct(Span, start=m.start, end=m.end, text=doc.text[m.start : m.end]) for m in c.mentions
        ]
        e = kb.get(c.kb_id) if kb is not None else None
        ent_roles = [
            Role(
                text=doc.text[r.start : r.end],
                text_en=r.text_en,
                affiliation=r.affiliation,
                source="text",
                span=fast_construct(Span, start=r.start, end=r.end, text=doc.text[r.start : r.end]),
            )
            for r in sorted(by_cluster.get(ci, []), key=lambda r: r.start)
        ]
        if e:
            for r in e.get("roles", []):
                ent_roles.append(
                    Role(text=r["title"], text_en=r.get("title_en"), affiliation=r.get("org"), source="kb")
                )
            country = e.get("country") or e.get("stands_for")
            if e.get("kind") == "country" and not country:
                country = e["id"]
            out.append(
                Entity(
                    id=f"e{n}",
                    type=typ,
                    name=e["name"],
                    name_en=e.get("name_en"),
                    name_en_source="kb" if e.get("name_en") else None,
                    kb_id=e["id"],
                    kind=e.get("kind"),
                    country=country,
                    roles=ent_roles,
                    mentions=mentions,
                )
            )
            continue
        name = max((m.text for m in mentions), key=lambda s: (len(s.split()), len(s)))
        country = next(
            (r.affiliation for r in ent_roles if r.affiliation and r.affiliation.startswith("country/")), None
        )
        out.append(
            Entity(
                id=f"e{n}",
                type=typ,
                name=name,
                name_en=romanize(name) if typ == "PER" else None,
                name_en_source="romanized" if typ == "PER" else None,
                kind="person" if typ == "PER" else None,
                country=country,
                roles=ent_roles,
                mentions=mentions,
            )
        )
    return out
