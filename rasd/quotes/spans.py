"""Content spans: what follows a reporting cue (a quotation, a colon, a complement clause after إن/أن/بأن/إلى
أن/من أن, a noun phrase after أعرب عن/حذر من/دعا إلى) and, while scanning towards it, the noun phrases met
on the way: the post-verbal subject, an apposition (its role) and an addressee after ل."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..text import normalize
from .context import PUNCT_END, Context
from .cues import CueHit, attribution_at, channel_at, find_channel
from .lexicon import lexicon

WINDOW = 30  # tokens between a cue and the start of its content, at most
COMMAS = frozenset({"،", ",", "؛", ";"})
_NP_OPEN = frozenset({"np_start", "demonstrative"})  # words opening a noun phrase object (أي، هذا)


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


def _is_l_pp(ctx: Context, j: int) -> bool:
    """A phrase opened by ل (قال للرئيس، لوكالة), see :mod:`tokinfo`."""
    return ctx.info[j].lpp


def _is_audience(ctx: Context, j: int) -> bool:
    """ل before those spoken to: للصحافيين، لنظيره، للرئيس."""
    return ctx.info[j].audience


def _genitive_l(ctx: Context, lo: int, hi: int) -> bool:
    """A ل phrase after a title or a document still belongs to it (الأمين العام للأمم المتحدة) as long as no
    name has been met (after وزير الدفاع لويد أوستن, لنظيره names the addressee)."""
    if _head_kind(ctx, lo) in ("medium", "document", "data"):
        return True
    if ctx.norms[lo] not in ctx.lex.titles:
        return False
    ms = ctx.mentions_in(ctx.toks[lo].start, ctx.toks[hi - 1].end)
    if any(m[2].type == "PER" for m in ms):
        return False

    def in_name(k: int) -> bool:  # المتحدثة باسم برنامج الأغذية العالمي التابع للأمم: a body's name
        t = ctx.toks[k]  # also one behind a fused ل: عضو اللجنة المركزية لحركة فتح
        return any(m[0] <= t.start + 1 and t.end <= m[1] for m in ms)

    return all(
        ctx.norms[k].startswith(("ال", "لل")) or ctx.norms[k] == "باسم" or in_name(k)
        for k in range(lo + 1, hi)
    )


def _audience_in_title(ctx: Context, lo: int, j: int, limit: int) -> int:
    """An audience word after a title that names no one yet belongs to the title when a person's name follows
    it and its adjectives (المتحدث باسم الجيش للإعلام العربي أفيخاي أدرعي، المستشار للشؤون الإعلامية X):
    the token after that name, or 0 (قال المتحدث للصحافيين إن…: those he spoke to)."""
    toks, norms = ctx.toks, ctx.norms
    if not is_title(ctx, lo) or any(
        m[2].type == "PER" for m in ctx.mentions_in(toks[lo].start, toks[j - 1].end)
    ):
        return 0
    k = j + 1
    while k < limit and k - j <= 2 and norms[k].startswith("ال") and ctx.info[k].plain:
        k += 1  # العربي، الأجنبية: the audience's adjectives
    if k >= limit or toks[k].kind != "word":
        return 0
    m = next((m for m in ctx.mentions_in(toks[k].start, toks[k].end) if m[0] == toks[k].start), None)
    if m is not None:
        return ctx.tok_at(m[1]) if m[2].type == "PER" else 0
    return bare_name(ctx, k, limit)


def _ends_with_tail_name(ctx: Context, j: int) -> bool:
    """The mention ending right before token ``j`` ran on over a person's name (اتحاد المعلمين سعاد العلي |
    لوكالة…): the ل phrase after it names whom the person spoke to, not the body's genitive."""
    p = ctx.toks[j - 1]
    return any(m[1] == p.end and tail_name(ctx, m, j) for m in ctx.mentions_in(p.start, p.end))


def _name_goes_on(ctx: Context, j: int) -> bool:
    """Token ``j`` lies inside a mention that starts before it: the name goes on (الاتحاد العام التونسي
    للشغل, شبكة سي إن إن), its ل opens no addressee and its إن no content."""
    return ctx.inside(j)


def _masdar_before(ctx: Context, k: int) -> bool:
    """Token ``k`` (right before أي/هذه) is an indefinite plain word: after a definite subject it cannot be an
    adjective of it (those take the article), so it governs the object (وجود أي، حدوث أي)."""
    t = ctx.toks[k]
    return (
        t.kind == "word"
        and ctx.info[k].plain
        and not ctx.norms[k].startswith("ال")
        and not ctx.inside(k)
        and not any(m[0] == t.start for m in ctx.mentions_in(t.start, t.end))
    )


def _adverbial_before(ctx: Context, j: int) -> bool:
    """A quotation after token ``j`` names something inside an adverbial (على "تويتر"، لقناة "العربية",
    عبر حسابه "…" when short)."""
    tok = ctx.toks[j]
    if tok.kind != "word":
        return False
    if (
        "preposition" in ctx.info[j].roles
        or _is_l_pp(ctx, j)
        or (ctx.norms[j][:1] == "ب" and len(ctx.norms[j]) <= 2)
    ):
        return True
    if any((stem,) in ctx.lex.channels for _k, stem in tok.forms):
        close = close_tok(ctx, j + 1)
        return close - j <= 4  # a name of a few words, not a statement
    return False


def _medium_before(ctx: Context, j: int) -> bool:
    """A quotation after token ``j`` is a name: صحيفة "الغارديان"، وكالة "رويترز"."""
    return ctx.toks[j].kind == "word" and ctx.lex.anonymous.get(ctx.norms[j]) in (
        "medium",
        "document",
        "data",
    )


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


