"""Noun-phrase contents (أعرب عن قلقه، أكد رفضه القاطع، نفى أي علاقة): stance nouns, where the subject ends and
the object starts (``split_subject``), the short adverbials and asides that may stand between them (خلال
اللقاء، طلب عدم كشف هويته), quotations that only name something (صحيفة "الغارديان"), and when a joined verb's
dropped subject makes the noun phrase right after it the content."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from ..text import normalize
from .context import PUNCT_END, Context
from .cues import CueHit, channel_at
from .lexicon import lexicon
from .person_names import known_given_names, title_end
from .phrase_words import phrase_words
from .spans import COMMAS, Scan, clause_end, content_span, quoted_name
from .speaker_heads import affiliation_pp, close_tok, head_kind, is_body, is_l_pp, speaker_head


def masdar_before(ctx: Context, k: int) -> bool:
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


def adverbial_before(ctx: Context, j: int) -> bool:
    """A quotation after token ``j`` names something inside an adverbial (على "تويتر"، لقناة "العربية",
    عبر حسابه "…" when short)."""
    tok = ctx.toks[j]
    if tok.kind != "word":
        return False
    if (
        "preposition" in ctx.info[j].roles
        or is_l_pp(ctx, j)
        or (ctx.norms[j][:1] == "ب" and len(ctx.norms[j]) <= 2)
    ):
        return True
    if any((stem,) in ctx.lex.channels for _k, stem in tok.forms):
        close = close_tok(ctx, j + 1)
        return close - j <= 4  # a name of a few words, not a statement
    return False


def medium_before(ctx: Context, j: int) -> bool:
    """A quotation after token ``j`` is a name: صحيفة "الغارديان"، وكالة "رويترز"."""
    return ctx.toks[j].kind == "word" and ctx.lex.anonymous.get(ctx.norms[j]) in (
        "medium",
        "document",
        "data",
    )


def joined_after_comma(ctx: Context, hit: CueHit) -> bool:
    """The cue is a verb joined by و after a comma (…، وأكد): a clause sharing the sentence's subject."""
    i = hit.i
    return hit.kind == "verb" and i > 0 and ctx.norms[i - 1] in COMMAS and ctx.norms[i][:1] == "و"


def after_report(ctx: Context, i: int) -> bool:
    """A complementizer or colon earlier in the sentence: a joined verb (…، وأكدا ضرورة…) may carry on the
    reported clause rather than the writer's narrative."""
    for k in range(i - 1, max(-1, i - 60), -1):
        if ctx.norms[k] in PUNCT_END:
            return False
        if ctx.info[k].comp_first or ctx.norms[k] == ":":
            return True
    return False


def subject_like(ctx: Context, j: int, b: int) -> bool:
    """Token ``j`` may open a subject: a name, title, unnamed source or body, a document (البيان), or a
    definite dual or plural (الجانبان، المسؤولون)."""
    if j >= b or ctx.toks[j].kind != "word" or speaker_head(ctx, j, b):
        return True
    norm = ctx.norms[j]
    stem = norm[2:] if norm.startswith("ال") else norm
    if head_kind(ctx, j) is not None or (stem,) in ctx.lex.channels:
        return True
    return norm.startswith("ال") and norm.endswith(("ان", "ون", "ين"))


@lru_cache(maxsize=256)
def announces_stance(lemma: str) -> bool:
    return normalize(lemma) in lexicon().words["stance_announcer"]


def _construct_head(ctx: Context, p: int) -> bool:
    """Token ``p`` is an indefinite common noun whose genitive follows it (مناطق | سيطرته): a plain word with
    no article, no name, title, unnamed source, channel word (في بيان | رفضه) or cue."""
    info, norm = ctx.info[p], ctx.norms[p]
    if not info.plain or info.chan or norm.startswith("ال") or p in ctx.verb_at:
        return False
    if norm in ctx.lex.titles or norm in ctx.lex.anonymous:
        return False
    t = ctx.toks[p]
    if t.text.endswith(_POSSESSIVE) or norm.endswith("ي"):
        # في بيان نشرته على موقعها | مسؤوليتها، في مؤتمر صحافي | مقتل: a noun with a pronoun, an adjective
        return False
    return not ctx.mentions_in(t.start, t.end)


_UNDER = frozenset({"تحت", "فوق", "ضد", "بين", "نحو"})  # adverbial prepositions (no content opens after them)
_POSSESSIVE = ("ه", "ها", "هم", "هما", "نا", "كم")


