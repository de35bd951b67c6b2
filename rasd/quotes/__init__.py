"""The quotes layer: who said what, to whom, through which channel.

For every sentence it finds reporting cues (``cues``), the content each introduces (``after_cue``, ``spans``,
``np_content``), the speaker, addressee and channel (``speakers`` with ``speaker_heads``, ``title_names``,
``person_names``, ``back_references``; ``subject_before``; ``sources``; a dropped subject's antecedent,
``antecedents``, must agree with the verb in gender and number, ``agreement``), quotations without a verb
(``headline``) and which quote is reported inside which (``nesting``); it fills ``doc.quotes`` and reads only the
text layer's sentences and tokens and the entities layer's output. docs/quotes.md maps the modules.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from ..document import Document
from ..text import normalize
from .after_cue import scan_after
from .agreement import agrees, can_speak, city_after_masculine, verb_agreement
from .antecedents import antecedent, clause_subject, last_contrast
from .aside import past_aside
from .context import PUNCT_END, Context, build_context
from .cues import CueHit, drop_out_of_place, find_channel, find_cues
from .dateline import dateline_candidates, dateline_end
from .denial import denied_clause
from .headline import headline_quote, quote_in_next_paragraph
from .mouthpiece import mouth_offsets, mouthpiece, past_mouthpiece
from .nesting import assign_parents, same_speaker
from .np_content import adverb_only
from .records import QuoteRec as Quote
from .records import Sp, speaker_words
from .records import SpeakerRec as Speaker
from .repair import fix_speaker
from .sources import an_source, reported_source, source_end, split_vso
from .spans import Scan, attribution_content, has_quote, quote_before
from .speaker_heads import is_body, is_title, resumptive
from .speaker_links import as_implicit
from .speakers import addressee, from_range, spokesman_of_pronoun
from .subject_before import named_subject_before, pre_subject
from .tokinfo import ANY_TEXTS, TOKEN_CACHE, token_info

__all__ = ["annotate"]

log = logging.getLogger(__name__)


@dataclass
class _State:
    quotes: list[Quote] = field(default_factory=list)
    orgs: dict[str, str] = field(default_factory=dict)  # quote id -> organization named in the speaker's role
    # (sentence, offset, subject) of every cue, with or without a content
    subjects: list[tuple[int, int, Speaker]] = field(default_factory=list)
    consumed: int = -1  # tokens before this one belong to a quote's cue, speaker or adverbials


def annotate(doc: Document, **kwargs) -> Document:
    """Fill ``doc.quotes``. Never raises on odd input: a sentence that trips a rule is skipped and logged."""
    if not doc.sentences or not doc.tokens:
        return doc
    ctx = build_context(doc)
    _token_infos(ctx)
    ctx.mouth_offsets = mouth_offsets(ctx)
    st = _State()
    starts = ctx.starts
    datelines = dateline_candidates(ctx)
    for si, sent in enumerate(doc.sentences):
        a, b = bisect_left(starts, sent.start), bisect_left(starts, sent.end)  # ctx.tok_at, inlined
        if a in datelines:
            a = dateline_end(ctx, a, b)  # بغداد - رووداو: the agency is no subject of what follows
        try:
            last = a
            head = headline_quote(ctx, si, a, b, len(st.quotes), st.subjects)
            if head is not None:
                st.quotes.append(head)
                continue
            for hit in find_cues(ctx, a, b):
                if hit.i < st.consumed:
                    continue
                q = _quote(ctx, hit, si, a, b, st, last)
                last = hit.j
                if q is not None:
                    st.quotes.append(q)
        except Exception:  # pragma: no cover - defensive: one odd sentence must not lose the article
            log.exception("quotes: sentence %d skipped", si)
    assign_parents(st.quotes)
    if _cut_self_reports(ctx, st.quotes):
        for q in st.quotes:
            q.parent = None
        assign_parents(st.quotes)
    text = doc.text
    doc.quotes.extend([q.to_model(text) for q in st.quotes])
    return doc


_ANY, _VERB, _ATTR, _MARK, _CHAN = map(attrgetter, ("any", "verb", "attr", "mark", "chan"))


def _token_infos(ctx: Context) -> None:
    """Every token's TokInfo, and the few positions the rules visit: verb cues, attributions, channel
    phrases and the marks where a content may end. Most tokens are none of these (TokInfo.any is false), so
    only the others are looked at twice."""
    lex = ctx.lex
    texts = ctx.texts
    try:  # every word met before (the usual case): one C pass, no test per token
        ctx.info = infos = list(map(TOKEN_CACHE.__getitem__, texts))
        # the visited tokens by their texts: a set lookup per token, not an attribute read
        at = list(compress(range(len(infos)), map(ANY_TEXTS.__contains__, texts)))
    except KeyError:  # words met for the first time
        ctx.info = infos = list(map(TOKEN_CACHE.get, texts))
        toks = ctx.toks
        for i in [i for i, info in enumerate(infos) if info is None]:
            infos[i] = token_info(lex, toks[i])
        at = list(compress(range(len(infos)), map(_ANY, infos)))
    # the columns are filtered with compress over attribute getters: C loops, no Python step per token
    sel = [infos[i] for i in at]
    verbs = list(map(_VERB, sel))  # a (Cue, enclitic) pair is true, None false
    ctx.verb_at.update(compress(zip(at, verbs, strict=True), verbs))
    attrs = list(compress(at, map(_ATTR, sel)))
    marks = list(compress(at, map(_MARK, sel)))
    chans = list(compress(at, map(_CHAN, sel)))
    verb_at = ctx.verb_at
    drop_out_of_place(ctx)
    # the verbs left, and the tokens that may open an attribution, in text order
    ctx.cue_tokens = sorted(set(verb_at).union(attrs)) if attrs else sorted(verb_at)
    ctx.marks = sorted(set(marks).union(ctx.open_tok)) if ctx.open_tok else marks
    ctx.chan_tokens = chans


def _quote(ctx: Context, hit: CueHit, si: int, a: int, b: int, st: _State, last: int) -> Quote | None:
    toks = ctx.toks
    org = None
    addr = None
    if hit.kind == "attribution" and hit.pronoun:  # …، على حد قوله
        if any(q.sentence == si for q in st.quotes):
            return None  # it repeats the attribution of the quote already read in this sentence
        scan = attribution_content(ctx, hit, hit.j, a, b)
        if scan is None or scan.content is None or scan.content_tok is None or scan.content_tok > hit.i:
            return None
        speaker = antecedent(ctx, hit, si, st.quotes, st.subjects, pronoun=True)
        channel = None
        cue_class = "attribution"
    elif hit.kind == "attribution":
        src = source_end(ctx, hit, b)
        if src is None:
            return None
        lo, hi = src
        relay = _relay_source(ctx, hit, hi, b)
        scan = attribution_content(ctx, hit, relay[1] if relay else hi, a, b)
        if scan is None or scan.content is None:
            return None
        if scan.content_tok is not None and scan.content_tok > hi and scan.content_tok in ctx.verb_at:
            # وبحسب بيان للخارجية، أكد الصفدي أن…: the minister speaks, the statement is his channel
            return None
        if (ctx.norms[lo - 1] in _BACK_PRONOUNS or _relaying(ctx, hit)) and _restates(
            ctx, scan.content, si, st.quotes, named=ctx.norms[lo - 1] not in _BACK_PRONOUNS
        ):
            # أكد X أنه …، بحسب ما نقلت عنه القناة 12: "عنه" is X, whose quote is already read (the channel
            # that carried it is no new attribution, as على حد قوله); so is وفق ما نقلته الوكالة after a named
            # person's words (after an unnamed source's or a body's, the medium is the one vouching for them)
            return None
        speaker, org = from_range(ctx, lo, hi, None, st.quotes, st.orgs)
        if hit.source_offset is not None and speaker.start < hit.source_offset <= speaker.end:
            speaker = replace(
                speaker, start=hit.source_offset, text=ctx.text[hit.source_offset : speaker.end]
            )
        channel = find_channel(ctx, lo, hi)
        ctx.recent.append(speaker)  # وفق ما أعلنت الوزارة … . وبحسب البيان: a later البيان may be hers
        if relay is not None:  # بحسب ما نقلت وكالة X عن مصدر في الرئاسة: the source speaks, X relays
            channel = channel or _media_channel(ctx, speaker)
            speaker, org = from_range(ctx, relay[0], relay[1], None, st.quotes, st.orgs)
        elif (voiced := _voiced_stance(ctx, scan, hit, st.quotes)) is not None and (
            medium := _media_channel(ctx, speaker)
        ):
            # ورحب المجلس بالصفقة، وفق ما نقلت وكالة X: the council voiced it, the agency carried it
            speaker, org, channel = voiced, None, channel or medium
        cue_class = "attribution"
    else:
        cue = hit.cue
        assert cue is not None
        # a verb with a resumptive PP (خطابا أكد فيه) opens a relative clause: what precedes is no subject
        relative = hit.i > a and "relative" in ctx.info[hit.i - 1].roles  # kept by cues.relative_report
        if hit.kind == "participle" or relative:
            pre = None
        elif hit.j < b and "resumptive" in ctx.info[hit.j].roles:
            pre = named_subject_before(ctx, hit, a)  # أن الرئيس شدد خلاله: a named subject still speaks
        else:
            pre = pre_subject(ctx, hit, a)
        scan = scan_after(ctx, hit, b, np_direct=hit.kind == "participle" or pre is not None)
        speaker: Speaker | None = None
        obj_addressee = None
        honorific = False
        if relative and scan.subject is None:  # الكرملين الذي قال في بيانه إن…: the noun the clause is of
            named = _named_before_relative(ctx, hit.i - 1, a, st)
            if named is None:
                return None
            speaker, org = named
        elif pre is not None and pre[0] == "np":
            speaker, org = from_range(ctx, pre[1], pre[2], scan.appos, st.quotes, st.orgs)
            if _mute_in_content(ctx, speaker, pre[1], hit, si, st.quotes):
                return None  # يرى X أن الاشتباكات تكشف أن…: events do not speak inside someone's words
            obj_addressee = scan.subject
        elif (
            pre is None
            and scan.subject is not None
            and (
                _time_phrase(ctx, scan.subject)
                or (scan.subject[1] - scan.subject[0] == 1 and adverb_only(ctx, scan.subject))
            )
        ):
            pass  # وكان X قد تعهد الأسبوع الماضي بـ"…"، فيما نفى مجدداً: no subject; the subject is dropped
        elif (
            pre is None
            and scan.subject is not None
            and scan.subject[1] - scan.subject[0] == 1
            and ctx.norms[scan.subject[0]] in ctx.lex.words["honorific_pronoun"]
        ):
            honorific = (
                True  # وقال سموه إن…: a pronoun of respect; its referent found as for a dropped subject
            )
        elif pre is None and hit.kind != "participle" and scan.subject is not None:
            lo, hi = scan.subject
            takes_obj = cue.addressee in ("obj", "thing")
            if takes_obj:
                lo, hi, obj_addressee = split_vso(ctx, lo, hi)
            coordinated = (
                _coordinated(ctx, hit, a, si, st.quotes)
                if takes_obj and obj_addressee is None and not spokesman_of_pronoun(ctx, lo, hi)
                else None
            )  # …، ووصف الناطق باسمها الهجوم: the spokesman of the body named before is the subject
            if coordinated is not None:  # وأدان الاتحاد الأوروبي الهجوم، ودعا موسكو إلى…: موسكو is called on
                speaker, obj_addressee = coordinated, (lo, hi)
            elif takes_obj and obj_addressee is None and _named_object_after_resumptive(ctx, hit, lo, hi):
                # أجرى X اتصالا اتهم خلاله | واشنطن بـ"…": the clause's subject is the noun's (X), the name is
                # the one accused
                obj_addressee = (lo, hi)
            elif takes_obj and obj_addressee is None and ctx.norms[lo] in ctx.lex.words["object_only"]:
                obj_addressee = (lo, hi)  # ودعا الجميع إلى…: everyone is called on; the subject is dropped
            elif hi - lo == 1 and ctx.norms[lo] in ctx.lex.words["to_pronoun"]:
                pass  # وأكد له أن…: said to him; the subject is dropped
            elif (ctx.norms[lo][2:] in ctx.lex.words["masc_body"] and _masculine_body(ctx, lo, hit)) or (
                takes_obj and city_after_masculine(ctx, hit, lo)
            ):
                # واتهمت | الاتحاد الأوروبي بالسعي…، ودعا | طهران إلى…: the verb cannot agree with what follows
                # it; its subject is dropped and that is its object
                obj_addressee = (lo, hi)
            else:
                speaker, org = from_range(ctx, lo, hi, scan.appos, st.quotes, st.orgs)
                if (
                    st.quotes
                    and st.quotes[-1].sentence == si
                    and _mute_in_content(ctx, speaker, lo, hit, si, st.quotes)
                ):
                    return None  # …محذرة من أن الملء يهدد حياة "…": a thing inside her words, no speaker
        relay_channel = None
        if cue.lemma == "نقل":  # ونُقل عن الوزير قوله إن…، ونقلت الوكالة عن الوزير قوله: the minister speaks
            src = an_source(ctx, hit, scan)
            if src is not None and isinstance(src[0], str):  # نقلت الوكالة عنه قوله: whom "he" refers to
                owner = _office_owner(ctx, scan.subject)
                speaker = owner or antecedent(
                    ctx, hit, si, st.quotes, st.subjects, pronoun=True, verb=src[1:]
                )
            elif src is not None:
                source = reported_source(ctx, hit, scan, st.quotes, st.orgs)
                if source is not None and speaker is not None:
                    relay_channel = _media_channel(ctx, speaker)  # ونقلت صحيفة X عن مصدر: the newspaper
                speaker = source or speaker
        if scan.relay is not None and speaker is not None:
            relayed = _relayed(ctx, scan.relay, b, st)
            if relayed is not None:  # قالت وكالة سانا نقلا عن مصدر عسكري إن…: the agency is the channel
                relay_channel = _media_channel(ctx, speaker)
                speaker, org = relayed, None
        if (
            scan.np
            and scan.content_tok is not None
            and ctx.norms[scan.content_tok - 1] == "علي"
            and (aside := past_aside(ctx, scan, hit.j, b)) is not None
        ):
            scan = aside  # أكد الوزير، في تصريح على هامش القمة، أن…: على is the aside's
        if ctx.mouth_offsets:  # the text holds لسان: maybe على لسان X
            if scan.np and (past := past_mouthpiece(ctx, scan, b)) is not None:  # أكدت مدريد على لسان X أن…
                scan, mp = past
                speaker, org = from_range(ctx, mp[0], mp[1], None, st.quotes, st.orgs)
            else:
                stop = scan.content_tok if scan.content_tok is not None else scan.end_tok
                if stop - hit.j > 2 and (mp := mouthpiece(ctx, hit.j, stop)) is not None:  # قالت X على لسان Y
                    speaker, org = from_range(ctx, mp[0], mp[1], None, st.quotes, st.orgs)
        if (
            speaker is not None
            and not speaker.anonymous
            and (speaker.entity is None or " " in speaker.text)  # what repair.fix_speaker may change
            and (fixed := fix_speaker(ctx, speaker)) is not None
        ):
            speaker = fixed  # محافظ المفرق سلمان | النجادا, تيسير أبو | سنينة: a mention misread
        if speaker is not None:  # remembered even without a content: a later وقال may refer to it
            st.subjects.append((si, toks[hit.i].start, speaker))
            ctx.recent.append(speaker)
        if cue.lemma == "نقل" and not _has_an(ctx, hit.j, scan):
            return None  # نقل reports only "عن" someone (نقلت الوكالة عن الوزير…); otherwise it moves things
        # the tests of a bare noun-phrase content (most contents are clauses or quotations: one test skips them)
        if scan.np:
            if not _verb_in_place(ctx, hit, pre, a):
                return None  # قتل طالب جامعي بالرصاص: طالب is a student here, not "demanded"
            if hit.kind == "participle" and scan.content_tok == hit.j and cue.prep == "ب":
                scan = _past_b_name(
                    ctx, hit, scan, b
                )  # متهما بغداد بالتلكؤ: بغداد is the object, not ب + غداد
        if scan.np and _np_rejected(ctx, hit, cue, scan, pre, a, si, st.quotes):
            return None
        if scan.content is None:
            before = (
                quote_before(ctx, hit, a)
                or quote_in_next_paragraph(ctx, hit, scan, b)
                # …، وهو ما نفته قطر بشدة.: the clause before the aside
                or (denied_clause(ctx, hit, a, b, st.quotes) if hit.enclitic else None)
            )
            if before is None:
                return None
            before.subject, before.appos, before.addressee = scan.subject, scan.appos, scan.addressee
            before.end_tok = scan.end_tok
            scan = before
        if speaker is None:  # dropped subject, pronoun or participle
            speaker = antecedent(ctx, hit, si, st.quotes, st.subjects, pronoun=pre is not None)
            if (
                speaker is not None
                and not speaker.anonymous
                and (speaker.entity is None or " " in speaker.text)  # what repair.fix_speaker may change
                and (fixed := fix_speaker(ctx, speaker)) is not None
            ):
                speaker = fixed  # a subject read afresh (…، وهو ما نفاه المردة، مؤكدا): as for a stated one
            if (pre is None or pre[0] != "np") and not honorific:
                obj_addressee = scan.subject
        if scan.addressee is not None:
            addr = addressee(ctx, *scan.addressee)
        elif obj_addressee is not None and cue.addressee == "obj":
            addr = addressee(ctx, *obj_addressee)
        if addr is not None and speaker is not None and addr == speaker.entity:
            addr = None  # a mention running over "لقناة" is not someone speaking to himself
        stop = scan.content_tok if scan.content_tok is not None and scan.content_tok > hit.j else scan.end_tok
        channel = find_channel(ctx, hit.j, stop) if stop > hit.j else None
        if channel is None and pre is None:  # وفي مؤتمر صحافي عقده في عمّان، قال…
            channel = find_channel(ctx, last, hit.i)
        channel = channel or relay_channel or cue.channel
        cue_class = cue.cls
        if speaker is not None and channel is None:
            channel = ctx.lex.channels.get((_head(ctx, speaker),))
        if scan.content_tok is not None and scan.content_tok > hit.j:
            st.consumed = scan.content_tok
    cs, ce = scan.content
    cue_span = Sp(toks[hit.i].start, toks[hit.j - 1].end)
    qid = f"q{len(st.quotes) + 1}"
    if org:
        st.orgs[qid] = org
    return Quote(
        id=qid,
        kind=scan.kind or "indirect",
        cue=cue_span,
        content=Sp(cs, ce),
        speaker=speaker,
        addressee=addr,
        channel=channel,
        cue_class=cue_class,
        sentence=si,
    )


def _np_rejected(
    ctx: Context, hit: CueHit, cue, scan: Scan, pre: tuple | None, a: int, si: int, quotes
) -> bool:
    """A bare noun-phrase content (``scan.np``) that reports no words."""
    if (
        hit.kind == "participle"
        and scan.content_tok == hit.j
        and cue.addressee == "obj"
        and _normal_lemma(cue.lemma) in ctx.lex.words["passive_reading"]
    ):
        return True  # عاد الجنود متهمين بالتقصير: no object before ب, the passive "accused of", no words
    if hit.kind == "participle" and _needs_words_before(ctx, hit, si, quotes, scan):
        return True  # وأعلن الوزير إغلاق المعبر، متهما الحركة بتهريب السلاح: an act, no words reported
    if _pledged_sum(ctx, cue.lemma, scan.content_tok):
        return True  # تعهد المانحون بتقديم ملياري يورو: money given, not words
    if _in_quotation(ctx, hit.i):
        return True  # …إن لبنان "لا يريد الحرب، ويطالب بتطبيق القرار": the speaker's own words go on
    if _headline(ctx, si) and not _opens_with_quotation(ctx, scan):
        # a headline's "مصر تطالب بوقف…": the headline sums up an act, no words are reported; with
        # quoted words (بكين تحذر من "اللعب بالنار") the headline does report words
        return True
    # …الملاحم التي أظهرت قوة الشعب، وأكدت تعلقه…: no one named opens the sentence
    return (
        scan.content_tok == hit.j
        and hit.kind == "verb"
        and cue.obj == "npq"
        and pre is None
        and clause_subject(ctx, a, hit.i, quotes, strict=True) is None
    )


_BACK_PRONOUNS = frozenset({"عنه", "عنها", "عنهم", "عنهما"})


def _needs_words_before(ctx: Context, hit: CueHit, si: int, quotes: list[Quote], scan) -> bool:
    """A participle (متهما) whose plain noun-phrase content counts only after a quote of its sentence, unless
    that content holds a quotation."""
    k, stem = ctx.toks[hit.i].forms[-1]
    words = ctx.lex.words["after_words"]
    if ctx.norms[hit.i] not in words and (k != 1 or stem not in words):
        return False
    cs, ce = scan.content
    if has_quote(ctx, cs - 1, ce + 1):  # the marks around a whole quoted content
        return False
    return not (quotes and quotes[-1].sentence == si)


def _past_b_name(ctx: Context, hit: CueHit, scan, b: int):
    """A participle's object whose name starts with ب (بغداد، بيروت، بريطانيا), read as the preposition ب that
    opens the content: the content is looked for after the name."""
    t = ctx.toks[hit.j]
    m = next((m for m in ctx.mentions_in(t.start, t.end) if m[0] == t.start and m[2].type != "PER"), None)
    if m is None:
        return scan
    rescan = scan_after(ctx, replace(hit, j=ctx.tok_at(m[1])), b, np_direct=True)
    return rescan if rescan.content is not None else scan


def _relaying(ctx: Context, hit: CueHit) -> bool:
    """The attribution's verb is نقل (وفق ما نقلته الوكالة، بحسب ما نقلت واس): a medium that carried words, no
    source of its own; after a verb's quote of the same words it repeats that attribution."""
    return any(ctx.norms[k].startswith("نقل") for k in range(hit.i, hit.j))


