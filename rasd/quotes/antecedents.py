"""The speaker of a cue with no subject of its own (a dropped subject, a pronoun, a participle): candidates
nearest first (a statement's first person, the sentence's speakers and subjects, the subject of the clause it is
joined to, the previous sentence's), the first agreeing with the verb in gender and number winning."""

from __future__ import annotations

from collections.abc import Iterator

from ..text.normalize import normalize_word
from .agreement import agrees, agrees_strictly, can_speak, verb_agreement
from .back_references import title_holder
from .context import Context
from .cues import CueHit
from .dateline import dateline_end
from .person_names import title_end
from .phrase_words import phrase_words
from .records import QuoteRec as Quote
from .records import SpeakerRec as Speaker
from .speaker_heads import is_body, is_title, resumptive, speaker_head
from .speaker_links import as_implicit, new_speaker, speaker_entity, strip_al
from .speakers import from_range
from .subject_before import OBJECT_MA, answers_fronted_topic
from .title_names import _TITLE_PPS, name_after_pp


def antecedent(
    ctx: Context,
    hit: CueHit,
    si: int,
    quotes: list[Quote],
    subjects: list[tuple[int, int, Speaker]],
    pronoun: bool = False,
    verb: tuple[str | None, str | None] | None = None,
) -> Speaker | None:
    """The speaker of a cue with no subject of its own (dropped, a pronoun, a participle): the first person
    of a statement it sits in, the last speaker or subject of its sentence, the subject of the clause it is
    joined to, else of the previous sentence. The first candidate that agrees with the verb in gender and
    number wins (وقالت needs a woman, أكدا two; ``verb`` gives another agreement, a pronoun's); with none
    agreeing, the first candidate."""
    verb = verb or verb_agreement(ctx, hit)
    first = None
    for sp, implicit in _candidates(ctx, hit, si, quotes, subjects, pronoun, verb):
        if sp is None:
            continue
        if agrees(ctx, verb, sp):
            return as_implicit(sp) if implicit else sp
        first = first or (as_implicit(sp) if implicit else sp)
    return first


