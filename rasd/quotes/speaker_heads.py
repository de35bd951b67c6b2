"""Words that open or extend a speaker's phrase: a title (speaker_titles.tsv), a public body, an unnamed
source's head (anonymous_sources.tsv), its affiliation (مسؤول في البيت الأبيض) or what it knows (مصدر مطلع على),
an issuer (بيان صادر عن), and the token tests the scans share (a complementizer, a quotation's opening)."""

from __future__ import annotations

from .context import Context


def is_body(ctx: Context, j: int) -> bool:
    """Token ``j`` is the head of a public body, with or without the article (وزارة، الحكومة)."""
    if "body" in ctx.info[j].roles:
        return True
    norm = ctx.norms[j]
    return norm.startswith("ال") and norm[2:] in ctx.lex.words["body"]


def word_is(ctx: Context, j: int, role: str) -> bool:
    """Token ``j`` is a word of ``role`` (quote_words.tsv), possibly after a conjunction و/ف."""
    return role in ctx.info[j].roles


def is_comp(ctx: Context, j: int, first: bool = False) -> bool:
    """A complementizer opening reported speech: أن، إن، بأن، وأن، أنه، إنها…, but not لأن or كأن. With
    ``first``, not وأن either: a coordinated complement (…، وأن) cannot be a verb's first one."""
    info = ctx.info[j]
    return info.comp_first if first else info.comp


def is_open(ctx: Context, j: int) -> bool:
    return j in ctx.open_tok


def close_tok(ctx: Context, j: int) -> int:
    return ctx.open_tok[j]


def is_l_pp(ctx: Context, j: int) -> bool:
    """A phrase opened by ل (قال للرئيس، لوكالة), see :mod:`tokinfo`."""
    return ctx.info[j].lpp


def _is_audience(ctx: Context, j: int) -> bool:
    """ل before those spoken to: للصحافيين، لنظيره، للرئيس."""
    return ctx.info[j].audience


_AFFILIATION = frozenset({"في", "من", "لدي"})


def head_kind(ctx: Context, j: int) -> str | None:
    """Kind of source (anonymous_sources.tsv) that token ``j`` heads, if any."""
    norm = ctx.norms[j]
    anon = ctx.lex.anonymous
    return anon.get(norm) or (anon.get(norm[2:]) if norm.startswith("ال") else None)


POSSESSIVES = ("هما", "هم", "ها", "ه")


def is_title(ctx: Context, j: int) -> bool:
    """Token ``j`` heads a title (speaker_titles.tsv), also with a possessive pronoun (رئيسها: its head)."""
    norm, titles = ctx.norms[j], ctx.lex.titles
    if norm in titles:
        return True
    if not ctx.toks[j].text.endswith(POSSESSIVES):  # ة normalizes to ه: only a written pronoun counts
        return False
    return any(
        norm.endswith(p) and len(norm) - len(p) >= 3 and norm[: -len(p)] in titles for p in POSSESSIVES
    )


def possessed(ctx: Context, k: int) -> bool:
    """Token ``k`` is a body or office head outside any mention (مكتب، حكومة، حزب): what follows it is its owner."""
    t = ctx.toks[k]
    return (is_body(ctx, k) or "office" in ctx.info[k].roles) and not ctx.mentions_in(t.start, t.end)


def issued_by(ctx: Context, j: int) -> bool:
    """Token ``j`` is the عن of "صادر عن" (بيان صادر عن الرئاسة): the issuer of a document follows."""
    return j > 0 and ctx.norms[j] == "عن" and "issued" in ctx.info[j - 1].roles


def resumptive(ctx: Context, j: int, b: int) -> bool:
    """Token ``j`` (right after a cue) is a preposition with a pronoun pointing back to the noun before the
    verb (اتصالا … أكد خلاله، بيانا أكدا فيه): the verb opens a relative clause and has no subject after it."""
    return j < b and "resumptive" in ctx.info[j].roles


def speaker_head(ctx: Context, j: int, b: int) -> bool:
    """Token ``j`` can open a speaker's phrase: a mention starts there, or a title or unnamed source."""
    if j >= b or ctx.toks[j].kind != "word":
        return False
    t = ctx.toks[j]
    if ctx.mentions_in(t.start, t.end) or is_body(ctx, j):  # a name, or a body's head (حركة الشباب، الحكومة)
        return True
    if is_title(ctx, j) or head_kind(ctx, j) in ("person", "group", "medium"):
        return True
    if "parties" in ctx.info[j].roles:  # وأكد الجانبان في بيان مشترك: the two sides met before
        return True
    stem = ctx.norms[j][2:] if ctx.norms[j].startswith("ال") else ctx.norms[j]
    return any(stem.endswith(x) and stem[: -len(x)] in ctx.lex.titles for x in ("ان", "ين", "ون"))  # الوزيران


def l_name(ctx: Context, j: int) -> bool:
    """Token ``j`` is ل fused to a name the entities layer marked (لرويترز، لبوتين); read after an unnamed
    source only, since after a title it is the title's genitive (الأمين العام لحزب الله)."""
    t = ctx.toks[j]
    if t.kind != "word" or not ctx.norms[j].startswith("ل") or ctx.norms[j].startswith("لل"):
        return False
    return any(m[0] == t.start + 1 for m in ctx.mentions_in(t.start, t.end))


def name_goes_on(ctx: Context, j: int) -> bool:
    """Token ``j`` lies inside a mention that starts before it: the name goes on (الاتحاد العام التونسي
    للشغل, شبكة سي إن إن), its ل opens no addressee and its إن no content."""
    return ctx.inside(j)


def affiliation_pp(ctx: Context, lo: int, j: int) -> bool:
    """Token ``j`` (في، من، لدى) opens the affiliation of an unnamed source of at most two words starting at
    ``lo`` (مسؤول في البيت الأبيض، مصادر من الوفد)."""
    return (
        ctx.norms[j] in _AFFILIATION
        # مصدر عسكري مسؤول في…: two plain adjectives may stand between
        and (j - lo <= 2 or (j - lo == 3 and ctx.info[j - 1].plain and ctx.info[j - 2].plain))
        and not (j + 1 < len(ctx.norms) and ctx.info[j + 1].comp)  # حذر خبراء | من أن…: the verb's own من
        and not ctx.norms[lo].startswith("ال")
        and head_kind(ctx, lo) in ("person", "group")
    )


def informed_pp(ctx: Context, lo: int, j: int) -> bool:
    """Token ``j`` is the preposition after an unnamed source's "informed"/"close" adjective (مصدر مطلع على،
    مصادر مقربة من): the phrase it opens still describes the source that starts at ``lo``."""
    return (
        j - 1 > lo
        and ctx.norms[j] in ("علي", "من", "الي")
        and "informed" in ctx.info[j - 1].roles
        and head_kind(ctx, lo) in ("person", "group")
    )


def bare_owner(ctx: Context, lo: int, b: int) -> bool:
    """A document then its owner as one bare definite noun after ل (بيان للجنة، تقرير للوزارة), then a word
    that neither describes the owner (اللجنة الأولمبية) nor is part of a name (a relative clause: نشرته…)."""
    k = lo + 2
    if k >= b or ctx.toks[k].kind != "word" or (ctx.norms[lo],) not in ctx.lex.channels:
        return False
    owner, nxt = ctx.toks[lo + 1], ctx.toks[k]
    return (
        ctx.norms[lo + 1].startswith("لل")
        and not ctx.norms[k].startswith("ال")
        and not ctx.mentions_in(owner.start, nxt.end)
    )