def _restates(
    ctx: Context, content: tuple[int, int], si: int, quotes: list[Quote], named: bool = False
) -> bool:
    """A verb's quote of sentence ``si`` holds the words an attribution would attribute again (``named``:
    and a named person, linked to a person entity, said them)."""
    cs, ce = content
    for q in reversed(quotes):
        if q.sentence != si:
            return False
        if q.cue_class != "attribution" and q.content.start < ce and cs < q.content.end:
            if not named:
                return True
            ent = ctx.entity_by_id(q.speaker.entity) if q.speaker is not None and q.speaker.entity else None
            return ent is not None and ent.type == "PER"
    return False


def _media_channel(ctx: Context, sp: Speaker) -> str | None:
    head = _head(ctx, sp)
    return ctx.lex.media_channels.get(head[2:] if head.startswith("ال") else head)


def _relayed(ctx: Context, att: CueHit, b: int, st: _State) -> Speaker | None:
    """The speaker of a relay passed over between a verb and its content (نقلا عن مصدر عسكري)."""
    src = source_end(ctx, att, b)
    return from_range(ctx, src[0], src[1], None, st.quotes, st.orgs)[0] if src else None


def _relay_source(ctx: Context, hit: CueHit, hi: int, b: int) -> tuple[int, int] | None:
    """Tokens of the source after عن when an attribution's verb is نقل (بحسب ما نقلت وكالة X عن مصدر…)."""
    if hit.cue is None or hit.cue.lemma != "نقل" or hi + 1 >= b or ctx.norms[hi] != "عن":
        return None
    return source_end(ctx, replace(hit, source=hi + 1, cue=None), b)


