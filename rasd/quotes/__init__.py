"""The quotes layer: who said what, to whom, through which channel.

For every sentence it finds reporting cues (``cues``), the content each introduces (``spans``), the speaker,
addressee and channel (``speakers``), and which quote is reported inside which (``nesting``); it fills
``doc.quotes`` and reads only the text layer's sentences and tokens and the entities layer's output.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from ..document import Document
from ..text.normalize import normalize_word
from .context import Context, build_context
from .cues import CueHit, find_channel, find_cues
from .nesting import assign_parents, same_speaker
from .records import QuoteRec as Quote
from .records import Sp
from .records import SpeakerRec as Speaker
from .spans import Scan, attribution_content, content_span, has_quote, quote_before, scan_after, word_is
from .speakers import addressee, antecedent, from_range, pre_subject, speaker_entity
from .tokinfo import TOKEN_CACHE, token_info

__all__ = ["annotate"]

log = logging.getLogger(__name__)
MAX_SOURCE = 8  # words of the source after an attribution phrase


@dataclass
class _State:
    quotes: list[Quote] = field(default_factory=list)
    orgs: dict[str, str] = field(default_factory=dict)  # quote id -> organization named in the speaker's role
    subjects: list[tuple[int, int, Speaker]] = field(
        default_factory=list
    )  # (sentence, offset, subject) of cues
    consumed: int = -1  # tokens before this one belong to a quote's cue, speaker or adverbials


def annotate(doc: Document, **kwargs) -> Document:
    """Fill ``doc.quotes``. Never raises on odd input: a sentence that trips a rule is skipped and logged."""
    if not doc.sentences or not doc.tokens:
        return doc
    ctx = build_context(doc)
    _token_infos(ctx)
    st = _State()
    for si, sent in enumerate(doc.sentences):
        a, b = ctx.tok_at(sent.start), ctx.tok_at(sent.end)
        try:
            last = a
            head = _headline_quote(ctx, si, a, b, st)
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
    doc.quotes.extend(q.to_model(doc.text) for q in st.quotes)
    return doc


def _token_infos(ctx: Context) -> None:
    lex = ctx.lex
    cache = TOKEN_CACHE
    ctx.info = [cache.get(tok.text) or token_info(lex, tok) for tok in ctx.toks]
    ctx.verb_at = {i: info.verb for i, info in enumerate(ctx.info) if info.verb is not None}
    ctx.cue_tokens = [i for i, info in enumerate(ctx.info) if info.verb is not None or info.attr]


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
        src = _source_end(ctx, hit, b)
        if src is None:
            return None
        lo, hi = src
        scan = attribution_content(ctx, hit, hi, a, b)
        if scan is None or scan.content is None:
            return None
        speaker, org = from_range(ctx, lo, hi, None, st.quotes, st.orgs)
        if hit.source_offset is not None and speaker.start < hit.source_offset <= speaker.end:
            speaker = replace(
                speaker, start=hit.source_offset, text=ctx.doc.text[hit.source_offset : speaker.end]
            )
        channel = find_channel(ctx, lo, hi)
        cue_class = "attribution"
    else:
        cue = hit.cue
        assert cue is not None
        pre = None if hit.kind == "participle" else pre_subject(ctx, hit, a)
        scan = scan_after(ctx, hit, b, np_direct=hit.kind == "participle" or pre is not None)
        speaker: Speaker | None = None
        obj_addressee = None
        if pre is not None and pre[0] == "np":
            speaker, org = from_range(ctx, pre[1], pre[2], scan.appos, st.quotes, st.orgs)
            obj_addressee = scan.subject
        elif pre is None and hit.kind != "participle" and scan.subject is not None:
            lo, hi = scan.subject
            if cue.addressee == "obj":
                lo, hi, obj_addressee = _split_vso(ctx, lo, hi)
            speaker, org = from_range(ctx, lo, hi, scan.appos, st.quotes, st.orgs)
        if speaker is None and cue.lemma == "نقل" and pre is None:
            speaker = _reported_source(ctx, hit, scan, st)  # ونُقل عن الوزير قوله إن…
        if speaker is not None:  # remembered even without a content: a later وقال may refer to it
            st.subjects.append((si, toks[hit.i].start, speaker))
        if scan.content is None:
            before = quote_before(ctx, hit, a) or _quote_in_next_paragraph(ctx, hit, scan, b)
            if before is None:
                return None
            before.subject, before.appos, before.addressee = scan.subject, scan.appos, scan.addressee
            before.end_tok = scan.end_tok
            scan = before
        if speaker is None:  # dropped subject, pronoun or participle
            speaker = antecedent(ctx, hit, si, st.quotes, st.subjects, pronoun=pre is not None)
            if pre is None or pre[0] != "np":
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
        channel = channel or cue.channel
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
    words = normalize_word(sp.text).split()
    return words[0] if words else ""


MAX_HEADLINE_SPEAKER = 4  # words before the colon of "بيسكوف: لا خطط لعقد قمة"


def _headline_quote(ctx: Context, si: int, a: int, b: int, st: _State) -> Quote | None:
    """A speaker, a colon and their words, with no verb: "بيسكوف: لا خطط لعقد قمة" (headline style). Only
    when the words before the colon are exactly a person or organization the entities layer found, or an
    unnamed source; a place (a dateline) or anything else is not a speaker."""
    toks = ctx.toks
    k = next((j for j in range(a, min(b, a + MAX_HEADLINE_SPEAKER + 1)) if ctx.norms[j] == ":"), None)
    if k is None or k == a or k + 1 >= b or any(ctx.info[j].verb for j in range(a, k)):
        return None
    start, end = toks[a].start, toks[k - 1].end
    ms = [m for m in ctx.mentions_in(start, end) if m[0] <= start and m[1] >= end]
    anonymous = ctx.lex.anonymous.get(ctx.norms[a]) in ("person", "group")
    if not (ms and ms[0][2].type in ("PER", "ORG")) and not anonymous:
        return None
    span = content_span(ctx, k + 1, b)
    if span is None:
        return None
    if ms:
        eid, aff = speaker_entity(ctx, ms[0][2])
        speaker = Speaker(start, end, ctx.doc.text[start:end], entity=eid, affiliation=aff)
    else:
        speaker = Speaker(start, end, ctx.doc.text[start:end], anonymous=True)
    st.subjects.append((si, start, speaker))
    return Quote(
        id=f"q{len(st.quotes) + 1}",
        kind="direct",
        cue=Sp(toks[k].start, toks[k].end),
        content=Sp(span[0], span[1]),
        speaker=speaker,
        addressee=None,
        channel=None,
        cue_class="speech",
        sentence=si,
    )


def _quote_in_next_paragraph(ctx: Context, hit: CueHit, scan, b: int):
    """وأضاف: ⏎ «…»: the sentence ends on the colon and the quotation opens the next paragraph."""
    j = scan.end_tok
    if j >= b or ctx.norms[j] != ":" or j + 1 != b or b >= len(ctx.toks) or b not in ctx.open_tok:
        return None
    span = content_span(ctx, b, ctx.open_tok[b] + 1)
    if span is None:
        return None
    return Scan(content=(span[0], span[1]), kind="direct", content_tok=b)


def _reported_source(ctx: Context, hit: CueHit, scan, st: _State) -> Speaker | None:
    """The source after عن when نقل has no subject of its own (the passive نُقل عن الوزير قوله)."""
    stop = scan.content_tok if scan.content_tok is not None else scan.end_tok
    for j in range(hit.j, min(stop, hit.j + 3)):
        if ctx.norms[j] == "عن":
            k = j + 1
            while k < stop and ctx.toks[k].kind == "word" and not ctx.info[k].comp and k - j <= MAX_SOURCE:
                if ctx.norms[k].startswith("قول"):  # قوله، قولها
                    break
                k += 1
            if k > j + 1:
                return from_range(ctx, j + 1, k, None, st.quotes, st.orgs)[0]
    return None


def _split_vso(ctx: Context, lo: int, hi: int) -> tuple[int, int, tuple[int, int] | None]:
    """أبلغ الرئيس بوتين نظيره بايدن: the speaker's phrase ends with its first person (or, with none, its
    first name); what follows is the addressee."""
    toks = ctx.toks
    ms = ctx.mentions_in(toks[lo].start, toks[hi - 1].end)
    per = [m for m in ms if m[2].type == "PER"]
    first = per[0] if per else (ms[0] if len(ms) >= 2 else None)
    if first is not None:
        cut = ctx.tok_at(first[1])
        if lo < cut < hi:
            return lo, cut, (cut, hi)
    return lo, hi, None


def _source_end(ctx: Context, hit: CueHit, b: int) -> tuple[int, int] | None:
    """Tokens of the source after an attribution phrase, up to punctuation or a preposition."""
    lo = hit.source
    if lo is None or lo >= b:
        return None
    j = lo
    while j < b and j - lo < MAX_SOURCE:
        t = ctx.toks[j]
        if t.kind == "punct" and ctx.norms[j] not in '()"«»':
            break
        if j > lo and (word_is(ctx, j, "stop") or ctx.verb_at.get(j) is not None or ctx.info[j].comp):
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
    if ctx.mentions_in(start, toks[hi - 1].end):
        return True
    norm = ctx.norms[lo]
    if hit.source_offset is not None:
        norm = norm[1:]
        if norm.startswith("ل"):  # للمصادر → المصادر
            norm = "ا" + norm
    head = norm[2:] if norm.startswith("ال") else norm
    lex = ctx.lex
    return (
        head in lex.anonymous or norm in lex.anonymous or (head,) in lex.channels or (norm,) in lex.channels
    )
