"""A title's body and portfolio that a head rule read as a body of its own (الممثلة العليا [للاتحاد للشؤون
الخارجية] كايا كالاس: "the EU's High Representative for Foreign Affairs"): a bare head noun right after a title,
followed by the portfolio (لـ/للـ شؤون …), belongs to the title, which becomes the person's role."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text.tokens import Token
from .cues import Cue
from .mention import Mention
from .news_rules import span_words

_PORTFOLIO = "شوون"  # شؤون, normalized: the portfolio noun after لـ (لشؤون, للشؤون)


def _portfolio(t: Token) -> bool:
    """لشؤون, للشؤون: the portfolio noun with the preposition لـ (لجنة شؤون الأسرى is a committee's name)."""
    return (
        t.kind == "word"
        and t.norm[:1] == "ل"
        and any(k and st in (_PORTFOLIO, "ال" + _PORTFOLIO) for k, st in t.forms)
    )


def without_title_portfolios(
    tokens: Sequence[Token], mentions: list[Mention], cues: dict[tuple[int, int], list[Cue]]
) -> list[Mention]:
    """``mentions`` without the unlinked bodies that are a head noun after a title and a portfolio after it."""
    suspects = [
        m
        for m in mentions
        if m.type == "ORG" and not m.kb_ids and m.last > m.first and _portfolio(tokens[m.first + 1])
    ]
    if not suspects:
        return mentions
    title_ends = {c.last for cs in cues.values() for c in cs if c.kind == "title"}
    drop = {id(m) for m in suspects if m.first - 1 in title_ends}
    return [m for m in mentions if id(m) not in drop]


def without_bare_portfolios(
    tokens: Sequence[Token], mentions: list[Mention], org_head: Callable[[Token], bool]
) -> list[Mention]:
    """``mentions`` without the unlinked bodies that are a minister's or an adviser's definite portfolio right
    after the title (وزير [الشؤون الدينية], لمستشاري [الأمن الوطني]): the title's words, not a body. A body's
    head noun (مستشار [الرئاسة الأوكرانية]) or a KB body (مستشار [الكرملين]) stays, and so does a body after
    other titles (رئيس [السلطة القضائية]). Titles: ner_span_words.tsv kind ``portfolio_title``."""
    titles = span_words("portfolio_title")
    out = []
    for m in mentions:
        if (
            m.type == "ORG"
            and not m.kb_ids
            and m.first > 0
            and m.start == tokens[m.first].start
            and tokens[m.first].norm.startswith("ال")
            and tokens[m.first - 1].end + 1 == tokens[m.first].start
            and tokens[m.first - 1].match(titles) is not None
            and not org_head(tokens[m.first])
        ):
            continue
        out.append(m)
    return out