def _voiced_stance(ctx: Context, scan, hit: CueHit, quotes: list[Quote]) -> Speaker | None:
    """The subject of a stance voiced in words (رحب، أدان…: ``verbal_act``) opening the content an attribution
    after it attributes, when it names someone who can speak."""
    if scan.content is None:
        return None
    k = ctx.tok_at(scan.content[0])
    if k >= hit.i or "verbal_act" not in ctx.info[k].roles:
        return None
    sp = clause_subject(
        ctx, k - 1 if k > 0 and ctx.norms[k - 1] in ("،", ",") else k, hit.i, quotes, strict=True
    )
    return sp if sp is not None and can_speak(ctx, sp) else None


def _masculine_body(ctx: Context, lo: int, hit: CueHit) -> bool:
    """Token ``lo`` heads a grammatically masculine body with the article (الاتحاد، المجلس: ``masc_body``)
    and the verb is feminine singular (the caller tests the head word first: most subjects are none)."""
    return ctx.norms[lo].startswith("ال") and verb_agreement(ctx, hit) == ("f", "sg")


def _office_owner(ctx: Context, subject: tuple[int, int] | None) -> Speaker | None:
    """ونقل مكتب ميقاتي عنه قوله: the office's owner is the one "he" refers to (a person named in the subject
    right after an office word), as an implicit speaker."""
    if subject is None or "office" not in ctx.info[subject[0]].roles:
        return None
    toks = ctx.toks
    for m in ctx.mentions_in(toks[subject[0]].start, toks[subject[1] - 1].end):
        if m[2].type == "PER":
            return as_implicit(from_range(ctx, ctx.tok_at(m[0]), ctx.tok_at(m[1]), None, [], {})[0])
    for j in range(subject[0] + 1, subject[1]):
        ent = ctx.person_token(j)  # a known person's last name the entities layer did not mark
        if ent is not None:
            t = toks[j]
            return Speaker(t.start, t.end, t.text, ent.id, None, False, None, True)
    return None


