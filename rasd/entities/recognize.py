"""Mentions: the sequence model's names combined with the knowledge base's matches.

A KB match is taken when the model does not find it clearly outside a name (common words that are also
aliases stay out), and a person's full name from the KB always. A model name that a KB match lies
inside (جامعة القاهرة around القاهرة) wins over it; otherwise the KB match wins. Proclitics are left out of
a mention's span (لأوكرانيا -> أوكرانيا).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import ChainMap, Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..text import normalize
from ..text.tokens import Token
from . import adjust, mention_repairs, model, news_rules
from .cues import Cue, cue_index, match_ranges
from .features import name_words
from .kb import KB, KBMatch, StemIndex, match_phrases, name_key, stem_at

# a KB name is kept unless the model is at least this sure all its tokens are outside any name (tuned on the
# held-out tenth of ANERcorp train: the KB's places and organizations differ from ANERcorp's conventions)
_KB_MAX_P_OUT = 0.5
# ... and a country's or capital's name unless the model is this sure: those names are rarely ordinary words, and
# a lone one in a headline (وتأكيد واشنطن) gives the model little context (held-out: see the README)
_KB_MAX_P_OUT_STATE = 0.8
_STATE_KINDS = frozenset({"country", "capital"})
# ... and the one-word name of an armed group, a movement or a party (داعش, حماس, طالبان): the KB lists such a
# name bare only when it is no ordinary word (kb_organizations.tsv), while the 2007 corpus rarely saw them
_KB_MAX_P_OUT_GROUP = 0.9
# (and a social platform's: تويتر, فيسبوك are no ordinary words either, and are named after في/على/عبر)
_GROUP_KINDS = frozenset({"armed_group", "movement", "party", "platform"})
# KB places no club or company is named after: the KB's type stands against the model's ORG (معبر كرم أبو سالم)
_FIXED_PLACE_KINDS = frozenset({"landmark", "camp", "strait", "river", "sea", "lake", "mountain", "island"})
# ... and a KB place's right after a preposition of place or direction (إلى مسقط, في مصراتة) unless the model is
# this sure: the model, trained on 2007 news, does not know many of today's places
_KB_MAX_P_OUT_AFTER_PREP = 0.97
_TO_PLACE = frozenset("الي في من نحو باتجاه داخل قرب بين".split())
# (a one-word name shaped like an adjective keeps the general bar: مالي "financial", ملاوي)
# the model's longer name replaces a KB name only where its extra words are names with this P(outside) at most
_EXTEND_MAX_P_OUT = 0.3
# the model's shorter name inside a KB name replaces it where the KB name's other words have at least this
# P(outside): the model keeps head nouns and epithets out (حركة [حماس], [مكة] المكرمة) as its corpus does
_SHRINK_MIN_P_OUT = 0.5
_SHRINK_MAX_WORDS = 2  # ... and where those other words are this few (a head noun, an epithet, a nisba)


@dataclass(slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    start: int  # char offsets, clitics excluded
    end: int
    type: str
    kb_ids: tuple[str, ...] = ()
    source: str = "model"


def _covered(mentions: Sequence[Mention]) -> set[int]:
    """The token indices the mentions span (the rules below never take a token twice)."""
    return {j for m in mentions for j in range(m.first, m.last + 1)}


@lru_cache(maxsize=1)
def _generic_firsts() -> frozenset[str]:
    """First words of the generic heads in name_heads.tsv."""
    return frozenset(key[0] for key, h in adjust.name_heads().items() if h.role == "generic")


def _generic(tokens: Sequence[Token], m: KBMatch | Mention) -> bool:
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


def sentence_ranges(doc: Document, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token index ranges [lo, hi) of the document's sentences (tokens outside any sentence form their own)."""
    out = []
    i, n = 0, len(tokens)
    for s in doc.sentences:
        while i < n and tokens[i].end <= s.start:
            out.append((i, i + 1))
            i += 1
        lo = i
        while i < n and tokens[i].start < s.end:
            i += 1
        if i > lo:
            out.append((lo, i))
    if i < n:
        out.append((i, n))
    return out


def strip_clitics(
    tok: Token, kb: KB | None, seen: set[str] | frozenset[str] = frozenset(), after: str | None = ""
) -> int:
    """Characters of proclitics to leave out of a name starting with ``tok``: the least stripped reading
    that the KB knows as a name word, or that stands bare elsewhere in the article (``seen``: لأوكرانيا when
    أوكرانيا occurs), or clitic + article (بالعراق). ``after``: the normalized word after ``tok`` in the
    name (None: the name is ``tok`` alone; "": not known)."""
    if len(tok.forms) == 1:
        return 0

    if name_words().get(tok.norm) == "given":
        return 0  # a given name as written (فراس, بسام, وليد), not ف + راس
    for k, stem in tok.forms:
        if "س" in tok.text[:k]:
            continue  # the future's س goes on verbs only: سيلين is a name, not س + يلين (Yellen)
        if k and stem in seen:
            return k
        if kb is not None and stem in kb.words:
            if (
                k
                and after != ""
                and stem not in kb.inner_words
                and (after is None or ((stem, after) not in kb.prefixes and (stem, after) not in kb.names))
            ):
                # the stem only opens a longer KB name that does not go on here: بكاري سامبي is no ب +
                # كاري (of كاري لام), while لإيمانويل ماكرون is ل + the KB's name
                continue
            return k
    for k, stem in tok.forms[1:]:
        if stem.startswith("ال") and len(stem) > 3:
            return k
    return 0


def _starts_coordinated_name(tok: Token, kb: KB | None) -> bool:
    """و + a given name or the first word of a KB name (وحسن، وأسامة), where the whole word is not a name
    itself (وليد، وائل)."""

    if not tok.text.startswith("و") or len(tok.forms) < 2 or tok.forms[1][0] != 1:
        return False
    names = name_words()
    kb_words = kb.words if kb is not None else set()
    if tok.norm in names or tok.norm in kb_words:
        return False
    stem = tok.forms[1][1]
    return names.get(stem) == "given" or (kb is not None and stem in kb.first_words)


def _split_coordinated(
    tokens: Sequence[Token], spans: list[tuple[int, int, str]], kb: KB | None
) -> list[tuple[int, int, str]]:
    """The model's names cut before a coordinated name inside them (طارق السعيد وحسن مصطفى: two people)."""
    out = []
    for a, b, typ in spans:
        start = a
        j = a + 1
        while j <= b:
            if tokens[j].text[:1] != "و":
                pass  # both tests below ask for و + a word first: most words are skipped here
            elif _starts_coordinated_name(tokens[j], kb):
                out.append((start, j - 1, typ))
                start = j
            elif typ == "PER" and j < b and _coordinated_nisba(tokens[j], kb):
                # محمد ولد خالد والسنغالي بيرام ديوب: two people, the second's nisba outside both names
                out.append((start, j - 1, typ))
                start = j + 1
            j += 1
        if start <= b:
            out.append((start, b, typ))
    return out


def _coordinated_nisba(tok: Token, kb: KB | None) -> bool:
    """و + a nisba adjective (والسنغالي, والمصرية): inside a person's name it begins a second person."""
    if tok.kind != "word" or not tok.text.startswith("و") or len(tok.forms) < 2 or tok.forms[1][0] != 1:
        return False
    stem = tok.forms[1][1]
    if not news_rules.nisba_shaped(stem):
        return False
    return kb is None or kb.demonym_country(tok) is not None or stem.endswith("ي")


def _label_spans(labels: Sequence[str], lo: int) -> list[tuple[int, int, str]]:
    """The (first, last, type) spans of a sentence's BIO labels, as rasd.evaluate.conll.bio_spans finds them (an
    I- of another type starts a span), shifted by ``lo``: one comparison per outside token."""
    out = []
    start, typ = 0, None
    for i, t in enumerate(labels):
        if t == "O":
            if typ is not None:
                out.append((lo + start, lo + i - 1, typ))
                typ = None
            continue
        if typ is not None:
            if t.startswith("I-") and typ == t[2:]:
                continue
            out.append((lo + start, lo + i - 1, typ))
        start, typ = i, t[2:]
    if typ is not None:
        out.append((lo + start, lo + len(labels) - 1, typ))
    return out