def _candidates(
    ctx: Context,
    hit: CueHit,
    si: int,
    quotes: list[Quote],
    subjects: list[tuple[int, int, Speaker]],
    pronoun: bool,
    verb: tuple[str | None, str | None],
) -> Iterator[tuple[Speaker | None, bool]]:
    """Antecedent candidates of :func:`antecedent`, nearest and likeliest first, computed as asked for, with
    whether they still have to be marked implicit (done for the chosen one only)."""
    cue_start = ctx.toks[hit.i].start
    # quotes and subjects are recorded sentence by sentence: this sentence's are at the end of the lists
    sentence_quotes = _of_sentence(quotes, si)
    for q in reversed(sentence_quotes):  # inside a reported statement: its first person is the subject
        if q.content.start <= cue_start < q.content.end:
            per = [m for m in ctx.mentions_in(q.content.start, cue_start) if m[2].type == "PER"]
            if per:
                m = per[0]
                eid, aff = speaker_entity(ctx, m[2])
                yield new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
            break
    if hit.kind == "participle" and (aside := _aside_subject(ctx, hit, quotes)) is not None:
        yield aside, False  # …، وهو ما نفاه المردة، مؤكدا…: the aside's subject goes on speaking
    if resumptive(ctx, hit.j, len(ctx.toks)) and (
        (issuer := _issuer_before_noun(ctx, hit.i)) is not None or (issuer := _author(ctx, hit.i)) is not None
    ):
        # حين أصدرت الخارجية الألمانية بيانا وصفت فيه…، رسالة من المستشار X، يدعوه فيها…: the issuer speaks
        yield issuer, False
    if resumptive(ctx, hit.j, len(ctx.toks)):
        # …، وهو ما نفته أبوظبي في بيان، وصفت فيه…: the statement is the nearest verb's; its subject speaks
        near = [sp for _s, off, sp in _subjects_of(subjects, si) if off < cue_start]
        if near:
            yield near[-1], True
    outside = [
        q
        for q in sentence_quotes
        if q.speaker is not None and not q.content.start <= cue_start < q.content.end
    ]
    for q in reversed(outside):
        yield q.speaker, True
    for _s, off, sp in reversed(_subjects_of(subjects, si)):
        if off < cue_start:
            yield sp, True
    s = ctx.doc.sentences[si]
    a, s_start = _body_start(ctx, s)  # after a dateline (بغداد - رووداو:): its agency speaks for no sentence
    if resumptive(ctx, hit.j, len(ctx.toks)):  # تلقى X اتصالا من Y، أكد خلاله…: the nearest person first
        for m in reversed(ctx.mentions_in(s_start, cue_start)):
            if m[2].type == "PER" and m[1] <= cue_start and not _called(ctx, m[0], a):
                eid, aff = speaker_entity(ctx, m[2])
                yield new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
    if hit.kind == "participle":  # رحبت غرفة التجارة بالزيارة، معتبرة…: the subject of the main verb
        k = last_contrast(ctx, a, hit.i)
        if k is not None:  # …، فيما هاجم المندوب X الدول…، متهما إياها: the subject of the nearer clause
            sp = clause_subject(ctx, k + 1, hit.i, quotes)
            if sp is not None and can_speak(ctx, sp):
                yield sp, False
        yield clause_subject(ctx, a, hit.i, quotes), False
    elif hit.i > a + 1:  # اتهم الوزير باريس بالمماطلة، وقال…: the subject of the clause it is joined to
        sp = clause_subject(ctx, a, hit.i, quotes, strict=True)
        if sp is not None and can_speak(ctx, sp):
            yield sp, False
    if pronoun or hit.kind == "participle":  # وتتهم موسكو كييف…، وهي تؤكد: the first name of the sentence
        yield _first_name(ctx, s_start, cue_start), False
    if hit.i > a + 1:  # the people named before it in the sentence, nearest first
        # …، حيث التقى X ونظيره Y، وحذر: a verb joined by و shares the subject of the meeting, not whom it met
        # (…، التقت البروفيسور X، فأشار: after ف the one met may answer)
        joined = ctx.norms[hit.i][:1] == "و" and ctx.toks[hit.i].forms[-1][0] > 0
        for m in reversed(ctx.mentions_in(s_start, cue_start)):
            if m[2].type == "PER" and m[1] <= cue_start and not (joined and _met(ctx, m[0], a)):
                eid, aff = speaker_entity(ctx, m[2])
                yield new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True), False
    sentences, blocks = ctx.doc.sentences, ctx.doc.blocks
    k = si - 1
    while k >= 0 and blocks[sentences[k].block].kind == "heading":
        k -= 1
    if k < 0:
        return
    for q in _of_sentence(quotes, k):
        if q.speaker is not None and q.parent is None:
            yield q.speaker, True
    for _s, _off, sp in _subjects_of(subjects, k):
        yield sp, True
    first = _first_name(ctx, _body_start(ctx, sentences[k])[1], sentences[k].end)
    if verb[0] is not None and first is not None and agrees_strictly(ctx, verb, first):
        yield first, False
    elif (
        verb[0] is not None
    ):  # وقالت فون دير لاين… . وأضاف روته… . وأكدت: the woman quoted two sentences back; a feminine verb
        # (a marked form: the masculine is also every body's whose gender we do not know) across paragraphs too
        block = sentences[k].block
        back = MAX_BACK_AGREEING if verb[0] == "f" else 2
        for k2 in range(k - 1, max(-1, k - 1 - back), -1):
            if blocks[sentences[k2].block].kind == "heading" or (back == 2 and sentences[k2].block != block):
                break
            for q in _of_sentence(quotes, k2):
                if q.speaker is not None and q.parent is None and agrees_strictly(ctx, verb, q.speaker):
                    yield q.speaker, True
    yield first, False


MAX_BACK_AGREEING = 4  # sentences before the previous one searched for a speaker agreeing with the verb

_ASIDE_PRONOUNS = frozenset({"وهو", "وهي", "هو", "هي", "وهذا", "هذا"})

_SUBJECT_ENDS = frozenset({"stop", "preposition"})

MAX_ASIDE_SUBJECT = 8  # words of "ما نفاه X" between ما and the comma before the participle


def _aside_subject(ctx: Context, hit: CueHit, quotes: list[Quote]) -> Speaker | None:
    """The subject of a writer's aside "وهو ما نفاه X" closed by the comma right before the participle."""
    p = hit.i - 1
    norms = ctx.norms
    if p < 3 or norms[p] not in ("،", ","):
        return None
    for k in range(p - 2, max(0, p - MAX_ASIDE_SUBJECT) - 1, -1):
        if norms[k] in ("،", ",", "."):
            return None
        if norms[k] == "ما" and norms[k - 1] in _ASIDE_PRONOUNS and ctx.toks[k + 1].kind == "word":
            hi = k + 2
            while hi < p and not ctx.info[hi].roles & _SUBJECT_ENDS and not ctx.info[hi].chan:
                hi += 1  # وهو ما نفاه الحزب | في بيان
            return as_implicit(from_range(ctx, k + 2, hi, None, quotes, {})[0]) if hi > k + 2 else None
    return None


