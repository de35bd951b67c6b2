"""KB matches in a sentence, before the model is weighed: generic descriptions, a descriptor or nisba or title
trimmed off (جهاز [الموساد], الملك [سلمان]), a short conjunct or a longer name after a class noun, a place after
a preposition or after another place, administrative divisions named with their class noun (محافظة المفرق)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from . import adjust, news_rules
from .cues import Cue
from .kb import KB, KBMatch, name_key, stem_at
from .mention import Mention, match_key


@lru_cache(maxsize=1)
def _generic_firsts() -> frozenset[str]:
    """First words of the generic heads in name_heads.tsv."""
    return frozenset(key[0] for key, h in adjust.name_heads().items() if h.role == "generic")


def generic_name(tokens: Sequence[Token], m: KBMatch | Mention) -> bool:
    """A KB name that is a generic head and one more word (القوات الإسرائيلية, قوات الاحتلال الإسرائيلي,
    العالم العربي): a description that is a name only where the model sees one."""
    first = tokens[m.first]
    stem = stem_at(first, m.start)
    if stem not in _generic_firsts():
        return False  # no generic head begins with this word (one set check before the lookups)
    heads = adjust.name_heads()
    for n in (2, 1):
        if m.last - m.first + 1 < n:
            continue
        key = (stem, *(t.norm for t in tokens[m.first + 1 : m.first + n]))
        h = heads.get(key)
        if h is not None and h.role == "generic":
            return m.last - (m.first + n - 1) <= 1
    return False


def trim_kb(tokens: Sequence[Token], m: KBMatch, kb: KB) -> KBMatch:
    """A KB name of two words that is another, one-word name of the same body or place with a descriptor
    (name_heads.tsv) before it or a nisba after it (جهاز [الموساد], [الموساد] الإسرائيلي): the mention is the
    name itself, as a title or nisba stays out of a person's name. Names of several words keep their nisba
    (المجلس الأعلى للأمن القومي الإيراني). A world region's class noun stays out too (منطقة [الساحل], منطقة
    [المحيطين الهندي والهادئ]): the region is named by what follows it."""
    if (
        m.last > m.first
        and stem_at(tokens[m.first], m.start) == "منطقه"
        and all(kb.entries[i].get("kind") == "world_region" for i in m.ids)
    ):
        return KBMatch(m.first + 1, m.last, tokens[m.first + 1].start, m.end, m.ids)
    if m.last != m.first + 1 or kb.entries[m.ids[0]]["type"] == "PER":
        return _without_class_noun(tokens, m, kb)
    first, second = tokens[m.first], tokens[m.last]
    inner = set(kb.names.get((second.norm,), ()))
    foreign_class = (
        stem_at(first, m.start) in news_rules.span_words("class_before_foreign")
        and kb.entries[m.ids[0]]["type"] == "ORG"
    )
    if (adjust.head_of(first, "descriptor") or foreign_class) and inner & set(m.ids):
        return KBMatch(m.last, m.last, second.start, m.end, tuple(i for i in m.ids if i in inner))
    if (
        adjust.head_of(first, "descriptor")
        and not inner
        and second.kind == "word"
        and second.norm[:2] != "ال"
    ):
        # the KB spells the body with its descriptor only (حركة فتح): the mention is still the name alone;
        # a definite common noun keeps its head (جهاز الردع: "deterrence" alone names nothing)
        return KBMatch(m.last, m.last, second.start, m.end, m.ids)
    stem = stem_at(first, m.start)
    inner = set(kb.names.get((stem,), ()))
    if (
        kb.demonym_country(second) is not None
        and inner & set(m.ids)
        and kb.entries[m.ids[0]].get("kind") != "company"  # a company's name keeps it (أرامكو السعودية)
    ):
        return KBMatch(m.first, m.first, m.start, first.end, tuple(i for i in m.ids if i in inner))
    return m


def _without_class_noun(tokens: Sequence[Token], m: KBMatch, kb: KB) -> KBMatch:
    """A KB name of a class noun and a transliterated name of several words that the KB knows alone as the
    same body (شبكة [فوكس نيوز], بنك [غولدمان ساكس]; قوات [اليونيفيل] is trim_kb's two-word case): the name
    alone. Not before a definite name of several words (قوات الدعم السريع, شركة البترول الوطنية الكويتية)."""
    if m.last < m.first + 2 or kb.entries[m.ids[0]]["type"] != "ORG":
        return m
    if stem_at(tokens[m.first], m.start) not in news_rules.span_words("class_before_foreign"):
        return m
    rest = tokens[m.first + 1 : m.last + 1]
    if rest[0].norm.startswith("ال"):
        return m
    inner = set(kb.names.get(tuple(t.norm for t in rest), ())) & set(m.ids)
    if not inner:
        return m
    return KBMatch(m.first + 1, m.last, rest[0].start, m.end, tuple(i for i in m.ids if i in inner))


def untitled_match(tokens: Sequence[Token], m: KBMatch, hi: int, titles: Sequence[Cue], kb: KB) -> KBMatch:
    """A person's KB alias that begins with a title (الملك سلمان): the name after the title, as long as the
    KB knows it there (الملك [سلمان بن عبد العزيز]); titles are roles, not part of the name."""
    if kb.entries[m.ids[0]]["type"] != "PER":
        return m
    c = None
    for t in titles:
        if t.first == m.first and t.last < m.last:
            c = t
            break
    if c is None or any(name_key(kb.entries[i]["name"]) == match_key(tokens, m) for i in m.ids):
        return m  # a canonical name is never titled: مساعد العيبان (مساعد "assistant" is also a name)
    a = c.last + 1
    longer = next((x for x in kb.match(tokens, a, hi) if x.first == a and set(x.ids) & set(m.ids)), None)
    if longer is not None and longer.last >= m.last:
        return longer
    return KBMatch(a, m.last, tokens[a].start, m.end, m.ids)


def with_short_conjuncts(
    tokens: Sequence[Token], lo: int, hi: int, kb: KB, kb_matches: list[KBMatch]
) -> list[KBMatch]:
    extra = adjust.short_conjunct_matches(tokens, lo, hi, kb)
    if not extra:
        return kb_matches
    out = [m for m in kb_matches if not any(a <= m.last and m.first <= b for a, b, _, _ in extra)]
    out += [KBMatch(a, b, start, tokens[b].end, tuple(kb.names[key])) for a, b, start, key in extra]
    return sorted(out, key=lambda m: m.first)


@lru_cache(maxsize=1)
def _place_prepositions() -> frozenset[str]:
    """Prepositions of place or direction (ner_span_words.tsv kind place_preposition: في, إلى, نحو …)."""
    return news_rules.span_words("place_preposition")


def to_place(tok: Token) -> bool:
    """A preposition of place (في, إلى …), also after و or ف (وفي: the tokenizer keeps a short word whole)."""
    w = tok.norm
    places = _place_prepositions()
    return w in places or (w[:1] in "وف" and w[1:] in places)


def after_taken_place(tokens: Sequence[Token], m: KBMatch, taken: Sequence[Mention]) -> bool:
    """A KB name joined by و (its clitic) to a place just taken before it (كركوك وديالى)."""
    tok = tokens[m.first]
    if m.start != tok.start + 1 or tok.text[:1] != "و" or not taken:
        return False
    prev = taken[-1]
    return prev.type == "LOC" and prev.last == m.first - 1


def one_word_place(tok: Token, kb: KB | None) -> bool:
    """The word alone is a KB place's name (حماة)."""
    if kb is None or tok.kind != "word":
        return False
    ids = kb.names.get((tok.norm,), ())
    return any(kb.entries[i]["type"] == "LOC" for i in ids)


@lru_cache(maxsize=1)
def _division_heads() -> frozenset[str]:
    """The class nouns the KB names administrative divisions with (محافظة المفرق, ولاية هاتاي): ner_span_words.tsv
    kind division_head, normalized."""
    return news_rules.span_words("division_head")


@lru_cache(maxsize=1)
def governorate_heads() -> frozenset[str]:
    """The division head that is part of a governorate's own name (محافظة: ner_span_words.tsv kind
    governorate_head); منطقة, ولاية, إقليم before a name are read two ways (منطقة [الساحل])."""
    return news_rules.span_words("governorate_head")


def division_as_named(tokens: Sequence[Token], m: Mention, kb: KB | None) -> bool:
    """A governorate matched by a KB name with its class noun (محافظة عكار): the class noun is part of the
    name, as the governorate names itself."""
    if kb is None or tokens[m.first].match(governorate_heads()) is None:
        return False
    return any(kb.entries[i]["type"] == "LOC" for i in m.kb_ids)


def division_name(tok: Token, kb: KB) -> bool:
    """The word is the name of a division the KB lists with its class noun (المفرق: محافظة المفرق)."""
    return tok.kind == "word" and any((h, tok.norm) in kb.names for h in _division_heads())


def division_ids(tok: Token, kb: KB) -> tuple[str, ...]:
    """The KB ids of the division the word names with its class noun (المفرق: محافظة المفرق), if one."""
    if tok.kind != "word":
        return ()
    ids = {i for h in _division_heads() for i in kb.names.get((h, tok.norm), ())}
    return tuple(ids) if len(ids) == 1 else ()


def place_class(tok: Token) -> bool:
    """A class noun of places (مدينة, محافظة, بلدة, قرية ...)."""
    return tok.norm in _division_heads() or tok.norm == "مدينه" or adjust.head_of(tok, "class") is not None


def longer_after_descriptor(
    tokens: Sequence[Token], hi: int, kb: KB, kb_matches: list[KBMatch]
) -> list[KBMatch]:
    """A body's KB alias of a class noun and a name (شركة أرامكو) that cuts short a longer KB name of the same
    body after the class noun (شركة [أرامكو السعودية]): the longer name."""
    out: list[KBMatch] = []
    reach = -1
    for m in kb_matches:
        if m.first <= reach:
            continue
        if m.last == m.first + 1 and m.last + 1 < hi and m.ids[0].startswith("org/"):
            longer = kb.match(tokens, m.last, min(hi, m.last + 6))
            if (
                longer
                and longer[0].first == m.last
                and longer[0].last > m.last
                and set(longer[0].ids) & set(m.ids)
            ):
                m = longer[0]
                reach = m.last
        out.append(m)
    return out


def maqsura_kb_word(tok: Token, kb: KB) -> bool:
    """A one-word name in ى that the KB knows only in ي (أودى "caused" vs أودي, Audi): the model saw the KB tag
    of the folded form."""
    if not tok.text.rstrip(news_rules.MARKS).endswith("ى"):
        return False
    ids = next((kb.names[(st,)] for _, st in tok.forms if (st,) in kb.names), ())
    return bool(ids) and news_rules.maqsura_mismatch(
        tok, [n for i in ids for n in (kb.entries[i]["name"], *kb.entries[i]["aliases"])]
    )


def all_parties(kb: KB, ids: Sequence[str]) -> bool:
    return bool(ids) and all(kb.entries[i].get("kind") == "party" for i in ids)


def epithet_alias(tokens: Sequence[Token], m: Mention, kb: KB) -> bool:
    """A body's mention that is only an alias of its entities, none's own name nor a party's (المنظمة الدولية
    for the UN, not القوات اللبنانية): news refers to a body so after naming it. Places keep such aliases
    (الأراضي الفلسطينية)."""
    if m.type != "ORG" or all_parties(kb, m.kb_ids):
        return False
    key = match_key(tokens, KBMatch(m.first, m.last, m.start, m.end, m.kb_ids))
    return all(name_key(kb.entries[i]["name"]) != key for i in m.kb_ids)