@lru_cache(maxsize=256)
def _normal_lemma(lemma: str) -> str:
    return normalize(lemma)


MAX_SUM_WORDS = 6  # words of a pledge's object that may come before the sum (بتقديم أكثر من ملياري…)


def _pledged_sum(ctx: Context, lemma: str, k: int | None) -> bool:
    """A pledge (``pledge``) whose noun-phrase object names a sum of money early in it (``amount``: مليون،
    مليار، دولار…), not a promise to act (تعهد بتوفير ألف وحدة سكنية)."""
    words = ctx.lex.words
    if k is None or _normal_lemma(lemma) not in words["pledge"]:
        return False
    amounts = words["amount"]
    for j in range(k, min(len(ctx.toks), k + MAX_SUM_WORDS)):
        if ctx.norms[j] in amounts:
            return True
        if ctx.toks[j].kind == "punct":
            return False
    return False


def _in_quotation(ctx: Context, i: int) -> bool:
    """Token ``i`` lies between quotation marks: inside someone's quoted words, a verb with a noun-phrase
    object is part of them, not another attribution."""
    spans = ctx.quoted_tokens
    k = bisect_right(spans, (i,)) - 1  # the last run of quoted tokens opening before token i
    return k >= 0 and i < spans[k][1]


def _named_object_after_resumptive(ctx: Context, hit: CueHit, lo: int, hi: int) -> bool:
    """After a resumptive PP (اتهم خلاله، وصف فيه), tokens ``[lo, hi)`` are one place or body and nothing
    else: the verb's object, its subject being the one the relative clause is about."""
    if hit.j >= len(ctx.toks) or "resumptive" not in ctx.info[hit.j].roles or lo != hit.j + 1:
        return False
    start, end = ctx.toks[lo].start, ctx.toks[hi - 1].end
    ms = ctx.mentions_in(start, end)
    return len(ms) == 1 and ms[0][0] == start and ms[0][1] >= end and ms[0][2].type in ("LOC", "ORG")