_WITH = frozenset({"مع", "ب"})


def _met(ctx: Context, offset: int, a: int) -> bool:
    """The person at ``offset`` is the one met or the counterpart (حيث التقى الرئيس X ونظيره Y، وحذر…): a verb
    of meeting (``met`` in quote_phrase_words.tsv) or نظيره stands at most three words before, in its clause."""
    met = phrase_words()["met"]
    p = ctx.tok_at(offset)
    for k in range(p - 1, max(a, p - 4) - 1, -1):
        if ctx.norms[k] in ("،", ","):
            return False
        for _k, stem in ctx.toks[k].forms:
            if stem in met or stem.startswith("نظير"):
                return True
    return False


def _called(ctx: Context, offset: int, a: int) -> bool:
    """The person at ``offset`` is the one called or met (اتصالا بنظيره X، لقائه مع الرئيس X): the call's
    maker, the clause's subject, is who spoke during it (أكد خلاله), not this person."""
    p = ctx.tok_at(offset)
    if p > 0 and (p == len(ctx.toks) or ctx.toks[p].start > offset):
        p -= 1  # the mention starts inside a token (ببوتين): that token
    if ctx.toks[p].start < offset and ctx.text[ctx.toks[p].start] == "ب":
        return True  # ببايدن: the preposition is the name's clitic
    for k in range(p - 1, max(a, p - 4) - 1, -1):
        norm = ctx.norms[k]
        if norm in ("،", ","):
            return False
        if norm in _WITH or (norm[:1] == "ب" and (norm[1:3] == "ال" or norm[1:].startswith("نظير"))):
            return True
    return False


def _of_sentence(quotes: list[Quote], si: int) -> list[Quote]:
    """The quotes of sentence ``si``, in order, read from the end of a list ordered by sentence."""
    k = len(quotes)
    while k > 0 and quotes[k - 1].sentence > si:
        k -= 1
    j = k
    while j > 0 and quotes[j - 1].sentence == si:
        j -= 1
    return quotes[j:k]


def _subjects_of(subjects: list[tuple[int, int, Speaker]], si: int) -> list[tuple[int, int, Speaker]]:
    """The subjects recorded in sentence ``si``, in order, read from the end of a list ordered by sentence."""
    k = len(subjects)
    while k > 0 and subjects[k - 1][0] > si:
        k -= 1
    j = k
    while j > 0 and subjects[j - 1][0] == si:
        j -= 1
    return subjects[j:k]


def last_contrast(ctx: Context, a: int, i: int) -> int | None:
    """The last فيما/بينما before token ``i`` in the sentence that opens a clause of its own (a verb follows),
    or a كما/ثم after a comma (…، كما دان الأمين العام X الاعتداء، معربا: a new clause and subject)."""
    before_verb = ctx.lex.words["before_verb"]
    for k in range(i - 2, a, -1):
        if ctx.toks[k + 1].kind != "word":
            continue
        if "contrast" in ctx.info[k].roles:
            return k
        norm = ctx.norms[k]
        if ctx.norms[k - 1] in ("،", ",") and (
            norm in before_verb or (norm[:1] in "وف" and norm[1:] in before_verb)
        ):
            return k
        if norm in ("،", ",") and k + 2 < i and any(f[1] in _KANA for f in ctx.toks[k + 1].forms):
            return k  # …، وكان المندوب X طلب…، مطالبا: the كان clause's subject
    return None


_KANA = frozenset({"كان", "كانت", "كانوا"})


