"""Finding reporting cues: verbs and participles (with the conjunctions و/ف read off the tokens' clitic forms,
and object pronouns such as أبلغه), attribution phrases (وفق ما أعلن، بحسب، نقلاً عن) and channel phrases."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..text import normalize
from ..text.tokens import Token
from .context import Context
from .lexicon import ENCLITICS, Cue, Lexicon

# the future prefix س is left out: "ستعلن الحركة…" says what someone will do, no words yet reported
_VERB_PREFIXES = frozenset({"", "و", "ف"})
_L_PREFIXES = frozenset({"ل", "ول", "فل"})  # ل + a present verb: the act that follows (ليعلن، لتؤكد)


@dataclass(slots=True)
class CueHit:
    i: int  # first token of the cue
    j: int  # token after the cue phrase
    cue: Cue | None  # the verb or participle (for "وفق ما أعلن" the verb أعلن)
    kind: str  # verb, participle, attribution
    enclitic: bool = False  # the verb carries an object pronoun (أبلغه)
    source: int | None = None  # attribution: token where the source starts
    source_offset: int | None = None  # attribution: char offset of the source (after a fused ل)
    pronoun: bool = False  # attribution to a pronoun (على حد قوله)
    forward: bool = False  # the attributed words follow the source (وجاء في البيان أن…)


def verb_cue(lex: Lexicon, tok: Token) -> tuple[Cue, bool] | None:
    """The verb or participle cue read in ``tok`` and whether it carries an object pronoun."""
    if tok.kind != "word":
        return None
    verbs = lex.verbs
    for k, stem in tok.forms:
        prefix = normalize(tok.text[:k])
        if prefix not in _VERB_PREFIXES:
            cue = verbs.get(stem) if prefix in _L_PREFIXES and stem[:1] in "يت" else None
            if cue is not None and cue.kind == "verb":
                return cue, False  # …، ليقول بعد المباراة إن…: "and then said"
            continue
        cue = verbs.get(stem)
        if cue is not None:
            return cue, False
        for enc in ENCLITICS:
            # حثه: a doubled root is written with two letters; رده ("his reply") takes no object, so no cue
            if stem.endswith(enc) and len(stem) - len(enc) >= 2:
                bare = stem[: -len(enc)]
                # نفاه، رواه: a final ى is written ا before the pronoun
                cue = verbs.get(bare) or (verbs.get(bare[:-1] + "ي") if bare[-1:] == "ا" else None)
                if cue is not None and (cue.addressee in ("obj", "thing") or cue.obj == "npq"):
                    return cue, True
    norm = tok.norm
    if len(norm) == 3 and norm[0] in "وف" and len(tok.forms) == 1:
        # ورد: a word this short keeps its conjunction in the tokens' readings (ورد "was mentioned" is
        # read as an attribution phrase first, and a verb cue needs a complement anyway)
        cue = verbs.get(norm[1:])
        if cue is not None and cue.kind == "verb":
            return cue, False
    return None


def _match_seq(ctx: Context, i: int, seq: tuple[str, ...], end: int) -> tuple[int, int | None, bool] | None:
    """Match ``seq`` at token ``i``: (next token, char offset of a fused ل's remainder or None, whether the
    last word carries a pronoun: على حد قوله)."""
    if i + len(seq) > end:
        return None
    # the first word is matched by the caller (TokInfo.attr_cands holds the phrases starting with it)
    for n, word in enumerate(seq[1:], start=1):
        tok = ctx.toks[i + n]
        norm = ctx.norms[i + n]
        last = n == len(seq) - 1
        if word == "ل" and last:
            if norm == "ل":  # لـ written apart
                return i + n + 1, None, False
            if norm.startswith("ل") and len(norm) > 2:  # للمصادر، لوكالة: the source starts inside the token
                return i + n, tok.start + 1, False
            return None
        if norm != word:
            if last and len(word) > 2 and norm[len(word) :] in _PRONOUNS and norm.startswith(word):
                return i + n + 1, None, True
            return None
    return i + len(seq), None, False


_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
_COMMAS = frozenset({"،", ","})


def attribution_at(ctx: Context, i: int, end: int) -> CueHit | None:
    """An attribution phrase starting at token ``i`` (before ``end``). The cue search, the content scan and
    the search for a content's end all ask this of the same tokens: each answer is kept for the document."""
    info = ctx.info[i]
    if not info.attr_cands:
        return None
    nxt = info.attr_next
    if nxt is not None and (i + 1 >= end or not ctx.norms[i + 1].startswith(nxt)):
        return None  # no phrase can match past its first word
    key = (i, end)
    memo = ctx.attr_memo
    if key not in memo:
        memo[key] = _attribution_at(ctx, i, end)
    return memo[key]


