"""Span rules around the recognizer's mentions: datelines, head nouns that belong to a place's name, a
person's name cut at a title or at a word that is never part of a name, nisba adjectives and MISC words that
are not names.

Each rule reads the text layer's tokens and the KB and returns mentions; none edits another layer's output.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.tokens import Token
from .cues import Cue, cue_index
from .features import name_words
from .kb import KB, name_key

_DASHES = frozenset("-–—ـ")


@dataclass(frozen=True, slots=True)
class Head:
    role: str  # part, kb_part, descriptor, body, class, compound, generic, time_zone: see name_heads.tsv
    type: str  # the whole's type when the KB does not know it
    keeps: frozenset[str]  # KB kinds of an inner name that the whole still is
    tail: frozenset[str]  # normalized words that may close the name


@lru_cache(maxsize=1)
def name_heads() -> dict[tuple[str, ...], Head]:
    """Head nouns around names (rasd/data/name_heads.tsv), by their normalized words."""
    from .. import data

    out = {}
    for r in data.read_tsv("name_heads.tsv"):
        key = name_key(r["head"])
        if key:
            out[key] = Head(
                r["role"],
                r.get("type") or "LOC",
                frozenset(x for x in (r.get("keeps") or "").split("|") if x),
                frozenset(name_key(x)[0] for x in (r.get("tail") or "").split("|") if name_key(x)),
            )
    return out


@lru_cache(maxsize=1)
def _one_word_heads() -> dict[str, dict[str, Head]]:
    out: dict[str, dict[str, Head]] = {}
    for key, h in name_heads().items():
        if len(key) == 1:
            out.setdefault(h.role, {})[key[0]] = h
    return out


def head_of(tok: Token, role: str) -> Head | None:
    """The head noun of ``role`` that ``tok`` is (clitics aside: لمخيم), else None."""
    vocab = _one_word_heads().get(role, {})
    form = tok.match(vocab) if tok.kind == "word" else None
    return vocab[form[1]] if form else None


@lru_cache(maxsize=1)
def name_stops() -> frozenset[str]:
    """Words that never end a person's name (ner_cues.tsv, kind ``stop``): قوله، قولها ..."""

    return frozenset(k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "stop" and len(k) == 1)


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Common nouns that are no name (ner_cues.tsv, kind ``common``): currencies, materials, the veto."""

    return frozenset(k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "common" and len(k) == 1)


def useless_misc(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A model's MISC name that is one word (دولار، اليورانيوم، الفيتو: the training corpus tags currencies,
    religions and materials as MISC) or holds a common noun (الدولار أمام الجنيه). MISC is kept where it
    names something of several words: an event, a treaty, a prize."""
    if first == last:
        return True
    common = common_nouns()
    return any(t.match(common) is not None for t in tokens[first : last + 1] if t.kind == "word")


# diacritics and tatweel that may follow a word's last letter
_MARKS_AND_TATWEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


def trim_person_span(
    tokens: Sequence[Token], a: int, b: int, titles: Sequence[Cue], kb: KB | None
) -> tuple[int, int] | None:
    """A model's person name without a title at its start (الملك [سلمان بن عبد العزيز]: titles.tsv and
    ner_cues.tsv) and without a last word that is no name: a verbal noun with its pronoun (فيصل قوله) or a
    word with the fused preposition and article (ستيفان روماتيه للتشاور). None when nothing is left."""
    for c in titles:
        if c.first == a and c.last < b:
            a = c.last + 1
    # the preposition على, which the matching normalization folds into the name علي (كتب على تويتر)
    while a <= b and tokens[a].norm == "علي" and tokens[a].text.rstrip(_MARKS_AND_TATWEEL).endswith("ى"):
        a += 1
    if a > b:
        return None
    first = tokens[a]
    if (
        first.kind == "word"
        and first.norm.startswith("لل")
        and len(first.norm) > 4
        and len(first.forms) > 1
        and first.norm not in name_words()
    ):
        # no name begins with the fused preposition and article: a body described (القائد السابق [للحرس
        # الرئاسي]), whatever follows is its adjective
        return None
    stops = name_stops()
    while b > a:
        t = tokens[b]
        if t.kind != "word":
            break
        lil = t.norm.startswith("لل") and len(t.norm) > 4 and not (kb is not None and t.norm in kb.words)
        if not lil and t.match(stops) is None and not _future_verb(t, kb):
            break
        b -= 1
    return (a, b) if any(t.kind == "word" for t in tokens[a : b + 1]) else None


def _future_verb(t: Token, kb: KB | None) -> bool:
    """A verb in the future (سيلتقي, ستعقد, سنواصل: س + a person prefix + a stem of three letters or more)
    that the KB and the given names do not know: it follows a name, it does not end one (العليمي سيلتقي)."""

    w = t.norm
    if len(w) < 5 or w[0] != "س" or w[1] not in "يتن":
        return False
    return w not in name_words() and not (kb is not None and w in kb.words)


