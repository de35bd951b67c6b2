"""Bodies named by a definite head noun and adjectives, which the model and the head rules leave out because
each word alone is common (ner_span_words.tsv kinds supreme_head/supreme, command_head/command_region):

- a "supreme" body with its لل- complement: المجلس الأعلى للأمن, المجلس الأعلى للقضاء, اللجنة العليا للانتخابات
  (the complement's own definite adjectives go with it: للأمن القومي);
- a regional military command: القيادة الجنوبية, القيادة العسكرية الجنوبية الأوكرانية (a regional adjective
  among up to three adjectives, the last maybe the state's nisba). القيادة السياسية ("the political
  leadership") has no regional adjective and stays a description.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from .kb import KB, StemIndex
from .mention import Mention, covered_tokens, exact_kb_ids, strip_clitics
from .news_rules import nisba_shaped, span_words


def _adjective(t: Token) -> bool:
    return t.kind == "word" and nisba_shaped(t.norm)


def _supreme_end(tokens: Sequence[Token], i: int, hi: int) -> int | None:
    """The last token of a supreme body's name whose head is token ``i``, else None."""
    j = i + 1
    if j + 1 >= hi or tokens[j].norm not in span_words("supreme"):
        return None
    lil = tokens[j + 1]
    if lil.kind != "word" or not lil.norm.startswith("لل") or len(lil.norm) < 5:
        return None
    end = j + 1
    while end + 1 < hi and end - j < 3 and _adjective(tokens[end + 1]):
        end += 1  # للأمن [القومي]
    return end


def _command_end(tokens: Sequence[Token], i: int, hi: int) -> int | None:
    """The last token of a regional command's name whose head is token ``i``, else None."""
    regions = span_words("command_region")
    end, regional = i, False
    while end + 1 < hi and end - i < 3 and _adjective(tokens[end + 1]):
        end += 1
        regional = regional or tokens[end].norm in regions
    return end if regional else None


def _named_before(tokens: Sequence[Token], i: int, end: int, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The KB body named in full earlier whose name this one opens (القيادة المركزية after القيادة المركزية
    الأميركية)."""
    words = [t.norm for t in tokens[i : end + 1]]
    for m in mentions:
        if m.first >= i:
            break
        n = m.last - m.first + 1
        if m.type == "ORG" and len(m.kb_ids) == 1 and n > len(words):
            if [t.norm for t in tokens[m.first : m.first + len(words)]] == words:
                return m.kb_ids
    return ()


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    heads = dict.fromkeys(span_words("supreme_head"), "supreme")
    heads.update(dict.fromkeys(span_words("command_head"), "command"))
    return heads


def adjective_bodies(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    kb: KB | None,
    index: StemIndex,
) -> list[Mention]:
    """The mentions with the bodies above added where no mention covers their words."""
    heads = _heads()
    starts = index.starts(heads)
    if not starts:
        return mentions
    taken = covered_tokens(mentions)
    his = [hi for _, hi in ranges]
    los = [lo for lo, _ in ranges]
    out = list(mentions)
    r = 0
    for i in starts:
        t = tokens[i]
        form = t.match(heads)
        if form is None or i in taken:
            continue
        while r + 1 < len(los) and los[r + 1] <= i:
            r += 1
        hi = his[r]
        end = (_supreme_end if heads[form[1]] == "supreme" else _command_end)(tokens, i, hi)
        if end is None or taken.intersection(range(i, end + 1)):
            continue
        k = strip_clitics(t, kb)
        ids = exact_kb_ids(tokens, i, end, kb) or _named_before(tokens, i, end, mentions)
        out.append(Mention(i, end, t.start + k, tokens[end].end, "ORG", ids, "cue"))
        taken.update(range(i, end + 1))
    out.sort(key=lambda m: m.start)
    return out