def recognize_span(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    kb: KB | None,
    seen: set[str] | frozenset[str] = frozenset(),
    p_out_all: list[float] | None = None,
    rejected: list[Mention] | None = None,
    cues: Sequence[Cue] | None = None,
    kb_matches: Sequence[KBMatch] | None = None,
    tagged: tuple[list[str], list[float]] | None = None,
) -> list[Mention]:
    """Mentions of one sentence ``tokens[lo:hi]``; the model's P(outside) per token goes to ``p_out_all``
    and the KB matches left out to ``rejected`` (``cues``, ``kb_matches``: the cues and KB matches in the
    sentence, ``tagged``: the model's labels and P(outside) of its tokens, when already found)."""
    if kb_matches is None:
        kb_matches = kb.match(tokens, lo, hi) if kb is not None and len(kb) else []
        if kb is not None and len(kb):
            kb_matches = _with_short_conjuncts(tokens, lo, hi, kb, kb_matches)
    if cues is None:
        cues = cue_index().match(tokens, lo, hi)
    if tagged is None:
        tagged = model.tag(tokens[lo:hi], kb, kb_matches=kb_matches, cue_matches=cues, offset=lo)
    labels, p_out = tagged
    if p_out_all is not None:
        p_out_all[lo:hi] = p_out
    model_spans = _split_coordinated(tokens, _label_spans(labels, lo), kb)
    model_spans = _split_person_after_body(tokens, model_spans, kb, hi)
    all_titles = [c for c in cues if c.kind == "title"]
    if all_titles and kb is not None:
        model_spans = _split_place_after_title(tokens, model_spans, kb, all_titles)
    if kb is not None:
        model_spans = _split_clitic_place(tokens, model_spans, kb)
    model_spans = [
        (ab[0], ab[1], t)
        for a, b, t in model_spans
        if (ab := (adjust.trim_person_span(tokens, a, b, all_titles, kb) if t == "PER" else (a, b)))
        and not (t == "PER" and news_rules.not_a_person(tokens, ab[0], ab[1]))
        and not (a == b and kb is not None and _maqsura_kb_word(tokens[a], kb))
    ]
    taken: list[Mention] = []
    titles = [c for c in all_titles if c.last > c.first]
    reach = -1  # the last token of a KB name grown past its match (الشيخ مشعل -> مشعل الأحمد الجابر الصباح)
    for m in kb_matches:
        if m.first <= reach:
            continue
        several = m.last > m.first and not _generic(tokens, m)  # as matched: جهاز الموساد before the trim
        m = news_rules.without_epithet(tokens, _trim_kb(tokens, m, kb), kb)
        m = _untitled(tokens, m, hi, all_titles, kb)
        reach = m.last
        if (
            m.last == m.first + 1
            and any(c.first < m.first == c.last for c in titles)
            and kb.demonym_country(tokens[m.last]) is not None
            and (tokens[m.last].norm,) not in kb.names  # الإمارات is a name, not a nisba
        ):
            # a title's last word and a nisba: وزيرة [الخارجية] الفرنسية is a title, not the ministry (أمين
            # [المجلس] الأعلى للأمن القومي الإيراني is the council, رئيس [دولة الإمارات] the country)
            continue
        e = kb.entries[m.ids[0]]
        if (
            m.first == m.last
            and tokens[m.first].text[-1:] in "ىًٌٍَُِّْـ"
            and news_rules.maqsura_mismatch(
                tokens[m.first],
                [n for i in m.ids for n in (kb.entries[i]["name"], *kb.entries[i]["aliases"])],
            )
        ):
            continue  # أودى "caused" is not أودي (Audi)
        mention = Mention(m.first, m.last, m.start, m.end, e["type"], m.ids, "kb")
        # a KB name is taken where the model sees a name in it too; a name of several words always (a person's
        # full name, وزارة الخارجية القطرية, قوات الدعم السريع: the corpus the model learnt from leaves such
        # bodies out) unless it is a description (القوات الإسرائيلية)
        name_p_out = min(p_out[m.first - lo : m.last - lo + 1])
        adjective = (
            m.first == m.last and tokens[m.last].norm.endswith("ي") and m.start == tokens[m.first].start
        )
        bar = _KB_MAX_P_OUT_STATE if e.get("kind") in _STATE_KINDS and not adjective else _KB_MAX_P_OUT
        if e.get("kind") in _GROUP_KINDS and not adjective and m.start == tokens[m.first].start:
            bar = _KB_MAX_P_OUT_GROUP  # as written: وفدا "a delegation" is no و + فدا (FIDA)
        if e["type"] == "LOC" and not adjective and m.first > lo and _to_place(tokens[m.first - 1]):
            bar = max(bar, _KB_MAX_P_OUT_AFTER_PREP)  # السفر إلى مصراتة: a place where a place is expected
        elif e["type"] == "LOC" and not adjective and _after_taken_place(tokens, m, taken):
            bar = max(bar, _KB_MAX_P_OUT_AFTER_PREP)  # في كركوك وديالى: و + a place after a place
        elif e["type"] == "ORG" and news_rules.quoted(tokens, m.first, m.last, lo, hi):
            bar = 1.0  # a body's KB name in quotes (لـ"الغد"): a newspaper's or a party's name
        if name_p_out > bar and not several:
            if rejected is not None:
                rejected.append(mention)
            continue
        taken.append(mention)
    taken = _shrink(tokens, lo, taken, model_spans, p_out, kb, seen)
    out = list(taken)
    for a, b, typ in model_spans:
        overlapping = [m for m in taken if m.first <= b and a <= m.last]
        same = [m for m in overlapping if m.first == a and m.last == b]
        if (
            same
            and same[0].type != typ
            and same[0].type == "LOC"
            and typ == "ORG"
            and not (
                kb is not None
                and any(kb.entries[i].get("kind") in _FIXED_PLACE_KINDS for i in same[0].kb_ids)
            )
        ):
            # the model reads the context (برشلونة the club, not the city): its type wins, the link goes
            out.remove(same[0])
            out.append(Mention(a, b, same[0].start, same[0].end, typ))
            continue
        if any(b - a <= m.last - m.first for m in overlapping):
            continue  # the KB name is as long or longer: it stands
        if overlapping and all(
            tokens[j].match(news_rules.epithets()) is not None
            for j in range(a, b + 1)
            if not any(m.first <= j <= m.last for m in overlapping)
        ):
            continue  # an epithet after a KB name stays out of it ([الضفة الغربية] المحتلة)
        if len(overlapping) == 1 and a == overlapping[0].first - 1 and b == overlapping[0].last:
            if adjust.head_of(tokens[a], "descriptor"):
                continue  # a descriptor stays out of the name after it (حركة [فتح])
        if typ == "PER" and any(m.type == "PER" and m.last > m.first for m in overlapping):
            continue  # a person's full name from the KB stands (رياض منصور, not رياض منصور الفيتو)
        covered = {j for m in overlapping for j in range(m.first, m.last + 1)}
        if overlapping and any(
            p_out[j - lo] > _EXTEND_MAX_P_OUT for j in range(a, b + 1) if j not in covered
        ):
            continue  # the model stretches a KB name over words it is unsure of (الكرملين أي)
        if (
            len(overlapping) == 1
            and overlapping[0].type == "LOC"
            and overlapping[0].last == b
            and typ != "LOC"
            and not any(_name_word(tokens[j], kb, cues) for j in range(a, b + 1) if j not in covered)
        ):
            continue  # words before a KB place that no name is made of (يكرر سيناريو [حوارة]): the place stands
        for m in overlapping:  # the model's longer name wins over KB names inside or across it
            out.remove(m)
        if all(t.kind != "word" for t in tokens[a : b + 1]):
            continue
        # (a person's name: a stem that only opens a longer KB name is no evidence of a clitic, بكاري)
        after = "" if typ != "PER" else tokens[a + 1].norm if a < b else None
        k = strip_clitics(tokens[a], kb, seen, after)
        ids = _division_ids(tokens[a], kb) if typ == "LOC" and a == b and not k and kb is not None else ()
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, typ, ids, "kb" if ids else "model"))
    return out


def _name_word(tok: Token, kb: KB | None, cues: Sequence[Cue]) -> bool:
    """A word names are made of: a KB name's word, a given name or particle, or a cue word (a head noun, a
    title)."""

    if tok.kind != "word":
        return True
    words = name_words()
    firsts = cue_index().first_words
    return any(st in words or st in firsts or (kb is not None and st in kb.words) for _, st in tok.forms)


def _trim_kb(tokens: Sequence[Token], m: KBMatch, kb: KB) -> KBMatch:
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
        return m
    first, second = tokens[m.first], tokens[m.last]
    inner = set(kb.names.get((second.norm,), ()))
    if adjust.head_of(first, "descriptor") and inner & set(m.ids):
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


def _untitled(tokens: Sequence[Token], m: KBMatch, hi: int, titles: Sequence[Cue], kb: KB) -> KBMatch:
    """A person's KB alias that begins with a title (الملك سلمان): the name after the title, as long as the
    KB knows it there (الملك [سلمان بن عبد العزيز]); titles are roles, not part of the name."""
    if kb.entries[m.ids[0]]["type"] != "PER":
        return m
    c = None
    for t in titles:
        if t.first == m.first and t.last < m.last:
            c = t
            break
    if c is None or any(name_key(kb.entries[i]["name"]) == _match_key(tokens, m) for i in m.ids):
        return m  # a canonical name is never titled: مساعد العيبان (مساعد "assistant" is also a name)
    a = c.last + 1
    longer = next((x for x in kb.match(tokens, a, hi) if x.first == a and set(x.ids) & set(m.ids)), None)
    if longer is not None and longer.last >= m.last:
        return longer
    return KBMatch(a, m.last, tokens[a].start, m.end, m.ids)


def _match_key(tokens: Sequence[Token], m: KBMatch) -> tuple[str, ...]:
    first = tokens[m.first]
    stem = stem_at(first, m.start)
    return (stem, *(t.norm for t in tokens[m.first + 1 : m.last + 1]))


def _with_short_conjuncts(
    tokens: Sequence[Token], lo: int, hi: int, kb: KB, kb_matches: list[KBMatch]
) -> list[KBMatch]:
    extra = adjust.short_conjunct_matches(tokens, lo, hi, kb)
    if not extra:
        return kb_matches
    out = [m for m in kb_matches if not any(a <= m.last and m.first <= b for a, b, _, _ in extra)]
    out += [KBMatch(a, b, start, tokens[b].end, tuple(kb.names[key])) for a, b, start, key in extra]
    return sorted(out, key=lambda m: m.first)


def _to_place(tok: Token) -> bool:
    """A preposition of place (في, إلى …), also after و or ف (وفي: the tokenizer keeps a short word whole)."""
    w = tok.norm
    return w in _TO_PLACE or (w[:1] in "وف" and w[1:] in _TO_PLACE)


def _after_taken_place(tokens: Sequence[Token], m: KBMatch, taken: Sequence[Mention]) -> bool:
    """A KB name joined by و (its clitic) to a place just taken before it (كركوك وديالى)."""
    tok = tokens[m.first]
    if m.start != tok.start + 1 or tok.text[:1] != "و" or not taken:
        return False
    prev = taken[-1]
    return prev.type == "LOC" and prev.last == m.first - 1


def _one_word_place(tok: Token, kb: KB | None) -> bool:
    """The word alone is a KB place's name (حماة)."""
    if kb is None or tok.kind != "word":
        return False
    ids = kb.names.get((tok.norm,), ())
    return any(kb.entries[i]["type"] == "LOC" for i in ids)


# the class nouns the KB names administrative divisions with (محافظة المفرق, ولاية هاتاي), normalized
_DIVISION_HEADS = ("محافظه", "منطقه", "ولايه", "مقاطعه", "اقليم")