_AFFILIATION = frozenset({"في", "من", "لدي"})


def _head_kind(ctx: Context, j: int) -> str | None:
    """Kind of source (anonymous_sources.tsv) that token ``j`` heads, if any."""
    norm = ctx.norms[j]
    anon = ctx.lex.anonymous
    return anon.get(norm) or (anon.get(norm[2:]) if norm.startswith("ال") else None)


_TITLE_PPS = frozenset({"في", "لدي", "ب", "عن", "الي", "من", "علي"})
_POSSESSIVES = ("هما", "هم", "ها", "ه")
MAX_PP_WORDS = 10  # words of the place or body between a title's preposition and the name
MAX_NAME_WORDS = 4  # words of a name after an honorific (سيدي محمد ولد أحمدو)
# names that normalize to a function word: علي (Ali) is written with ya, the preposition على with alif maqsura
_NAME_LOOKALIKES = frozenset({"علي"})
_HONORIFIC = frozenset({"honorific"})
_RANK_WORDS = frozenset({"honorific", "title_adj", "rank_adj"})
_INNER_PPS = frozenset(
    {"في", "لدي", "عن"}
)  # a place or host inside a title's body phrase (… في بغداد، عن ائتلاف…)
_CONTENT_ROLES = frozenset(
    {"body", "masc_body", "office", "affiliated"}
)  # roles of nouns, not of function words


def is_title(ctx: Context, j: int) -> bool:
    """Token ``j`` heads a title (speaker_titles.tsv), also with a possessive pronoun (رئيسها: its head)."""
    norm, titles = ctx.norms[j], ctx.lex.titles
    if norm in titles:
        return True
    if not ctx.toks[j].text.endswith(_POSSESSIVES):  # ة normalizes to ه: only a written pronoun counts
        return False
    return any(
        norm.endswith(p) and len(norm) - len(p) >= 3 and norm[: -len(p)] in titles for p in _POSSESSIVES
    )


def name_after_pp(ctx: Context, lo: int, j: int, limit: int) -> int:
    """After a title and a preposition phrase naming a place or body, the token after the person's name that
    follows it in the same noun phrase (المبعوث الأممي إلى اليمن هانس غروندبرغ، رئيسها في قطاع غزة خليل
    الحية، الباحث في مركز البيان للدراسات والتخطيط في بغداد علي المعموري، الباحثة في معهد … في القدس السيدة
    تمار هيرمان); 0 if none. The body phrase holds plain words, mentions and further place phrases (في، لدى):
    no punctuation, other preposition, channel (في مؤتمر صحافي مع نظيره…), verbal noun with a pronoun (لدى
    استقباله بلينكن) or reporting word; an honorific (السيدة، الدكتور) opens the name."""
    if j > lo and ctx.toks[j].text in _NAME_LOOKALIKES and "honorific" in ctx.info[j - 1].roles:
        return honorific_name(ctx, j, limit)  # وزير الدفاع العماد | علي محمود عباس: a rank, then the name Ali
    if ctx.norms[j] not in _TITLE_PPS or not (is_title(ctx, lo) or _head_kind(ctx, lo) == "person"):
        return 0  # القيادي في حركة حماس X: an unnamed source's head names the person that follows too
    toks, infos = ctx.toks, ctx.info
    if any(m[2].type == "PER" for m in ctx.mentions_in(toks[lo].start, toks[j].start)):
        return 0
    end = min(limit, j + 2 + MAX_PP_WORDS)
    k = j + 1
    while k < end:
        info = infos[k]
        ms = ctx.mentions_in(toks[k].start, toks[k].end)
        for m in ms:
            if m[2].type == "PER" and m[0] >= toks[k].start:
                # في مكتب نتنياهو: a name right after a body's head is its possessor, not the speaker
                return ctx.tok_at(m[1]) if k > j + 1 and not possessed(ctx, k - 1) else 0
        if ms and ms[0][0] >= toks[k].start and k + 1 < limit:  # جامعة القاهرة: the body, then maybe a name
            after = ctx.tok_at(ms[0][1])
            if after < limit and (per := _person_at(ctx, after)) is not None:
                return ctx.tok_at(per[1])  # مركز دراسات الخليج | عبد الكريم ضاهر: the named person follows
            n = bare_name(ctx, after, limit) or (after if tail_name(ctx, ms[0], limit) else 0)
            if not n and (s := straddling_name(ctx, ms[0], limit)):
                n = bare_name(ctx, s, limit, inside=True)
            if n:
                return n
            k = max(k + 1, after)
            continue
        if k > j + 1 and "honorific" in info.roles and ends_body(ctx, k):
            return honorific_name(ctx, k + 1, limit)  # … في القدس السيدة تمار هيرمان: the name follows
        if k > j + 1 and ctx.norms[k] in _INNER_PPS and k + 1 < end and toks[k + 1].kind == "word":
            k += 1  # … للدراسات في بغداد: the body's place, still part of the title
            continue
        if k > j + 1 and is_open(ctx, k) and (c := close_tok(ctx, k)) < end and c - k <= MAX_NAME_WORDS + 1:
            # المرشح على لائحة "نبض طرابلس" رامي الأيوبي: a list's or party's name in quotation marks
            k = c + 1
            if k < limit and not ctx.mentions_in(toks[k].start, toks[k].end):
                if n := bare_name(ctx, k, limit):
                    return n
            continue
        if k > j + 1 and toks[k].text == "(" and (c := abbreviation_end(ctx, k, end)):
            # … في لبنان (اليونيفيل) أندريا تيننتي: the body's short name in brackets, then the person
            k = c
            if (
                k < limit
                and not ctx.mentions_in(toks[k].start, toks[k].end)
                and (n := bare_name(ctx, k, limit))
            ):
                return n
            continue
        if (
            toks[k].kind != "word"
            or info.comp
            or info.roles - _CONTENT_ROLES
            or info.chan
            or info.audience
            or k in ctx.verb_at
            # a pronoun suffix as written (ه، ها، هم, not the ة of المحكمة that normalizes to ه)
            or (k == j + 1 and toks[k].text.endswith(_POSSESSIVES) and not ms)
        ):
            return 0
        if (
            k > j + 2
            and not ms
            and info.plain
            and ctx.norms[k - 1].startswith("ال")
            and not ctx.norms[k].startswith("ال")
        ):
            # الباحث في الشؤون الأمنية | سامر الحلبي أن: after a definite phrase, a name nobody marked
            n = bare_name(ctx, k, limit)
            if n:
                return n
        k += 1
    return 0


