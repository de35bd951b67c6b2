"""Entities from clusters: ids in order of first mention, KB fields, romanized names, roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, get_args

from ..document import Document, Entity, EntityType, Role, Span, construct_from, fast_construct
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
            _role(
                {
                    "text": doc.text[r.start : r.end],
                    "text_en": r.text_en,
                    "affiliation": r.affiliation,
                    "source": "text",
                    "span": fast_construct(Span, start=r.start, end=r.end, text=doc.text[r.start : r.end]),
                }
            )
            for r in sorted(by_cluster.get(ci, []), key=lambda r: r.start)
        ]
        if e:
            for r in e.get("roles", []):
                ent_roles.append(
                    Role(text=r["title"], text_en=r.get("title_en"), affiliation=r.get("org"), source="kb")
                )
            country = _affiliation(e, kb)
            out.append(
                _entity(
                    {
                        "id": f"e{n}",
                        "type": typ,
                        "name": e["name"],
                        "name_en": e.get("name_en"),
                        "name_en_source": "kb" if e.get("name_en") else None,
                        "kb_id": e["id"],
                        "kind": e.get("kind"),
                        "country": country,
                        "roles": ent_roles,
                        "mentions": mentions,
                    }
                )
            )
            continue
        name = max((m.text for m in mentions), key=lambda s: (len(s.split()), len(s)))
        country = next(
            (r.affiliation for r in ent_roles if r.affiliation and r.affiliation.startswith("country/")), None
        )
        out.append(
            _entity(
                {
                    "id": f"e{n}",
                    "type": typ,
                    "name": name,
                    "name_en": romanize(name) if typ == "PER" else None,
                    "name_en_source": "romanized" if typ == "PER" else None,
                    "kb_id": None,
                    "kind": "person" if typ == "PER" else None,
                    "country": country,
                    "roles": ent_roles,
                    "mentions": mentions,
                }
            )
        )
    return out


_ENTITY_TYPES = frozenset(get_args(EntityType))
_ENTITY_TEXT_FIELDS = ("name", "name_en", "kb_id", "kind", "country")  # (name: never None here)


def _entity(fields: dict[str, Any]) -> Entity:
    """An Entity of ``fields`` (every field, in the model's order; roles and mentions already models),
    built without validation when the values are of the declared types — the KB's text fields are strings
    or None in a well-formed KB; anything else goes through pydantic as before."""
    if fields["type"] not in _ENTITY_TYPES:
        return Entity(**fields)
    for name in _ENTITY_TEXT_FIELDS:  # (a loop: all() over a generator costs more than the checks)
        v = fields[name]
        if v is not None and not isinstance(v, str):
            return Entity(**fields)
    return construct_from(Entity, fields)


def _role(fields: dict[str, Any]) -> Role:
    """A text Role of ``fields`` (every field, in the model's order), without validation when its optional
    texts are strings or None (as ``_entity``)."""
    text_en, affiliation = fields["text_en"], fields["affiliation"]
    if (text_en is None or isinstance(text_en, str)) and (
        affiliation is None or isinstance(affiliation, str)
    ):
        return construct_from(Role, fields)
    return Role(**fields)


def _affiliation(e: dict, kb: KB | None) -> str | None:
    """The country (or organization) a KB entry acts for: its ``country`` / ``stands_for``; a country itself;
    and for a person whose current offices are all in international organizations (a UN Secretary-General, the
    GCC's Secretary-General), that organization rather than their nationality. An office in a national body
    (the Kremlin, a ministry: entries with a ``country`` or ``stands_for``) keeps the person's country."""
    if e.get("kind") == "country" and not (e.get("country") or e.get("stands_for")):
        return e["id"]
    country = e.get("country") or e.get("stands_for")
    if e.get("type") != "PER" or kb is None:
        return country
    current = [r["org"] for r in e.get("roles", []) if r.get("end") is None and r.get("org")]
    international = []
    for org in current:
        if org.startswith("country/"):
            return country
        entry = kb.get(org)
        if entry is None or entry.get("country") or entry.get("stands_for"):
            return country  # a national body, or one we do not know: keep the nationality
        international.append(org)
    return international[0] if international else country
