"""The years in office of the people the entity layer linked to the knowledge base: when a weekday + day +
month written without a year fits several years, the year most of them held their roles in wins (see
``infer.py``, rule 1a).

Two readings of the text narrow a person's years: a title the article gives him that names one of his KB
roles (`الرئيس المصري عبد الفتاح السيسي`: his presidency, not his years as defence minister) keeps only the
years of the roles it names; a person the article names only as a former holder (`الرئيس الأسبق محمد مرسي`) held
nothing at the time of writing and gives no years."""

from __future__ import annotations

from ..document import Document
from ..text import normalize

# "former", "late": a title with one of these right before the name is no office held at the time of writing
_FORMER = ("السابق", "الاسبق", "الراحل", "السابقه", "الراحله")
_BEFORE = 30  # characters before a mention in which such a word is looked for


def _named_as_former(doc: Document, starts: list[int]) -> bool:
    return all(
        any(w in normalize(doc.text[max(0, s - _BEFORE) : s]).split() for w in _FORMER) for s in starts
    )


def role_years(doc: Document, clock_year: int) -> list[list[tuple[int, int]]]:
    """For each person in ``doc.entities`` linked to the shipped knowledge base, the ``(start, end)`` years of
    their roles there (an open end runs to next year; a role without a start year is left out)."""
    people = {e.kb_id: e for e in doc.entities if e.kb_id and e.type == "PER"}
    if not people:
        return []
    from ..entities.kb import shipped_kb  # read only when several years fit: the entity layer has loaded it

    entries = shipped_kb().entries
    out: list[list[tuple[int, int]]] = []
    for kb_id in sorted(people):
        ent = people[kb_id]
        roles = (entries.get(kb_id) or {}).get("roles")
        if not roles or _named_as_former(doc, [m.start for m in ent.mentions]):
            continue
        said = {normalize(r.text) for r in ent.roles if r.source == "text"}
        named = [r for r in roles if normalize(r.get("title") or "") in said]
        spans = []
        for r in named or roles:
            start, end = r.get("start"), r.get("end")
            if isinstance(start, int) and (end is None or isinstance(end, int)):
                spans.append((start, end if end is not None else clock_year + 1))
        if spans:
            out.append(spans)
    return out