def abbreviation_end(ctx: Context, k: int, end: int) -> int:
    """Token ``k`` opens a bracket of one to three words closed before ``end`` (a body's short name:
    (اليونيفيل)، (أونروا)): the token after its closing bracket, or 0."""
    toks = ctx.toks
    for c in range(k + 1, min(end, k + 5)):
        if toks[c].text == ")":
            return c + 1 if c > k + 1 else 0
        if toks[c].kind != "word":
            return 0
    return 0


def ends_body(ctx: Context, k: int) -> bool:
    """Token ``k - 1`` can end a title's body (a definite word or a mention's end), so an honorific at ``k``
    opens the name (… في القدس | السيدة تمار هيرمان), not a name's middle (مهند الحاج علي)."""
    p = ctx.toks[k - 1]
    return ctx.norms[k - 1].startswith("ال") or any(m[1] == p.end for m in ctx.mentions_in(p.start, p.end))


def after_rank(ctx: Context, k: int, limit: int) -> int:
    """The first token from ``k`` past a rank's adjectives and further honorifics (العميد | المتقاعد | خالد
    حمادة، الشيخ | الدكتور | مشعل الصباح)."""
    while k < limit and not ctx.info[k].roles.isdisjoint(_RANK_WORDS):
        k += 1
    return k


def honorific_name(ctx: Context, k: int, limit: int) -> int:
    """The token after a name of one to four words starting at ``k`` right after an honorific (السيدة تمار
    هيرمان، الدكتور سيدي محمد ولد أحمدو), ending the noun phrase; 0 if none."""
    toks, infos = ctx.toks, ctx.info
    k = after_rank(ctx, k, limit)
    e = k
    while e < limit and e - k < MAX_NAME_WORDS:
        info = infos[e]
        if toks[e].kind != "word" or info.comp or info.chan or info.lpp:
            break
        if (
            info.roles - _CONTENT_ROLES
            and toks[e].text not in _NAME_LOOKALIKES
            and not (e > k and info.roles == _HONORIFIC)  # نورهان الشيخ: a family name
        ):
            break
        if e in ctx.verb_at:
            break
        e += 1
    return e if e > k and _ends_name(ctx, e, limit) else 0


def _ends_name(ctx: Context, e: int, limit: int) -> bool:
    """Token ``e`` ends the noun phrase of a name: the end of the window, punctuation, a complementizer, a
    preposition or time word, a cue, or ل before whom it was said to (لوكالة ريا نوفوستي)."""
    if e >= limit:
        return True
    info = ctx.info[e]
    return (
        ctx.toks[e].kind == "punct"
        or info.comp_first
        or "stop" in info.roles
        or e in ctx.verb_at
        or info.lpp
        or info.audience
    )


def possessed(ctx: Context, k: int) -> bool:
    """Token ``k`` is a body or office head outside any mention (مكتب، حكومة، حزب): what follows it is its owner."""
    t = ctx.toks[k]
    return (is_body(ctx, k) or "office" in ctx.info[k].roles) and not ctx.mentions_in(t.start, t.end)


def _person_at(ctx: Context, k: int) -> tuple | None:
    """The person mention that opens token ``k``, if any."""
    tok = ctx.toks[k]
    return next(
        (m for m in ctx.mentions_in(tok.start, tok.end) if m[2].type == "PER" and m[0] == tok.start), None
    )


def bare_name(ctx: Context, k: int, limit: int, inside: bool = False) -> int:
    """A name the entities layer did not mark right after a title's place or body (… في جامعة القاهرة سلوى
    العنتري أن…): two or three plain words, none with the article, then the end of the noun phrase (a
    complementizer, punctuation, a preposition or a cue). Only the family name may carry the article (منى
    الجرف). Returns the token after it, or 0. ``inside``: the words may lie in a mention (see tail_name)."""
    toks, infos, norms = ctx.toks, ctx.info, ctx.norms
    e = k
    while e < limit and e - k < 3:
        info = infos[e]
        if (
            toks[e].kind != "word"
            or (e == k and norms[e].startswith("ال"))
            or (
                info.roles - _CONTENT_ROLES
                and toks[e].text not in _NAME_LOOKALIKES
                and not (e > k and info.roles == _HONORIFIC)  # مهند الحاج علي: a name's middle word
            )
            or info.comp
            or info.chan
            or info.lpp
            or info.audience
            or e in ctx.verb_at
            or (not inside and ctx.mentions_in(toks[e].start, toks[e].end))
            or (inside and is_body(ctx, e))
        ):
            break
        e += 1
    if e - k < 2:
        return 0
    return e if _ends_name(ctx, e, limit) else 0


