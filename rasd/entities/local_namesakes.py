"""Which country's body a name means: a body's name that two countries' bodies share, linked to the namesake
the article means, and the country a clause names just before a bare body (clause_country).

The KB names one body bare (صحيفة الشروق: the Egyptian daily; حزب الشعب الجمهوري: the Turkish party) and its
namesake elsewhere with its country's nisba (صحيفة الشروق الجزائرية, حزب الشعب الجمهوري المصري). A bare mention
linked to the first means the namesake where the article names that one otherwise too (الشروق أونلاين in the
dateline), else where the namesake is the article's country's. A linked person right after the mention (its
holder: رئيس حزب الشعب الجمهوري [أوزغور أوزيل]) of the linked body's country keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text.tokens import Token
from .kb import KB, name_key, per_kb
from .mention import Mention
from .news_rules import span_words


@per_kb
def _namesakes(kb: KB) -> dict[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Bodies' names without a closing country nisba -> (country, id) of the bodies so named."""
    out: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for e in kb.entries.values():
        country = e.get("country")
        if e["type"] != "ORG" or not country:
            continue
        for n in (e["name"], *e.get("aliases", ())):
            key = name_key(n)
            if len(key) >= 2 and kb.demonyms.get(key[-1]) == country:
                pairs = out.setdefault(key[:-1], [])
                if (country, e["id"]) not in pairs:
                    pairs.append((country, e["id"]))
    return {k: tuple(v) for k, v in out.items()}


@per_kb
def _last_words(kb: KB) -> frozenset[str]:
    return frozenset(k[-1] for k in _namesakes(kb))


def link_local_namesakes(
    mentions: Sequence[Mention],
    kb: KB,
    key_of: Callable[[Mention], tuple[str, ...]],
    article_country: Callable[[], str | None],
    skip: frozenset[int] = frozenset(),
    last_word: Callable[[Mention], str] = lambda m: "",
) -> None:
    """Relink in place the ORG mentions linked to one body whose words, with another country's nisba, name
    that country's body: to the namesake linked elsewhere in the article, else to the article's country's.
    ``skip``: ids of mentions linked by their country already (group._link_bare_bodies: وزارة الخارجية);
    ``last_word``: a mention's normalized last word (a cheap test before its key is built)."""
    table, lasts = _namesakes(kb), _last_words(kb)
    candidates = [
        m
        for m in mentions
        if m.type == "ORG" and len(m.kb_ids) == 1 and id(m) not in skip and last_word(m) in lasts
    ]
    if not candidates:
        return
    linked = {i for m in mentions for i in m.kb_ids if len(m.kb_ids) == 1}
    holders = {m.first: m for m in mentions if m.type == "PER" and len(m.kb_ids) == 1}
    country: list[str | None] = []  # computed on first need
    for m in candidates:
        own = kb.entries[m.kb_ids[0]].get("country")
        if own is None:
            continue
        others = [(c, i) for c, i in table.get(key_of(m), ()) if c != own]
        if not others:
            continue
        holder = holders.get(m.last + 1)
        if holder is not None and kb.entries[holder.kb_ids[0]].get("country") == own:
            continue
        present = [i for _, i in others if i in linked]
        if not present:
            if not country:
                country.append(article_country())
            present = [i for c, i in others if c == country[0]]
        if len(present) == 1:
            m.kb_ids = (present[0],)


_CLAUSE_REACH = 6  # words back from a bare body to the country its clause names (وفد البحرين وكيل وزارة …)


def clause_country(tokens: Sequence[Token], first: int, places: dict[int, Mention], kb: KB) -> str | None:
    """The country named a few words before token ``first`` in the same clause, by a country's name or a
    nisba (ترأس [الوفد القطري] الأمين العام لوزارة الخارجية: Qatar's ministry), else None. Punctuation and
    a clause opener (فيما, بينما) end the search. ``places``: the linked place mentions by their last token."""
    openers = span_words("clause_opener")
    for j in range(first - 1, max(-1, first - 1 - _CLAUSE_REACH), -1):
        t = tokens[j]
        if t.kind != "word" or t.norm in openers:
            return None
        m = places.get(j)
        if m is not None:
            e = kb.entries[m.kb_ids[0]]
            return m.kb_ids[0] if e.get("kind") == "country" else None
        country = kb.demonym_country(t)
        if country is not None:
            return country
    return None