def clause_subject(
    ctx: Context, a: int, cue: int, quotes: list[Quote], strict: bool = False
) -> Speaker | None:
    """The subject after the verb opening the sentence (after a leading "بدورها،"): its noun phrase up to a
    preposition, a ل or ب phrase or punctuation. A topic fronted with أما (أما X، فقد رحبت…) is the subject.
    ``strict``: only a phrase that opens with a name, a title or an unnamed source."""
    if ctx.norms[a] == "اما":
        for k in range(a + 2, min(cue, a + 14)):
            if ctx.norms[k] in ("،", ",") or answers_fronted_topic(
                ctx, k, a
            ):  # أما X، فقد… / أما X فقد رفضت…
                sp = from_range(ctx, a + 1, k, None, quotes, {})[0]
                if (hi := _person_after_title(ctx, a + 1, a + 2, cue)) is not None and sp.entity is None:
                    sp = _person_ending(ctx, hi)  # أما رئيس حزب "الأمة" X فأكد: the person holding the title
                return as_implicit(sp)
    norm = ctx.norms[a]
    if a + 2 < cue and (
        norm in ctx.lex.words["before_verb"]
        or (norm[:1] in "وف" and norm[1:] in ctx.lex.words["before_verb"])
    ):
        a += 1  # كما دان الأمين العام X…، داعيا: the adverb before the verb opening the clause
        if ctx.norms[a] == "ما" and a + 2 < cue:
            a += 1  # وسرعان ما ندد…
    start = a
    for k in range(a, min(cue, a + 4)):
        if ctx.norms[k] in ("،", ","):
            start = k + 1
            break
    lo = start + 1  # the verb
    if strict and not (speaker_head(ctx, lo, cue) or ctx.norms[lo] in ctx.lex.words["quantifier"]):
        return None  # وناشد الدول الغربية…: with its own subject dropped, the verb's object follows it
    hi = lo
    while hi < cue and hi - lo < 6:
        info = ctx.info[hi]
        tok = ctx.toks[hi]
        if (
            tok.kind != "word"
            or info.roles & {"stop", "np_start", "demonstrative"}
            or info.lpp
            or hi in ctx.verb_at
            or info.comp
            or ctx.norms[hi] in OBJECT_MA  # دانت الوزيرة | ما وصفته: the object's relative
            or ctx.norms[hi] in ("قد", "لقد")  # وكان رئيس المجلس | قد طلب…
        ):
            break
        if hi > lo and ctx.norms[hi][:1] == "ب" and len(ctx.norms[hi]) > 3 and ctx.norms[hi] != "باسم":
            break  # رحبت الغرفة بالزيارة (but المتحدث باسم…)
        if hi > lo and _accusative(ctx, hi):
            break  # وألقى الرئيس خطابا: the object, in the accusative
        if hi > lo and info.chan:
            break  # وختم رئيس البرلمان | كلمته بالقول: a channel word is the object, no name
        hi += 1
    if hi == lo or (
        # وكانت reads also as و + ك + انت: any reading may be كان
        "opener" in ctx.info[start].roles and not any(f[1] in _KANA for f in ctx.toks[start].forms)
    ):
        return None  # لكن، بينما… open no verb-first clause; كان does (وكان الرئيس X قد عقد…)
    if lo < hi < cue and (k := name_after_pp(ctx, lo, hi, cue)):
        hi = k  # ورحب المبعوث الأممي إلى اليمن هانس غروندبرغ بالمحادثات: the name after the title's phrase
    hi = _title_name_end(ctx, lo, hi, cue)
    if (held := _person_after_title(ctx, lo, hi, cue)) is not None:
        hi = (
            held  # كما دان المتحدث باسم وزارة الخارجية الإيرانية X القرار، واصفا: the person the title is his
        )
    ms = ctx.mentions_in(ctx.toks[lo].start, ctx.toks[hi - 1].end)
    if ms and (ms[0][0] <= ctx.toks[lo].start or (is_body(ctx, lo) and ms[0][0] <= ctx.toks[lo + 1].start)):
        # الاتحاد الأوروبي | الهجوم، حركة حماس | إسرائيل: the object follows the name
        hi = max(lo + 1, min(hi, ctx.tok_at(ms[0][1])))
    sp, _org = from_range(ctx, lo, hi, None, quotes, {})
    if held is not None and sp.entity is None:  # الأمين العام لـ"حزب الله" X: quotation marks in the title
        sp = _person_ending(ctx, held)
    return as_implicit(sp)


def _person_ending(ctx: Context, hi: int) -> Speaker:
    """The person whose mention ends with token ``hi - 1`` (found by :func:`_person_after_title`)."""
    t = ctx.toks[hi - 1]
    m = next(m for m in ctx.mentions_in(t.start, t.end) if m[2].type == "PER")
    eid, aff = speaker_entity(ctx, m[2])
    return new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff)


MAX_TITLE_CHAIN = 12  # words from a title to the name of the person holding it