def _first_tok(ctx: Context, offset: int) -> int:
    """The token holding character ``offset`` (a mention may start after a fused ل: لاتحاد)."""
    p = ctx.tok_at(offset)
    return p - 1 if p > 0 and ctx.toks[p - 1].end > offset else p


def tail_name(ctx: Context, m: tuple, limit: int) -> int:
    """A body's mention that ran on over the person named after it (جامعة الكويت مشاري الرشيد as one
    organization): a mention of four words or more whose last two end the noun phrase as a bare name would
    (read only after a title and its preposition); a place's of three (جنيف ماثيو سولتمارش as one place: a
    city's name has no such tail). Returns the token where that name starts, or 0."""
    if m[2].type == "PER":
        return 0
    p, q = _first_tok(ctx, m[0]), ctx.tok_at(m[1])
    if q - p < (3 if m[2].type == "LOC" else 4):
        return 0
    if bare_name(ctx, q - 2, limit, inside=True) == q:
        return q - 2
    # مركز جسور للدراسات عبد الوهاب عاصي: a name of three words (the middle one may carry the article)
    return q - 3 if q - p >= 5 and bare_name(ctx, q - 3, limit, inside=True) == q else 0


def straddling_name(ctx: Context, m: tuple, limit: int) -> int:
    """A body's mention that took the first word of the name after it (جامعة القديس يوسف كريم | بيطار): a
    mention of three words or more whose last word, with the words after it, ends the noun phrase as a bare
    name would. Returns the token where that name starts, or 0."""
    if m[2].type == "PER":
        return 0
    p, q = _first_tok(ctx, m[0]), ctx.tok_at(m[1])
    if q - p < 3 or q >= limit:
        return 0
    # only one word after the mention: with two (جامعة الملك سعود | خالد الشمري) the name is all outside it
    return q - 1 if bare_name(ctx, q - 1, limit, inside=True) == q + 1 else 0


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
    if is_title(ctx, j) or _head_kind(ctx, j) in ("person", "group", "medium"):
        return True
    if "parties" in ctx.info[j].roles:  # وأكد الجانبان في بيان مشترك: the two sides met before
        return True
    stem = ctx.norms[j][2:] if ctx.norms[j].startswith("ال") else ctx.norms[j]
    return any(stem.endswith(x) and stem[: -len(x)] in ctx.lex.titles for x in ("ان", "ين", "ون"))  # الوزيران


def _l_name(ctx: Context, j: int) -> bool:
    """Token ``j`` is ل fused to a name the entities layer marked (لرويترز، لبوتين); read after an unnamed
    source only, since after a title it is the title's genitive (الأمين العام لحزب الله)."""
    t = ctx.toks[j]
    if t.kind != "word" or not ctx.norms[j].startswith("ل") or ctx.norms[j].startswith("لل"):
        return False
    return any(m[0] == t.start + 1 for m in ctx.mentions_in(t.start, t.end))


def _genitive_before_name(ctx: Context, j: int, limit: int) -> int:
    """Token ``j`` is ل fused to a body's name that a person's name follows at once (عضو اللجنة المركزية
    لحركة فتح عزام الأحمد): the body is the genitive of the title, not whom the source spoke to. Returns the
    token where the person's name starts, or 0."""
    t = ctx.toks[j]
    m = next((m for m in ctx.mentions_in(t.start, t.end) if m[0] == t.start + 1), None)
    if m is None or m[2].type == "PER":
        return 0
    k = ctx.tok_at(m[1])
    if k >= limit or k <= j:
        return 0
    k = after_rank(ctx, k, limit)  # لوزارة الصحة | الدكتور حسام عبد الغفار: an honorific before the name
    # the name may start with a word or two the entities layer left out (لمنظمة التحرير واصل | أبو يوسف)
    for n in range(k, min(k + 3, limit)):
        s = ctx.toks[n].start
        if any(x[0] == s and x[2].type == "PER" for x in ctx.mentions_in(s, ctx.toks[n].end)):
            return k
        if not ctx.info[n].plain or ctx.norms[n].startswith("ال"):
            return 0
    return 0


def _joined_after_comma(ctx: Context, hit: CueHit) -> bool:
    """The cue is a verb joined by و after a comma (…، وأكد): a clause sharing the sentence's subject."""
    i = hit.i
    return hit.kind == "verb" and i > 0 and ctx.norms[i - 1] in COMMAS and ctx.norms[i][:1] == "و"


def _after_report(ctx: Context, i: int) -> bool:
    """A complementizer or colon earlier in the sentence: a joined verb (…، وأكدا ضرورة…) may carry on the
    reported clause rather than the writer's narrative."""
    for k in range(i - 1, max(-1, i - 60), -1):
        if ctx.norms[k] in PUNCT_END:
            return False
        if ctx.info[k].comp_first or ctx.norms[k] == ":":
            return True
    return False


def _subject_like(ctx: Context, j: int, b: int) -> bool:
    """Token ``j`` may open a subject: a name, title, unnamed source or body, a document (البيان), or a
    definite dual or plural (الجانبان، المسؤولون)."""
    if j >= b or ctx.toks[j].kind != "word" or speaker_head(ctx, j, b):
        return True
    norm = ctx.norms[j]
    stem = norm[2:] if norm.startswith("ال") else norm
    if _head_kind(ctx, j) is not None or (stem,) in ctx.lex.channels:
        return True
    return norm.startswith("ال") and norm.endswith(("ان", "ون", "ين"))


