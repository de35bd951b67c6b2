"""Names after a title: the person named after a title and its place or body phrase (المبعوث الأممي إلى اليمن
هانس غروندبرغ), after an honorific (السيدة تمار هيرمان), a name the entities layer did not mark (``bare_name``)
or took into a body's mention (``tail_name``, ``straddling_name``), and the ل phrases that belong to a title
rather than name whom it spoke to (الأمين العام للأمم المتحدة)."""

from __future__ import annotations

from .context import Context
from .phrase_words import phrase_words
from .speaker_heads import POSSESSIVES, close_tok, head_kind, is_body, is_open, is_title, possessed

_TITLE_PPS = frozenset({"في", "لدي", "ب", "عن", "الي", "من", "علي"})

MAX_PP_WORDS = 10  # words of the place or body between a title's preposition and the name

MAX_NAME_WORDS = 4  # words of a name after an honorific (سيدي محمد ولد أحمدو)

_HONORIFIC = frozenset({"honorific"})

_RANK_WORDS = frozenset({"honorific", "title_adj", "rank_adj"})

_INNER_PPS = frozenset(
    {"في", "لدي", "عن"}
)  # a place or host inside a title's body phrase (… في بغداد، عن ائتلاف…)


_CONTENT_ROLES = frozenset(
    {"body", "masc_body", "office", "affiliated"}
)  # roles of nouns, not of function words


def name_after_pp(ctx: Context, lo: int, j: int, limit: int) -> int:
    """After a title and a preposition phrase naming a place or body, the token after the person's name that
    follows it in the same noun phrase (المبعوث الأممي إلى اليمن هانس غروندبرغ، رئيسها في قطاع غزة خليل
    الحية، الباحث في مركز البيان للدراسات والتخطيط في بغداد علي المعموري، الباحثة في معهد … في القدس السيدة
    تمار هيرمان); 0 if none. The body phrase holds plain words, mentions and further place phrases (في، لدى):
    no punctuation, other preposition, channel (في مؤتمر صحافي مع نظيره…), verbal noun with a pronoun (لدى
    استقباله بلينكن) or reporting word; an honorific (السيدة، الدكتور) opens the name."""
    if (
        j > lo
        and ctx.toks[j].text in phrase_words()["name_lookalike"]
        and "honorific" in ctx.info[j - 1].roles
    ):
        return honorific_name(ctx, j, limit)  # وزير الدفاع العماد | علي محمود عباس: a rank, then the name Ali
    if ctx.norms[j] not in _TITLE_PPS or not (is_title(ctx, lo) or head_kind(ctx, lo) == "person"):
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
            if (
                m[2].type == "PER"
                and m[0] >= toks[k].start
                and not (k == j + 1 and ctx.norms[k] in phrase_words()["institution"])
            ):  # (معهد لوي الأسترالي marked as a person: an institution's head opens it, read as the body below)
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
            or (k == j + 1 and toks[k].text.endswith(POSSESSIVES) and not ms)
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
    # names that normalize to a function word (علي, the preposition على)
    lookalikes = phrase_words()["name_lookalike"]
    k = after_rank(ctx, k, limit)
    e = k
    while e < limit and e - k < MAX_NAME_WORDS:
        info = infos[e]
        if toks[e].kind != "word" or info.comp or info.chan or info.lpp:
            break
        if (
            info.roles - _CONTENT_ROLES
            and toks[e].text not in lookalikes
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
    lookalikes = phrase_words()["name_lookalike"]
    e = k
    while e < limit and e - k < 3:
        info = infos[e]
        if (
            toks[e].kind != "word"
            or (e == k and norms[e].startswith("ال"))
            or (
                info.roles - _CONTENT_ROLES
                and toks[e].text not in lookalikes
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


def genitive_l(ctx: Context, lo: int, hi: int) -> bool:
    """A ل phrase after a title or a document still belongs to it (الأمين العام للأمم المتحدة) as long as no
    name has been met (after وزير الدفاع لويد أوستن, لنظيره names the addressee)."""
    if head_kind(ctx, lo) in ("medium", "document", "data"):
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


def audience_in_title(ctx: Context, lo: int, j: int, limit: int) -> int:
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


def ends_with_tail_name(ctx: Context, j: int) -> bool:
    """The mention ending right before token ``j`` ran on over a person's name (اتحاد المعلمين سعاد العلي |
    لوكالة…): the ل phrase after it names whom the person spoke to, not the body's genitive."""
    p = ctx.toks[j - 1]
    return any(m[1] == p.end and tail_name(ctx, m, j) for m in ctx.mentions_in(p.start, p.end))


def genitive_before_name(ctx: Context, j: int, limit: int) -> int:
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