def _time_phrase(ctx: Context, rng: tuple[int, int]) -> bool:
    """Tokens ``[lo, hi)`` are one time expression of the temporal layer (الأسبوع الماضي)."""
    end = ctx.timex_end.get(rng[0])
    return end is not None and end >= rng[1]


MAX_QUOTE_LEAD = 3  # characters before the opening mark of a verb's quoted object: بـ"…" or من "…"


def _opens_with_quotation(ctx: Context, scan: Scan) -> bool:
    """The noun-phrase content opens with quoted words (تدين "الاعتداءات"، يرحب بـ"خطوة"، تحذر من "كارثة")."""
    if scan.content is None:
        return False
    start = scan.content[0]
    k = bisect_left(ctx.region_starts, start)
    return k < len(ctx.region_starts) and ctx.region_starts[k] <= start + MAX_QUOTE_LEAD


MAX_CROSSHEAD_WORDS = 14


def _headline(ctx: Context, si: int) -> bool:
    """Sentence ``si`` is a headline: a heading block, or the article's first line when it has no final
    punctuation and more lines follow (a long headline the text layer keeps as a paragraph)."""
    blocks = ctx.doc.blocks
    k = ctx.doc.sentences[si].block
    if blocks[k].kind == "heading":
        return True
    if k + 1 >= len(blocks):
        return False
    block = ctx.text[blocks[k].start : blocks[k].end].rstrip()
    last = block[-1:]
    if last in PUNCT_END or last in ':"»”':
        return False
    # the first line, or a crosshead or a linked headline further on (غوتيريش يدعو إلى وقف…): a short line
    # with no final punctuation
    return k == 0 or block.count(" ") < MAX_CROSSHEAD_WORDS