def _person_after_title(ctx: Context, lo: int, hi: int, cue: int) -> int | None:
    """The token after a person's mention that closes the genitive chain of the title at ``lo`` (محافظ بيروت
    X، المتحدث باسم وزارة الخارجية الإيرانية X، الأمين العام لـ"حزب الله" X، نائبة وزير الخارجية الأميركي
    بالوكالة X), when ``[lo, hi)`` holds no person: the chain runs over bodies' and places' mentions, definite
    and ل words, a title after an indefinite head (نائبة وزير), the prepositions of a title's body and quotation
    marks; a comma, a verb, a complementizer or a new definite title (الوزير | الرئيس X: the object) ends it."""
    toks, norms, infos = ctx.toks, ctx.norms, ctx.info
    if not is_title(ctx, lo) or any(
        m[2].type == "PER" for m in ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    ):
        return None
    end = min(cue, lo + MAX_TITLE_CHAIN)
    k = lo + 1
    while k < end:
        t = toks[k]
        ms = [m for m in ctx.mentions_in(t.start, t.end) if m[1] > t.start]
        if ms:
            m = ms[0]
            if m[2].type == "PER":
                return ctx.tok_at(m[1]) if m[0] >= t.start and k > lo + 1 else None
            k = max(k + 1, ctx.tok_at(m[1]))
            continue
        norm = norms[k]
        if t.kind != "word":
            if t.text in ('"', "«", "»", "“", "”"):
                k += 1
                continue
            return None
        info = infos[k]
        if info.comp or k in ctx.verb_at or info.chan or "stop" in info.roles and norm not in _TITLE_PPS:
            return None
        if is_title(ctx, k) and norms[k - 1].startswith("ال"):
            return None  # استقبل الوزير | الرئيس X: a new noun phrase, the object
        if norm in _TITLE_PPS or norm.startswith(("ال", "ل")) or norm in ("باسم", "باسمه", "باسمها"):
            k += 1
            continue
        if is_title(ctx, k) or (norm.startswith("بال") and k > lo + 2):
            k += 1  # نائبة | وزير الخارجية، … الأميركي | بالوكالة
            continue
        if k == lo + 1:
            k += 1  # محافظ | بيروت, a place the entities layer left out
            continue
        return None
    return None


def _accusative(ctx: Context, j: int) -> bool:
    """An indefinite noun with the accusative alif (خطابا، بيانا، اتصالا) that no mention covers: an object."""
    norm = ctx.norms[j]
    if len(norm) < 5 or not norm.endswith("ا") or norm.startswith("ال"):
        return False
    t = ctx.toks[j]
    return not ctx.mentions_in(t.start, t.end)


def _title_name_end(ctx: Context, lo: int, hi: int, limit: int) -> int:
    """A title's genitive chain can run past the first words (الأمين العام لمجلس التعاون لدول الخليج العربية
    جاسم البديوي): when ``[lo, hi)`` opens with a title and holds no person, the end of a person's mention
    reached over definite or ل words only; else ``hi``."""
    toks, norms = ctx.toks, ctx.norms
    across = [m for m in ctx.mentions_in(toks[hi - 1].start, toks[hi - 1].end) if m[1] > toks[hi - 1].end]
    if across and across[0][2].type == "PER":  # ولي العهد السعودي الأمير محمد بن | سلمان: the name runs on
        return max(hi, ctx.tok_at(across[0][1]))
    if not is_title(ctx, lo) or any(
        m[2].type == "PER" for m in ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    ):
        return hi
    j = hi
    while j < min(limit, lo + 14) and toks[j].kind == "word":
        ms = [m for m in ctx.mentions_in(toks[j].start, toks[j].end) if m[0] >= toks[j].start]
        if any(m[2].type == "PER" for m in ms):
            return ctx.tok_at(next(m[1] for m in ms if m[2].type == "PER"))
        info = ctx.info[j]
        if info.roles or info.comp or j in ctx.verb_at or not norms[j].startswith(("ال", "ل")):
            break
        j += 1
    return hi