@lru_cache(maxsize=256)
def _announces_stance(lemma: str) -> bool:
    return normalize(lemma) in lexicon().words["stance_announcer"]


_POSSESSIVE = ("ه", "ها", "هم", "هما", "نا", "كم")


def stance_noun(ctx: Context, j: int) -> bool:
    """Token ``j`` is a verbal noun of a stance (رفض، قبولها، موافقتها، التأييد): see stance_noun in
    quote_words.tsv."""
    nouns = ctx.lex.words["stance_noun"]
    norm = ctx.norms[j]
    if norm.startswith("ال"):
        norm = norm[2:]
    if norm in nouns:
        return True
    for suffix in _POSSESSIVE:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                return True
    return False


def _name_end(ctx: Context, j: int, limit: int) -> int:
    """The token after the first person's name starting within a few tokens of ``j`` (-1 if none)."""
    toks = ctx.toks
    hi = min(limit, j + 8)
    if hi <= j:
        return -1
    for m in ctx.mentions_in(toks[j].start, toks[hi - 1].end):
        if m[2].type == "PER" and m[0] >= toks[j].start:
            return ctx.tok_at(m[1])
        if m[2].type in ("ORG", "LOC") and m[0] == toks[j].start:
            # نفت حركة X في بيان | استهداف المدنيين: a body or government right after the verb, a channel or
            # time adverbial, then its object (without one, نفت الوزارة تقارير… is left an act)
            e = ctx.tok_at(m[1])
            return e if _adverbial_end(ctx, e, limit) > e else -1
    return -1


def _clause_ahead(ctx: Context, j: int, limit: int) -> bool:
    """A complementizer or colon follows before another cue or the sentence end: the words before it are
    still the speaker's phrase (أكد X كبير المديرين… أن، أكد X لراديو إسرائيل أنه…)."""
    opens = ctx.open_tok
    while j < limit:
        if j in opens:
            j = opens[j] + 1
            continue
        if j in ctx.verb_at or ctx.norms[j] in PUNCT_END:
            return False
        if ctx.info[j].comp_first or ctx.norms[j] == ":":
            return True
        j += 1
    return False


_DURING = frozenset({"خلال", "اثناء", "عقب", "لدي"})
# رفض: "refusal" as an object, "refused" in مسؤول رفض كشف اسمه
_VERBAL_NOUN = frozenset({"withholds", "stop"})
_NOW = frozenset({"امس", "اليوم"})


def _adverbial_end(ctx: Context, j: int, b: int) -> int:
    """The token after a short adverbial at ``j`` (خلال اللقاء، عقب الاجتماع، أمس، اليوم، في بيان، في كلمة
    متلفزة), or ``j``."""
    norms = ctx.norms
    k = j
    while k < b and k - j < 6:
        if norms[k] == "في" and k + 1 < b and (ch := channel_at(ctx, k + 1, b)) is not None:
            k = ch[1]  # في كلمة | متلفزة: a channel phrase, and the words describing it
            while k < b and (ctx.info[k].chan or "channel_adj" in ctx.info[k].roles):
                k += 1
        elif (
            norms[k] in _DURING
            and k + 1 < b
            and norms[k + 1].startswith("ال")
            and ctx.toks[k + 1].kind == "word"
        ):
            k += 2
        elif norms[k] in _NOW:
            k += 1
        else:
            break
    return k


def _np_after_name(ctx: Context, j: int, b: int) -> bool:
    """Token ``j``, right after the subject's name, opens a noun-phrase object: a plain word, not a
    preposition, time word, complementizer, cue, ل/ب phrase, conjunction, name, title or source."""
    if j >= b or ctx.toks[j].kind != "word":
        return False
    info, norm = ctx.info[j], ctx.norms[j]
    roles = info.roles - _VERBAL_NOUN if "withholds" in info.roles else info.roles  # رفض مصر: a verbal noun
    if roles or info.comp or j in ctx.verb_at or info.lpp or info.audience or j in ctx.open_tok:
        return False
    if norm[:1] in "وب" or speaker_head(ctx, j, b) or _head_kind(ctx, j) is not None:
        return False
    return not is_body(ctx, j)


def affiliation_pp(ctx: Context, lo: int, j: int) -> bool:
    """Token ``j`` (في، من، لدى) opens the affiliation of an unnamed source of at most two words starting at
    ``lo`` (مسؤول في البيت الأبيض، مصادر من الوفد)."""
    return (
        ctx.norms[j] in _AFFILIATION
        and j - lo <= 2
        and not (j + 1 < len(ctx.norms) and ctx.info[j + 1].comp)  # حذر خبراء | من أن…: the verb's own من
        and not ctx.norms[lo].startswith("ال")
        and _head_kind(ctx, lo) in ("person", "group")
    )


def informed_pp(ctx: Context, lo: int, j: int) -> bool:
    """Token ``j`` is the preposition after an unnamed source's "informed"/"close" adjective (مصدر مطلع على،
    مصادر مقربة من): the phrase it opens still describes the source that starts at ``lo``."""
    return (
        j - 1 > lo
        and ctx.norms[j] in ("علي", "من", "الي")
        and "informed" in ctx.info[j - 1].roles
        and _head_kind(ctx, lo) in ("person", "group")
    )


def _withheld_identity(ctx: Context, j: int, limit: int) -> int:
    """ "طلب عدم كشف هويته"، "فضل عدم ذكر اسمه": the token after the withheld identity, within a few words of
    ``j``; 0 if there is none."""
    for k in range(j + 1, min(limit, j + 5)):
        if "identity" in ctx.info[k].roles:
            return k + 1
        if ctx.toks[k].kind != "word" or ctx.info[k].comp:
            return 0
    return 0