def dateline_ranges(doc_text: str, tokens: Sequence[Token], ranges: Sequence[tuple[int, int]]) -> list[int]:
    """Token index of the first token of every line that may open with a dateline: up to three words, then a
    dash (``مسقط - (د ب أ):``, ``الجزائر - واج:``), a bracket (``واشنطن (رويترز) -``) or a comma
    (``بيروت، 12 مارس (أ ف ب) -``)."""
    out = []
    for lo, hi in ranges:
        if lo > 0 and "\n" not in doc_text[tokens[lo - 1].end : tokens[lo].start]:
            continue
        for j in range(lo + 1, min(hi, lo + 4)):
            if tokens[j].kind == "punct":
                if tokens[j].text in _DASHES or tokens[j].text in "(،,":
                    out.append(lo)
                break
    return out


def _agency(
    tokens: Sequence[Token], j: int, hi: int, kb: KB
) -> tuple[int, tuple[int, int, int, tuple]] | None:
    """An agency's name or abbreviation from token ``j`` up to a closing bracket or colon (at most four
    tokens): (index of that bracket or colon, (first, last, start, ids))."""
    end = j
    while end < hi and end - j < 4 and tokens[end].kind != "punct":
        end += 1
    if end >= hi or end == j or tokens[end].text not in "):":
        return None
    for m in kb.match(tokens, j, end):
        if m.first == j and m.last == end - 1 and kb.entries[m.ids[0]]["type"] == "ORG":
            return end, (m.first, m.last, m.start, m.ids)
    key = tuple(t.norm for t in tokens[j:end])
    abbr = _dateline_agencies().get(key)
    if abbr in kb.entries:
        return end, (j, end - 1, tokens[j].start, (abbr,))
    # an outlet's own dateline names it bare (عمّان - الغد:) where the KB names it with its class noun
    # (صحيفة الغد)
    for head in _outlet_heads():
        ids = [i for i in kb.names.get((head, *key), ()) if kb.entries[i]["type"] == "ORG"]
        if len(ids) == 1:
            return end, (j, end - 1, tokens[j].start, (ids[0],))
    return None


@lru_cache(maxsize=1)
def _outlet_heads() -> tuple[str, ...]:
    """Class nouns of news outlets (صحيفة, جريدة, وكالة, قناة, موقع): ner_span_words.tsv kind outlet_head."""
    from .news_rules import span_words

    return tuple(sorted(span_words("outlet_head")))


def dateline_matches(
    tokens: Sequence[Token], lo: int, hi: int, kb: KB
) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """KB names in a dateline, as (first, last, start, ids): the place that opens it and the agency after the
    dash or in the bracket (``مسقط - (د ب أ):``, ``واشنطن (رويترز) -``, ``بيروت، 12 مارس (أ ف ب) -``). A line
    whose place is followed by a bracket or a comma is a dateline only when an agency is found. A dateline
    country named like its capital (الجزائر, الكويت) is the capital city (الجزائر العاصمة, مدينة الكويت) when
    the KB knows one."""
    cut = next(j for j in range(lo + 1, hi) if tokens[j].kind == "punct")
    place = [
        (m.first, m.last, m.start, _capital_of(tokens, m.first, m.last, m.ids, kb))
        for m in kb.match(tokens, lo, cut)
        if m.first == lo and m.last == cut - 1 and kb.entries[m.ids[0]]["type"] == "LOC"
    ]
    if tokens[cut].text in _DASHES:
        j = cut + 1
        if place and j < hi:
            # a second place after the dash (الفاشر - بورتسودان (وكالات):, نيامي - الجزائر:)
            nxt = next((k for k in range(j + 1, min(hi, j + 4)) if tokens[k].kind == "punct"), None)
            if nxt is not None and (tokens[nxt].text in "(:" or tokens[nxt].text in _DASHES):
                for m in kb.match(tokens, j, nxt):
                    if m.first == j and m.last == nxt - 1 and kb.entries[m.ids[0]]["type"] == "LOC":
                        place.append(
                            (m.first, m.last, m.start, _capital_of(tokens, m.first, m.last, m.ids, kb))
                        )
                        j = nxt + 1 if tokens[nxt].text in _DASHES else nxt
                        break
        # a date of numbers between dashes before the agency (سنغافورة - 1 - 6 (كونا) --)
        while j < hi and j - cut < 8 and (tokens[j].kind == "num" or tokens[j].text in _DASHES):
            j += 1
        if j < hi and tokens[j].text == "(":
            j += 1
        agency = _agency(tokens, j, hi, kb) if j < hi else None
        return place + ([agency[1]] if agency else [])
    # a bracket or a comma after the place: the agency's bracket comes within a date's reach, then a dash or :
    for j in range(cut, min(hi, cut + 8)):
        if tokens[j].text == "(" and j + 1 < hi:
            agency = _agency(tokens, j + 1, hi, kb)
            if (
                agency
                and agency[0] + 1 < hi
                and (tokens[agency[0] + 1].text in _DASHES or tokens[agency[0] + 1].text == ":")
            ):
                return place + [agency[1]]
            return []
    return []