def stance_noun(ctx: Context, j: int) -> bool:
    """Token ``j`` is a verbal noun of a stance (رفض، قبولها، موافقتها، التأييد): see stance_noun in
    quote_words.tsv."""
    nouns = ctx.lex.words["stance_noun"]
    norm = ctx.norms[j]
    if norm.startswith("ال"):
        norm = norm[2:]
    if norm in nouns:
        return not _governed(ctx, j)
    for suffix in _POSSESSIVE:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                return not _governed(ctx, j)
    return False


def _governed(ctx: Context, j: int) -> bool:
    """الحقول الواقعة تحت سيطرتها، في مناطق سيطرته: a noun governed by a preposition or another noun is no
    announced stance."""
    return j > 0 and (ctx.norms[j - 1] in _UNDER or _construct_head(ctx, j - 1))


def person_name_end(ctx: Context, j: int, limit: int) -> int:
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
            return e if adverbial_end(ctx, e, limit) > e else -1
    return _title_end_before_object(ctx, j, limit)


def _title_end_before_object(ctx: Context, j: int, limit: int) -> int:
    """After a definite title and its definite words (وأكد العاهل الأردني | أهمية وقف الحرب), the token where
    an indefinite noun opens the object; -1 when none, or when that word may be a name nobody marked."""
    norm = ctx.norms[j]
    if not norm.startswith("ال") or norm not in ctx.lex.titles:
        return -1
    k = title_end(ctx, j, limit)
    if k >= limit or k == j or ctx.norms[k].startswith("ال") or ctx.toks[k].kind != "word":
        return -1
    if ctx.norms[k] in known_given_names() or ctx.person_token(k) is not None:
        return -1  # وأكد الوزير الأميركي جون…: a name the entities layer missed
    return k


def clause_ahead(ctx: Context, j: int, limit: int) -> bool:
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


_NP_OPENERS = frozenset({"np_start", "demonstrative"})  # أي، كل، هذه: they open a noun phrase object

# رفض: "refusal" as an object, "refused" in مسؤول رفض كشف اسمه
_VERBAL_NOUN = frozenset({"withholds", "stop"})


def adverbial_end(ctx: Context, j: int, b: int) -> int:
    """The token after a short adverbial at ``j`` (خلال اللقاء، عقب الاجتماع، أمس، اليوم، في بيان، في كلمة
    متلفزة), or ``j``."""
    norms = ctx.norms
    words = phrase_words()
    during, now = words["during"], words["now"]
    k = j
    while k < b and k - j < 6:
        if norms[k] == "في" and k + 1 < b and (ch := channel_at(ctx, k + 1, b)) is not None:
            k = ch[1]  # في كلمة | متلفزة: a channel phrase, and the words describing it
            while k < b and (ctx.info[k].chan or "channel_adj" in ctx.info[k].roles):
                k += 1
        elif (
            norms[k] in during
            and k + 1 < b
            and norms[k + 1].startswith("ال")
            and ctx.toks[k + 1].kind == "word"
        ):
            k += 2
        elif norms[k] in during and k + 2 < b and (e := _verbal_noun_object_end(ctx, k + 1, b)):
            k = e  # خلال استقباله | الوزير الأميركي: a verbal noun with its agent's pronoun, and its object
        elif norms[k] in now or norms[k] in words["adverb"]:
            k += 1
        else:
            break
    return k


def adverb_only(ctx: Context, rng: tuple[int, int]) -> bool:
    """Tokens ``[lo, hi)`` are one manner adverb (نفى مجدداً أي علاقة): no subject, the subject is dropped."""
    return rng[1] - rng[0] == 1 and ctx.norms[rng[0]] in phrase_words()["adverb"]


MAX_VN_OBJECT = 4  # words of the object after a verbal noun in an adverbial (خلال لقائه | نظيره الأردني)


def _verbal_noun_object_end(ctx: Context, v: int, b: int) -> int:
    """The token after "verbal noun with a pronoun + its definite object" at ``v`` (استقباله الوزير الأميركي،
    لقائه نظيره الأردني، اتصاله بنظيره), or 0 when ``v`` is no such noun."""
    toks, norms = ctx.toks, ctx.norms
    t = toks[v]
    if t.kind != "word" or norms[v].startswith("ال") or not t.text.endswith(("ه", "ها", "هما", "هم")):
        return 0
    k = v + 1
    m = next((m for m in ctx.mentions_in(toks[k].start, toks[k].end) if m[0] == toks[k].start), None)
    if m is None and norms[k] in ctx.lex.titles:  # خلال استقباله | وزير الخارجية الأميركي أنتوني بلينكن
        hi = min(b, k + MAX_VN_OBJECT + 2)
        m = next((m for m in ctx.mentions_in(toks[k].start, toks[hi - 1].end) if m[2].type == "PER"), None)
    if m is not None:
        return ctx.tok_at(m[1])
    if toks[k].kind != "word" or not (
        norms[k].startswith(("ال", "ب")) or toks[k].text.endswith("ه") or norms[k] in ctx.lex.titles
    ):
        return 0
    k += 1
    while k < b and k - v <= MAX_VN_OBJECT and toks[k].kind == "word" and norms[k].startswith("ال"):
        if ctx.mentions_in(toks[k].start, toks[k].end):
            break
        k += 1
    return k


