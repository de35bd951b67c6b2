"""Grouping mentions into entities within one article.

Linked mentions group by knowledge-base id. An unlinked person's mention joins an earlier person whose name
contains it as a run of words (بايدن after جو بايدن; ساكي after جين ساكي), or whose name it contains (a full
name after a surname). Other unlinked mentions group by their normalized text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..document import Document
from .kb import KB, name_key
from .local_namesakes import clause_country, link_local_namesakes
from .mention import Mention


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    kb_id: str | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)  # normalized names it is known by

    def type(self, kb: KB | None) -> str:
        e = kb.get(self.kb_id) if kb is not None else None
        if e:
            return e["type"]
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]


def mention_key(doc: Document, m: Mention) -> tuple[str, ...]:
    return name_key(doc.text[m.start : m.end])


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return 0 < n <= len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _choose_id(m: Mention, clusters: Sequence[Cluster], kb: KB, country: str | None = None) -> str:
    if len(m.kb_ids) == 1:
        return m.kb_ids[0]
    present = {c.kb_id for c in clusters}
    for i in m.kb_ids:
        if i in present:
            return i
    same_type = [i for i in m.kb_ids if kb.entries[i]["type"] == m.type]
    # a name two places share (طرابلس): the one in the article's country (Tripoli in a Lebanese story)
    local = [i for i in same_type if country is not None and kb.entries[i].get("country") == country]
    if len(local) == 1:
        return local[0]
    return (same_type or list(m.kb_ids))[0]


def _article_country(mentions: Sequence[Mention], kb: KB) -> str | None:
    """The country most of the article's linked places are (or are in), if one clearly leads."""
    votes: Counter = Counter()
    shared: Counter = Counter()  # a name two places share (طرابلس) votes only where nothing else does
    for m in mentions:
        for i in m.kb_ids[:1]:
            e = kb.entries[i]
            if e["type"] == "LOC":
                (votes if len(m.kb_ids) == 1 else shared)[
                    i if e.get("kind") == "country" else e.get("country")
                ] += 1
    votes.pop(None, None)
    if not votes:
        votes = shared
        votes.pop(None, None)
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


_NISBAS: list[tuple[KB, dict[str, tuple[str, ...]]]] = []  # the last few KBs' nisbas by country


def _nisbas(kb: KB) -> dict[str, tuple[str, ...]]:
    """Definite nisba forms of each country (الروسي، الروسية ...), built once per KB."""
    for k, v in _NISBAS:
        if k is kb:
            return v
    out: dict[str, list[str]] = {}
    for form, country in kb.demonyms.items():
        if form.startswith("ال"):
            out.setdefault(country, []).append(form)
    by_country = {c: tuple(sorted(f)) for c, f in out.items()}
    _NISBAS[:] = [*_NISBAS[-3:], (kb, by_country)]
    return by_country


def _once(f: Callable[[], str | None]) -> Callable[[], str | None]:
    """``f()`` computed on the first call only."""
    box: list[str | None] = []

    def get() -> str | None:
        if not box:
            box.append(f())
        return box[0]

    return get


def _link_bare_bodies(
    doc: Document, mentions: Sequence[Mention], kb: KB, article: Callable[[], str | None]
) -> None:
    """An unlinked body named without its country (مجلس النواب, مجلس الوزراء) is the article's country's when
    the KB knows the name with that country's nisba (مجلس النواب اللبناني)."""
    bare = [m for m in mentions if m.type == "ORG" and not m.kb_ids]
    if not bare:
        return
    # (a title's body right before a linked person is that person's country's: رئيس جهاز المخابرات العامة
    # [ماجد فرج] in a Saudi story is the Palestinian service)
    holder = {m.first: m for m in mentions if m.type == "PER" and len(m.kb_ids) == 1}
    places = {m.last: m for m in mentions if m.type == "LOC" and len(m.kb_ids) == 1}
    tokens = doc.tokens
    for m in bare:
        person = holder.get(m.last + 1)
        country = kb.entries[person.kb_ids[0]].get("country") if person is not None else None
        if country is None:
            country = clause_country(tokens, m.first, places, kb)
        if country is None:
            country = article()
        if country is None:
            continue
        key = mention_key(doc, m)
        for n in _nisbas(kb).get(country, ()):
            ids = [i for i in kb.names.get((*key, n), ()) if kb.entries[i].get("country") == country]
            if len(ids) == 1:
                m.kb_ids = (ids[0],)
                break


def group(doc: Document, mentions: Sequence[Mention], kb: KB | None) -> list[Cluster]:
    # the article's country, computed once when a rule needs it (the rules below relink bodies, never places)
    article = _once(lambda: _article_country(mentions, kb) if kb is not None else None)
    if kb is not None and len(kb):
        bare = frozenset(id(m) for m in mentions if m.type == "ORG" and not m.kb_ids)
        _link_bare_bodies(doc, mentions, kb, article)
        tokens = doc.tokens  # (a property of the pydantic model: read once)
        link_local_namesakes(
            mentions, kb, lambda m: mention_key(doc, m), article, bare, lambda m: tokens[m.last].norm
        )
    clusters: list[Cluster] = []
    by_id: dict[str, Cluster] = {}
    ambiguous = kb is not None and any(len(m.kb_ids) > 1 for m in mentions)
    country = article() if ambiguous else None
    for m in mentions:
        key = mention_key(doc, m)
        if not key:
            continue
        if m.kb_ids and kb is not None:
            kid = _choose_id(m, clusters, kb, country)
            c = by_id.get(kid)
            if c is None:
                c = _find_unlinked(clusters, key, kb.entries[kid]["type"], kb)
                if c is not None:
                    c.kb_id = kid
                else:
                    c = Cluster(kb_id=kid)
                    clusters.append(c)
                by_id[kid] = c
                e = kb.entries[kid]
                c.keys.update(k for k in (name_key(n) for n in [e["name"], *e["aliases"]]) if k)
            m.kb_ids = (kid,)
        else:
            c = _find_unlinked(clusters, key, m.type, kb, linked_too=m.type == "PER")
            if c is None:
                c = Cluster()
                clusters.append(c)
            elif c.kb_id:
                m.kb_ids = (c.kb_id,)
        c.mentions.append(m)
        c.keys.add(key)
    return clusters


def _find_unlinked(
    clusters: Sequence[Cluster], key: tuple[str, ...], typ: str, kb: KB | None, linked_too: bool = False
) -> Cluster | None:
    """The latest cluster of the same type this name belongs to (unlinked ones, or linked persons)."""
    for c in reversed(clusters):
        if c.kb_id and not linked_too:
            continue
        # the name before the type where that is one set check: a cluster's type counts its mentions' types
        if key in c.keys:
            if c.type(kb) == typ:
                return c
            continue
        if (
            typ == "PER"
            and c.type(kb) == typ
            and any(_contains(k, key) or (not c.kb_id and _contains(key, k)) for k in c.keys)
        ):
            return c
    return None
