"""Where the source of an attribution is: the noun phrase after بحسب/وفق ما أعلن, the one after عن in a passive
نُقل عن, and the split of "verb + speaker + addressee" (أبلغ الرئيس بوتين نظيره بايدن)."""

from __future__ import annotations

from .back_references import same_head
from .context import Context
from .cues import CueHit
from .phrase_words import phrase_words
from .records import QuoteRec as Quote
from .records import SpeakerRec as Speaker
from .spans import Scan
from .speaker_heads import affiliation_pp, informed_pp, is_body, issued_by
from .speakers import from_range

MAX_SOURCE = 8  # words of the source after an attribution phrase
# words of the source after نقل … عن, up to its قوله or complementizer: a title, its body and the name (مدير
# عام الموازنة في وزارة المالية الفلسطينية عمر البيطار)
MAX_AN_SOURCE = 14


_AN_PRONOUNS = {"عنه": ("m", "sg"), "عنها": ("f", "sg"), "عنهم": (None, "pl"), "عنهما": (None, "du")}


def an_source(ctx: Context, hit: CueHit, scan: Scan) -> tuple[int, int] | tuple[str, str | None, str] | None:
    """Whom نقل reports: the tokens after عن (نقلت الوكالة عن الوزير قوله إن…), or the agreement of a pronoun
    (نقلت الوكالة عنه قوله: ("pronoun", gender, number)); None without an عن before the content."""
    stop = scan.content_tok if scan.content_tok is not None else scan.end_tok
    for j in range(hit.j, min(stop, hit.j + 2 + MAX_SOURCE, len(ctx.norms))):  # where عن is
        norm = ctx.norms[j]
        if norm in _AN_PRONOUNS:
            return ("pronoun", *_AN_PRONOUNS[norm])
        if norm != "عن":
            continue
        k = j + 1
        while k < stop and ctx.toks[k].kind == "word" and not ctx.info[k].comp and k - j <= MAX_AN_SOURCE:
            if ctx.norms[k].startswith("قول"):  # قوله، قولها
                break
            k += 1
        return (j + 1, k) if k > j + 1 else None
    return None


def reported_source(
    ctx: Context, hit: CueHit, scan: Scan, quotes: list[Quote], orgs: dict[str, str]
) -> Speaker | None:
    """The source after عن (نُقل عن الوزير قوله، نقلت الوكالة عن الوزير قوله إن…)."""
    src = an_source(ctx, hit, scan)
    if src is None or isinstance(src[0], str):
        return None
    return from_range(ctx, src[0], src[1], None, quotes, orgs)[0]


def split_vso(ctx: Context, lo: int, hi: int) -> tuple[int, int, tuple[int, int] | None]:
    """أبلغ الرئيس بوتين نظيره بايدن: the speaker's phrase ends with its first person (or, with none, its
    first name); what follows is the addressee."""
    toks = ctx.toks
    for k in range(lo + 1, hi):  # أبلغ الرئيس الروسي | نظيره الأميركي: the counterpart is spoken to
        if ctx.norms[k].startswith("نظير"):
            return lo, k, (k, hi)
    ms = ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    per = [m for m in ms if m[2].type == "PER"]
    first = per[0] if per else (ms[0] if len(ms) >= 2 else None)
    if first is not None:
        cut = ctx.tok_at(first[1])
        if lo < cut < hi:
            return lo, cut, (cut, hi)
    elif (
        len(ms) == 1
        and ms[0][0] == toks[lo].start
        and lo < (cut := ctx.tok_at(ms[0][1])) < hi
        and ctx.norms[cut].startswith("ال")
        and ctx.toks[cut - 1].end == ms[0][1]
    ):
        return lo, cut, (cut, hi)  # ودعت منظمة العفو الدولية | السلطات المصرية إلى…: the body, then whom
    elif (
        len(ms) == 1
        and ms[0][0] == toks[lo + 1].start
        and ctx.norms[lo].startswith("ال")
        and ctx.lex.anonymous.get(ctx.norms[lo][2:]) == "document"
    ):
        return lo, lo + 1, (lo + 1, hi)  # ويطالب القرار | طهران بتقديم…: a document takes no name after it
    elif (not ms or ms[0][0] > toks[lo].start) and hi - lo > 1 and (cut := _object_after_title(ctx, lo, hi)):
        return lo, cut, (cut, hi)  # ودعت الوزيرة | الأطراف إلى ضبط النفس، واتهم الوزير | واشنطن بـ…
    elif (
        not ms
        and hi - lo > 1
        and ctx.norms[lo].startswith("ال")
        and same_head(ctx, ctx.norms[lo][2:], toks[lo].start)
    ):
        return (
            lo,
            lo + 1,
            (lo + 1, hi),
        )  # ودعت المنظمة الدول المانحة: the organization named before, then whom
    return lo, hi, None


def _object_after_title(ctx: Context, lo: int, hi: int) -> int:
    """A definite title (الوزيرة، الأمين العام) cannot take a genitive: a definite word after it and its
    adjectives (a nisba, السابق، العام…) that is no adjective starts the verb's object. Returns that token,
    or 0."""
    norms = ctx.norms
    if not norms[lo].startswith("ال"):
        return _object_after_nisba(ctx, lo, hi)
    if (
        norms[lo] not in ctx.lex.titles
        and ctx.lex.anonymous.get(norms[lo][2:]) not in ("person", "group", "document")
        and not (hi - lo == 2 and (is_body(ctx, lo) or norms[lo][2:] in ctx.lex.words["masc_body"]))
    ):  # (ودعت المفوضية | اللاجئين إلى…: a body named by its head alone, then whom)
        return 0  # ويتهم المعارضون | الحكومة: an unnamed source's head as well; ويطالب القرار | الحكومة
    k = lo + 1
    while k < hi and norms[k].startswith("ال"):
        info = ctx.info[k]
        if "audience" in info.roles or (not _nisba(ctx, k) and "title_adj" not in info.roles):
            return k  # أبلغ الرئيس السابق | الصحافيين
        k += 1
    if k < hi and ctx.starts[k] in ctx.mention_starts_set:
        return k  # واتهم الوزير | واشنطن بـ…: a name right after a definite title is the object
    return 0