@lru_cache(maxsize=1)
def _dateline_agencies() -> dict[tuple[str, ...], str]:
    """Agency abbreviations read only in datelines (rasd/data/dateline_agencies.tsv)."""
    from .. import data

    return {name_key(r["abbreviation"]): r["kb_id"] for r in data.read_tsv("dateline_agencies.tsv")}


def _capital_of(tokens: Sequence[Token], a: int, b: int, ids: tuple[str, ...], kb: KB) -> tuple[str, ...]:
    if not any(kb.entries[i].get("kind") == "country" for i in ids):
        return ids
    key = tuple(t.norm for t in tokens[a : b + 1])
    for cand in ((*key, "العاصمه"), ("مدينه", *key)):
        city = [i for i in kb.names.get(cand, ()) if kb.entries[i].get("kind") in ("capital", "city")]
        if city:
            return (city[0],)
    return ids


def nisba_after_noun(tokens: Sequence[Token], first: int, last: int, taken: set[int], kb: KB | None) -> bool:
    """A one-word place that is a nisba agreeing with the definite feminine or plural noun before it
    (العاصمة السعودية, السفارة السعودية, القوات الأميركية): an adjective, not the country."""
    if kb is None or first != last or first == 0:
        return False
    tok, prev = tokens[first], tokens[first - 1]
    if tok.kind != "word" or prev.kind != "word" or first - 1 in taken or prev.end != tok.start - 1:
        return False
    if not tok.norm.startswith("ال") or tok.norm not in kb.demonyms:
        return False
    stem = prev.forms[-1][1] if prev.forms else prev.norm
    noun = next((s for _, s in prev.forms if s.startswith("ال")), stem)
    return noun.startswith("ال") and (noun.endswith("ه") or noun.endswith("ات")) and (noun,) not in kb.names


def place_head(
    tokens: Sequence[Token],
    first: int,
    last: int,
    typ: str,
    kb_ids: tuple[str, ...],
    taken: set[int],
    kb: KB | None,
) -> tuple[int, int, str, tuple[str, ...]] | None:
    """A name after a head noun that belongs to it (name_heads.tsv: مخيم زمزم, ميناء جيهان, دولة فلسطين, مطار
    هواري بومدين الدولي): (head index, last index, type, ids) of the whole place, else None. The inner link
    stays where the KB entry is of a kind the head names (دولة فلسطين is Palestine), else it goes (مطار هواري
    بومدين is not the president)."""
    if first == 0 or first - 1 in taken:
        return None
    head_tok = tokens[first - 1]
    if head_tok.end != tokens[first].start - 1:
        return None
    h = head_of(head_tok, "part")
    if h is None or h.type != "LOC":
        return None
    entries = [kb.entries[i] for i in kb_ids] if kb is not None else []
    if typ == "PER" and h.keeps & {"country", "territory", "region"}:
        return None  # دولة الرئيس: an honorific before a person
    kept = tuple(e["id"] for e in entries if e.get("kind") in h.keeps)
    end = last
    if end + 1 < len(tokens) and end + 1 not in taken and tokens[end + 1].norm in h.tail:
        end += 1
    return first - 1, end, (entries[0]["type"] if kept else h.type), kept


def short_conjunct_matches(
    tokens: Sequence[Token], lo: int, hi: int, kb: KB
) -> list[tuple[int, int, int, tuple]]:
    """KB names of several words whose first word has two letters after a proclitic (وأم درمان, لسد النهضة):
    the tokenizer does not strip a clitic off a three-letter word, so the KB walk misses them. As (first,
    last, start, key)."""
    out = []
    for i in range(lo, hi - 1):
        t = tokens[i]
        if t.kind != "word" or len(t.norm) != 3 or t.norm[0] not in "وفبلك":
            continue
        key: tuple[str, ...] = (t.norm[1:],)
        found, j = None, i
        while key in kb.prefixes and j + 1 < hi:
            j += 1
            key = (*key, tokens[j].norm)
            if key in kb.names:
                found = (j, key)
        if found and len(t.forms) == 1:  # only where the tokenizer offered no reading without the clitic
            k = 1  # the stem starts after the clitic and any marks on it (وَأم)
            while k < len(t.text) - 1 and (unicodedata.category(t.text[k]) == "Mn" or t.text[k] == "ـ"):
                k += 1
            out.append((i, found[0], t.start + k, found[1]))
    return out


@lru_cache(maxsize=1)
def _time_standards() -> frozenset[tuple[str, ...]]:
    """Names of UTC in the time layer's time_zones.tsv (غرينتش, ت غ): a time standard, not a place."""
    from .. import data

    try:
        return frozenset(
            name_key(r["name"]) for r in data.read_tsv("time_zones.tsv") if r.get("zone") == "UTC"
        )
    except Exception:  # the time layer's file: never let its format break us
        return frozenset()


def time_standard(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A place name right after توقيت that names UTC (بتوقيت غرينتش); بتوقيت بيروت keeps Beirut."""
    if first == 0 or head_of(tokens[first - 1], "time_zone") is None:
        return False
    return tuple(t.norm for t in tokens[first : last + 1]) in _time_standards()