def _comp_ahead(ctx: Context, j: int, limit: int) -> bool:
    """A complementizer or a colon comes later in the window (outside quotations): what lies before it is
    still the speaker's phrase."""
    opens = ctx.open_tok
    while j < limit:
        if j in opens:
            j = opens[j] + 1
            continue
        if ctx.info[j].comp_first or ctx.norms[j] == ":":
            return True
        if ctx.norms[j] in PUNCT_END:
            return False
        j += 1
    return False


def _blocked(ctx: Context, j: int, lo: int) -> bool:
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


def split_subject(ctx: Context, lo: int, hi: int) -> int:
    """Where a post-verbal subject ends when a noun-phrase content follows it with no boundary
    (استبعد وزير الخارجية الروسي سيرغي لافروف تقديم…): after its person mention, its leading mention, or a
    title with at most two name words."""
    toks = ctx.toks
    ms = ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    per = [m for m in ms if m[2].type == "PER"]
    if per:
        return min(hi, ctx.tok_at(per[0][1]))
    if ms and ms[0][0] <= toks[lo].start:
        return min(hi, ctx.tok_at(ms[0][1]))
    j = lo
    if ctx.norms[j] in ctx.lex.titles:
        j += 1
        while j < hi and (ctx.norms[j].startswith("ال") or ctx.norms[j] == "باسم"):
            j += 1
        return min(hi, j + 2)
    if any(affiliation_pp(ctx, lo, k) for k in range(lo + 1, min(hi, lo + 3))):
        return hi  # استبعد مصدر دبلوماسي في القاهرة | أي اتفاق: the affiliation belongs to the source
    return min(hi, lo + 2)


def _np_content(ctx: Context, s: int, b: int, need_quote: bool, first_char: int | None = None) -> Scan | None:
    e = clause_end(ctx, s, b, np=True)
    span = content_span(ctx, s, e, first_char)
    if span is None or (need_quote and span[2] == "indirect"):
        return None
    return Scan(content=(span[0], span[1]), kind=span[2], content_tok=s, np=True)


