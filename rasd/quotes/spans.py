"""Content spans: the char span and kind (direct, indirect, mixed) of what a cue introduces, where a content
clause ends (``clause_end``: a comma before a new attribution, an attribution or contrast word), a quotation
right before the cue (``quote_before``) and an attribution phrase's content (``attribution_content``).

The scan from a cue to its content is in ``after_cue``; the words of the speaker's phrase met on the way in
``speaker_heads`` and ``title_names``; noun-phrase contents in ``np_content``."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .context import Context
from .cues import CueHit, attribution_at

WINDOW = 30  # tokens between a cue and the start of its content, at most

COMMAS = frozenset({"،", ",", "؛", ";"})


@dataclass(slots=True)
class Scan:
    content: tuple[int, int] | None = None  # char offsets
    kind: str | None = None
    content_tok: int | None = None  # token where the content starts
    subject: tuple[int, int] | None = None  # post-verbal noun phrase, tokens [lo, hi)
    appos: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    end_tok: int = 0  # where the scan stopped (the channel is looked for before it)
    np: bool = False  # the content is a plain noun phrase (أعرب عن قلقه): the weakest evidence of a quote
    relay: CueHit | None = None  # قالت الوكالة نقلا عن مصدر إن…: the source whose words the subject relays


_BREAK_BEFORE_CUE = frozenset({"pronoun", "opener"})


def starts_break(ctx: Context, j: int, b: int) -> bool:
    """Token ``j`` (after a comma) starts a new attribution: a cue (وقال، مضيفاً، في حين قال X…، أكد Y), an
    attribution phrase, a pronoun and a cue (وهي تؤكد), or the writer's aside (وهو ما…)."""
    if j >= b:
        return False
    v = ctx.verb_at.get(j)
    if v is not None:  # …، وقال / …، مضيفاً / في حين قال X إن…، أكد Y أن…: a new attribution
        return True
    if (
        j + 1 < b
        and ctx.verb_at.get(j + 1) is not None  # rarer than the roles: tested first
        and not ctx.info[j].roles.isdisjoint(_BREAK_BEFORE_CUE)
    ):
        return True  # …، وهي تؤكد / …، إذ تطالب النقابة بأن…: a pronoun or an opener, then a cue
    if j + 1 < b and ctx.norms[j + 1] == "ما" and ctx.norms[j] in ("وهو", "وهي", "وهذا", "هو", "هذا", "ما"):
        return True  # …، وهو ما رفضته الدول العربية: the writer's aside, not the speaker's words
    return bool(ctx.info[j].attr_cands) and attribution_at(ctx, j, b) is not None


def blocked(ctx: Context, j: int, lo: int) -> bool:
    """أن after a word that takes it for itself (يجب أن، بعد أن، على الرغم من أن) is no reported speech."""
    if j - 1 < lo:
        return False
    if "block" in ctx.info[j - 1].roles:
        return True
    if j - 2 >= lo and ctx.norms[j - 1] == "علي" and ctx.norms[j - 2] in COMMAS:
        return True  # …، على أن يعرض الاتفاق: "provided that", not what was said
    return j - 2 >= lo and ctx.norms[j - 1] in ("من", "علي", "الي") and "block" in ctx.info[j - 2].roles


def clause_end(ctx: Context, s: int, b: int, np: bool) -> int:
    """Token index where a content starting at token ``s`` ends (exclusive); quotations are never cut."""
    opens, infos, marks = ctx.open_tok, ctx.info, ctx.marks
    # only the marked tokens (an opening quotation mark, a comma, an attribution or contrast word; see
    # tokinfo.TokInfo.mark) can end a content or be skipped over, so the scan jumps from one to the next
    k = bisect_left(marks, s)
    n_marks = len(marks)
    while k < n_marks:
        j = marks[k]
        if j >= b:
            break
        if j in opens:
            k = bisect_left(marks, opens[j] + 1, k + 1)  # a closing mark's token is never before its opening
            continue
        k += 1
        if j == s:
            continue
        n = ctx.norms[j]
        info = infos[j]
        if n in COMMAS:
            if np or starts_break(ctx, j + 1, b):
                return j
        elif info.attr and attribution_at(ctx, j, b) is not None:
            return j
        elif "contrast_comp" in info.roles and j + 1 < b and infos[j + 1].comp:
            return j  # …»، غير أن الدكتور البردويل قال…: the writer turns to someone else
        elif "contrast" in info.roles and j + 1 < b and (j + 1) in ctx.verb_at:
            # …، فيما قالت هيئة الأرصاد إن…، في حين نفى الحزب…: another speaker's clause
            return j - 1 if j - 1 > s and ctx.norms[j - 1] == "في" else j
    return b


