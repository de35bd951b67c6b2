"""Nisba adjectives (روسي، الأميركية، أطلسي) as stand-ins for entities of the document.

``لقاء روسي أطلسي`` names its parties only by adjectives. When the entities layer has not marked such an
adjective, this index maps its inflected forms to the document entity of that country or organization: the
knowledge base's demonyms when it is available, else forms derived from the entity's own one-word names
(روسيا -> روسي، أوكرانيا -> أوكراني، الأطلسي -> أطلسي).
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..text import normalize

IGO_KINDS = {"igo", "alliance"}


def _kb_demonyms() -> dict[str, str]:
    try:
        from ..entities.kb import shipped_kb

        return shipped_kb().demonyms
    except Exception:  # the KB is optional here: fall back to derived forms
        return {}


@lru_cache(maxsize=50_000)
def _derived(name: str, multiword: bool = False) -> frozenset[str]:
    n = normalize(name)
    if " " in n:
        if not multiword:
            return frozenset()
        n = n.split()[-1]  # الحلف الأطلسي -> أطلسي: an alliance named by its adjective
        if not n.endswith("ي"):
            return frozenset()
    if len(n) < 3:
        return frozenset()
    base = n[2:] if n.startswith("ال") else n
    if base.endswith("ي"):
        stems = {base}
    elif base[-1] in "اه":
        stems = {base[:-1] + "ي"}
    else:
        return frozenset()
    forms = set()
    for s in stems:
        for f in (s, s + "ه", s + "ين", s + "ون"):
            forms |= {f, "ال" + f}
    return frozenset(forms)


_DERIVED_ENDINGS = ("ي", "يه", "ين", "ون", "يا")  # every form _derived() makes ends so (يا: accusative)


def could_be_nisba(stem: str) -> bool:
    """Whether ``nisba_index`` of any document could hold this normalized form: a derived form or a KB demonym
    (also in the indefinite accusative, which nisba_index adds: سعوديا)."""
    forms = _demonym_forms()
    return stem.endswith(_DERIVED_ENDINGS) or stem in forms or (stem[-1:] == "ا" and stem[:-1] in forms)


@lru_cache(maxsize=1)
def _demonym_forms() -> frozenset[str]:
    return frozenset(f for forms in _demonyms_by_kb().values() for _, f, _ in forms)


def nisba_index(doc: Document) -> dict[str, str]:
    """Normalized nisba form -> id of the document entity it stands for."""
    by_kb: dict[str, str] = {}
    index: dict[str, str] = {}
    for e in doc.entities:
        if e.type not in ("LOC", "ORG"):
            continue
        if e.kb_id and e.kb_id not in by_kb:
            by_kb[e.kb_id] = e.id
        igo = e.kind in IGO_KINDS
        for name in {e.name, *(m.text for m in e.mentions)}:
            for f in _derived(name, multiword=igo):
                index.setdefault(f, e.id)
    if by_kb:
        forms = _demonyms_by_kb()
        found = sorted(f for kb_id in by_kb for f in forms.get(kb_id, ()))
        for _, form, kb_id in found:  # in the KB's order, as a walk over all its demonyms would set them
            index[form] = by_kb[kb_id]
    for form, eid in list(index.items()):
        if form.endswith("ي"):
            index.setdefault(form + "ا", eid)  # the indefinite accusative: وفدا سعوديا، موقفا أميركيا
    return index


@lru_cache(maxsize=1)
def _demonyms_by_kb() -> dict[str, tuple[tuple[int, str, str], ...]]:
    """KB id -> its demonym forms as (position in the KB's demonyms, form, KB id): a document looks up only
    the few entities it has instead of walking thousands of demonyms."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for n, (form, kb_id) in enumerate(_kb_demonyms().items()):
        out.setdefault(kb_id, []).append((n, form, kb_id))
    return {k: tuple(v) for k, v in out.items()}
