"""Bodies the model missed or cut short, found from head nouns and cues: a head noun with its complements
(المحكمة العليا), a body in a title (رئيس [مجلس النواب]), a body named after a place (جامعة قطر), a body's
tail (مركز صنعاء [للدراسات الاستراتيجية]), bodies the KB names with a nisba written without it, outlets after
a reporting verb, parties named by nisbas, operations commands, state services and courts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from . import adjust, news_rules
from .cues import Cue, cue_index
from .kb import KB, StemIndex
from .kb_names import place_class
from .mention import Mention, covered_tokens, exact_kb_ids, strip_clitics


def bare_bodies(
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
    taken = covered_tokens(out)
    found = []
    for lo, hi in ranges:
        titles = [c for c in cues.get((lo, hi), ()) if c.kind == "title"]
        for a, b, start, ids in news_rules.bare_bodies(tokens, lo, hi, taken, kb, index, titles):
            found.append(Mention(a, b, start, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return found


@lru_cache(maxsize=1)
def force_heads() -> frozenset[str]:
    """Organization heads that do not make a place's name a body's (قوات, جيش: ner_span_words.tsv kind
    force_head): armies are named by nisba (قوات روسيا is rare)."""
    return news_rules.span_words("force_head")


def bodies_of_places(
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
    taken = covered_tokens(out)
    forces = force_heads()
    for lo, hi in ranges:
        for c in cues.get((lo, hi), ()):
            if c.kind not in ("org_head", "place_org_head") or c.first != c.last or c.first in taken:
                continue
            head = tokens[c.first]
            if head.norm in forces or head.norm.startswith("ال"):
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
            if m.last > m.first and place_class(tokens[m.first]):
                continue  # مركز [مدينة الموصل] is the city's centre: a place named with its class noun
            ids = exact_kb_ids(tokens, c.first, m.last, kb)
            k = strip_clitics(head, kb)
            out = [x for x in out if x is not m]
            out.append(Mention(c.first, m.last, head.start + k, m.end, "ORG", ids, "kb" if ids else "cue"))
            taken.add(c.first)
    return out


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
        and w not in _not_complements()
        and not news_rules.nisba_shaped(w)
        and not place_class(tok)
        and not any(adjust.head_of(tok, role) for role in ("part", "kb_part", "compound"))
    )


def org_head_word(tok: Token) -> bool:
    """An organization head noun (ner_cues.tsv and ner_span_words.tsv), clitics aside."""
    return tok.kind == "word" and any(
        st in _one_word_org_heads() or news_rules.extra_org_head(st) for _, st in tok.forms
    )


@lru_cache(maxsize=1)
def _one_word_org_heads() -> frozenset[str]:

    return frozenset(
        k[0] for k, (kind, _) in cue_index().phrases.items() if kind == "org_head" and len(k) == 1
    )


@lru_cache(maxsize=1)
def _not_complements() -> frozenset[str]:
    """Function words that never complement an organization head noun (ner_span_words.tsv kind
    not_complement, normalized: إن/أن -> ان, على -> علي)."""
    return news_rules.span_words("not_complement")


ORG_HEAD_MAX_P_OUT = 0.9


@lru_cache(maxsize=1)
def _one_word_cue_kinds() -> dict[tuple[str, ...], str]:
    """The kind of each one-word cue (ner_cues.tsv): النائب -> title."""
    return {k: kind for k, (kind, _) in cue_index().phrases.items() if len(k) == 1}


def org_heads(
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

    taken = covered_tokens(mentions)
    out = []
    heads = _one_word_org_heads()
    titles = _one_word_cue_kinds()
    particles = _not_complements()
    forces = force_heads()
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
                    ids = exact_kb_ids(tokens, a, c.last, kb)
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
                if t.norm in particles or t.norm in news_rules.span_words("affiliated"):
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
                and tokens[c.first].norm not in forces
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
                    min(p_out[c.first : last + 1]) > ORG_HEAD_MAX_P_OUT
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


def body_tails(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    cues: dict[tuple[int, int], list[Cue]],
) -> list[Mention]:
    """Bodies the KB does not know, cut short of their complements (مركز صنعاء | للدراسات الاستراتيجية):
    an unlinked ORG mention that begins with an organization head noun runs on over them
    (news_rules.body_tail)."""
    heads = {c.first for r in ranges for c in cues.get(r, ()) if c.kind == "org_head" and c.first == c.last}
    forces = force_heads()
    bodies = {
        id(m)
        for m in mentions
        if m.type == "ORG" and not m.kb_ids and m.first in heads and tokens[m.first].norm not in forces
    }
    if not bodies:
        return mentions
    taken = covered_tokens(mentions)
    starts = [lo for lo, _ in ranges]
    out = []
    for m in mentions:
        if id(m) in bodies:
            lo, hi = ranges[max(0, bisect_right(starts, m.last) - 1)]
            end = news_rules.body_tail(
                tokens, m.last, hi if lo <= m.last < hi else m.last + 1, taken, m.first
            )
            if end > m.last:
                taken.update(range(m.last + 1, end + 1))
                m = Mention(m.first, end, m.start, tokens[end].end, m.type, m.kb_ids, m.source)
        out.append(m)
    return out


def with_extra_heads(
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


def outlets_told(
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
    taken = covered_tokens(mentions)
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
            ids = exact_kb_ids(tokens, a, b, kb) or news_rules.outlet_ids(tokens, a, b, kb)
            out.append(Mention(a, b, tokens[a].start, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return out


def party_names(
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
        ids = exact_kb_ids(tokens, a, b, kb)
        k = strip_clitics(tokens[a], kb)
        out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
    return out


def _two_word_phrase_starts(
    kind: str, index: StemIndex
) -> tuple[frozenset[str], frozenset[str], list[int]] | None:
    """The phrases of a ner_span_words.tsv kind, their first words, and where those first words stand in the
    article; None when the kind is empty or no first word occurs."""
    phrases = news_rules.span_words(kind)
    if not phrases:
        return None
    firsts = frozenset(p.split()[0] for p in phrases)
    starts = index.starts(firsts)
    return (phrases, firsts, starts) if starts else None


def operations_commands(tokens: Sequence[Token], mentions: list[Mention], index: StemIndex) -> list[Mention]:
    """A military operations command (ner_span_words.tsv kind ``ops_command``): its two words and the place it
    covers (قيادة عمليات [الأنبار], the place inside the body's name). One word alone (قيادة) is too often
    "driving" or "leadership", and a definite complement too (تولى قيادة العمليات العسكرية)."""
    found = _two_word_phrase_starts("ops_command", index)
    if found is None:
        return mentions
    phrases, firsts, starts = found
    by_first = {m.first: m for m in mentions}
    taken = covered_tokens(mentions)
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


def state_services(
    tokens: Sequence[Token], mentions: list[Mention], kb: KB | None, index: StemIndex
) -> list[Mention]:
    """A state service named by two words (ner_span_words.tsv kind ``service``: حرس الحدود, خفر السواحل) and
    the nisba of its state if one follows (حرس الحدود [الأوكراني]): one body, whatever the model says; names the
    model found inside it give way."""
    found = _two_word_phrase_starts("service", index)
    if found is None:
        return mentions
    phrases, firsts, starts = found
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


def named_bodies(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    kb: KB | None,
    index: StemIndex | None = None,
) -> list[Mention]:
    """Courts and courts royal named by their adjective (news_rules.named_bodies)."""
    if index is not None and not index.starts(adjust._one_word_heads().get("named_body", {})):
        return []
    taken = covered_tokens(mentions)
    out = []
    for lo, hi in ranges:
        for a, b in news_rules.named_bodies(tokens, lo, hi, taken, index):
            ids = exact_kb_ids(tokens, a, b, kb)
            k = strip_clitics(tokens[a], kb)
            out.append(Mention(a, b, tokens[a].start + k, tokens[b].end, "ORG", ids, "kb" if ids else "cue"))
            taken.update(range(a, b + 1))
    return out