def has_quote(ctx: Context, start: int, end: int) -> bool:
    """A whole quotation lies inside ``[start, end)``."""
    regions = ctx.regions
    k = bisect_left(ctx.region_starts, start)  # the first region opening at or after start
    return k < len(regions) and regions[k][0] < end and regions[k][1] < end


def content_span(ctx: Context, s: int, e: int, first_char: int | None = None) -> tuple[int, int, str] | None:
    """Char span and kind of the content in tokens ``[s, e)``: trailing punctuation off, one enclosing
    quotation's marks off (then it is direct), mixed when quotations are inside, else indirect."""
    toks, open_of = ctx.toks, ctx.open_of
    while e > s and toks[e - 1].kind == "punct":
        last = toks[e - 1]
        # a closing mark or bracket whose opening one lies in tokens [s, e) stays
        o = open_of.get(last.start)
        if (o is not None and o >= toks[s].start) or (
            last.text in _BRACKETS and _closes_bracket(toks, s, e - 1)
        ):
            break
        e -= 1
    opens = ctx.open_tok
    while s < e and toks[s].kind == "punct" and s not in opens:
        s += 1
    if s >= e:
        return None
    start = (
        first_char if first_char is not None and toks[s].start <= first_char < toks[s].end else toks[s].start
    )
    end = toks[e - 1].end
    if s in opens and ctx.closes[toks[s].start] == toks[e - 1].start:
        inner = _trim(ctx, toks[s].end, toks[e - 1].start)
        return (*inner, "direct") if inner else None
    return start, end, "mixed" if has_quote(ctx, start, end) else "indirect"


_BRACKETS = {")": "(", "]": "["}


def _closes_bracket(toks, s: int, j: int) -> bool:
    """Token ``j`` is a closing bracket whose opening bracket lies in tokens ``[s, j)`` (… (21:25 بتوقيت غرينتش))."""
    opening = _BRACKETS.get(toks[j].text)
    if opening is None:
        return False
    depth = 0
    for k in range(j - 1, s - 1, -1):
        t = toks[k].text
        if t == toks[j].text:
            depth += 1
        elif t == opening:
            if depth == 0:
                return True
            depth -= 1
    return False


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    text = ctx.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_THUS = frozenset({"هكذا", "كذا"})  # "thus" between a quotation and its cue


def quote_before(ctx: Context, hit: CueHit, a: int) -> Scan | None:
    """A quotation right before the cue: «…»، قال الوزير."""
    j = hit.i - 1
    if j > a and ctx.norms[j] in _THUS:
        j -= 1  # «…»، هكذا قال الوزير
    while j >= a and ctx.norms[j] in COMMAS:
        j -= 1
    if j < a or ctx.toks[j].kind != "punct":
        return None
    o = ctx.open_of.get(ctx.toks[j].start)
    if o is None:
        return None
    k = ctx.tok_at(o)
    if any(ctx.toks[x].kind != "punct" for x in range(a, k)):
        return None  # the quotation must open the sentence: …الزيادة "غير كافية"، وطالبت… is no «…»، قال
    inner = _trim(ctx, ctx.toks[k].end, ctx.toks[j].start)
    return Scan(content=inner, kind="direct", content_tok=k) if inner else None


def attribution_content(ctx: Context, hit: CueHit, src_end: int, a: int, b: int) -> Scan | None:
    """The content of an attribution phrase: the clause before it (…، وفق ما أعلن الكرملين), or the one after
    its source when it opens the sentence (وبحسب البيان، فإن…)."""
    norms = ctx.norms
    if hit.i > a + 1 and not hit.forward:
        s = a
        # a leading adverbial ("في المقابل،", "من جهته،") is not part of what is attributed
        for k in range(a, min(hit.i, a + 5)):
            if norms[k] in COMMAS:
                if "stop" in ctx.info[a].roles or "opener" in ctx.info[a].roles:
                    s = k + 1
                break
        e = hit.i
        span = content_span(ctx, s, e)
    else:
        s = src_end
        while s < b and (norms[s] in COMMAS or norms[s] in ("فان", "ان")):
            s += 1
        span = content_span(ctx, s, clause_end(ctx, s, b, np=False))
    if span is None:
        return None
    return Scan(content=(span[0], span[1]), kind=span[2], content_tok=s)


def quoted_name(ctx: Context, j: int, close: int) -> bool:
    """The quotation opened at token ``j`` and closed at ``close`` holds one name and nothing else (اتهم "قسد"
    بالمماطلة، تنظيم "داعش"): a name the writer marks, not anyone's words."""
    if close - j < 2 or close - j > 5:
        return False
    lo, hi = ctx.toks[j + 1].start, ctx.toks[close - 1].end
    return any(m[0] == lo and m[1] == hi for m in ctx.mentions_in(lo, hi))