def np_after_name(ctx: Context, j: int, b: int) -> bool:
    """Token ``j``, right after the subject's name, opens a noun-phrase object: a plain word, not a
    preposition, time word, complementizer, cue, ل/ب phrase, conjunction, name, title or source."""
    if j >= b or ctx.toks[j].kind != "word":
        return False
    info, norm = ctx.info[j], ctx.norms[j]
    roles = info.roles - _VERBAL_NOUN if "withholds" in info.roles else info.roles  # رفض مصر: a verbal noun
    if roles and roles <= _NP_OPENERS and j + 1 < b and ctx.toks[j + 1].kind == "word":
        return True  # نفت الحركة في بيان | أي مسؤولية، هذه الاتهامات: a word opening a noun phrase
    if roles or info.comp or j in ctx.verb_at or info.lpp or info.audience or j in ctx.open_tok:
        return False
    if (norm[:1] in "وب" and norm not in phrase_words()["not_conjunction"]) or (
        speaker_head(ctx, j, b) or head_kind(ctx, j) is not None
    ):  # (نفى وجود، أكد وقف إطلاق النار: a و of the word itself)
        return False
    return not is_body(ctx, j)


def withheld_identity(ctx: Context, j: int, limit: int) -> int:
    """ "طلب عدم كشف هويته"، "فضل عدم ذكر اسمه": the token after the withheld identity, within a few words of
    ``j``; 0 if there is none."""
    for k in range(j + 1, min(limit, j + 5)):
        if "identity" in ctx.info[k].roles:
            return k + 1
        if ctx.toks[k].kind != "word" or ctx.info[k].comp:
            return 0
    return 0


def comp_ahead(ctx: Context, j: int, limit: int) -> bool:
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
    if any(affiliation_pp(ctx, lo, k) for k in range(lo + 1, min(hi, lo + 4))):
        return hi  # استبعد مصدر دبلوماسي في القاهرة | أي اتفاق: the affiliation belongs to the source
    return min(hi, lo + 2)


def _names_only(ctx: Context, cs: int, ce: int) -> bool:
    """Every quotation in chars ``[cs, ce)`` marks a name, not words (اتهم X بدعم "حركة تقرير المصير"): it
    opens with a body's head noun (حركة، حزب، جماعة: ``body`` in quote_words.tsv) or is one mention."""
    words = ctx.lex.words
    k = bisect_left(ctx.region_starts, cs - 1)
    seen = False
    while k < len(ctx.regions) and ctx.regions[k][0] < ce:
        o = bisect_left(ctx.starts, ctx.regions[k][0])
        close = ctx.open_tok.get(o)
        if close is None or o + 1 >= close:
            return False
        head = ctx.norms[o + 1]
        head = head[2:] if head.startswith("ال") else head
        if not (head in words["body"] or head in words["masc_body"] or quoted_name(ctx, o, close)):
            return False
        seen = True
        k += 1
    return seen


_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})  # after ب: بها، به


def noun_phrase_content(
    ctx: Context, s: int, b: int, need_quote: bool, first_char: int | None = None
) -> Scan | None:
    if 0 < s < len(ctx.norms) and ctx.norms[s - 1] == "عن" and ctx.norms[s] in phrase_words()["means"]:
        return None  # عبرت الشاحنات عن طريق المعبر: "by way of", no words
    if first_char is not None and ctx.norms[s][1:] in _PRONOUNS:
        return None  # أقر بها، رحب به: a pronoun is the object, no words are reported
    e = clause_end(ctx, s, b, np=True)
    span = content_span(ctx, s, e, first_char)
    if span is None or (need_quote and (span[2] == "indirect" or _names_only(ctx, span[0], span[1]))):
        return None
    return Scan(content=(span[0], span[1]), kind=span[2], content_tok=s, np=True)