def _named_before_relative(ctx: Context, r: int, a: int, st: _State) -> tuple[Speaker, str | None] | None:
    """The speaker a relative pronoun at token ``r`` refers to: the mention ending right before it."""
    if r <= a:
        return None
    if ctx.norms[r - 1] in ("،", ",") and r - 1 > a:
        r -= 1  # خلية الإعلام الأمني، التي أشارت…: the body before the comma
    p = ctx.toks[r - 1]
    m = next((m for m in ctx.mentions_in(p.start, p.end) if m[1] == p.end), None)
    if m is None and ctx.recent and ctx.recent[-1].end == p.end:
        return ctx.recent[-1], None  # بحسب ما أعلنت قيادة العمليات، التي أشارت…: the source just named
    if m is None:
        norm = ctx.norms[r - 1]
        if norm.startswith("ال") and (norm[2:],) in ctx.lex.channels:
            # بحسب البيان الذي أضاف أن…: the statement speaks for whoever issued it
            return from_range(ctx, r - 1, r, None, st.quotes, st.orgs)
        return None
    return from_range(ctx, max(a, ctx.tok_at(m[0])), r, None, st.quotes, st.orgs)


def _mute_in_content(ctx: Context, sp: Speaker, lo: int, hit: CueHit, si: int, quotes: list[Quote]) -> bool:
    """A subject written before the cue that names no one who can speak (see :func:`_speaks`), inside the
    content of a quote of the same sentence."""
    start = ctx.toks[hit.i].start
    for q in quotes[-4:]:  # most cues lie in no content: the cheap test first
        if q.sentence == si and q.content.start <= start < q.content.end:
            return not _speaks(ctx, sp, lo)
    return False


