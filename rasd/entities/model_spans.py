"""The model's names in a sentence, from its BIO labels, cut where they run into another name: a coordinated
name (طارق السعيد [وحسن مصطفى]), a person after a body (جامعة القاهرة [حازم الدمرداش]), a place after a title
(محافظ [المفرق] سلمان النجادا) or a place with a proclitic before a person ([بالرباط] روبرت دولغر)."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.tokens import Token
from . import news_rules
from .cues import Cue
from .features import name_words
from .kb import KB
from .kb_names import division_name, one_word_place
from .organizations import org_head_word
from .person_spans import person_after_bare_head


def label_spans(labels: Sequence[str], lo: int) -> list[tuple[int, int, str]]:
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


def split_coordinated(
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


def split_person_after_body(
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
            and org_head_word(tokens[a])
            and news_rules.given_name_ending_body(tokens, a, b, hi, given)
        ):
            out += [(a, b - 1, typ), (b, b + 1, "PER")]  # جامعة القديس يوسف | كريم بيطار
        elif typ == "ORG" and person_after_bare_head(tokens, a, b, given, org_head_word):
            out.append((a + 1, b, "PER"))  # [للاتحاد] سامي الطاهري: a bare head names no body
        else:
            out.append((a, b, typ))
    return out


def split_place_after_title(
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
            and (one_word_place(tokens[a], kb) or division_name(tokens[a], kb))
            and not any(kb.entries[i]["type"] == "PER" for i in kb.names.get((tokens[a].norm,), ()))
        ):
            out += [(a, a, "LOC"), (a + 1, b, "PER")]
        elif (
            typ == "PER"
            and a - 2 in ends
            and not (out and out[-1][1] >= a - 1)
            and division_name(tokens[a - 1], kb)
        ):
            out += [(a - 1, a - 1, "LOC"), (a, b, typ)]  # محافظ المفرق [سلمان النجادا]
        else:
            out.append((a, b, typ))
    return out


def split_clitic_place(
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
    """A preposition's proclitic (ب or ل, not the future's س) on a word whose stem alone is a KB place and no
    KB person (a name may begin with a letter that reads as ك or و: كلاوس is no ك + لاوس)."""
    for k, stem in tok.forms[1:]:
        if "س" in tok.text[:k] or not ("ب" in tok.text[:k] or "ل" in tok.text[:k]):
            continue
        ids = kb.names.get((stem,), ())
        if ids and any(kb.entries[i]["type"] == "LOC" for i in ids):
            return not any(kb.entries[i]["type"] == "PER" for i in ids)
    return False
