"""The subject written before the verb (وكان مسؤول في البيت الأبيض قد قال، أما النائب X فقد رأى،
والمعارضة، من جهتها، ترى), or the pronoun standing for it (وهي تؤكد)."""

from __future__ import annotations

from .context import Context
from .cues import CueHit
from .speaker_heads import POSSESSIVES, is_title
from .speaker_links import strip_al

OBJECT_MA = frozenset({"ما", "مما", "بما"})  # "what" before a verb: its object (ما وصفته، ندد بما وصفه)

MAX_PRE = 10  # words between a clause start and its verb that can still be the subject


def pre_subject(ctx: Context, hit: CueHit, a: int) -> tuple[str, int, int] | None:
    """The subject written before the verb: ("np", lo, hi), ("pronoun", j, j+1), or None."""
    if (
        ctx.norms[hit.i][:1] in "وف"
        and ctx.toks[hit.i].forms[-1][0] > 0
        and not (ctx.norms[a] == "اما" and answers_fronted_topic(ctx, hit.i, a))
    ):
        return None  # وقال: a verb joined by و follows its subject only in the clause before, if at all
    j = hit.i - 1
    norms = ctx.norms
    if j >= a and norms[j] in OBJECT_MA:
        return None  # دانت الوزيرة ما وصفته بـ"…": the verb's subject is dropped, ما is its object
    channels = ctx.lex.channels
    if (
        j >= a
        and ((norms[j],) in channels or (j > a and (norms[j - 1],) in channels))
        and (doc := _document_before(ctx, hit, a)) is not None
    ):
        return doc  # بإصدار بيان ختامي دعا إلى…: the statement the relative clause describes speaks
    end = hit.i
    while j >= a and (norms[j] in ("قد", "لقد") or (norms[j] == "فقد" and answers_fronted_topic(ctx, j, a))):
        # وكان الوزير قد أكد: قد belongs to the verb; أما X فقد رأى: so does the ف answering أما
        j -= 1
        end = j + 1
    if (
        j > a and norms[j] in _COMMA and (k := _aside_before(ctx, j, a)) is not None
    ):  # والمعارضة، من جهتها، ترى: the subject before the aside
        j, end = k - 1, k
    infos = ctx.info
    while j >= a and hit.i - j <= MAX_PRE:
        info = infos[j]
        if info.plain and not info.comp:  # a word none of the tests below stops at
            j -= 1
            continue
        t = ctx.toks[j]
        if t.kind == "punct" and norms[j] not in "()":
            break
        if "pronoun" in info.roles:
            return ("pronoun", j, j + 1) if j == end - 1 else _np(ctx, j + 1, end)
        if info.comp or "opener" in info.roles or ctx.verb_at.get(j) is not None:
            break
        j -= 1
    else:
        if j >= a:  # no clause boundary close enough: not a subject
            return None
    if norms[j + 1] == "اما":  # أما النائب X فقد رأى: the topic after أما
        j += 1
    return _np(ctx, j + 1, end)


def answers_fronted_topic(ctx: Context, i: int, a: int) -> bool:
    """Token ``i`` opens with the ف answering a topic fronted by أما at the sentence's start (أما النائب X
    فرأى / فقد رأى): the topic is the subject."""
    if ctx.norms[i][:1] != "ف" or ctx.norms[a] != "اما" or i - a > MAX_PRE:
        return False
    t = ctx.toks[i]  # ف read off as a clitic, and no name of its own (أما وزير خارجية فرنسا فقال)
    if ctx.norms[i] in _ANSWERS:
        return True
    return any(k == 1 for k, _ in t.forms) and not ctx.mentions_in(t.start, t.end)


_ANSWERS = frozenset({"فقد", "فان", "فانه", "فانها"})  # أما X فقد… / فإن…: too short for the clitic reading

_COMMA = ("،", ",")

MAX_ASIDE = 3  # words of an aside set off by commas between a subject and its verb (من جهتها، هو الآخر)


