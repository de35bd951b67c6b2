"""Span rules over the whole article's mentions: months in dates and currencies (no places or bodies), a body's
bracketed abbreviation, the last span rules (a head joins its place, a nisba after a noun is no country, a time
standard, useless MISC) and mention_repairs' last repairs with the heads they need."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from . import adjust, mention_repairs, news_rules
from .cues import cue_index, one_word_titles
from .features import name_words
from .kb import KB
from .kb_names import epithet_alias, generic_name
from .mention import Mention, bare_word, covered_tokens, strip_clitics
from .organizations import force_heads, org_head_word
from .places import place_part_head


def _month_names() -> frozenset[str]:
    return news_rules.time_words("months.tsv")


def month_in_date(tokens: Sequence[Token], m: Mention) -> bool:
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


@lru_cache(maxsize=1)
def currency_names() -> frozenset[str]:
    from .. import data
    from ..text import normalize

    return frozenset(normalize(r["name"]) for r in data.read_tsv("currencies.tsv") if r.get("name"))


def is_currency(tokens: Sequence[Token], m: Mention, currencies: frozenset[str]) -> bool:
    """A one-word name the KB does not know that is a currency (شيكل، الدينار)."""
    return not m.kb_ids and m.first == m.last and tokens[m.first].match(currencies) is not None


_ABBREVIATION_MAX_P_OUT = 0.99


def bracketed_abbreviations(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, p_out: Sequence[float]
) -> list[Mention]:
    """A one-word name in brackets right after a linked body's name is its abbreviation (الحركة الدستورية
    الإسلامية (حدس)): it takes the body's link and type, so both are one entity; the KB does not know the
    abbreviation, so the model may have left it out, and its other mentions in the article too. The word must
    be no definite, common or cue word, month or weekday, and the model give it some chance of a name."""

    starts = {m.first: m for m in mentions}
    taken = covered_tokens(mentions)
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
        abbreviations[bare_word(tokens, m)] = m
    if not abbreviations:
        return mentions
    for m in mentions:
        if not m.kb_ids and m.first == m.last and (a := abbreviations.get(bare_word(tokens, m))):
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


def last_span_rules(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, line_starts: frozenset[int] = frozenset()
) -> list[Mention]:
    """Last span rules: a head noun joins its place's name (مخيم زمزم); a nisba after a definite noun is no
    country (العاصمة السعودية); a time standard after توقيت is no place (غرينتش); MISC names the KB does not
    know are dropped when they are one word or hold a common noun (دولار، اليورانيوم، الفيتو) — MISC is kept
    for names of several words (events, treaties, prizes) and KB entries."""
    taken = covered_tokens(mentions)
    out = []
    for m in mentions:
        if m.type == "MISC" and not m.kb_ids and adjust.useless_misc(tokens, m.first, m.last):
            continue
        if (
            m.type == "ORG"
            and m.kb_ids
            and m.last > m.first
            and kb is not None
            and generic_name(tokens, m)
            and epithet_alias(tokens, m, kb)
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
            # a landmark named after another (فندق [قصر كوبورغ]): the outer head too
            outer = ext and adjust.place_head(tokens, ext[0], ext[1], ext[2], ext[3], taken, kb)
            if outer:
                ext = outer
            if ext is not None:
                a, b, typ, ids = ext
                k = strip_clitics(tokens[a], kb)
                m = Mention(a, b, tokens[a].start + k, tokens[b].end, typ, ids, "kb" if ids else "model")
                taken.update(range(a, b + 1))
        out.append(m)
    return out


@lru_cache(maxsize=1)
def quote_heads() -> frozenset[str]:
    return news_rules._span_words().get("quote_head", frozenset())


def with_last_repairs(tokens: Sequence[Token], out: list[Mention], kb: KB) -> list[Mention]:
    """mention_repairs.repair with this module's head predicates."""

    return mention_repairs.repair(
        tokens,
        out,
        kb,
        name_words(),
        org_head_word,
        place_part_head,
        force_heads(),
        _cue_first_words(),
        one_word_titles(),
    )


@lru_cache(maxsize=1)
def _cue_first_words() -> frozenset[str]:

    return frozenset(cue_index().first_words)