_NISBA = ("ي", "يه", "يون", "يين", "يان")


def _nisba(ctx: Context, k: int) -> bool:
    """Token ``k`` ends like a nisba adjective (الأردنية، الإيرانيين), not like a plural whose ئ normalizes to ي
    (اللاجئين، الناشئين)."""
    return ctx.norms[k].endswith(_NISBA) and not ctx.toks[k].text.endswith(("ئين", "ئون", "ئيين"))


def _object_after_nisba(ctx: Context, lo: int, hi: int) -> int:
    """An indefinite title and its genitive closed by a nisba (رئيس الوزراء العراقي): a definite word after
    that is no adjective starts the verb's object (ووصف رئيس الوزراء العراقي | الهجوم بأنه…). Returns that
    token, or 0."""
    norms = ctx.norms
    if norms[lo] not in ctx.lex.titles:
        return 0
    if (
        lo + 2 < hi
        and f"{norms[lo]} {norms[lo + 1]}" in ctx.lex.titles
        and norms[lo + 2].startswith("ال")
        and not norms[lo + 2].endswith(_NISBA)
        and "title_adj" not in ctx.info[lo + 2].roles
    ):
        return lo + 2  # وحث رئيس الوزراء | النازحين على…: a title of two words, then whom
    k = lo + 1
    while k < hi and norms[k].startswith("ال") and not norms[k].endswith(_NISBA):
        k += 1
    if k == lo + 1 or k >= hi or not norms[k].startswith("ال"):
        return 0  # no genitive, or no nisba closing it
    k += 1
    while k < hi and norms[k].startswith("ال"):
        info = ctx.info[k]
        if not norms[k].endswith(_NISBA) and "title_adj" not in info.roles:
            return k
        k += 1
    return 0


def source_end(ctx: Context, hit: CueHit, b: int) -> tuple[int, int] | None:
    """Tokens of the source after an attribution phrase, up to punctuation or a preposition."""
    lo = hit.source
    if lo is None or lo >= b:
        return None
    j = lo
    while j < b and j - lo < MAX_SOURCE:
        t = ctx.toks[j]
        if t.kind == "punct" and ctx.norms[j] not in '()"«»':
            break
        if (
            j > lo
            and "stop" in ctx.info[j].roles
            and (informed_pp(ctx, lo, j) or affiliation_pp(ctx, lo, j) or issued_by(ctx, j))
        ):
            j += 1  # بحسب مصدر مطلع على سير المفاوضات، بحسب مسؤول في الأمم المتحدة: it describes the source
            continue
        if j > lo and ("stop" in ctx.info[j].roles or ctx.verb_at.get(j) is not None or ctx.info[j].comp):
            break
        j += 1
    if j == lo:
        return None
    if hit.cue is None and not _is_source(ctx, lo, j, hit):
        return None  # بحسب الخطة: "according to" a thing that does not speak
    return lo, j


def _is_source(ctx: Context, lo: int, hi: int, hit: CueHit) -> bool:
    toks = ctx.toks
    start = hit.source_offset if hit.source_offset is not None else toks[lo].start
    norm = ctx.norms[lo]
    if hit.source_offset is not None:
        norm = norm[1:]
        if norm.startswith("ل"):  # للمصادر → المصادر
            norm = "ا" + norm
    head = norm[2:] if norm.startswith("ال") else norm
    if head in phrase_words()["norm"]:
        return False  # وفقا لمبادئ اتفاقية فيينا: a rule followed, not a source, whatever name it holds
    if ctx.mentions_in(start, toks[hi - 1].end):
        return True
    lex = ctx.lex
    body = head in lex.words["body"] and hi - lo >= 2  # بحسب وزارة الصحة اللبنانية, not بحسب الوزارة alone
    if lex.anonymous.get(head) == "data" or lex.anonymous.get(norm) == "data":
        return _has_owner(ctx, lo, hi)
    return (
        body
        or head in lex.anonymous
        or norm in lex.anonymous
        or (head,) in lex.channels
        or (norm,) in lex.channels
        or norm in lex.titles  # بحسب الوزير، وجاء على لسان الوزير: a title names its holder
    )


def _has_owner(ctx: Context, lo: int, hi: int) -> bool:
    """Data with its owner after it: a name, a ل phrase (للجيش الأميركي), a body or unnamed source, or a
    definite noun that is no nisba adjective (بيانات البنك المركزي; not الأرقام الرسمية المعلنة)."""
    toks = ctx.toks
    for k in range(lo + 1, hi):
        norm = ctx.norms[k]
        if ctx.mentions_in(toks[k].start, toks[k].end) or norm.startswith("لل"):
            return True
        stem = norm[2:] if norm.startswith("ال") else norm
        if stem in ctx.lex.words["body"] or ctx.lex.anonymous.get(stem) in ("person", "group"):
            return True
        if (
            k == lo + 1
            and norm.startswith("ال")
            and (not norm.endswith(("ي", "يه")) or toks[k].text[-1] == "ى")
        ):
            return True  # المنتدى ends in alif maqsura, no nisba's ي
    return False