def scan_after(ctx: Context, hit: CueHit, b: int, np_direct: bool = False) -> Scan:
    """Scan from a verb or participle cue to its content, collecting the noun phrases on the way.
    ``np_direct``: the subject is already known (a participle, a subject before the verb), so a noun phrase
    right after the cue is its content."""
    cue = hit.cue
    assert cue is not None
    toks, norms, infos, opens, verb_at = ctx.toks, ctx.norms, ctx.info, ctx.open_tok, ctx.verb_at
    subj: list[int] = []  # [lo, hi]
    appos: list[int] = []
    addr: list[int] = []
    mode = "subj"
    j = hit.j
    limit = hit.j + WINDOW if hit.j + WINDOW < b else b
    found: Scan | None = None
    npq = cue.obj == "npq"
    stance = _announces_stance(cue.lemma)  # أعلن قبوله…: a stance noun is its content
    relay: CueHit | None = None
    if (
        not np_direct
        and npq
        and _joined_after_comma(ctx, hit)
        and not _subject_like(ctx, hit.j, b)
        and not _after_report(ctx, hit.i)
    ):
        np_direct = True  # …، وأكدا أهمية التنسيق: the subject is dropped, the noun phrase is what was said
    if (
        hit.j < b and "resumptive" in infos[hit.j].roles
    ):  # a relative clause's verb: …اتصالا هاتفيا، أكد خلاله دعم…
        j = hit.j + 1
        if not speaker_head(ctx, j, b):  # …جلسة، قال خلالها المندوب الروسي X: a subject still follows
            np_direct, mode = True, "after"
    if (
        np_direct
        and j < limit
        and (npq or (stance and stance_noun(ctx, j)))
        # مؤكداً, and مؤكدة after a comma (…، مؤكدة دعمها), but not the adjective مؤكدة elsewhere
        and (
            hit.kind != "participle"
            or norms[hit.i].endswith("ا")
            or (hit.i > 0 and norms[hit.i - 1] in COMMAS)
        )
        and toks[j].kind == "word"
        and not infos[j].comp
        and "stop" not in infos[j].roles
        and j not in verb_at
        and not (norms[j][:1] == "ب" and any(k == 1 for k, _ in toks[j].forms))  # محملا بالهدايا: laden
    ):
        # مؤكداً استعداد موسكو للحوار: no subject can stand between the cue and its object
        found = _np_content(ctx, j, b, False)
        limit = j  # nothing to scan
    # استبعد رئيس الوزراء البريطاني كير ستارمر إرسال قوات…: a noun phrase right after the subject's name
    name_end = _name_end(ctx, j, limit) if (npq or stance) and found is None else -1
    while j < limit:
        info = infos[j]
        if j == name_end and mode == "subj" and subj:
            k = _adverbial_end(ctx, j, b)  # وأكد السيسي خلال اللقاء رفض…: an adverbial may come first
            if (
                _np_after_name(ctx, k, b)
                and (npq or stance_noun(ctx, k))
                and not _clause_ahead(ctx, k, limit)
            ):
                subj[1] = j
                found = _np_content(ctx, k, b, False)
                break
        if (
            stance
            and subj
            and mode != "addr"
            # قوات الدعم الشعبي: a definite one can close the subject's name
            and not norms[j].startswith("ال")
            and stance_noun(ctx, j)
            and not ("withholds" in info.roles and _withheld_identity(ctx, j, limit))  # مسؤول رفض كشف اسمه
            and not ctx.mentions_in(toks[j].start, toks[j].end)  # قوات الدعم السريع: a word of a name
        ):
            # وأعلنت الحكومة (في بيان) | رفضها القاطع للقرار: the subject ends at the stance it announced
            found = _np_content(ctx, j, b, False)
            break
        # most words of a speaker's phrase are plain: the full tests below would only extend the phrase
        if info.plain and j not in opens:
            if mode == "subj":
                subj = [subj[0] if subj else j, j + 1]
            elif mode == "appos":
                appos[1] = j + 1
            elif mode == "addr":
                addr[1] = j + 1
            j += 1
            continue
        t, n = toks[j], norms[j]
        roles = info.roles
        if j in opens:
            close = opens[j]
            if (
                j > hit.j
                and (
                    _medium_before(ctx, j - 1)
                    or (mode == "subj" and subj and _head_kind(ctx, subj[0]) == "medium" and close - j <= 4)
                    or (close - j <= 4 and (subj or mode != "subj") and _comp_ahead(ctx, close + 1, limit))
                )
            ):  # وكالة الأنباء الرسمية "وفا"، محللون في بنك "غولدمان ساكس" … إن، اتصال أجرته معه "الشرق الأوسط"
                if mode == "subj":  # قالت صحيفة "الغارديان": the name belongs to the source
                    subj[1:] = [close + 1]
                j = close + 1  # في مقابلة مع تلفزيون "بلومبرغ": a name inside an adverbial
                continue
            if j > hit.j and _adverbial_before(ctx, j - 1):
                mode = "after" if subj or mode != "subj" else mode
                j = close + 1
                continue
            s = j
            if subj and mode == "subj" and subj[1] == j:
                s = split_subject(ctx, subj[0], subj[1])
                subj[1] = s
            e = clause_end(ctx, s, b, np=cue.obj != "clause")
            ends = all(toks[k].kind == "punct" for k in range(close + 1, e))
            if (
                s == j
                and mode != "subj"
                and not ends
                # وأكد الجانبان في بيان مشترك "رفض …" وضرورة…: after a channel the quotation opens the words
                and not (subj and find_channel(ctx, subj[1], j) is not None)
            ):
                break  # بدأ يكتب الشعر…، وأصدر ديوانه "…" عام 1944: a title further on is no content
            if s == j and ends:
                span = content_span(ctx, j, close + 1)
            else:
                span = content_span(ctx, s, e)
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=s)
            break
        if n == ":":
            if j + 1 < b and is_open(ctx, j + 1):
                span = content_span(ctx, j + 1, close_tok(ctx, j + 1) + 1)
            else:
                span = content_span(ctx, j + 1, clause_end(ctx, j + 1, b, np=False))
                span = span and (span[0], span[1], "direct")
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=j + 1)
            break
        if info.comp_first and ctx.inside(j):  # لشبكة سي إن إن | إن…: part of the name
            if mode == "addr":
                addr[1] = j + 1
            elif mode == "subj" and subj:
                subj[1] = j + 1
            j += 1
            continue
        if info.comp_first:
            if _blocked(ctx, j, hit.j):
                break
            span = content_span(ctx, j + 1, clause_end(ctx, j + 1, b, np=False))
            if span is not None:
                found = Scan(content=(span[0], span[1]), kind=span[2], content_tok=j + 1)
            break
        if npq and subj and mode == "subj" and not roles.isdisjoint(_NP_OPEN):
            # نفى تحالف الفتح أي علاقة له…: أي opens the object; the subject ends before it
            if ctx.mentions_in(toks[subj[0]].start, t.start):
                s0 = split_subject(ctx, subj[0], subj[1])
            elif j - 1 > subj[0] and norms[subj[0]].startswith("ال") and _masdar_before(ctx, j - 1):
                s0 = j - 1  # نفت الوزارة | وجود أي إصابات: a definite subject, then the object's verbal noun
            else:
                s0 = j
            subj[1] = min(subj[1], s0)
            found = _np_content(ctx, s0, b, False)
            break
        if "stop" in roles and mode == "subj" and subj and (k := name_after_pp(ctx, subj[0], j, limit)):
            subj[1] = k  # ودعا المبعوث الأممي إلى اليمن هانس غروندبرغ…: the name comes after the PP
            j = k
            continue
        if cue.prep and cue.obj == "clause" and t.kind == "word" and not info.comp:
            if n == cue.prep or (cue.prep == "ب" and n.startswith("ب") and any(k == 1 for k, _ in t.forms)):
                break  # هدد الرئيس بالانسحاب…، تهدد بوقف التعاون إن…: the threat's object, not words
        elif cue.prep and t.kind == "word":
            if n == cue.prep and not (j + 1 < b and infos[j + 1].comp):
                found = _np_content(ctx, j + 1, b, cue.obj == "npquote")  # أعرب عن قلقه، أكد على ضرورة
                break
            elif (
                cue.prep == "ب"
                and n.startswith("ب")
                and not (n == "باسم" and subj and mode == "subj")  # المتحدث باسم الحوثيين: part of the title
                and len(n) >= 3
                and (len(n) == 3 or any(k == 1 for k, _ in t.forms))  # برد is too short to be stripped
                and not any(m[2].type == "PER" for m in ctx.mentions_in(t.start, t.end))  # بيني غانتس
                and not info.chan  # في بيان: a channel, not ب + يان
                and n[1:] not in ctx.lex.words["manner"]  # أقر المجلس بالإجماع: how it decided, no object
                and (subj or mode != "subj" or np_direct or hit.enclitic or j == hit.j)
            ):
                found = _np_content(ctx, j, b, cue.obj == "npquote", first_char=t.start + 1)
                break
        v = verb_at.get(j)
        if v is not None and v[0].kind == "participle" and v[0].lemma == "قال" and norms[j - 1] not in COMMAS:
            j += 1  # غرد السفير قائلاً إن…: قائلاً belongs to the verb before it
            mode = "after" if subj else mode
            continue
        att = attribution_at(ctx, j, b) if v is None and info.attr else None
        if att is not None and (subj or hit.kind == "participle"):
            if relay is None and subj and norms[att.i].startswith("نقل"):
                relay = att  # قالت وكالة سانا نقلا عن مصدر عسكري إن…: the source speaks, through the agency
            j = att.j  # قالت رويترز نقلاً عن مصادر إن…: the original source, passed over
            mode = "after"
            continue
        if v is not None or att is not None:
            break
        if n in PUNCT_END:
            break
        if mode == "subj":
            if t.kind == "punct" or not n:  # a lone tatweel (الوزير ـ في تصريحاته ـ) is a dash
                if n == "(" and subj:  # وكالة الأنباء الأردنية (بترا)
                    k = j + 1
                    while k < limit and norms[k] != ")":
                        k += 1
                    if k < limit:
                        subj[1:] = [k + 1]
                        j = k + 1
                        continue
                if (
                    n in COMMAS
                    and subj
                    and j + 1 < limit
                    and "withholds" in infos[j + 1].roles
                    and (k := _withheld_identity(ctx, j + 1, limit))
                ):
                    # أوضح مسؤول في المفوضية، طلب عدم ذكر اسمه، أن…: the inserted clause describes the source
                    j = k + 1 if k < limit and norms[k] in COMMAS else k
                    continue
                if n in COMMAS and subj:
                    mode = "appos"
                    appos = [j + 1, j + 1]
                elif subj:
                    mode = "after"
            elif "withholds" in roles and subj and (k := _withheld_identity(ctx, j, limit)):
                j = k  # مسؤول طلب عدم كشف هويته: the source's description, its verbs are no cues
                continue
            elif "stop" in roles:
                if subj and subj[1] == j and issued_by(ctx, j):
                    subj[1] = j + 1  # وأكد بيان صادر عن الرئاسة: the issuer belongs to the subject
                elif subj and subj[1] == j and affiliation_pp(ctx, subj[0], j):
                    subj[1] = j + 1  # مسؤول في البيت الأبيض: the affiliation belongs to the source
                elif subj and informed_pp(ctx, subj[0], j):
                    subj[1] = j + 1  # مصدر مطلع على سير المفاوضات: what the source knows describes it
                else:
                    mode = "after"
            elif (
                n[:1] == "ل" and subj and _head_kind(ctx, subj[0]) in ("person", "group") and _l_name(ctx, j)
            ):
                if (k := _genitive_before_name(ctx, j, limit)) > 0:
                    subj[1] = j = k  # عضو اللجنة المركزية لحركة فتح | عزام الأحمد: the body the title is of
                    continue
                mode = "addr"  # وقال شهود عيان لرويترز: ل + a name is whom they spoke to
                addr = [j, j + 1]
            elif info.lpp or info.audience:
                if subj and subj[1] == j and "affiliated" in infos[j - 1].roles:
                    subj[1] = j + 1  # رئيس اللجنة التابعة للحوثيين: the body the committee belongs to
                    j += 1
                    continue
                if subj and info.audience and (k := _audience_in_title(ctx, subj[0], j, limit)):
                    subj[1] = j = k  # المتحدث باسم الجيش للإعلام العربي | أفيخاي أدرعي: the title's audience
                    continue
                if (
                    subj
                    and not info.audience
                    and (_genitive_l(ctx, subj[0], subj[1]) or _name_goes_on(ctx, j))
                    and not _ends_with_tail_name(ctx, j)
                ):
                    subj[1] = j + 1  # تقرير للبنك الدولي، الأمين العام للأمم المتحدة
                else:
                    mode = "addr"
                    addr = [j, j + 1]
            else:
                subj = [subj[0] if subj else j, j + 1]
        elif mode == "appos":
            if t.kind == "punct" or (appos[0] == j and "stop" in roles):
                mode = "after"
            else:
                appos[1] = j + 1
        elif mode == "after" and n in COMMAS and subj and not appos and not addr:
            mode = "appos"  # المديرة القطرية للبنك في اليمن، دينا أبو غيدا، …
            appos = [j + 1, j + 1]
        elif mode == "addr":
            if t.kind == "punct" or "stop" in roles or info.lpp:
                mode = "after"
            else:
                addr[1] = j + 1
        j += 1
    out = found or Scan()
    # ranges never leave the sentence (a quotation skipped over may close beyond it); a Scan's are None
    if subj and (hi := subj[1] if subj[1] < b else b) > subj[0]:
        out.subject = (subj[0], hi)
    if appos and (hi := appos[1] if appos[1] < b else b) > appos[0]:
        out.appos = (appos[0], hi)
    if addr and (hi := addr[1] if addr[1] < b else b) > addr[0]:
        out.addressee = (addr[0], hi)
    out.end_tok = j
    out.relay = relay
    return out


def quote_before(ctx: Context, hit: CueHit, a: int) -> Scan | None:
    """A quotation right before the cue: «…»، قال الوزير."""
    j = hit.i - 1
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