def _speaks(ctx: Context, sp: Speaker, lo: int) -> bool:
    """The subject phrase at token ``lo`` names someone who can speak: an entity, title, unnamed source, body,
    medium or document. An entity counts only at the phrase's head: in تراجع منسوب دجلة the river is a
    genitive, the fall does not speak."""
    t = ctx.toks[lo]
    if can_speak(ctx, sp) and (
        not sp.entity
        or sp.anonymous
        or ctx.mentions_in(t.start, t.end)
        or is_title(ctx, lo)
        or is_body(ctx, lo)
    ):
        return True
    norm = ctx.norms[lo]
    head = norm[2:] if norm.startswith("ال") else norm
    return head in ctx.lex.anonymous or (head,) in ctx.lex.channels


def _coordinated(ctx: Context, hit: CueHit, a: int, si: int, quotes: list[Quote]) -> Speaker | None:
    """ "…، ودعا X إلى": a verb joined by و after a comma shares the subject of its sentence, so the phrase after
    it is whom it addresses. Returns that subject, if the sentence opens with one."""
    i = hit.i
    if i - 1 <= a or ctx.norms[i - 1] not in ("،", ",") or ctx.norms[i][:1] != "و":
        return None
    k = last_contrast(ctx, a, i)
    if k is not None:  # ولم يعلق الجيش…، فيما دانت المتحدثة X …، ودعت إسرائيل: the nearer clause's subject
        sp = clause_subject(ctx, k + 1, i, [])
        if sp is not None and can_speak(ctx, sp) and agrees(ctx, verb_agreement(ctx, hit), sp):
            return sp
    else:
        opener = _opening_quote(ctx, a, i, si, quotes)
        if opener is not None:  # وقالت رئيسة البعثة X إن…، ودعت الأطراف: the speaker already read
            # …، ودعا الرئيس الفرنسي X إلى…: a verb that cannot agree with her has a subject of its own
            return opener if agrees(ctx, verb_agreement(ctx, hit), opener) else None
    return clause_subject(ctx, a, i, [])


