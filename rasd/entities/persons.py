"""People the model missed or misread: a person named after a title and its body (مدير مركز البيان في بغداد
[...]), a given name alone after a preposition that is a common word, and a surname that takes the link of the
person of the article who bears it."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Sequence

from ..text.tokens import Token
from . import news_rules
from .cues import Cue, cue_index
from .features import name_words
from .kb import KB, name_key, per_kb
from .mention import Mention, bare_word, covered_tokens
from .organizations import org_head_word


def persons_after_titled_bodies(
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
    taken = covered_tokens(mentions)
    by_first = {m.first: m for m in mentions if m.type in ("ORG", "LOC")}
    # one-word persons found alone: unlinked, or linked by a KB person's bare surname (a given name before it
    # that the KB does not pair with it makes another person: يوهانا [كلاين])
    by_person = {
        m.first: m
        for m in mentions
        if m.type == "PER" and m.first == m.last and (not m.kb_ids or _by_surname(m, kb))
    }
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
            and not (
                news_rules.nisba_shaped(tokens[c.last + 1].norm)
                and not news_rules.extra_org_head(tokens[c.last + 1].norm)  # المفوضية is a body, no nisba
            )
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


@per_kb
def _named_in_full(kb: KB) -> frozenset[str]:
    """The KB people whose (canonical) name has more than one word."""
    return frozenset(i for i, e in kb.entries.items() if e["type"] == "PER" and len(name_key(e["name"])) > 1)


def _by_surname(m: Mention, kb: KB | None) -> bool:
    """A one-word person linked to KB people whose names all have more words (a surname alone)."""
    return kb is not None and _named_in_full(kb).issuperset(m.kb_ids)


def _headed_body(tokens: Sequence[Token], i: int, by_first: dict[int, Mention]) -> Mention | None:
    """An organization head at ``i`` before a body's name (لوزارة [البيشمركة]): the two as one body."""
    inner = by_first.get(i + 1)
    if inner is None or i >= len(tokens) or not org_head_word(tokens[i]):
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


_PREPOSITIONS = frozenset("في من الي علي عن".split())


def lone_given_names(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
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


def surnames_of_named(tokens: Sequence[Token], mentions: list[Mention]) -> None:
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
        owners = full.get(bare_word(tokens, m), set())
        if len(owners) == 1:
            m.kb_ids = next(iter(owners))


_SURNAME_MAX_P_OUT = 0.995  # how sure the model may be that a compound given name's next word is no name


def surnames_after_compound_given_names(
    tokens: Sequence[Token], mentions: list[Mention], p_out: Sequence[float]
) -> list[Mention]:
    """A titled person the model named by a compound given name only (رئيس حزب الوفد [عبد السند] يمامة., الباحث في
    مركز … [عبد الرحمن] ورسمة إن …): right after a body's or a place's name, the next word is the surname where
    the name ends there (punctuation or a particle follows it), it is no particle, cue or definite word, and the
    model gives it some chance of a name. A compound given name alone after a body is rarely a whole name;
    after an honorific it is (الملك عبد الله), and those the rule leaves alone (no body before them)."""
    given = name_words()
    ends = {m.last for m in mentions if m.type in ("ORG", "LOC")}
    taken = covered_tokens(mentions)
    firsts = cue_index().first_words
    out = []
    for m in mentions:
        j = m.last + 1
        if (
            m.type == "PER"
            and not m.kb_ids
            and m.last == m.first + 1
            and m.first - 1 in ends
            and given.get(tokens[m.first].norm) == "name_part"
            and tokens[m.first].norm == "عبد"
            and j < len(tokens)
            and j not in taken
            and tokens[j].kind == "word"
            and tokens[j].start == tokens[m.last].end + 1
            and not tokens[j].norm.startswith("ال")
            and not news_rules.particle(tokens[j])
            and tokens[j].norm not in firsts
            and p_out[j] <= _SURNAME_MAX_P_OUT
            and (j + 1 == len(tokens) or tokens[j + 1].kind != "word" or news_rules.particle(tokens[j + 1]))
        ):
            m = Mention(m.first, j, m.start, tokens[j].end, "PER", (), "cue")
            taken.add(j)
        out.append(m)
    return out