def _attribution_at(ctx: Context, i: int, end: int) -> CueHit | None:
    cands = ctx.info[i].attr_cands
    best = None
    for seq, mode in cands:
        if mode == "forward" and _object_ma(ctx, i):
            continue  # رفض الوزير ما ورد في البيان: what the statement said is the object, not quoted here
        m = _match_seq(ctx, i, seq, end)
        if m is None or (best is not None and m[0] <= best.j):
            continue
        j, fused, pronoun = m
        if mode == "verb":
            verb = _attributing_verb(ctx, j, end)
            if verb is None:
                continue
            src = j + 1
            if src < end and ctx.norms[src] in ("به", "بها", "بهم", "عنه", "عنها"):
                src += 1  # بحسب ما أفادت به وسائل إعلام: the pronoun points back to ما
            elif src < end and ctx.norms[src] == "في" and ctx.norms[j] in ("ورد", "جاء"):
                src += 1  # بحسب ما ورد في البيان: the document, not its preposition
            best = CueHit(i, j + 1, verb, "attribution", source=src)
        elif pronoun:  # على حد قوله: the source is whoever "he" is
            best = CueHit(i, j, None, "attribution", source=None, pronoun=True)
        else:
            best = CueHit(i, j, None, "attribution", source=j, source_offset=fused, forward=mode == "forward")
    return best


def _object_ma(ctx: Context, i: int) -> bool:
    """Token ``i`` follows a relative ما (رفض ما جاء في…) that no attribution word opens (وفق ما، بحسب ما)."""
    if i < 1 or ctx.norms[i - 1] not in ("ما", "مما"):
        return False
    return i < 2 or not ctx.info[i - 2].attr


def _attributing_verb(ctx: Context, j: int, end: int) -> Cue | None:
    """The verb after وفق ما / بحسب ما, also with a pronoun referring back (وفقاً لما ذكره مصدر)."""
    if j >= end:
        return None
    v = ctx.verb_at.get(j)
    if v is not None:
        return v[0]
    norm = ctx.norms[j]
    for enc in ("ه", "ها", "هم", "هما"):
        if norm.endswith(enc) and len(norm) - len(enc) >= 3:
            cue = ctx.lex.verbs.get(norm[: -len(enc)])
            if cue is not None and cue.kind == "verb":
                return cue
    return None


def channel_at(ctx: Context, i: int, end: int) -> tuple[str, int] | None:
    """A channel phrase at token ``i``: (channel, next token)."""
    if not ctx.info[i].chan:
        return None
    channels = ctx.lex.channels
    for length in range(min(ctx.lex.max_channel, end - i), 0, -1):
        first = ctx.toks[i]
        for k, stem in first.forms:
            if k and first.text[k - 1] == "س":  # the future prefix is read off verbs, never off a channel
                continue
            seq = (stem, *ctx.norms[i + 1 : i + length])
            ch = channels.get(seq)
            if ch is not None:
                return ch, i + length
    return None


def find_channel(ctx: Context, lo: int, hi: int) -> str | None:
    """The first channel named in tokens ``[lo, hi)``."""
    cands = ctx.chan_tokens  # only these can start one (channel_at)
    k = bisect_left(cands, lo)
    while k < len(cands) and cands[k] < hi:
        hit = channel_at(ctx, cands[k], hi)
        if hit:
            return hit[0]
        k += 1
    return None


_ON_IT = frozenset({"عليه", "عليها", "عليهم", "عليهما"})