def _opening_quote(ctx: Context, a: int, i: int, si: int, quotes: list[Quote]) -> Speaker | None:
    """The speaker of the quote whose verb opens sentence ``si`` (after at most a leading adverbial and
    comma), when token ``i`` lies outside its content."""
    start = ctx.toks[i].start
    for q in reversed(quotes):
        if q.sentence != si:
            return None
        if (
            q.speaker is not None
            and q.parent is None
            and not q.content.start <= start < q.content.end
            and _opens(ctx, a, ctx.tok_at(q.cue.start))
        ):
            return as_implicit(q.speaker)
    return None


MAX_LEAD_ATTRIBUTION = 10  # tokens of a leading "وبحسب بيان للخارجية الأردنية،"


def _opens(ctx: Context, a: int, c: int) -> bool:
    """The cue at token ``c`` opens the sentence starting at ``a``: after at most a short adverbial, or after a
    leading attribution and its comma (وبحسب بيان للخارجية الأردنية، أكد الصفدي…)."""
    if c <= a + 4:
        return True
    if ctx.norms[c - 1] in ("،", ",") and ctx.norms[a] in ctx.lex.words["lead_adverbial"]:
        # وفي خطاب متلفز بث … السبت، وصف X …، وتوعد: a leading adverbial phrase, then the verb
        return c <= a + MAX_LEAD_ADVERBIAL and not any(k in ctx.verb_at for k in range(a, c))
    return c <= a + MAX_LEAD_ATTRIBUTION and ctx.info[a].attr and ctx.norms[c - 1] in ("،", ",")


MAX_LEAD_ADVERBIAL = 20  # tokens of a leading "وفي خطاب متلفز بث عند الساعة العاشرة صباحا…،"


def _has_an(ctx: Context, lo: int, scan) -> bool:
    """An عن (or عنه، عنها…) between the cue and its content."""
    hi = scan.content_tok if scan.content_tok is not None else scan.end_tok
    return any(ctx.norms[j] in _AN for j in range(lo, min(hi, len(ctx.norms))))


_AN = frozenset({"عن", "عنه", "عنها", "عنهم", "عنهما"})


_CLAUSE_OPENERS = frozenset({"opener", "contrast"})  # كان، قد، لكن…; فيما، بينما، (في) حين


def _verb_in_place(ctx: Context, hit: CueHit, pre: tuple | None, a: int) -> bool:
    """A cue whose content is a bare noun phrase must stand where a verb stands: opening its clause (after the
    sentence start, a comma, و/ف or كان/قد…), after a subject that can speak, or as a participle."""
    if hit.kind == "participle" or hit.enclitic or resumptive(ctx, hit.j, len(ctx.toks)):
        return True  # …، مؤكداً، أبلغه، بتصريح أكد فيه
    if pre is not None:
        if pre[0] == "pronoun":
            return True
        lo, hi = pre[1], pre[2]
        toks, lex = ctx.toks, ctx.lex
        if ctx.mentions_in(toks[lo].start, toks[hi - 1].end):
            return True
        head = ctx.norms[lo][2:] if ctx.norms[lo].startswith("ال") else ctx.norms[lo]
        return (
            ctx.norms[lo] in lex.titles
            or head in lex.anonymous
            or head[:-1] in lex.anonymous  # مصدراً
            or is_body(ctx, lo)
            or head in lex.words["masc_body"]  # وكان الجيش قد أعلن مقتل…
        )
    i = hit.i
    if (
        i == a
        or ctx.norms[i - 1] in ("،", ",", "؛", ":")
        or not ctx.info[i - 1].roles.isdisjoint(_CLAUSE_OPENERS)
        or "relative" in ctx.info[i - 1].roles  # …، التي أشارت إلى: kept by cues.relative_report
    ):
        return True
    return ctx.norms[i][:1] in "وف" and ctx.toks[i].forms[-1][0] > 0


def _cut_self_reports(ctx: Context, quotes: list[Quote]) -> bool:
    """ "قال المصدر إن …، لكن المصدر رجح أن …": a speaker does not report himself; the outer content ends at
    the comma before the inner clause and the two quotes stand side by side. Returns whether any was cut."""
    by_id = {q.id: q for q in quotes}
    cut = False
    for q in quotes:
        p = by_id.get(q.parent) if q.parent else None
        if p is None or q.speaker is None or q.speaker.implicit or not same_speaker(p, q):
            continue
        j = ctx.tok_at(q.cue.start) - 1
        while j >= 0 and ctx.toks[j].start > p.content.start and ctx.norms[j] not in ("،", ",", "؛"):
            j -= 1
        if j > 0 and ctx.toks[j].start > p.content.start:
            p.content = Sp(p.content.start, ctx.toks[j - 1].end)
            if p.kind == "mixed" and not has_quote(ctx, p.content.start, p.content.end):
                p.kind = "indirect"
            cut = True
    return cut


def _head(ctx: Context, sp: Speaker) -> str:
    words = speaker_words(sp)
    return words[0] if words else ""