def _first_name(ctx: Context, start: int, end: int) -> Speaker | None:
    """The first person or organization named in ``[start, end)``, as an implicit speaker."""
    first = next((m for m in ctx.mentions_in(start, end) if m[2].type in ("PER", "ORG")), None)
    if first is None:
        first = next((m for m in ctx.mentions_in(start, end) if m[2].type == "LOC"), None)
    a = ctx.tok_at(start)
    stop = ctx.tok_at(first[0] if first else end)
    for j in range(a + 1, min(stop, a + 3)):  # وترأس ولي العهد القمة… نيابة عن الملك X: the subject's holder
        if ctx.norms[j] in ctx.lex.titles and (holder := _title_holder(ctx, j)) is not None:
            return holder
    for j in range(a, stop):
        ent = ctx.person_token(j)  # a person's bare last name the entities layer did not mark
        if ent is not None:
            t = ctx.toks[j]
            return new_speaker(ctx, t.start, t.end, entity=ent.id, implicit=True)
    if first is not None:
        eid, aff = speaker_entity(ctx, first[2])
        return new_speaker(ctx, first[0], first[1], entity=eid, affiliation=aff, implicit=True)
    for j in range(ctx.tok_at(start), ctx.tok_at(end)):  # no names at all: the first title (وبحث الوزير…)
        if ctx.norms[j] in ctx.lex.titles:
            k = title_end(ctx, j, min(len(ctx.toks), j + 6))
            t0, t1 = ctx.toks[j].start, ctx.toks[k - 1].end
            holder = ctx.by_role.get(normalize_word(ctx.text[t0:t1]))
            return new_speaker(ctx, t0, t1, entity=holder.id if holder else None, implicit=True)
    return None


def _title_holder(ctx: Context, j: int) -> Speaker | None:
    """The title at token ``j`` as an implicit speaker when someone named before holds it, else None."""
    k = title_end(ctx, j, min(len(ctx.toks), j + 6))
    t0, t1 = ctx.toks[j].start, ctx.toks[k - 1].end
    if ctx.mentions_in(t0, t1):
        return None  # the title runs into a name: that name is the subject
    holder = ctx.by_role.get(normalize_word(ctx.text[t0:t1]))
    eid = holder.id if holder is not None else None
    head = strip_al(ctx.norms[j])
    while eid is None and k > j:  # ولي العهد: the person given that title before (…بن سلمان ولي العهد);
        # the title may have run over the object (وترأس ولي العهد | الاجتماع)
        eid = title_holder(ctx, head, t0, [], tuple(ctx.norms[j + 1 : k]))
        t1 = ctx.toks[k - 1].end
        k -= 1
    return new_speaker(ctx, t0, t1, entity=eid, implicit=True) if eid is not None else None


def _issuer_before_noun(ctx: Context, i: int) -> Speaker | None:
    """The body or person named right before the indefinite noun that a relative verb at ``i`` describes
    (أصدرت الخارجية الألمانية | بيانا | وصفت فيه، عقد الوزير | مؤتمرا صحافيا | أكد خلاله): the verb's subject,
    whatever verb (أصدر، عقد، نشر) came before; None when punctuation or no name stands there."""
    toks = ctx.toks
    k = i - 1
    while k > 0 and i - k <= 2 and toks[k].kind == "word" and not ctx.norms[k].startswith("ال"):
        k -= 1  # بيانا، بيانا مشتركا: the indefinite noun and its adjective
    if k == i - 1 or k < 0 or toks[k].kind != "word":
        return None
    m = next((m for m in ctx.mentions_in(toks[k].start, toks[k].end) if m[1] == toks[k].end), None)
    if m is None or m[2].type not in ("PER", "ORG"):
        return None
    eid, aff = speaker_entity(ctx, m[2])
    return new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True)


MAX_AUTHOR_TITLE = 5  # words between من and the author's name (رسالة من المستشار الألماني | أولاف شولتس)


def _author(ctx: Context, i: int) -> Speaker | None:
    """The person after "document من" closing the words right before a comma and the relative verb at ``i``
    (نقلت إليه رسالة من المستشار الألماني أولاف شولتس، يدعوه فيها…): the author speaks in it."""
    toks, norms = ctx.toks, ctx.norms
    if i < 3 or norms[i - 1] not in ("،", ","):
        return None
    end = toks[i - 2].end
    m = next((m for m in ctx.mentions_in(toks[i - 2].start, end) if m[1] == end), None)
    if m is None or m[2].type != "PER":
        return None
    p = ctx.tok_at(m[0])
    for k in range(p - 1, max(0, p - MAX_AUTHOR_TITLE - 1), -1):
        if toks[k].kind != "word":
            return None
        if norms[k] == "من":
            if (norms[k - 1],) not in ctx.lex.channels:
                return None
            eid, aff = speaker_entity(ctx, m[2])
            return new_speaker(ctx, m[0], m[1], entity=eid, affiliation=aff, implicit=True)
    return None


def _body_start(ctx: Context, sent) -> tuple[int, int]:
    """The first token of sentence ``sent`` after a dateline opening it, if any, and its offset."""
    a = ctx.tok_at(sent.start)
    b = ctx.tok_at(sent.end)
    if a >= b:
        return a, sent.start
    k = dateline_end(ctx, a, b)
    return k, ctx.toks[k].start
