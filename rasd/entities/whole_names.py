"""A body's KB name that the model's shorter name inside it must not cut: the model, trained on 2007 news,
reads the first words of a long modern body's name as the whole name (الوكالة العربية [السورية للأنباء]),
or a person's name inside a body named after him (مركز الملك [سلمان] للإغاثة); and a name a person and a place
share, read by the word before it."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from .adjust import common_nouns
from .kb import KB, KBMatch, name_key, per_kb, stem_at
from .kb_names import to_place
from .mention import Mention
from .news_rules import nisba_shaped


def keeps_whole_body(
    tokens: Sequence[Token],
    first: int,
    last: int,
    typ: str,
    inner: Sequence[tuple[int, int, str]],
    rest: Sequence[int],
) -> bool:
    """Whether the KB name ``tokens[first..last]`` of type ``typ`` stands against the model's shorter names
    ``inner`` (first, last, type) inside it, ``rest`` being its words they leave out. Only a body's name: a
    person inside it (the body is named after him), a لل- complement after the inner name (للأنباء, للإغاثة:
    the body's field is part of its name), or the closing nisba of a name of several words (إدارة الكوارث
    والطوارئ [التركية]: a one-word name keeps its nisba out, [الموساد] الإسرائيلي, as the model learnt)."""
    if typ != "ORG" or not inner:
        return False
    if any(t == "PER" for _, _, t in inner):
        return True
    end = max(b for _, b, _ in inner)
    if any(j > end and tokens[j].norm.startswith("لل") and len(tokens[j].norm) > 4 for j in rest):
        return True
    a, b, _ = inner[0]
    return (
        len(inner) == 1 and a == first and b > a and list(rest) == [last] and nisba_shaped(tokens[last].norm)
    )


def place_first(tokens: Sequence[Token], m: KBMatch, kb: KB, lo: int) -> KBMatch:
    """A KB name that a person and a place share (باردو: Tamir Pardo's surname and the Tunisian parliament's
    town): the place's ids first right after a preposition of place (في باردو), where a person is not
    expected; the match as it is otherwise."""
    if len(m.ids) < 2 or m.first <= lo or not to_place(tokens[m.first - 1]):
        return m
    places = tuple(i for i in m.ids if kb.entries[i]["type"] == "LOC")
    if not places or len(places) == len(m.ids):
        return m
    return KBMatch(m.first, m.last, m.start, m.end, places + tuple(i for i in m.ids if i not in places))


def extends_over_common_noun(tokens: Sequence[Token], a: int, b: int, covered: set[int]) -> bool:
    """Whether the model's name ``tokens[a..b]`` ends, past the KB names inside it (``covered``), on a common
    noun that names nothing (ner_cues.tsv kind ``common``: الفيتو, الدولار) written without a proclitic (a
    لل- complement belongs to a name: شركة قطر [للغاز] المسال): the KB name stands."""
    t = tokens[b]
    return b not in covered and t.kind == "word" and len(t.forms) == 1 and t.match(common_nouns()) is not None


@per_kb
def _next_words(kb: KB) -> dict[tuple[str, tuple[str, ...]], frozenset[str]]:
    """(body id, a name of it that opens a longer name of it) -> the words that follow it in those longer names
    (org/gcc, مجلس التعاون -> {الخليجي, لدول}); built once per KB."""
    out: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for e in kb.entries.values():
        if e["type"] != "ORG":
            continue
        keys = {name_key(n) for n in [e["name"], *e.get("aliases", [])]}
        for key in keys:
            for i in range(1, len(key)):
                if key[:i] in keys:
                    out.setdefault((e["id"], key[:i]), set()).add(key[i])
    return {k: frozenset(v) for k, v in out.items()}


@per_kb
def _opening_ids(kb: KB) -> frozenset[str]:
    """The ids of the bodies that have a name opening a longer name of theirs (a cheap first test)."""
    return frozenset(i for i, _ in _next_words(kb))


def another_body_of_same_words(tokens: Sequence[Token], m: KBMatch, kb: KB, hi: int) -> bool:
    """A body's short KB name that opens a longer name of it, followed by a definite adjective that none of its
    longer names goes on with and that is no country's nisba (مجلس التعاون [الاستراتيجي] رفيع المستوى is not the
    GCC, whose names go on with الخليجي or لدول): another body named with the same first words."""
    if m.last + 1 >= hi or len(m.ids) != 1 or m.ids[0] not in _opening_ids(kb):
        return False
    nxt = tokens[m.last + 1]
    if nxt.kind != "word" or not nisba_shaped(nxt.norm) or kb.demonym_country(nxt) is not None:
        return False
    key = (stem_at(tokens[m.first], m.start), *[t.norm for t in tokens[m.first + 1 : m.last + 1]])
    words = _next_words(kb).get((m.ids[0], key))
    # only where the body's own name goes on with an adjective of its own (الخليجي), not a country's nisba
    # (حزب الله [اللبناني]: an adjective after حزب الله may qualify the noun before it, حزب الله القتالي)
    return (
        words is not None
        and nxt.norm not in words
        and any(nisba_shaped(w) and w not in kb.demonyms for w in words)
    )


def conjunct_reading(tokens: Sequence[Token], m: KBMatch, kb: KB, taken: Sequence[Mention]) -> KBMatch:
    """A one-word KB place written with an initial و that is also و + another KB place (وجدة: Oujda, or "and
    Jeddah"): the conjunct reading where the place just taken before it is in that other place's country (في
    الرياض وجدة), the match as it is otherwise."""
    tok = tokens[m.first]
    if m.first != m.last or m.start != tok.start or tok.text[:1] != "و" or not taken:
        return m
    prev = taken[-1]
    if prev.type != "LOC" or prev.last != m.first - 1 or len(prev.kb_ids) != 1:
        return m
    before = kb.entries[prev.kb_ids[0]]
    country = before["id"] if before.get("kind") == "country" else before.get("country")
    if country is None or any(kb.entries[i].get("country") == country for i in m.ids):
        return m
    stem = next((st for k, st in tok.forms if k == 1), None)
    ids = (
        tuple(i for i in kb.names.get((stem,), ()) if kb.entries[i].get("country") == country) if stem else ()
    )
    if len(ids) != 1 or kb.entries[ids[0]]["type"] != "LOC":
        return m
    return KBMatch(m.first, m.last, tok.start + 1, m.end, ids)
