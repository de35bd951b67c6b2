"""Places the model missed or mistyped: after a place's head noun (بلدة كفركلا, مخيم زمزم), after a dual head
(بلدتي كفركلا وعيتا الشعب), a dateline's place and agency, a name first given after a place's head and then
bare, and a governorate's or a command's short name after its full one."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..document import Document
from ..text.tokens import Token
from . import adjust, mention_repairs, news_rules
from .cues import Cue, cue_index
from .kb import KB, StemIndex, stem_at
from .kb_names import governorate_heads
from .mention import Mention, covered_tokens, exact_kb_ids, strip_clitics
from .organizations import ORG_HEAD_MAX_P_OUT


def datelines(
    doc: Document, tokens: Sequence[Token], ranges: Sequence[tuple[int, int]], out: list[Mention], kb: KB
) -> list[Mention]:
    """The place and agency of a dateline (مسقط - (د ب أ):) are names whatever the model says."""
    hi_of = dict(ranges)
    for lo in adjust.dateline_ranges(doc.text, tokens, ranges):
        for a, b, start, ids in adjust.dateline_matches(tokens, lo, hi_of[lo], kb):
            out = [m for m in out if m.last < a or m.first > b]
            out.append(Mention(a, b, start, tokens[b].end, kb.entries[ids[0]]["type"], ids, "kb"))
    return out


_PART_HEAD_MAX_P_OUT = 0.99


def place_heads(
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

    taken = covered_tokens(mentions)
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
                        > (_PART_HEAD_MAX_P_OUT if part_head and last == c.last else ORG_HEAD_MAX_P_OUT)
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
            ids = exact_kb_ids(tokens, a, last, kb)
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
def _dual_heads() -> frozenset[str]:
    return news_rules._span_words().get("dual_head", frozenset())


def towns_of_duals(
    tokens: Sequence[Token], out: list[Mention], p_out: Sequence[float], kb: KB, index: StemIndex
) -> list[Mention]:
    """Places after a dual head noun (بلدتي كفركلا وعيتا الشعب): mention_repairs.towns_of_a_dual."""
    starts = index.starts(_dual_heads())
    if not starts:
        return []
    found = mention_repairs.towns_of_a_dual(tokens, starts, covered_tokens(out), p_out, kb)
    return [
        Mention(
            a,
            b,
            start,
            tokens[b].end,
            "LOC",
            exact_kb_ids(tokens, a, b, kb) if start == tokens[a].start else (),
            "cue",
        )
        for a, b, start in found
    ]


def place_part_head(tok: Token) -> tuple[str, int] | None:
    """(type, clitic length) of a head noun that belongs to a place's name (name_heads.tsv role part, LOC)."""
    vocab = adjust._one_word_heads().get("part", {})
    form = tok.match(vocab) if tok.kind == "word" else None
    if form is None or vocab[form[1]].type != "LOC":
        return None
    return "LOC", form[0]


def places_after_heads(tokens: Sequence[Token], mentions: list[Mention]) -> None:
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


def short_names_of_named(tokens: Sequence[Token], mentions: list[Mention], index: StemIndex) -> list[Mention]:
    """A governorate or a body's command named in full, then by its short name (محافظة الشمال … في [الشمال],
    القيادة العامة للقوات المسلحة … في [القيادة العامة]): the short name, also in a headline before, is the
    same entity."""
    commands = news_rules.span_words("command")
    governorates = governorate_heads()
    shorts: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if not m.kb_ids or m.last == m.first:
            continue
        words = tuple(t.norm for t in tokens[m.first : m.last + 1])
        head = stem_at(tokens[m.first], m.start)
        if head in governorates and m.type == "LOC":
            shorts.setdefault(words[1:], m)
        elif m.type == "ORG" and m.last > m.first + 1 and f"{head} {words[1]}" in commands:
            shorts.setdefault((head, words[1]), m)
    if not shorts:
        return mentions
    taken = covered_tokens(mentions)
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
