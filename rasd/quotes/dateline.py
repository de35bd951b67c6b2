"""A dateline opening a paragraph (بغداد - رووداو:، القاهرة - (د ب أ):، واشنطن (رويترز) -، بيروت، 12 مارس (أ ف ب)
--): the place and the agency that filed the story. The agency reports the whole article; it is never the subject
of the sentence after it, so the sentence is read from the first token after the dateline."""

from __future__ import annotations

from bisect import bisect_left

from .context import Context

DASHES = frozenset("-–—ـ")
MAX_PLACE = 3  # words of the place (الدار البيضاء، أبو ظبي)
MAX_AGENCY = 4  # words of the agency's name or abbreviation (أ ف ب، وكالة الأنباء الألمانية)
MAX_DATELINE = 14  # tokens of the whole dateline, a date included (بيروت، 12 مارس (أ ف ب) --)


MARKS = frozenset(DASHES | {"("})  # one of these follows the place (and perhaps a date) within five tokens
LEAD = 5


MAX_BLOCK = 4  # a dateline opens the article's body: after its title, a subtitle or a byline at most


def dateline_candidates(ctx: Context) -> frozenset[int]:
    """The first tokens of the article's first blocks that may open with a dateline: a dash or bracket within
    their first words (one test per block, so the sentences are looked up in a set)."""
    starts, texts = ctx.starts, ctx.texts
    out = []
    for block in ctx.doc.blocks[:MAX_BLOCK]:
        a = bisect_left(starts, block.start)
        if not MARKS.isdisjoint(texts[a + 1 : a + LEAD + 1]):
            out.append(a)
    return frozenset(out)


def dateline_end(ctx: Context, a: int, b: int) -> int:
    """The first token after a dateline opening the sentence at token ``a`` (``a`` when there is none, or when
    nothing follows it in the sentence). Only a sentence opening its line can hold one."""
    toks = ctx.toks
    if a >= b or MARKS.isdisjoint(ctx.texts[a + 1 : a + LEAD + 1]) or toks[a].kind != "word":
        return a  # most paragraphs: no dash or bracket right after their first words
    if a > 0 and "\n" not in ctx.text[toks[a - 1].end : toks[a].start]:
        return a
    end = _dateline_end(ctx, a, b)
    return end if end < b else a


def _dateline_end(ctx: Context, a: int, b: int) -> int:
    toks = ctx.toks
    lim = min(b, a + MAX_DATELINE)
    j = a
    while j < lim and toks[j].kind == "word":
        j += 1
    if j == a or j - a > MAX_PLACE or j >= lim:
        return a
    while j < lim:
        t = toks[j].text
        if t == "(":  # (د ب أ) / (رويترز): the agency in brackets, then a dash or a colon
            k = j + 1
            while k < lim and toks[k].kind == "word" and k - j <= MAX_AGENCY:
                k += 1
            if k == j + 1 or k >= lim or toks[k].text != ")":
                return a
            return _after_separators(ctx, k + 1, lim, a)
        if t in DASHES:  # بغداد - رووداو: / سنغافورة - 1 - 6 (كونا) --
            k = j + 1
            while k < lim and toks[k].kind == "word" and k - j <= MAX_AGENCY:
                k += 1
            if k > j + 1 and k < lim and toks[k].text == ":":
                return k + 1
            if k > j + 1:
                return a  # بغداد - قال…: a dash and words with no colon: no dateline
            j += 1
            continue
        if toks[j].kind == "num" or t in ("،", ",") or (toks[j].kind == "word" and j > a):
            j += 1  # the date between the place and the agency (بيروت، 12 مارس)
            continue
        return a
    return a


def _after_separators(ctx: Context, k: int, lim: int, a: int) -> int:
    """After the agency's closing bracket: one or more dashes or a colon end the dateline."""
    toks = ctx.toks
    j = k
    while j < lim and (toks[j].text in DASHES or toks[j].text == ":"):
        j += 1
    return j if j > k else a