def _aside_before(ctx: Context, j: int, a: int) -> int | None:
    """Token ``j`` (right before the verb) closes an aside set off by commas whose last word carries a pronoun
    (…، من جهتها، / …، بدوره،): the index of the comma opening it, when a word stands before that comma."""
    norms = ctx.norms
    if j <= a or norms[j] not in ("،", ","):
        return None
    for k in range(j - 1, max(a, j - MAX_ASIDE - 1), -1):
        if norms[k] in ("،", ","):
            last = ctx.toks[j - 1].text
            if k < j - 1 and k > a and last.endswith(POSSESSIVES) and ctx.toks[k - 1].kind == "word":
                return k
            return None
        if ctx.toks[k].kind != "word":
            return None
    return None


def _np(ctx: Context, lo: int, hi: int) -> tuple[str, int, int] | None:
    roles = ctx.info[lo].roles if lo < hi else None
    if roles is None or "stop" in roles or "block" in roles or "subjunctive" in roles:
        return None  # …، إذا لم يحظ لبنان بضمانات قال: لم opens a verb's clause, no subject
    if ctx.toks[lo].kind != "word":
        return None
    if _joined_verb(ctx, lo) or (
        any("preposition" in ctx.info[k].roles for k in range(lo + 1, hi)) and not _names_someone(ctx, lo, hi)
    ):
        return None  # …هجمات على سفن تجارية يقولون إنها، وأصدرا بيانا أكدا فيه: an object, not a subject
    return ("np", lo, hi)


def _joined_verb(ctx: Context, lo: int) -> bool:
    """Token ``lo`` is و/ف + an indefinite word (وأصدرا): a verb joined to the clause before, not a subject."""
    tok = ctx.toks[lo]
    k, stem = tok.forms[-1]
    if ctx.norms[lo][:1] not in "وف" or k != 1 or stem.startswith("ال"):
        return False
    return not _names_someone(ctx, lo, lo + 1)


def _names_someone(ctx: Context, lo: int, hi: int) -> bool:
    """Tokens ``[lo, hi)`` hold a mention or a known last name, or open with a title or an unnamed source."""
    toks = ctx.toks
    if ctx.mentions_in(toks[lo].start, toks[hi - 1].end):
        return True
    if any(ctx.person_token(k) is not None for k in range(lo, hi)):
        return True
    head = strip_al(ctx.norms[lo])
    return is_title(ctx, lo) or head in ctx.lex.anonymous or ctx.norms[lo] in ctx.lex.anonymous


def named_subject_before(ctx: Context, hit: CueHit, a: int) -> tuple[str, int, int] | None:
    """For a verb with a resumptive PP (شدد خلاله، أكد فيه), the subject written right before it when it names
    someone (…أن الرئيس المصري شدد خلاله على…); a thing before it (اتصالا هاتفيا، أكد خلاله) is the noun the
    relative clause describes, not a subject: None."""
    pre = pre_subject(ctx, hit, a)
    if pre is None or pre[0] != "np" or pre[2] != hit.i:
        return None
    return pre if _names_someone(ctx, pre[1], pre[2]) else None


_DOCUMENTS = frozenset({"statement", "report", "letter"})  # channels that are written documents


def _document_before(ctx: Context, hit: CueHit, a: int) -> tuple[str, int, int] | None:
    """An indefinite document, perhaps with one adjective, right before the verb (بيان ختامي دعا، تقريراً
    حذر): the verb opens a relative clause describing it, and the document is its subject. Not after في
    (في بيان: a channel) nor with a resumptive PP after the verb (بيانا أكد فيه: the issuer speaks)."""
    i, norms, toks = hit.i, ctx.norms, ctx.toks
    if hit.j < len(toks) and "resumptive" in ctx.info[hit.j].roles:
        return None
    for k in (i - 1, i - 2):
        if k < a or toks[k].kind != "word" or norms[k].startswith("ال"):
            return None
        if ctx.lex.channels.get((norms[k],)) in _DOCUMENTS:
            return None if k > a and norms[k - 1] == "في" else ("np", k, i)
    return None
