"""Roles found in the text: titles before a person's name (الرئيس الأميركي جو بايدن), appositions after it
(يوري أوشاكوف، مستشار بوتين للسياسة الخارجية), counterpart phrases (نظيره الروسي) and title-only references
(الرئيس الروسي after Putin was named). Title-only and counterpart references are not name mentions: they are
kept as the entity's roles with their span, so later layers can resolve them to the entity."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..text.normalize import normalize
from ..text.tokens import Token
from .cues import Cue, cue_index
from .group import Cluster
from .kb import KB
from .mention import Mention

_MAX_ROLE_TOKENS = 8
_BASM = {"باسم", "بإسم"}
_STOP_PUNCT = set('،,.;:؛!?؟()"«»[]')


@dataclass
class TextRole:
    cluster: int
    start: int
    end: int
    head: str  # normalized title head (الرئيس -> رئيس)
    text_en: str | None
    affiliation: str | None
    counterpart: bool = False


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(
        k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "org_head" and len(k) == 1
    )


@lru_cache(maxsize=20_000)
def _head(cue_text: str) -> str:
    """The normalized head word of a title (الرئيس الروسي -> رئيس); cached per title text."""
    w = normalize(cue_text).split()
    h = w[0] if w else ""
    return h[2:] if h.startswith("ال") and len(h) > 3 else h


def find_roles(
    doc: Document,
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    clusters: Sequence[Cluster],
    kb: KB | None,
    cues: dict[tuple[int, int], list[Cue]] | None = None,
) -> list[TextRole]:
    """Roles from title and counterpart cues (``cues``: ``cues.match_ranges(tokens, ranges)`` when known)."""
    m_at: dict[int, tuple[Mention, int]] = {}
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            m_at[m.first] = (m, ci)
    out: list[TextRole] = []
    _LOCAL.text = doc.text
    idx = cue_index()
    for lo, hi in ranges:
        for cue in cues[(lo, hi)] if cues is not None else idx.match(tokens, lo, hi):
            if cue.kind not in ("title", "counterpart"):
                continue
            if cue.first in m_at:  # a title inside a name (a KB name that starts with a title word)
                continue
            _role_from_cue(doc, tokens, hi, cue, m_at, clusters, kb, out)
    return out


def _affiliation_of(m: Mention, clusters: Sequence[Cluster], ci: int, kb: KB | None) -> str | None:
    c = clusters[ci]
    e = kb.get(c.kb_id) if kb is not None else None
    if m.type == "PER":
        return (e or {}).get("country") if e else None
    return c.kb_id or doc_text_of(m)


_LOCAL = threading.local()  # the text being analyzed, per thread (analyses may run in parallel threads)


def doc_text_of(m: Mention) -> str:
    return getattr(_LOCAL, "text", "")[m.start : m.end]


def _looks_nisba(tok: Token) -> bool:
    """الأميركي، الروسية: a relative adjective, a title's modifier even when the KB does not know it."""
    n = tok.norm
    return n.startswith("ال") and len(n) > 4 and (n.endswith("ي") or n.endswith("يه"))


def _role_from_cue(doc, tokens, hi, cue: Cue, m_at, clusters, kb, out) -> None:
    j = cue.last + 1
    affiliation = None
    appositive = cue.first > 0 and tokens[cue.first - 1].text in ("،", ",")
    end = cue.end
    holder: int | None = None
    steps = 0
    in_np = False
    while j < hi and steps < _MAX_ROLE_TOKENS:
        steps += 1
        tok = tokens[j]
        if tok.kind == "punct":
            break
        if j in m_at:
            m, ci = m_at[j]
            if m.type == "PER" and not appositive:
                holder = ci  # the title's holder follows
                break
            affiliation = affiliation or _affiliation_of(m, clusters, ci, kb)
            end, j = m.end, m.last + 1
            continue
        country = kb.demonym_country(tok) if kb is not None else None
        if country:
            affiliation = affiliation or country
            end, j = tok.end, j + 1
            continue
        if _looks_nisba(tok):
            end, j = tok.end, j + 1
            continue
        if tok.norm in _BASM or tok.match(_org_heads()):
            end, j, in_np = tok.end, j + 1, True  # باسم / وزارة: a noun phrase naming the body follows
            continue
        if in_np and tok.norm.startswith("ال"):
            end, j = tok.end, j + 1
            continue
        if appositive and tok.kind == "word" and len(tok.forms) > 1 and tok.forms[1][1].startswith("ال"):
            end, j = tok.end, j + 1  # للسياسة الخارجية: a prepositional complement of the title
            continue
        if appositive and tok.norm.startswith("ال") and j > cue.last + 1:
            end, j = tok.end, j + 1
            continue
        break
    head = _head(doc.text[cue.start : cue.end])
    counterpart = cue.kind == "counterpart"
    if holder is None and appositive:
        k = cue.first - 2  # the name before the comma
        while k >= 0 and k not in m_at:
            k -= 1
        if k >= 0:
            m, ci = m_at[k]
            if m.type == "PER" and m.last == cue.first - 2:
                holder = ci
    if holder is None:
        holder = _resolve_title_only(head, affiliation, counterpart, cue.start, clusters, kb, out)
    if holder is None:
        return
    out.append(TextRole(holder, cue.start, end, head, cue.text_en, affiliation, counterpart))


def _resolve_title_only(head, affiliation, counterpart, start, clusters, kb, roles) -> int | None:
    """The one person named before ``start`` that a title-only phrase (الرئيس الروسي) can refer to."""
    if not affiliation:
        return None
    cands = set()
    for ci, c in enumerate(clusters):
        if not c.mentions or c.mentions[0].start >= start or c.type(kb) != "PER":
            continue
        e = kb.get(c.kb_id) if kb is not None else None
        countries = {e.get("country")} if e else set()
        heads = set()
        for r in roles:
            if r.cluster == ci:
                countries.add(r.affiliation)
                heads.add(r.head)
        for r in (e or {}).get("roles", []):
            heads.add(_head(r.get("title", "")))
            if r.get("org"):
                countries.add(r["org"])
            if r.get("end") is None and r.get("org") and (kb.get(r["org"]) or {}).get("country"):
                countries.add(kb.get(r["org"])["country"])
        if affiliation not in countries:
            continue
        if counterpart or head in heads or not heads:
            cands.add(ci)
    if len(cands) == 1:
        return cands.pop()
    if counterpart and cands:
        # "his counterpart" points to a peer: the most mentioned candidate when clearly so
        counts = sorted(
            ((sum(m.start < start for m in clusters[ci].mentions), ci) for ci in cands), reverse=True
        )
        if counts[0][0] >= 2 * counts[1][0] and counts[0][0] >= 2:
            return counts[0][1]
    return None