def drop_out_of_place(ctx: Context) -> None:
    """Forget verb cues that cannot report here: inside a relative clause (يحيى الذي يعتبر…), a verbal noun
    after a preposition or a modal (بمثابة رد، يمكن وصفها), a present tense
    after أن/لن/لم (أن يكتب عليه…), or the writer's impersonal formulas (ويذكر أن، يشار إلى أن)."""
    norms, infos = ctx.norms, ctx.info
    for i in list(ctx.verb_at):
        cue = ctx.verb_at[i][0]
        prev = infos[i - 1].roles if i > 0 else frozenset()
        if not prev and not infos[i].roles:
            # most verbs: no function word before them and no role of their own, so only the test of a name
            # (the second below) can apply
            if ctx.inside(i) or (i > 0 and ctx.lex.anonymous.get(norms[i - 1]) == "medium"):
                del ctx.verb_at[i]
            continue
        if "np_start" in prev or "nominal" in prev or ("relative" in prev and not relative_report(ctx, i)):
            del ctx.verb_at[i]  # الذي يعتبر، أي ذكر غريب، طلب عدم ذكر اسمه
        elif ctx.inside(i) or (i > 0 and ctx.lex.anonymous.get(norms[i - 1]) == "medium"):
            del ctx.verb_at[i]  # وكالة فرات للأنباء: فرات is a name (no فـ + رأت), marked or not
        elif (
            cue.kind == "verb"
            and not prev.isdisjoint(_PREP_BLOCK)
            and not (norms[i][:1] in "وف" and norms[i][1:] in ctx.lex.verbs)  # وقال: a new clause
            and norms[i - 1] != "من"  # فمنهم من يرى، من قال: "who"
        ):
            del ctx.verb_at[i]  # بمثابة رد مباشر، يمكن وصفها: a verbal noun, no verb follows these
        elif "inscription" in infos[i].roles and i + 1 < len(norms) and norms[i + 1] in _ON_IT:
            del ctx.verb_at[i]  # لافتات كتب عليها "…": the passive "written on it", a slogan, no speaker
        elif cue.kind == "participle" and "preposition" in prev:
            del ctx.verb_at[i]  # في مذكرة للعملاء: a noun (a memo), not "reminding"
        elif "also_noun" in infos[i].roles and (i == 0 or norms[i - 1] not in _COMMAS):
            del ctx.verb_at[i]  # وجددت مطالبة المجتمع الدولي بـ…: the verbal noun, not "demanding"
        elif (
            cue.kind == "verb"
            and "subjunctive" in prev
            and (ctx.toks[i].forms[-1][1] if norms[i][:1] in "وف" else norms[i])[:1] in "يت"  # the stem
            # قبل أن يعلن الرئيس أن…: after a conjunction of time the verb reports what was done
            and not (i > 1 and norms[i - 1] == "ان" and "temporal" in infos[i - 2].roles)
        ):
            del ctx.verb_at[i]
        elif "impersonal" in infos[i].roles and i + 1 < len(norms):
            nxt = i + 2 if norms[i + 1] == "الي" and i + 2 < len(norms) else i + 1
            if infos[nxt].comp:
                del ctx.verb_at[i]
        elif (
            "impersonal_soft" in infos[i].roles
            and norms[i][:1] not in "وف"
            and i + 1 < len(norms)
            and infos[i + 1].comp
        ):
            # يُعتقد أنه انقرض، بسيدة يُعتقد أنها مغربية: "it is believed" has no subject before أن, and what
            # stands before it (nothing, punctuation, a noun) cannot be one
            p = ctx.toks[i - 1] if i > 0 else None
            if (
                p is None
                or p.kind != "word"
                or "adverbial_rel" in prev  # …، حيث يتوقع أن: "where it is expected"
                or not (not prev.isdisjoint(_PRONOUN_OPENER) or _speaks(ctx, i - 1))
            ):
                del ctx.verb_at[i]


_PREP_BLOCK = frozenset({"preposition", "block"})
_PRONOUN_OPENER = frozenset({"pronoun", "opener"})
_WHO = frozenset({"الذي", "التي", "الذين"})


def relative_report(ctx: Context, i: int) -> bool:
    """A speech verb in the past opening a relative clause that reports words (الكرملين الذي قال في بيانه إن…،
    فرنسا التي أعلنت وزيرة خارجيتها أنها…): a complementizer follows before the clause ends. Not a stance
    or a present tense (الباحث الذي يعتبر من أبرز…، المحكمة التي رأت أن…)."""
    if i < 1 or ctx.norms[i - 1] not in _WHO:
        return False
    cue = ctx.verb_at[i][0]
    stem = ctx.toks[i].forms[-1][1] if ctx.norms[i][:1] in "وف" else ctx.norms[i]
    if cue.kind != "verb" or cue.cls != "speech" or (stem[:1] in "يت" and cue.lemma[:1] != "ت"):
        return False
    if cue.prep and cue.obj == "np" and i >= 2 and ctx.norms[i - 2] in _COMMAS and i + 1 < len(ctx.norms):
        if ctx.norms[i + 1] == cue.prep:
            return (
                True  # …، بحسب خلية الإعلام، التي أشارت إلى عدم وقوع إصابات: set off by a comma, it reports
            )
    for k in range(i + 1, min(len(ctx.norms), i + 12)):
        info = ctx.info[k]
        if info.comp_first:
            return True
        if ctx.toks[k].kind == "punct" or k in ctx.verb_at:
            return False
    return False


def _speaks(ctx: Context, j: int) -> bool:
    """Token ``j`` can end a speaker's phrase: a name, a title or an unnamed source."""
    t = ctx.toks[j]
    if ctx.mentions_in(t.start, t.end):
        return True
    norm = ctx.norms[j]
    head = norm[2:] if norm.startswith("ال") else norm
    return norm in ctx.lex.titles or head in ctx.lex.anonymous


def find_cues(ctx: Context, a: int, b: int) -> list[CueHit]:
    """Cues in the sentence of tokens ``[a, b)``, in text order; a verb inside an attribution is not its own."""
    hits: list[CueHit] = []
    cands = ctx.cue_tokens
    k = bisect_left(cands, a)
    skip_to = a
    while k < len(cands) and cands[k] < b:
        i = cands[k]
        k += 1
        if i < skip_to:
            continue
        info = ctx.info[i]
        if info.attr and _object_ma(ctx, i) and all(mode == "forward" for _s, mode in info.attr_cands):
            continue  # رفض ما ورد في البيان: neither an attribution nor the verb رد
        att = attribution_at(ctx, i, b) if info.attr_cands else None  # most cue tokens are verbs only
        if att is not None:
            hits.append(att)
            skip_to = att.j
            continue
        v = ctx.verb_at.get(i)
        if v is not None:
            cue, enclitic = v
            hits.append(CueHit(i, i + 1, cue, cue.kind, enclitic))
    return hits