# (منطقة, ولاية, إقليم before a name are read two ways: منطقة [الساحل])
_GOVERNORATE = frozenset({"محافظه"})


def _division_as_named(tokens: Sequence[Token], m: Mention, kb: KB | None) -> bool:
    """A governorate matched by a KB name with its class noun (محافظة عكار): the class noun is part of the
    name, as the governorate names itself."""
    if kb is None or tokens[m.first].match(_GOVERNORATE) is None:
        return False
    return any(kb.entries[i]["type"] == "LOC" for i in m.kb_ids)


def _division_name(tok: Token, kb: KB) -> bool:
    """The word is the name of a division the KB lists with its class noun (المفرق: محافظة المفرق)."""
    return tok.kind == "word" and any((h, tok.norm) in kb.names for h in _DIVISION_HEADS)


def _division_ids(tok: Token, kb: KB) -> tuple[str, ...]:
    """The KB ids of the division the word names with its class noun (المفرق: محافظة المفرق), if one."""
    if tok.kind != "word":
        return ()
    ids = {i for h in _DIVISION_HEADS for i in kb.names.get((h, tok.norm), ())}
    return tuple(ids) if len(ids) == 1 else ()


def _longer_after_descriptor(
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


def _kb_ids(tokens: Sequence[Token], a: int, b: int, kb: KB | None) -> tuple[str, ...]:
    if kb is None:
        return ()
    return next((x.ids for x in kb.match(tokens, a, b + 1) if x.first == a and x.last == b), ())


# the compass adjectives that close a place's name (normalized)
_COMPASS_NISBAS = frozenset(
    f"{a}{d}{e}" for a in ("ال", "") for d in ("شمالي", "جنوبي", "شرقي", "غربي") for e in ("", "ه")
)


def _shrink(
    tokens: Sequence[Token],
    lo: int,
    taken: list[Mention],
    model_spans: list[tuple[int, int, str]],
    p_out: list[float],
    kb: KB | None,
    seen: set[str] | frozenset[str],
) -> list[Mention]:
    """KB names with the model's shorter names inside them, replaced by those where the model is sure the
    rest is outside a name (each inner name keeps a KB link when it is a KB name itself)."""
    out = []
    for m in taken:
        if m.type == "PER" or m.last == m.first:
            out.append(m)  # a person's KB name stands; one word has no shorter name inside
            continue
        inner = [
            (a, b, t) for a, b, t in model_spans if m.first <= a and b <= m.last and b - a < m.last - m.first
        ]
        if m.type == "PER":
            inner = []  # a person's full name from the KB stands ([عبد الله] الثاني is one name)
        covered = {j for a, b, _ in inner for j in range(a, b + 1)}
        rest = [j for j in range(m.first, m.last + 1) if j not in covered and tokens[j].kind == "word"]
        if (
            not inner
            or not rest  # the model split the KB name into names of its own (سلطنة | عمان): it stands
            or len(rest) > _SHRINK_MAX_WORDS
            or any(p_out[j - lo] < _SHRINK_MIN_P_OUT for j in rest)
        ):
            out.append(m)
            continue
        inner_ids = [_kb_ids(tokens, a, b, kb) for a, b, _ in inner]
        if any(ids and not set(ids) & set(m.kb_ids) for ids in inner_ids):
            out.append(m)  # a different KB entity inside (غزة in قطاع غزة): the longer name means more
            continue
        if any(a > m.first and tokens[a].norm.startswith("لل") for a, _, _ in inner):
            out.append(
                m
            )  # the inner name is a لل- complement of the words before it (المفوضية السامية للأمم …)
            continue
        if (
            len(inner) > 1
            or any(_one_word_place(tokens[j], kb) for j in rest)
            or _division_as_named(tokens, m, kb)
        ):
            # the words left out name a place themselves (ريف [حماة]), or the model cut the name in two
            # (ولاية [سيدي] [بوزيد]): the model is confused
            out.append(m)
            continue
        if rest == [m.last] and m.type == "LOC" and tokens[m.last].norm in _COMPASS_NISBAS:
            # a place's KB name closed by a direction (بحر الصين [الجنوبي], السودان [الجنوبي] is no name of
            # its own): the model often leaves the adjective out, the KB name stands
            out.append(m)
            continue
        if any(adjust.head_of(tokens[j], "part") or adjust.head_of(tokens[j], "kb_part") for j in rest):
            # the head noun belongs to the name (قصر بعبدا, قوات سوريا الديمقراطية, جماعة الحوثي, مكتب الأمم
            # المتحدة لتنسيق الشؤون الإنسانية)
            out.append(m)
            continue
        for (a, b, typ), ids in zip(inner, inner_ids, strict=True):
            if all(t.kind != "word" for t in tokens[a : b + 1]):
                continue
            if len(inner) == 1:
                ids = ids or m.kb_ids  # حماس in حركة حماس is still the KB's movement
            k = strip_clitics(tokens[a], kb, seen)
            out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, typ, ids, "kb" if ids else "model"))
    return out


def recognize(
    doc: Document,
    kb: KB | None,
    single_sentence: bool = False,
    ranges: Sequence[tuple[int, int]] | None = None,
    cues: dict[tuple[int, int], list[Cue]] | None = None,
    index: StemIndex | None = None,
) -> list[Mention]:
    """Flat, non-overlapping mentions over the document's (non-boilerplate) tokens, in text order. ``ranges``
    (the sentences' token ranges), ``cues`` (``cues.match_ranges`` of them) and ``index`` (the tokens'
    StemIndex) when the caller has them."""
    tokens = doc.tokens
    if index is None:
        index = StemIndex(tokens)
    if ranges is None:
        ranges = [(0, len(tokens))] if single_sentence else sentence_ranges(doc, tokens)
    if cues is None:
        cues = match_ranges(tokens, ranges, index)
    seen = {t.norm for t in tokens if t.kind == "word"}
    p_out = [1.0] * len(tokens)
    out: list[Mention] = []
    rejected: list[Mention] = []
    # the model tags all sentences at once (one numpy pass over the document)
    kb_matches = [kb.match(tokens, lo, hi, index) if kb is not None and len(kb) else [] for lo, hi in ranges]
    if kb is not None and len(kb):
        # وأم درمان, لسد النهضة: a two-letter stem after a clitic (the tokenizer keeps such a word whole)
        # (only in sentences with a three-letter word after a clitic letter, the words that rule reads)
        short = [i for i, t in enumerate(tokens) if len(t.norm) == 3 and t.norm[0] in "وفبلك"]
        kb_matches = [
            _with_short_conjuncts(tokens, lo, hi, kb, km)
            if bisect_left(short, lo) != bisect_left(short, hi - 1)
            else km
            for (lo, hi), km in zip(ranges, kb_matches, strict=True)
        ]
        kb_matches = [
            _longer_after_descriptor(tokens, hi, kb, km)
            for (_, hi), km in zip(ranges, kb_matches, strict=True)
        ]
    labels, p_model = model.tag_ranges(
        tokens, ranges, kb, kb_matches, [cues.get(r) for r in ranges], index=index
    )
    at = 0
    for (lo, hi), km in zip(ranges, kb_matches, strict=True):
        tagged = labels[at : at + hi - lo], p_model[at : at + hi - lo]
        at += hi - lo
        out.extend(
            recognize_span(
                tokens,
                lo,
                hi,
                kb,
                seen=seen,
                p_out_all=p_out,
                rejected=rejected,
                cues=cues.get((lo, hi)),
                kb_matches=km,
                tagged=tagged,
            )
        )
    if kb is not None and len(kb):
        out = _datelines(doc, tokens, ranges, out, kb)
    # a KB entity named clearly once is taken at its other mentions too (الحربي after نادية الحربي)
    named = {i for m in out for i in m.kb_ids if len(m.kb_ids) == 1}
    taken = _covered(out)
    for m in rejected:
        if _generic(tokens, m) and not (kb is not None and _parties(kb, m.kb_ids)):
            # a description (القوات الإسرائيلية) even once the army was named; a party's name that looks like
            # one is its name once the party was named (حزب القوات اللبنانية ... القوات اللبنانية)
            continue
        if named.intersection(m.kb_ids) and not taken.intersection(range(m.first, m.last + 1)):
            out.append(m)
    out = [m for m in out if not _month_in_date(tokens, m)]
    currencies = _currencies()
    for m in out:
        if _is_currency(tokens, m, currencies):
            m.type = "MISC"  # a currency, as ANERcorp tags it, never a place or a body (شيكل، الدينار)
    head_cues = _with_extra_heads(tokens, ranges, cues, index) if ORG_HEADS else cues
    if kb is not None and len(kb):
        out += _bare_bodies(tokens, ranges, out, kb, cues, index)
        out = _bodies_of_places(tokens, ranges, out, kb, head_cues)
    out += _outlets_told(tokens, ranges, out, kb, cues, index)
    if kb is not None and len(kb):
        out += _towns_of_duals(tokens, out, p_out, kb, index)
        heads = index.starts(_quote_heads())
        if heads:
            out = mention_repairs.quoted_names_after_heads(tokens, heads, out, kb)
    if ORG_HEADS:
        out = _party_names(tokens, out, kb, index)
        out = _operations_commands(tokens, out, index)
        out = _services(tokens, out, kb, index)
        out += _named_bodies(tokens, ranges, out, kb, index)
        out += _org_heads(tokens, ranges, out, p_out, kb, head_cues)
        out += _place_heads(tokens, ranges, out, p_out, kb, head_cues)
        out = _body_tails(tokens, ranges, out, head_cues)
    out = _persons_after_titled_bodies(tokens, ranges, out, p_out, kb, cues)
    out = propagate(doc, tokens, ranges, out, p_out, index)
    out = _final_spans(tokens, out, kb, frozenset(lo for lo, _ in ranges))
    out.sort(key=lambda m: m.start)
    out = _bracketed_abbreviations(tokens, out, kb, p_out)
    out = _lone_given_names(tokens, out)
    if kb is not None and len(kb):
        out = _repaired(tokens, out, kb)
        out = _short_names_of_named(tokens, out, index)
    _places_after_heads(tokens, out)
    _surnames_of_named(tokens, out)
    return out


