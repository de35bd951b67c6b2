"""One sentence's mentions: the sequence model's names combined with the knowledge base's matches.

A KB match is taken when the model does not find it clearly outside a name (common words that are also
aliases stay out), and a person's full name from the KB always. A model name that a KB match lies
inside (جامعة القاهرة around القاهرة) wins over it; otherwise the KB match wins. Proclitics are left out of
a mention's span (لأوكرانيا -> أوكرانيا).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from . import adjust, model, news_rules
from .cues import Cue, cue_index
from .features import name_words
from .kb import KB, KBMatch, name_key, stem_at
from .kb_names import (
    after_taken_place,
    division_as_named,
    division_ids,
    generic_name,
    maqsura_kb_word,
    one_word_place,
    to_place,
    trim_kb,
    untitled_match,
    with_short_conjuncts,
)
from .mention import Mention, exact_kb_ids, strip_clitics
from .model_spans import (
    label_spans,
    split_clitic_place,
    split_coordinated,
    split_person_after_body,
    split_place_after_title,
)
from .person_spans import not_a_person_name, without_indefinite_title
from .whole_names import (
    another_body_of_same_words,
    conjunct_reading,
    extends_over_common_noun,
    keeps_whole_body,
    place_first,
)

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
# (a one-word name shaped like an adjective keeps the general bar: مالي "financial", ملاوي)
# the model's longer name replaces a KB name only where its extra words are names with this P(outside) at most
_EXTEND_MAX_P_OUT = 0.3
# ... or this, where the model's person adds a surname (no definite word, no KB name) to a KB person's name
_EXTEND_PERSON_MAX_P_OUT = 0.5
# the model's shorter name inside a KB name replaces it where the KB name's other words have at least this
# P(outside): the model keeps head nouns and epithets out (حركة [حماس], [مكة] المكرمة) as its corpus does
_SHRINK_MIN_P_OUT = 0.5
_SHRINK_MAX_WORDS = 2  # ... and where those other words are this few (a head noun, an epithet, a nisba)


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
            kb_matches = with_short_conjuncts(tokens, lo, hi, kb, kb_matches)
    if cues is None:
        cues = cue_index().match(tokens, lo, hi)
    if tagged is None:
        tagged = model.tag(tokens[lo:hi], kb, kb_matches=kb_matches, cue_matches=cues, offset=lo)
    labels, p_out = tagged
    if p_out_all is not None:
        p_out_all[lo:hi] = p_out
    as_tagged = label_spans(labels, lo)
    model_spans = split_coordinated(tokens, as_tagged, kb)
    model_spans = split_person_after_body(tokens, model_spans, kb, hi)
    all_titles = [c for c in cues if c.kind == "title"]
    if all_titles and kb is not None:
        model_spans = split_place_after_title(tokens, model_spans, kb, all_titles)
    if kb is not None:
        model_spans = split_clitic_place(tokens, model_spans, kb)
    model_spans = [
        (ab[0], ab[1], t)
        for a, b, t in model_spans
        if (ab := (_trim_person(tokens, a, b, all_titles, kb) if t == "PER" else (a, b)))
        and not (t == "PER" and news_rules.not_a_person(tokens, ab[0], ab[1]))
        and not (t == "PER" and not_a_person_name(tokens, ab[0], ab[1], lo, kb))
        and not (a == b and kb is not None and maqsura_kb_word(tokens[a], kb))
    ]
    taken: list[Mention] = []
    titles = [c for c in all_titles if c.last > c.first]
    reach = -1  # the last token of a KB name grown past its match (الشيخ مشعل -> مشعل الأحمد الجابر الصباح)
    for m in kb_matches:
        if m.first <= reach:
            continue
        several = m.last > m.first and not generic_name(tokens, m)  # as matched: جهاز الموساد before the trim
        m = news_rules.without_epithet(tokens, trim_kb(tokens, m, kb), kb)
        m = place_first(tokens, untitled_match(tokens, m, hi, all_titles, kb), kb, lo)
        reach = m.last
        if another_body_of_same_words(tokens, m, kb, hi):
            continue  # مجلس التعاون [الاستراتيجي]: not the GCC
        m = conjunct_reading(tokens, m, kb, taken)  # في الرياض [و]جدة: Jeddah, not Oujda
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
        if e["type"] == "LOC" and not adjective and m.first > lo and to_place(tokens[m.first - 1]):
            bar = max(bar, _KB_MAX_P_OUT_AFTER_PREP)  # السفر إلى مصراتة: a place where a place is expected
        elif e["type"] == "LOC" and not adjective and after_taken_place(tokens, m, taken):
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
            and (a, b, typ) in as_tagged  # not a part of a coordination the model tagged as one name
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
            if adjust.head_of(tokens[a], "descriptor") or (
                tokens[a].match(news_rules.span_words("class_before_foreign")) is not None
                and overlapping[0].type == "ORG"
                and (b == a + 1 or not tokens[a + 1].norm.startswith("ال"))
            ):
                continue  # a descriptor stays out of the name after it (حركة [فتح], شركة [إيني])
        if typ == "PER" and any(
            m.type == "PER" and m.last > m.first and not _longer_person(tokens, a, b, m, kb)
            for m in overlapping
        ):
            continue  # a person's full name from the KB stands (رياض منصور, not رياض منصور الفيتو)
        covered = {j for m in overlapping for j in range(m.first, m.last + 1)}
        bar = _EXTEND_MAX_P_OUT
        if typ == "PER" and all(m.type == "PER" and _longer_person(tokens, a, b, m, kb) for m in overlapping):
            bar = _EXTEND_PERSON_MAX_P_OUT  # a surname after a KB person's name ([مبارك] مصطفى)
        if overlapping and any(p_out[j - lo] > bar for j in range(a, b + 1) if j not in covered):
            continue  # the model stretches a KB name over words it is unsure of (الكرملين أي)
        if overlapping and extends_over_common_noun(tokens, a, b, covered):
            continue  # ... or over a common noun (أدانت [الرئاسة الفلسطينية] الفيتو)
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
        ids = division_ids(tokens[a], kb) if typ == "LOC" and a == b and not k and kb is not None else ()
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, typ, ids, "kb" if ids else "model"))
    return out


def _trim_person(
    tokens: Sequence[Token], a: int, b: int, titles: Sequence[Cue], kb: KB | None
) -> tuple[int, int] | None:
    """adjust.trim_person_span, then without a closing indefinite title (نايف السديري [سفيرا])."""
    ab = adjust.trim_person_span(tokens, a, b, titles, kb)
    return None if ab is None else (ab[0], without_indefinite_title(tokens, ab[0], ab[1]))


_NASAB = frozenset({"بن", "ابن", "بنت"})


def _longer_person(tokens: Sequence[Token], a: int, b: int, m: Mention, kb: KB | None) -> bool:
    """Whether the model's person ``a..b`` around the KB person ``m`` is another, longer name: a nasab ending in
    it (أحمد بن [محمد بن راشد آل مكتوم] is the son), or a surname after it that is no definite word and no KB
    name ([جان بيير] رافاران is not Karine Jean-Pierre; the model's longer names passed the extension bar)."""
    if a < m.first and b >= m.last and tokens[m.first - 1].norm in _NASAB:
        return True
    return (
        a == m.first
        and b > m.last
        and all(
            t.kind == "word"
            and not t.norm.startswith("ال")
            and (kb is None or (t.norm,) not in kb.names)
            and t.match(news_rules.span_words("not_complement")) is None
            for t in tokens[m.last + 1 : b + 1]
        )
    )


def _name_word(tok: Token, kb: KB | None, cues: Sequence[Cue]) -> bool:
    """A word names are made of: a KB name's word, a given name or particle, or a cue word (a head noun, a
    title)."""

    if tok.kind != "word":
        return True
    words = name_words()
    firsts = cue_index().first_words
    return any(st in words or st in firsts or (kb is not None and st in kb.words) for _, st in tok.forms)


@lru_cache(maxsize=1)
def _compass_nisbas() -> frozenset[str]:
    """The compass adjectives that close a place's name (ner_span_words.tsv kind compass_adjective), with and
    without the article and ة, normalized."""
    directions = news_rules.span_words("compass_adjective")
    return frozenset(f"{a}{d}{e}" for a in ("ال", "") for d in directions for e in ("", "ه"))


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
            or keeps_whole_body(tokens, m.first, m.last, m.type, inner, rest)
        ):
            out.append(m)
            continue
        if kb is not None and canonical_name(tokens, m, kb, m.first in rest):
            out.append(m)  # the KB's own name of the entity (مكة المكرمة, المنطقة الخضراء) stands
            continue
        inner_ids = [exact_kb_ids(tokens, a, b, kb) for a, b, _ in inner]
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
            or any(one_word_place(tokens[j], kb) for j in rest)
            or division_as_named(tokens, m, kb)
        ):
            # the words left out name a place themselves (ريف [حماة]), or the model cut the name in two
            # (ولاية [سيدي] [بوزيد]): the model is confused
            out.append(m)
            continue
        if rest == [m.last] and m.type == "LOC" and tokens[m.last].norm in _compass_nisbas():
            # a place's KB name closed by a direction (بحر الصين [الجنوبي], السودان [الجنوبي] is no name of
            # its own): the model often leaves the adjective out, the KB name stands
            out.append(m)
            continue
        if any(adjust.head_of(tokens[j], "part") or adjust.head_of(tokens[j], "kb_part") for j in rest):
            # the head noun belongs to the name (قصر بعبدا, قوات سوريا الديمقراطية, جماعة الحوثي, مكتب الأمم
            # المتحدة لتنسيق الشؤون الإنسانية)
            out.append(m)
            continue
        if (
            rest == [m.first]
            and not inner_ids[0]
            and tokens[m.first].match(news_rules.span_words("division_head")) is not None
        ):
            # a region the KB names with its class noun only, whose rest alone is a common word (منطقة
            # [القبائل] "the tribes"): the KB name stands; منطقة [حلايب] gives way, حلايب is a name itself
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


def canonical_name(tokens: Sequence[Token], m: Mention, kb: KB, head_left_out: bool) -> bool:
    """The mention spells the canonical name (not an alias) of one of its KB entries and does not begin with
    an indefinite head noun in construct, which mentions leave out (جزيرة [قشم], مدينة [الزاوية], حركة [حماس],
    where writers split): an epithet after the name (مكة المكرمة) or a definite first word (المنطقة الخضراء)
    belongs to it. ``head_left_out``: the model's shorter name leaves the first word out."""
    first = stem_at(tokens[m.first], m.start)
    if head_left_out and not first.startswith("ال"):
        return False
    key = (first, *(t.norm for t in tokens[m.first + 1 : m.last + 1]))
    return any(name_key(kb.entries[i]["name"]) == key for i in m.kb_ids)