def _places_after_heads(tokens: Sequence[Token], mentions: list[Mention]) -> None:
    """A name the article gave first after a place's head noun (مخيم [أبو شوك], قصر [بعبدا]) is a place
    when it comes back bare and the model read it as a person (نزح السكان من أبو شوك): the same place, with
    its link."""
    inner: dict[tuple[str, ...], tuple[str, ...]] = {}
    for m in mentions:
        if m.type == "LOC" and m.last > m.first:
            head = adjust.head_of(tokens[m.first], "part")
            if head is not None and head.type == "LOC":
                inner[tuple(t.norm for t in tokens[m.first + 1 : m.last + 1])] = m.kb_ids
        elif m.type == "PER" and inner:
            ids = inner.get(tuple(t.norm for t in tokens[m.first : m.last + 1]))
            if ids is not None:
                m.type = "LOC"
                m.kb_ids = ids


def _short_names_of_named(
    tokens: Sequence[Token], mentions: list[Mention], index: StemIndex
) -> list[Mention]:
    """A governorate or a body's command named in full, then by its short name (محافظة الشمال … في [الشمال],
    القيادة العامة للقوات المسلحة … في [القيادة العامة]): the short name, also in a headline before, is the
    same entity."""
    commands = news_rules.span_words("command")
    shorts: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if not m.kb_ids or m.last == m.first:
            continue
        words = tuple(t.norm for t in tokens[m.first : m.last + 1])
        head = stem_at(tokens[m.first], m.start)
        if head in _GOVERNORATE and m.type == "LOC":
            shorts.setdefault(words[1:], m)
        elif m.type == "ORG" and m.last > m.first + 1 and f"{head} {words[1]}" in commands:
            shorts.setdefault((head, words[1]), m)
    if not shorts:
        return mentions
    taken = _covered(mentions)
    out = list(mentions)
    for short, named in shorts.items():
        for i in index.starts(frozenset({short[0]})):
            j = i + len(short) - 1
            if j >= len(tokens) or taken.intersection(range(i, j + 1)):
                continue
            if tuple(t.norm for t in tokens[i + 1 : j + 1]) != short[1:]:
                continue
            if (
                i > 0
                and news_rules.nisba_shaped(short[0])
                and (i - 1 in taken or any(st.startswith("ال") for _, st in tokens[i - 1].forms))
            ):
                continue  # an adjective after a noun (القدس الشرقية), not محافظة الشرقية
            form = tokens[i].match(frozenset({short[0]}))
            if form is None:
                continue
            out.append(
                Mention(i, j, tokens[i].start + form[0], tokens[j].end, named.type, named.kb_ids, "kb")
            )
            taken.update(range(i, j + 1))
    out.sort(key=lambda m: m.start)
    return out


@lru_cache(maxsize=1)
def _quote_heads() -> frozenset[str]:
    return news_rules._span_words().get("quote_head", frozenset())


@lru_cache(maxsize=1)
def _dual_heads() -> frozenset[str]:
    return news_rules._span_words().get("dual_head", frozenset())


def _towns_of_duals(
    tokens: Sequence[Token], out: list[Mention], p_out: Sequence[float], kb: KB, index: StemIndex
) -> list[Mention]:
    """Places after a dual head noun (بلدتي كفركلا وعيتا الشعب): mention_repairs.towns_of_a_dual."""
    starts = index.starts(_dual_heads())
    if not starts:
        return []
    found = mention_repairs.towns_of_a_dual(tokens, starts, _covered(out), p_out, kb)
    return [
        Mention(
            a,
            b,
            start,
            tokens[b].end,
            "LOC",
            _kb_ids(tokens, a, b, kb) if start == tokens[a].start else (),
            "cue",
        )
        for a, b, start in found
    ]


def _part_head(tok: Token) -> tuple[str, int] | None:
    """(type, clitic length) of a head noun that belongs to a place's name (name_heads.tsv role part, LOC)."""
    vocab = adjust._one_word_heads().get("part", {})
    form = tok.match(vocab) if tok.kind == "word" else None
    if form is None or vocab[form[1]].type != "LOC":
        return None
    return "LOC", form[0]


def _repaired(tokens: Sequence[Token], out: list[Mention], kb: KB) -> list[Mention]:
    """mention_repairs.repair with this module's head predicates."""

    return mention_repairs.repair(
        tokens,
        out,
        kb,
        name_words(),
        _org_head_word,
        _part_head,
        _NOT_PLACE_BODY_HEADS,
        _cue_first_words(),
        _one_word_titles(),
    )


@lru_cache(maxsize=1)
def _one_word_titles() -> frozenset[str]:

    return frozenset(k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "title" and len(k) == 1)


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:

    return frozenset(cue_index().first_words)


def _surnames_of_named(tokens: Sequence[Token], mentions: list[Mention]) -> None:
    """A one-word person's name the KB links to someone not named in full in the article is the surname of the
    person who was (علي محمود عباس ... عباس is not Mahmoud Abbas): it takes that person's link."""
    full: dict[str, set[tuple[str, ...]]] = {}
    for m in mentions:
        if m.type == "PER" and m.kb_ids and m.last > m.first and tokens[m.last].kind == "word":
            full.setdefault(tokens[m.last].norm, set()).add(m.kb_ids)
    if not full:
        return
    named = {i for m in mentions if m.last > m.first for i in m.kb_ids}
    for m in mentions:
        if m.type != "PER" or m.first != m.last or not m.kb_ids or named.intersection(m.kb_ids):
            continue
        owners = full.get(_bare_word(tokens, m), set())
        if len(owners) == 1:
            m.kb_ids = next(iter(owners))


_PREPOSITIONS = frozenset("في من الي علي عن".split())


def _lone_given_names(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """A word that is also a given name, alone after a preposition, is a common word (ليس في [صالح] أحد "in
    anyone's favour") unless a person of the article bears it (قال محمد صالح ... نقلت عن صالح)."""

    given = name_words()
    lone = [
        m
        for m in mentions
        if m.type == "PER"
        and m.first == m.last
        and not m.kb_ids
        and m.first > 0
        and m.start == tokens[m.first].start
        and tokens[m.first - 1].norm in _PREPOSITIONS
        and given.get(tokens[m.first].norm) == "given"
    ]
    if not lone:
        return mentions
    borne = {
        tokens[j].norm
        for m in mentions
        if m.type == "PER" and m.last > m.first
        for j in range(m.first, m.last + 1)
    }
    drop = {id(m) for m in lone if tokens[m.first].norm not in borne}
    return [m for m in mentions if id(m) not in drop]


_ABBREVIATION_MAX_P_OUT = 0.99


def _bracketed_abbreviations(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, p_out: Sequence[float]
) -> list[Mention]:
    """A one-word name in brackets right after a linked body's name is its abbreviation (الحركة الدستورية
    الإسلامية (حدس)): it takes the body's link and type, so both are one entity; the KB does not know the
    abbreviation, so the model may have left it out, and its other mentions in the article too. The word must
    be no definite, common or cue word, month or weekday, and the model give it some chance of a name."""

    starts = {m.first: m for m in mentions}
    taken = _covered(mentions)
    abbreviations: dict[str, Mention] = {}
    for before in list(mentions):
        j = before.last + 2
        if not (before.kb_ids and before.type == "ORG" and j + 1 < len(tokens)):
            continue
        if tokens[j - 1].text != "(" or tokens[j + 1].text != ")" or tokens[j].kind != "word":
            continue
        if j + 2 < len(tokens) and tokens[j + 2].text in (":", "-"):
            continue  # a dateline's source (هسبريس (وكالات):), not an abbreviation
        m = starts.get(j)
        if m is None:
            w = tokens[j].norm
            if (
                j in taken
                or p_out[j] > _ABBREVIATION_MAX_P_OUT
                or w.startswith("ال")
                or w in cue_index().first_words
                or w in _month_names()
                or w in news_rules.weekdays()
                or tokens[j].match(adjust.common_nouns()) is not None
                or (kb is not None and (w,) in kb.names)
            ):
                continue
            m = Mention(j, j, tokens[j].start, tokens[j].end, "ORG", (), "cue")
            mentions.append(m)
            taken.add(j)
        elif m.kb_ids or m.last != j:
            continue
        m.kb_ids, m.type = before.kb_ids, before.type
        abbreviations[_bare_word(tokens, m)] = m
    if not abbreviations:
        return mentions
    for m in mentions:
        if not m.kb_ids and m.first == m.last and (a := abbreviations.get(_bare_word(tokens, m))):
            m.kb_ids, m.type = a.kb_ids, a.type
    for j, t in enumerate(tokens):  # its other mentions the model left out (وقال نائب عن حدس)
        if j in taken or t.kind != "word":
            continue
        for k, stem in t.forms:
            a = abbreviations.get(stem)
            if a is not None:
                mentions.append(Mention(j, j, t.start + k, t.end, a.type, a.kb_ids, "cue"))
                break
    mentions.sort(key=lambda m: m.start)
    return mentions


def _bare_word(tokens: Sequence[Token], m: Mention) -> str:
    """A one-word mention's normalized text without its proclitics."""
    t = tokens[m.first]
    return normalize(t.text[m.start - t.start :])


def _epithet_alias(tokens: Sequence[Token], m: Mention, kb: KB) -> bool:
    """A body's mention that is only an alias of its entities, none's own name nor a party's (المنظمة الدولية
    for the UN, not القوات اللبنانية): news refers to a body so after naming it. Places keep such aliases
    (الأراضي الفلسطينية)."""
    if m.type != "ORG" or _parties(kb, m.kb_ids):
        return False
    key = _match_key(tokens, KBMatch(m.first, m.last, m.start, m.end, m.kb_ids))
    return all(name_key(kb.entries[i]["name"]) != key for i in m.kb_ids)


def _parties(kb: KB, ids: Sequence[str]) -> bool:
    return bool(ids) and all(kb.entries[i].get("kind") == "party" for i in ids)


def _datelines(
    doc: Document, tokens: Sequence[Token], ranges: Sequence[tuple[int, int]], out: list[Mention], kb: KB
) -> list[Mention]:
    """The place and agency of a dateline (مسقط - (د ب أ):) are names whatever the model says."""
    hi_of = dict(ranges)
    for lo in adjust.dateline_ranges(doc.text, tokens, ranges):
        for a, b, start, ids in adjust.dateline_matches(tokens, lo, hi_of[lo], kb):
            out = [m for m in out if m.last < a or m.first > b]
            out.append(Mention(a, b, start, tokens[b].end, kb.entries[ids[0]]["type"], ids, "kb"))
    return out


def _maqsura_kb_word(tok: Token, kb: KB) -> bool:
    """A one-word name in ى that the KB knows only in ي (أودى "caused" vs أودي, Audi): the model saw the KB tag
    of the folded form."""
    if not tok.text.rstrip(news_rules.MARKS).endswith("ى"):
        return False
    ids = next((kb.names[(st,)] for _, st in tok.forms if (st,) in kb.names), ())
    return bool(ids) and news_rules.maqsura_mismatch(
        tok, [n for i in ids for n in (kb.entries[i]["name"], *kb.entries[i]["aliases"])]
    )


def _bare_bodies(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    out: list[Mention],
    kb: KB,
    cues: dict[tuple[int, int], list[Cue]],
    index: StemIndex | None = None,
) -> list[Mention]:
    """Bodies the KB names with a nisba, written without it (المجلس الرئاسي): see news_rules.bare_bodies."""
    if index is not None and not news_rules.may_have_bare_bodies(kb, index):
        return []
    taken = _covered(out)
    found = []
    for lo, hi in ranges:
        titles = [c for c in cues.get((lo, hi), ()) if c.kind == "title"]
        for a, b, start, ids in news_rules.bare_bodies(tokens, lo, hi, taken, kb, index, titles):
            found.append(Mention(a, b, start, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return found


# organization heads that do not make a place's name a body's: armies are named by nisba (قوات روسيا is rare)
_NOT_PLACE_BODY_HEADS = frozenset({"قوات", "جيش", "الجيش"})


def _bodies_of_places(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    out: list[Mention],
    kb: KB,
    cues: dict[tuple[int, int], list[Cue]],
) -> list[Mention]:
    """An organization head noun in construct with a KB place (جامعة قطر, بنك فلسطين, معهد تمبكتو), or with
    an indefinite noun and the place (غرفة طوارئ الفاشر, نقابة أطباء لبنان): one body, not the place; linked
    where the KB knows the whole name."""
    starts = {m.first: m for m in out}
    taken = _covered(out)
    for lo, hi in ranges:
        for c in cues.get((lo, hi), ()):
            if c.kind not in ("org_head", "place_org_head") or c.first != c.last or c.first in taken:
                continue
            head = tokens[c.first]
            if head.norm in _NOT_PLACE_BODY_HEADS or head.norm.startswith("ال"):
                continue
            m = starts.get(c.last + 1)
            if m is None and c.last + 2 < hi and _construct_noun(tokens[c.last + 1], c.last + 1, taken):
                m = starts.get(c.last + 2)
                if m is not None and tokens[m.first].start != tokens[c.last + 1].end + 1:
                    continue
            elif m is not None and tokens[m.first].start != head.end + 1:
                continue
            if m is None or m.type != "LOC" or not m.kb_ids or m.start != tokens[m.first].start:
                continue
            if m.last > m.first and _place_class(tokens[m.first]):
                continue  # مركز [مدينة الموصل] is the city's centre: a place named with its class noun
            ids = _kb_ids(tokens, c.first, m.last, kb)
            k = strip_clitics(head, kb)
            out = [x for x in out if x is not m]
            out.append(Mention(c.first, m.last, head.start + k, m.end, "ORG", ids, "kb" if ids else "cue"))
            taken.add(c.first)
    return out


def _place_class(tok: Token) -> bool:
    """A class noun of places (مدينة, محافظة, بلدة, قرية ...)."""
    return tok.norm in _DIVISION_HEADS or tok.norm == "مدينه" or adjust.head_of(tok, "class") is not None


def _construct_noun(tok: Token, i: int, taken: set[int]) -> bool:
    """A bare noun between a body's head and a place (غرفة [طوارئ] الفاشر, نقابة [أطباء] لبنان): a word with no
    article and no proclitic, no particle, nisba or place class noun (مركز [مدينة] غزة is the city's centre)."""
    w = tok.norm
    return (
        tok.kind == "word"
        and i not in taken
        and len(tok.forms) == 1
        and len(w) >= 3
        and not w.startswith("ال")
        and w not in _PARTICLES
        and not news_rules.nisba_shaped(w)
        and not _place_class(tok)
        and not any(adjust.head_of(tok, role) for role in ("part", "kb_part", "compound"))
    )


def _split_person_after_body(
    tokens: Sequence[Token], spans: list[tuple[int, int, str]], kb: KB | None, hi: int
) -> list[tuple[int, int, str]]:
    """A model's body or place name cut before the person it ran into (جامعة القاهرة [حازم الدمرداش])."""
    if not any(b - a >= 2 and typ in ("ORG", "LOC") for a, b, typ in spans):
        return spans

    given = name_words()
    out = []
    for a, b, typ in spans:
        j = news_rules.person_after_body(tokens, a, b, kb, given) if typ in ("ORG", "LOC") else None
        if j is not None:
            out += [(a, j - 1, typ), (j, b, "PER")]
        elif (
            typ == "ORG"
            and not any(x <= b + 1 <= y for x, y, _ in spans)
            and _org_head_word(tokens[a])
            and news_rules.given_name_ending_body(tokens, a, b, hi, given)
        ):
            out += [(a, b - 1, typ), (b, b + 1, "PER")]  # جامعة القديس يوسف | كريم بيطار
        else:
            out.append((a, b, typ))
    return out


def _split_place_after_title(
    tokens: Sequence[Token], spans: list[tuple[int, int, str]], kb: KB, titles: Sequence[Cue]
) -> list[tuple[int, int, str]]:
    """A person's name the model began on the place that completes the title before it (محافظ [المفرق]
    سلمان النجادا, سفير [فرنسا] …): the place, then the person."""
    ends = {c.last for c in titles}
    out = []
    for a, b, typ in spans:
        if (
            typ == "PER"
            and b > a
            and a - 1 in ends
            and (_one_word_place(tokens[a], kb) or _division_name(tokens[a], kb))
            and not any(kb.entries[i]["type"] == "PER" for i in kb.names.get((tokens[a].norm,), ()))
        ):
            out += [(a, a, "LOC"), (a + 1, b, "PER")]
        elif (
            typ == "PER"
            and a - 2 in ends
            and not (out and out[-1][1] >= a - 1)
            and _division_name(tokens[a - 1], kb)
        ):
            out += [(a - 1, a - 1, "LOC"), (a, b, typ)]  # محافظ المفرق [سلمان النجادا]
        else:
            out.append((a, b, typ))
    return out


def _split_clitic_place(
    tokens: Sequence[Token], spans: list[tuple[int, int, str]], kb: KB
) -> list[tuple[int, int, str]]:
    """A person's name the model began on a KB place with a proclitic (السفير الألماني [بالرباط] روبرت
    دولغر, القنصل العام بجدة …): no name begins with a preposition, so the place, then the person."""
    out = []
    for a, b, typ in spans:
        if typ == "PER" and b > a and tokens[a].kind == "word" and _clitic_place(tokens[a], kb):
            out += [(a, a, "LOC"), (a + 1, b, "PER")]
        else:
            out.append((a, b, typ))
    return out


def _clitic_place(tok: Token, kb: KB) -> bool:
    """A proclitic (not the future's س) on a word whose stem alone is a KB place and no KB person."""
    for k, stem in tok.forms[1:]:
        if "س" in tok.text[:k]:
            continue
        ids = kb.names.get((stem,), ())
        if ids and any(kb.entries[i]["type"] == "LOC" for i in ids):
            return not any(kb.entries[i]["type"] == "PER" for i in ids)
    return False


def _org_head_word(tok: Token) -> bool:
    """An organization head noun (ner_cues.tsv and ner_span_words.tsv), clitics aside."""
    return tok.kind == "word" and any(
        st in _one_word_org_heads() or news_rules.extra_org_head(st) for _, st in tok.forms
    )


def _final_spans(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, line_starts: frozenset[int] = frozenset()
) -> list[Mention]:
    """Last span rules: a head noun joins its place's name (مخيم زمزم); a nisba after a definite noun is no
    country (العاصمة السعودية); a time standard after توقيت is no place (غرينتش); MISC names the KB does not
    know are dropped when they are one word or hold a common noun (دولار، اليورانيوم، الفيتو) — MISC is kept
    for names of several words (events, treaties, prizes) and KB entries."""
    taken = _covered(mentions)
    out = []
    for m in mentions:
        if m.type == "MISC" and not m.kb_ids and adjust.useless_misc(tokens, m.first, m.last):
            continue
        if (
            m.type == "ORG"
            and m.kb_ids
            and m.last > m.first
            and kb is not None
            and _generic(tokens, m)
            and _epithet_alias(tokens, m, kb)
        ):
            continue  # a description the KB lists as a name (المنظمة الدولية), even where the model sees one
        # a sentence's first word follows no noun (الجزائر - واج: after a headline ending on الطاقة)
        if (
            m.type == "LOC"
            and m.first not in line_starts
            and adjust.nisba_after_noun(tokens, m.first, m.last, taken, kb)
        ):
            continue
        if m.type == "LOC" and adjust.time_standard(tokens, m.first, m.last):
            continue  # بتوقيت غرينتش: a time standard (بتوقيت بيروت names the city)
        # (a body's name the KB does not know after a place's head is the place's: سجن [إيفين])
        if m.type in ("LOC", "PER") or (m.type in ("MISC", "ORG") and not m.kb_ids):
            ext = adjust.place_head(tokens, m.first, m.last, m.type, m.kb_ids, taken, kb)
            if ext is not None:
                a, b, typ, ids = ext
                k = strip_clitics(tokens[a], kb)
                m = Mention(a, b, tokens[a].start + k, tokens[b].end, typ, ids, "kb" if ids else "model")
                taken.update(range(a, b + 1))
        out.append(m)
    return out


ORG_HEADS = True
# words that never complement an organization head noun (normalized: إن/أن -> ان, على -> علي)
_PARTICLES = frozenset(
    "ان انه انها قد لا لم لن ما في من علي الي عن مع او ثم حتي منذ بعد قبل امس اليوم كما التي الذي".split()
)
_ORG_HEAD_MAX_P_OUT = 0.9


@lru_cache(maxsize=1)
def _one_word_cue_kinds() -> dict[tuple[str, ...], str]:
    """The kind of each one-word cue (ner_cues.tsv): النائب -> title."""
    return {k: kind for k, (kind, _) in cue_index().phrases.items() if len(k) == 1}


_PART_HEAD_MAX_P_OUT = 0.99


def _org_heads(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
    kb: KB | None,
    cues: dict[tuple[int, int], list[Cue]] | None = None,
) -> list[Mention]:
    """Unnamed bodies the model missed: an organization head noun (وزارة، المحكمة، لجنة ...) with its definite
    complement (المحكمة العليا، لجنة تحري الأهلة), where the model gives the words some chance of a name (a
    ministry whatever it says: وزارة الموارد المائية والري); and a body named inside a title (رئيس مجلس
    النواب)."""

    taken = _covered(mentions)
    out = []
    heads = _one_word_org_heads()
    titles = _one_word_cue_kinds()
    for lo, hi in ranges:
        sentence_cues = cues[(lo, hi)] if cues is not None else cue_index().match(tokens, lo, hi)
        for c in sentence_cues:
            # a body inside a title (رئيس [مجلس النواب], رئيس [مجلس السيادة]) is named there; رئيس مجلس الوزراء
            # is the Prime Minister's title as a whole
            if (
                c.kind == "title"
                and c.last >= c.first + 2
                and tokens[c.first + 1].norm in heads
                and c.text_en != "Prime Minister"
            ):
                a = c.first + 1
                if not taken.intersection(range(a, c.last + 1)):
                    ids = _kb_ids(tokens, a, c.last, kb)
                    out.append(Mention(a, c.last, tokens[a].start, tokens[c.last].end, "ORG", ids, "cue"))
                    taken.update(range(a, c.last + 1))
                continue
            if c.kind != "org_head" or c.first in taken:
                continue
            # a ministry with its definite complement is a body's name (وزارة الموارد المائية والري المصرية)
            body = c.last == c.first and adjust.head_of(tokens[c.first], "body") is not None
            last = c.last
            # lil: the name closes with a لل- complement (الهيئة العليا للانتخابات, وكالة فرات للأنباء)
            lil = False
            while last + 1 < hi and last - c.last < (5 if body else 3):
                t = tokens[last + 1]
                if last > c.last and last + 1 not in taken and _lil_complement(t, tokens[c.last + 1]):
                    last += 1
                    lil = True
                    break
                definite = t.norm.startswith("ال") or (body and t.norm.startswith("وال") and last > c.last)
                construct = last == c.last and not tokens[c.first].norm.startswith("ال")
                if t.kind != "word" or last + 1 in taken or not (definite or construct):
                    break
                if t.norm in _PARTICLES or t.norm in news_rules.span_words("affiliated"):
                    break  # البنك إن ..., ... إلى: a particle is no complement; التابعة closes the name
                if (
                    last == c.last
                    and tokens[c.first].norm.startswith("ال")
                    and news_rules.descriptive(t.norm)
                ):
                    break  # a definite head described (دعم الاتحاد [الكامل] لـ...) is no body's name
                if last > c.last and titles.get((t.norm,)) == "title":
                    break  # a person's title after the body's name (لجنة الشؤون الخارجية [النائب] ...)
                last += 1
            first_word = tokens[c.last + 1].norm if last > c.last else ""
            # a head with two complements or more, the last an adjective, is a name whatever the model says
            # (لجنة السياسة النقدية, حزب جبهة العمل الإسلامي); armies and forces are described so (قوات الأمن
            # العراقية)
            long = (
                last - c.last >= 2
                and tokens[c.first].norm not in _NOT_PLACE_BODY_HEADS
                and news_rules.nisba_shaped(tokens[last].norm)  # not مجلس إدارة الشركة
                and not news_rules.descriptive(tokens[last].norm)  # وكالة الأنباء الرسمية
            )
            # an indefinite word alone or a feminine nisba after the head is a description (جامعة واحدة,
            # منظمة إجرامية); a name goes on (لجنة تحري الأهلة)
            described = not first_word.startswith("ال") and (last == c.last + 1 or first_word.endswith("يه"))
            # a definite head and a numbered adjective name a group (اللجنة الخماسية, اللجنة الرباعية)
            group = tokens[c.first].norm.startswith("ال") and news_rules.numbered(first_word)
            # a body "affiliated to" another is named (لجنة شؤون الأسرى التابعة للحوثيين)
            group = group or (
                last > c.last
                and last + 1 < hi
                and tokens[last + 1].norm in news_rules.span_words("affiliated")
            )
            if (
                last == c.last
                or tokens[last].norm in ("الذي", "التي")
                or described
                or (
                    min(p_out[c.first : last + 1]) > _ORG_HEAD_MAX_P_OUT
                    # a body head's definite complement is a name whatever the model says; an indefinite one
                    # (لجنة تحري الأهلة) only where the model sees one
                    and not (body and first_word.startswith("ال"))
                    and not lil
                    and not long
                    and not group
                )
            ):
                continue
            k = strip_clitics(tokens[c.first], kb)
            out.append(Mention(c.first, last, tokens[c.first].start + k, tokens[last].end, "ORG", (), "cue"))
            taken.update(range(c.first, last + 1))
    return out


def _body_tails(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    cues: dict[tuple[int, int], list[Cue]],
) -> list[Mention]:
    """Bodies the KB does not know, cut short of their complements (مركز صنعاء | للدراسات الاستراتيجية):
    an unlinked ORG mention that begins with an organization head noun runs on over them
    (news_rules.body_tail)."""
    heads = {c.first for r in ranges for c in cues.get(r, ()) if c.kind == "org_head" and c.first == c.last}
    bodies = {
        id(m)
        for m in mentions
        if m.type == "ORG"
        and not m.kb_ids
        and m.first in heads
        and tokens[m.first].norm not in _NOT_PLACE_BODY_HEADS
    }
    if not bodies:
        return mentions
    taken = _covered(mentions)
    starts = [lo for lo, _ in ranges]
    out = []
    for m in mentions:
        if id(m) in bodies:
            lo, hi = ranges[max(0, bisect_right(starts, m.last) - 1)]
            end = news_rules.body_tail(tokens, m.last, hi if lo <= m.last < hi else m.last + 1, taken)
            if end > m.last:
                taken.update(range(m.last + 1, end + 1))
                m = Mention(m.first, end, m.start, tokens[end].end, m.type, m.kb_ids, m.source)
        out.append(m)
    return out


def _with_extra_heads(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    cues: dict[tuple[int, int], list[Cue]],
    index: StemIndex | None,
) -> dict[tuple[int, int], list[Cue]]:
    """The sentences' cues with the head rules' own head nouns (news_rules.extra_heads) where no cue starts."""
    extra = news_rules.extra_heads(tokens, index)
    if not extra:
        return cues
    out = dict(cues)
    for lo, hi in ranges:
        mine = [c for c in extra if lo <= c.first < hi]
        if mine:
            have = out.get((lo, hi), [])
            starts = {c.first for c in have}
            out[(lo, hi)] = sorted(
                [*have, *(c for c in mine if c.first not in starts)], key=lambda c: c.first
            )
    return out


def _lil_complement(t: Token, first: Token) -> bool:
    """A لل- noun that closes a body's name after its first complement (للانتخابات, للأنباء), where that
    first complement is definite or a bare name (فرات), not an indefinite adjective (لجنة خاصة للتحقيق)."""
    if t.kind != "word" or not t.norm.startswith("لل") or len(t.norm) < 5:
        return False
    return first.norm.startswith("ال") or not first.norm.endswith(("ه", "ي"))


_TOLD = frozenset({"said", "says", "stressed", "added", "explained", "stated", "mentioned", "pointed out"})


def _persons_after_titled_bodies(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
    kb: KB | None,
    cues: dict[tuple[int, int], list[Cue]],
) -> list[Mention]:
    """The mentions with the people named after a title and its body that the model missed
    (news_rules.person_after_titled_body), and given names the model left out of such a person's name."""

    given = name_words()
    taken = _covered(mentions)
    by_first = {m.first: m for m in mentions if m.type in ("ORG", "LOC")}
    by_person = {m.first: m for m in mentions if m.type == "PER" and m.first == m.last and not m.kb_ids}
    grown: dict[int, Mention] = {}
    role_bodies = [
        m
        for m in by_first.values()
        if m.first >= 2
        and tokens[m.first - 1].norm in ("في", "لدي")
        and tokens[m.first - 2].norm.startswith("ال")
        and m.first - 2 not in taken
    ]
    out = []
    for lo, hi in ranges:
        sentence_cues = cues.get((lo, hi), ())
        honorifics = {c.first for c in sentence_cues if c.kind == "title" and c.first == c.last}
        anchors = [
            (c.last, by_first.get(c.last + 1) or by_first.get(c.last + 2))
            for c in sentence_cues
            if c.kind == "title"
        ]
        # a unit of the body between the title and the body (رئيسة بعثة [الصليب الأحمر] ...)
        units = news_rules._span_words().get("sub_unit", frozenset())
        anchors += [
            (c.last + 1, by_first.get(c.last + 2))
            for c in sentence_cues
            if c.kind == "title" and c.last + 2 < hi and tokens[c.last + 1].norm in units
        ]
        # a role noun the cues do not know, then في and its body (الباحث في مركز البيان ...)
        anchors += [(m.first - 2, m) for m in role_bodies if lo <= m.first - 2 and m.last < hi]
        # a title with a definite complement that names no body (زعيم المعارضة, رئيس الحكومة): the complement
        # stands for the body
        anchors += [
            (c.last, Mention(c.last + 1, c.last + 1, tokens[c.last + 1].start, tokens[c.last + 1].end, "ORG"))
            for c in sentence_cues
            if c.kind == "title"
            and c.last + 2 < hi
            and c.last + 1 not in taken
            and tokens[c.last + 1].kind == "word"
            and tokens[c.last + 1].norm.startswith("ال")
            and not news_rules.nisba_shaped(tokens[c.last + 1].norm)
        ]
        # a title of two words or more that ends on its own complement (زعيم المعارضة): the name right after it
        anchors += [
            (c.last - 1, Mention(c.last, c.last, tokens[c.last].start, tokens[c.last].end, "ORG"))
            for c in sentence_cues
            if c.kind == "title" and c.last > c.first and c.last + 1 < hi and c.last + 1 not in taken
        ]
        # a title said to be former (الأمين العام [السابق] لوزارة البيشمركة …): its body after that word
        former = news_rules.span_words("former")
        anchors += [
            (c.last + 1, by_first.get(c.last + 2) or _headed_body(tokens, c.last + 2, by_first))
            for c in sentence_cues
            if c.kind == "title" and c.last + 3 < hi and tokens[c.last + 1].norm in former
        ]
        for title_last, body in anchors:
            if body is None or body.last + 1 >= hi:
                continue
            end = _titled_chain_end(tokens, body.last, hi, by_first, honorifics)
            if end + 1 >= hi:
                continue
            surname = by_person.get(end + 2)
            first = by_person.get(end + 1)
            if (
                first is not None
                and not tokens[end + 1].norm.startswith("ال")
                and body.type == "LOC"
                and body.first == title_last + 1  # a title's place: محافظ المفرق …
            ):
                # the model found the given name only (محافظ المفرق [سلمان] النجادا): the surname after it
                # (the model's name counts as a given name)
                span = news_rules.person_after_titled_body(
                    tokens,
                    title_last,
                    body.first,
                    end,
                    hi,
                    taken - {end + 1},
                    p_out,
                    kb,
                    ChainMap({tokens[end + 1].norm: "given"}, given),  # type: ignore[arg-type]
                )
                if span is not None and span[0] == end + 1 and span[1] > end + 1:
                    a, b = span
                    grown[first.first] = Mention(a, b, tokens[a].start, tokens[b].end, "PER", (), "cue")
                    taken.update(range(a, b + 1))
                continue
            if (
                surname is not None
                and end + 1 not in taken
                and news_rules.given_name_before(tokens[end + 1], p_out[end + 1], kb, given)
            ):
                # the model found the surname only (السيدة تمار [هيرمان]): the word before it is the given name
                grown[surname.first] = Mention(
                    end + 1, surname.last, tokens[end + 1].start, surname.end, "PER", (), "cue"
                )
                taken.add(end + 1)
                continue
            span = news_rules.person_after_titled_body(
                tokens, title_last, body.first, end, hi, taken, p_out, kb, given
            )
            if span is not None:
                a, b = span
                out.append(Mention(a, b, tokens[a].start, tokens[b].end, "PER", (), "cue"))
                taken.update(range(a, b + 1))
    return [grown.get(m.first, m) for m in mentions] + out


def _headed_body(tokens: Sequence[Token], i: int, by_first: dict[int, Mention]) -> Mention | None:
    """An organization head at ``i`` before a body's name (لوزارة [البيشمركة]): the two as one body."""
    inner = by_first.get(i + 1)
    if inner is None or i >= len(tokens) or not _org_head_word(tokens[i]):
        return None
    return Mention(i, inner.last, tokens[i].start, inner.end, "ORG")


def _titled_chain_end(
    tokens: Sequence[Token], last: int, hi: int, by_first: dict[int, Mention], honorifics: set[int]
) -> int:
    """Where the words between a body and the name of the person who belongs to it end: the body's city
    after في (مركز البيان في [بغداد], up to two) and an honorific (في القدس [السيدة] تمار هيرمان)."""
    for _ in range(2):
        place = by_first.get(last + 2)
        if last + 2 < hi and tokens[last + 1].norm == "في" and place is not None and place.type == "LOC":
            last = place.last
        else:
            break
    if last + 1 in honorifics:
        last += 1
    return last


def _outlets_told(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    kb: KB | None,
    cues: dict[tuple[int, int], list[Cue]],
    index: StemIndex | None = None,
) -> list[Mention]:
    """News outlets in quotes after a reporting verb and لـ (news_rules.outlets_told)."""
    # a token's first reading is its norm, so the index lists every bare ل (no scan of all tokens)
    where = index.pos.get("ل", ()) if index is not None else range(len(tokens))
    lams = [i for i in where if tokens[i].norm == "ل" and tokens[i].kind == "word"]
    if not lams:
        return []
    taken = _covered(mentions)
    out = []
    for lo, hi in ranges:
        if not any(lo <= i < hi for i in lams):
            continue
        report = next(
            (c.last for c in cues.get((lo, hi), ()) if c.kind == "report" and c.text_en in _TOLD), None
        )
        if report is None:
            continue
        for a, b in news_rules.outlets_told(tokens, lo, hi, taken, report):
            ids = _kb_ids(tokens, a, b, kb) or news_rules.outlet_ids(tokens, a, b, kb)
            out.append(Mention(a, b, tokens[a].start, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return out


def _party_names(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, index: StemIndex
) -> list[Mention]:
    """Parties named by their nisba adjectives (news_rules.party_names), over the model's names inside them (الحزب
    المصري [الديمقراطي الاجتماعي] is no person)."""
    linked = {j for m in mentions if m.kb_ids for j in range(m.first, m.last + 1)}
    spans = news_rules.party_names(tokens, index, linked)
    if not spans:
        return mentions
    out = [m for m in mentions if not any(a <= m.first and m.last <= b for a, b in spans)]
    for a, b in spans:
        ids = _kb_ids(tokens, a, b, kb)
        k = strip_clitics(tokens[a], kb)
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
    return out


def _operations_commands(tokens: Sequence[Token], mentions: list[Mention], index: StemIndex) -> list[Mention]:
    """A military operations command (ner_span_words.tsv kind ``ops_command``): its two words and the place it
    covers (قيادة عمليات [الأنبار], the place inside the body's name). One word alone (قيادة) is too often
    "driving" or "leadership", and a definite complement too (تولى قيادة العمليات العسكرية)."""
    phrases = news_rules.span_words("ops_command")
    if not phrases:
        return mentions
    firsts = frozenset(p.split()[0] for p in phrases)
    starts = index.starts(firsts)
    if not starts:
        return mentions
    by_first = {m.first: m for m in mentions}
    taken = _covered(mentions)
    out = list(mentions)
    for i in starts:
        form = tokens[i].match(firsts)
        if form is None or i + 2 >= len(tokens) or i in taken or i + 1 in taken:
            continue
        second = tokens[i + 1].norm
        if f"{form[1]} {second}" not in phrases or tokens[i].end + 1 != tokens[i + 1].start:
            continue
        place = by_first.get(i + 2)
        if place is None or place.type != "LOC":
            continue
        last = place.last  # قيادة عمليات الأنبار
        out.remove(place)
        out.append(Mention(i, last, tokens[i].start + form[0], tokens[last].end, "ORG", (), "cue"))
        taken.update(range(i, last + 1))
    out.sort(key=lambda m: m.start)
    return out


def _services(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, index: StemIndex
) -> list[Mention]:
    """A state service named by two words (ner_span_words.tsv kind ``service``: حرس الحدود, خفر السواحل) and
    the nisba of its state if one follows (حرس الحدود [الأوكراني]): one body, whatever the model says; names the
    model found inside it give way."""
    phrases = news_rules.span_words("service")
    if not phrases:
        return mentions
    firsts = frozenset(p.split()[0] for p in phrases)
    starts = index.starts(firsts)
    if not starts:
        return mentions
    out = list(mentions)
    for i in starts:
        form = tokens[i].match(firsts)
        if form is None or i + 1 >= len(tokens) or tokens[i].end + 1 != tokens[i + 1].start:
            continue
        if f"{form[1]} {tokens[i + 1].norm}" not in phrases:
            continue
        last = i + 1
        nxt = tokens[i + 2] if i + 2 < len(tokens) else None
        if (
            nxt is not None
            and kb is not None
            and nxt.kind == "word"
            and nxt.norm.startswith("ال")
            and tokens[last].end + 1 == nxt.start
            and kb.demonym_country(nxt) is not None
        ):
            last = i + 2
        inside = [m for m in out if i <= m.first and m.last <= last]
        if any(m.first <= last and i <= m.last for m in out if m not in inside):
            continue  # a longer name across it stands
        for m in inside:
            out.remove(m)
        out.append(Mention(i, last, tokens[i].start + form[0], tokens[last].end, "ORG", (), "cue"))
    out.sort(key=lambda m: m.start)
    return out


def _named_bodies(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    kb: KB | None,
    index: StemIndex | None = None,
) -> list[Mention]:
    """Courts and courts royal named by their adjective (news_rules.named_bodies)."""
    if index is not None and not index.starts(adjust._one_word_heads().get("named_body", {})):
        return []
    taken = _covered(mentions)
    out = []
    for lo, hi in ranges:
        for a, b in news_rules.named_bodies(tokens, lo, hi, taken, index):
            ids = _kb_ids(tokens, a, b, kb)
            k = strip_clitics(tokens[a], kb)
            out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return out


def _place_heads(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
    kb: KB | None,
    cues: dict[tuple[int, int], list[Cue]] | None = None,
) -> list[Mention]:
    """Places the model missed after a place's head noun (بلدة كفركلا, مخيم زمزم; name_heads.tsv roles part
    and class): the one or two words after it where the model gives each some chance of a name (P(outside) ≤
    0.9, as for organization heads) and they are no nisba, indefinite adjective or common noun. The head is
    part of the name where name_heads.tsv says so."""

    taken = _covered(mentions)
    common = adjust.common_nouns()
    out = []
    for lo, hi in ranges:
        for c in cues[(lo, hi)] if cues is not None else cue_index().match(tokens, lo, hi):
            if c.kind != "loc_head" or c.last != c.first or c.last + 1 >= hi or c.first in taken:
                continue
            part = adjust.head_of(tokens[c.first], "part")
            if (part is None or part.type != "LOC") and adjust.head_of(tokens[c.first], "class") is None:
                continue  # مدينة, منطقة: too often a common word follows
            # after a class head (بلدة, قضاء) a definite word is the place's name whatever the model says
            class_head = adjust.head_of(tokens[c.first], "class") is not None
            # a square's definite complement is its name (ساحة الإرادة); an indefinite one is none (ساحة حرب)
            square = tokens[c.first].match(news_rules.squares()) is not None
            if square and not tokens[c.first + 1].norm.startswith("ال"):
                continue
            class_head = class_head or square
            # after a head that belongs to the name (مطار, معبر) the model's doubt is weighed less: it was
            # trained on few of today's crossings and airports
            part_head = part is not None and part.type == "LOC"
            last = c.last
            while last + 1 < hi and last - c.last < 2 and last + 1 not in taken:
                t = tokens[last + 1]
                if (  # معبر أدري الحدودي, مطار X الدولي: one indefinite word closed by the landmark's adjective
                    part_head
                    and last == c.last
                    and t.kind == "word"
                    and not t.norm.startswith("ال")
                    and _closing_adjective(tokens, last + 2, hi)
                    and last + 2 not in taken
                ):
                    last += 2 if tokens[last + 2].norm in part.tail else 1
                    break
                if (
                    t.kind != "word"
                    or (
                        p_out[last + 1]
                        > (_PART_HEAD_MAX_P_OUT if part_head and last == c.last else _ORG_HEAD_MAX_P_OUT)
                        and not (class_head and last == c.last and t.norm.startswith("ال"))
                    )
                    or (kb is not None and kb.demonym_country(t) is not None)
                    or t.norm in news_rules.NOT_NAME  # مطار بنينا أمام
                    or t.match(common) is not None
                    or (not t.norm.startswith("ال") and t.norm.endswith(("يه", "ي")))  # مدينة تاريخية
                ):
                    break
                last += 1
            if last == c.last:
                continue
            if (  # مدينة رأس [الحكمة]: a compound name takes its second word
                adjust.head_of(tokens[last], "compound")
                and last + 1 < hi
                and last + 1 not in taken
                and tokens[last + 1].kind == "word"
            ):
                last += 1
            a = c.first if part is not None and part.type == "LOC" else c.first + 1
            k = strip_clitics(tokens[a], kb) if a == c.first else 0
            ids = _kb_ids(tokens, a, last, kb)
            typ = kb.entries[ids[0]]["type"] if ids and kb is not None else "LOC"
            out.append(
                Mention(a, last, tokens[a].start + k, tokens[last].end, typ, ids, "kb" if ids else "cue")
            )
            taken.update(range(c.first, last + 1))
    return out


def _closing_adjective(tokens: Sequence[Token], i: int, hi: int) -> bool:
    """Token ``i`` is an adjective that closes a landmark's name (الدولي, الحدودي: ner_span_words.tsv)."""
    return i < hi and tokens[i].norm in news_rules._span_words().get("landmark_tail", frozenset())


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    from .. import data
    from ..text import normalize

    return frozenset(normalize(r["name"]) for r in data.read_tsv("currencies.tsv") if r.get("name"))


def _is_currency(tokens: Sequence[Token], m: Mention, currencies: frozenset[str]) -> bool:
    """A one-word name the KB does not know that is a currency (شيكل، الدينار)."""
    return not m.kb_ids and m.first == m.last and tokens[m.first].match(currencies) is not None


@lru_cache(maxsize=1)
def _one_word_org_heads() -> frozenset[str]:

    return frozenset(
        k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "org_head" and len(k) == 1
    )


def _month_names() -> frozenset[str]:
    return news_rules.time_words("months.tsv")


def _month_in_date(tokens: Sequence[Token], m: Mention) -> bool:
    """A one-word model name that is a month name in a date (أبريل (نيسان)، 8 نيسان، نيسان 2024): a month."""
    if m.kb_ids or m.first != m.last:
        return False
    months = _month_names()
    if tokens[m.first].match(months) is None:
        return False
    prev = next((t for t in reversed(tokens[max(0, m.first - 3) : m.first]) if t.kind != "punct"), None)
    nxt = next((t for t in tokens[m.last + 1 : m.last + 4] if t.kind != "punct"), None)
    return bool(
        (prev is not None and (prev.kind == "num" or prev.match(months) is not None))
        or (nxt is not None and (nxt.kind == "num" or nxt.match(months) is not None))  # نيسان (أبريل)
    )


# a name found once is found again elsewhere in the article unless the model is this sure it is not a name
PROPAGATE_MAX_P_OUT = 0.9999
PROPAGATE_TYPES = {"PER", "ORG", "LOC", "MISC"}
MAJORITY_TYPE = True


def _key(doc: Document, tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    first = tokens[m.first]
    k = m.start - first.start
    stem = first.norm
    for kk, st in first.forms:  # (a loop, not next() over a generator: this runs for every mention)
        if kk == k:
            stem = st
            break
    if m.last == m.first:
        return (stem,)
    return (stem, *[t.norm for t in tokens[m.first + 1 : m.last + 1]])


def _maqsura(tokens: Sequence[Token], first: int, last: int) -> tuple[bool, ...]:
    if first == last:
        return (tokens[first].text.endswith("ى"),)
    return tuple([t.text.endswith("ى") for t in tokens[first : last + 1]])


def _name_part(tok: Token) -> bool:
    """A word that builds a compound name with the next one (عبد، أبو، بن: given_names.tsv kind name_part)."""

    return name_words().get(tok.norm) == "name_part"


def propagate(
    doc: Document,
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
    index: StemIndex | None = None,
) -> list[Mention]:
    """Within-article consistency: the names found (and a person's surname) are looked for at their other
    occurrences, and unlinked mentions of one name take the name's majority type."""

    votes: dict[tuple[str, ...], Counter] = {}
    # matching folds ى into ي; a name ending in ي (علي) must not spread to words ending in ى (على)
    maqsura: dict[tuple[str, ...], set[tuple[bool, ...]]] = {}
    keys = [_key(doc, tokens, m) for m in mentions]
    linked: dict[tuple[str, ...], set[tuple[str, ...]]] = {}  # a name's KB ids, when every mention has one
    for m, key in zip(mentions, keys, strict=True):
        # get before setdefault: a Counter built for every mention of a known name costs more than the lookup
        c = votes.get(key)
        if c is None:
            c = votes[key] = Counter()
        c[m.type] += 1
        known = linked.get(key)  # (get first: setdefault would make a set for every mention)
        if known is None:
            known = linked[key] = set()
        known.add(m.kb_ids if len(m.kb_ids) == 1 else ())
        sigs = maqsura.get(key)
        if sigs is None:
            sigs = maqsura[key] = set()
        sigs.add(_maqsura(tokens, m.first, m.last))
        # the word after عبد / أبو / بن is no surname alone (محمد عبد السلام ... للسلام)
        if (
            m.type == "PER"
            and m.last > m.first
            and tokens[m.last].kind == "word"
            and not _name_part(tokens[m.last - 1])
        ):
            sur = (tokens[m.last].norm,)
            c = votes.get(sur)
            if c is None:
                c = votes[sur] = Counter()
            c["PER_"] += 1
            maqsura.setdefault((tokens[m.last].norm,), set()).add(_maqsura(tokens, m.last, m.last))
    cues = cue_index().phrases
    names = {k: v for k, v in votes.items() if len(k[0]) >= 3 and k not in cues}
    prefixes = {k[:i] for k in names for i in range(1, len(k))}
    firsts = {k[0] for k in names}
    taken = set()
    for m in mentions:
        taken.update(range(m.first, m.last + 1))
    added = []
    # the sentences holding a word a name begins with (others cannot hold a name)
    starts = index.starts(firsts) if index is not None else None
    for lo, hi in ranges:
        if starts is not None and bisect_left(starts, lo) == bisect_left(starts, hi):
            continue
        for i, last, k, key in match_phrases(tokens, names, prefixes, firsts, lo, hi, index):
            if not taken.isdisjoint(range(i, last + 1)) or p_out[i] > PROPAGATE_MAX_P_OUT:
                continue
            cand = _maqsura(tokens, i, last)
            if not any(all(s or not c for c, s in zip(cand, sig, strict=True)) for sig in maqsura[key]):
                continue  # ى here where every mention of the name has ي
            typ = names[key].most_common(1)[0][0].rstrip("_")
            if typ not in PROPAGATE_TYPES:
                continue
            ids = linked.get(key, {()})
            ids = next(iter(ids)) if len(ids) == 1 else ()  # فتح again after حركة [فتح]: still Fatah
            added.append(Mention(i, last, tokens[i].start + k, tokens[last].end, typ, ids, "doc"))
    for m, key in zip(mentions, keys, strict=True) if MAJORITY_TYPE else ():
        if not m.kb_ids:
            c = votes.get(key)
            if c and len(c) > 1:
                m.type = c.most_common(1)[0][0].rstrip("_")
    return mentions + added
