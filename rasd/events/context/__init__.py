"""What the events layer knows about each token of a sentence: the entity it belongs to, the function-word
categories it has, the preposition or conjunction attached to it, and the noun-phrase chunks it forms.

A *chunk* is a run of tokens between boundaries (punctuation, prepositions, triggers, particles). Its conjuncts
(split at و before a name or a counterpart word) each stand for one actor: a person when one is named in the
conjunct (وزير الخارجية الأميركي أنتوني بلينكن -> Blinken, not the United States), else each entity in turn
(لقاء روسي أطلسي -> Russia, NATO).

Where things are (``build`` below runs them per sentence):
- ``model``: Tok, Chunk, SentCtx and the entity types and kinds;
- ``references``: the spans that refer to an actor (mentions, lone roles; datelines left out), bodies named again;
- ``word_facts``: what the lexicons say about a word, cached by its text;
- ``cue_phrases``: multiword cues (في حال، من المقرر); ``trigger_marking``: trigger heads, verb or noun reading;
- ``chunks``: noun-phrase chunks and conjuncts; ``anaphors``: head nouns and titles standing for an actor.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from ...document import Document
from ...text.tokens import Token
from ..nisba import nisba_index
from .anaphors import (
    _anaphor_heads,
    _bare_titles,
    _head_anaphors,
    _normalized,
    _title_anaphors,
    _title_holders,
    _titled_people,
    _with_clitics,
)
from .chunks import _chunks
from .cue_phrases import _mark_phrases
from .model import (
    _CLITIC_PREP,
    _PUNCT,
    ACTOR_TYPES,
    NISBA_ENDINGS,
    PLACE_KINDS,
    REPORTER_KINDS,
    STRONG_PUNCT,
    TYPE_RANK,
    Chunk,
    SentCtx,
    Tok,
)
from .references import _bodies, _datelines, _reference_spans
from .trigger_marking import _mark_triggers, plain_word
from .word_facts import _WORDS, _annotate_word, _new_word, title_words

__all__ = [
    "ACTOR_TYPES",
    "NISBA_ENDINGS",
    "PLACE_KINDS",
    "REPORTER_KINDS",
    "STRONG_PUNCT",
    "TYPE_RANK",
    "Chunk",
    "SentCtx",
    "Tok",
    "build",
    "plain_word",
    "title_words",
]

_START = attrgetter("start")
_END = attrgetter("end")


def build(doc: Document) -> list[SentCtx]:
    tokens: list[Token] = doc.tokens
    starts = list(map(_START, tokens))
    types = {e.id: e.type for e in doc.entities}
    titles = {e.id: " ".join(_normalized(r.text) for r in e.roles) for e in doc.entities if e.roles}
    linked = frozenset(e.id for e in doc.entities if e.kb_id)
    # news agencies and outlets report, never act; a state's agency (Israel Police, KSrelief: kind "agency" in
    # the knowledge base too, but not under media/) does act
    reporters = frozenset(
        e.id
        for e in doc.entities
        if e.kind in REPORTER_KINDS
        and not (e.kind == "agency" and e.kb_id and not e.kb_id.startswith("media/"))
    )
    places = frozenset(
        e.id
        for e in doc.entities
        if e.type == "LOC"
        and e.kind != "capital"
        # (a place the knowledge base does not know is a village or a district, not a state)
        and (e.kind in PLACE_KINDS or (e.kb_id or "").startswith(("city/", "region/")) or not e.kb_id)
    )
    landmarks = frozenset(e.id for e in doc.entities if e.type == "LOC" and e.kind == "landmark")
    # mention spans sorted, for token lookup
    spans = _reference_spans(doc)
    if doc.timexes and spans:
        # صباح الثلاثاء taken for a person: a "name" wholly inside a time expression is no actor (time
        # expressions do not overlap: the spans starting inside one are found by bisection)
        sp_starts = [sp[0] for sp in spans]
        drop = [
            n
            for x in doc.timexes
            if x.end > x.start
            for n in range(bisect_left(sp_starts, x.start), bisect_left(sp_starts, x.end))
            if spans[n][1] <= x.end
        ]
        if drop:
            spans = [sp for n, sp in enumerate(spans) if n not in drop]
    if reporters and spans:
        # سنغافورة - 1 - 6 (كونا) --: the place and agency of a dateline are no actors of the sentence after it
        lines = _datelines(doc, reporters)
        if lines:
            spans = [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in lines)]
    nisba = nisba_index(doc)
    cities = frozenset(
        e.id
        for e in doc.entities
        if e.type == "LOC" and (e.kind in ("city", "capital") or (e.kb_id or "").startswith("city/"))
    )
    out: list[SentCtx] = []
    # tokens are sorted and disjoint: the tokens a span overlaps are a range found by bisection
    ends = list(map(_END, tokens))
    bodies = _bodies(doc, reporters, ends)
    cover: dict[int, int] = {}  # token index -> the first reference span overlapping it
    for n, (ms, me, _) in enumerate(spans):
        for k in range(bisect_right(ends, ms), bisect_left(starts, me)):
            cover.setdefault(k, n)
    in_timex = sorted(
        {
            k
            for x in doc.timexes
            if x.end > x.start
            for k in range(bisect_right(ends, x.start), bisect_left(starts, x.end))
        }
    )
    # computed when first needed: organization head nouns (for a word spelled like one), titled people and
    # KB ids (for a phrase with a nisba)
    anaphors: dict[str, list[tuple[int, str]]] | None = None
    anaphor_forms: dict[str, str] = {}
    titled: list[tuple[int, str, frozenset[str], str]] | None = None
    kb_of: dict[str, str] = {}
    holders, known, title_heads = _title_holders(doc)
    get = _WORDS.get
    for si, s in enumerate(doc.sentences):
        lo = bisect_left(starts, s.start)
        hi = bisect_left(starts, s.end)
        sent_tokens = tokens[lo:hi]
        # a sentence without a trigger word needs nothing: look for one first (up to the first found; the
        # facts of each word are cached by text and checked against the token, as in the pass below)
        pending: frozenset[str] = frozenset()  # later words the multiword-only heads seen so far need
        seen: list[tuple | None] = []  # the facts of the words scanned (None for other tokens), reused below
        for t in sent_tokens:
            if t.kind == "word":
                w = get(t.text)
                if (
                    w is None
                    or (w[0] is not t.norm and w[0] != t.norm)
                    or (w[1] is not t.forms and w[1] != t.forms)
                ):
                    w = _new_word(t)
                seen.append(w)
                if pending and not pending.isdisjoint(w[2][5]):
                    break
                if w[3]:
                    if w[7][1]:
                        break
                    # قبل (before / accepted), عمليات: heads of multiword triggers only; the sentence needs
                    # one of the words that may follow them (عروض، عسكرية)
                    pending = pending | w[7][5]
            else:
                seen.append(None)
        else:
            continue  # no trigger word in the sentence: nothing to build
        toks: list[Tok] = []
        heads: list[tuple[int, tuple]] = []  # words that may head a trigger (outside names), _trigger_facts
        cues: list[tuple[int, dict]] = []  # words that may start a multiword cue, with those cues
        cued: list[int] = []
        marks: list[int] = []
        ents: list[int] = []
        heads_seen: list[tuple[int, str]] = []  # words that may stand for an organization (_head_anaphors)
        n_seen = len(seen)
        nisba_at: list[int] = []  # the nisba adjectives (a title anaphor carries one)
        for k, t in enumerate(sent_tokens):
            if k < n_seen:
                w = seen[k]
            elif t.kind == "word":
                w = get(t.text)
                # the cache is by text: check that this token reads the same (it does, from the text layer)
                if (
                    w is None
                    or (w[0] is not t.norm and w[0] != t.norm)
                    or (w[1] is not t.forms and w[1] != t.forms)
                ):
                    w = _new_word(t)
            else:
                w = None
            n = cover.get(lo + k)
            if w is not None and n is None:
                # a word outside every mention (most words): what _annotate_word() would set, precomputed
                _, _, _, entries, cats, stems, wcues, facts, args, maybe_head = w
                tk = Tok(t, args)
                if nisba and stems:
                    for stem in stems:
                        eid = nisba.get(stem)
                        if eid:
                            tk.nisba, tk.ent, tk.ent_start = True, eid, True
                            nisba_at.append(k)
                            break
                if maybe_head and not tk.ent:
                    if anaphors is None:
                        anaphors = _anaphor_heads(doc)
                        anaphor_forms = _with_clitics(anaphors)
                    head = anaphor_forms.get(t.norm)
                    if head is not None:
                        heads_seen.append((k, head))
                toks.append(tk)
                if tk.ent:
                    ents.append(k)
                else:
                    if entries:
                        heads.append((k, facts))
                    if cats:
                        cued.append(k)
                        if "contrast" in cats:
                            marks.append(k)
                if wcues:
                    cues.append((k, wcues))
                continue
            tk = Tok(t, _PUNCT if t.kind == "punct" else None)
            if tk.punct:
                marks.append(k)
            if n is not None:
                ents.append(k)
                ms, _, eid = spans[n]
                tk.ent = eid
                if ms >= t.start:
                    tk.ent_start = True
                    off = ms - t.start
                    if off > 0:
                        clit = t.text[:off].lstrip("وف")
                        if clit[:1] in _CLITIC_PREP:
                            tk.prep = _CLITIC_PREP[clit[0]]
                        tk.conj = t.text[0] in "وف"
            if w is not None:  # a word in a mention: its ``ent`` is set (no head, cue word or clause limit)
                _annotate_word(tk, w[2], nisba)
                if tk.nisba:
                    nisba_at.append(k)
                if w[6]:
                    cues.append((k, w[6]))
            toks.append(tk)
        a = bisect_left(in_timex, lo)
        while a < len(in_timex) and in_timex[a] < hi:
            toks[in_timex[a] - lo].timex = True
            a += 1
        if heads_seen and anaphors and _head_anaphors(toks, heads_seen, anaphors):
            ents = sorted(k for k, tk in enumerate(toks) if tk.ent)
        if cues:
            cue_starts = _mark_phrases(toks, cues)
            if cue_starts:
                cued = sorted(set(cued).union(cue_starts))
        hits = _mark_triggers(toks, heads)
        chunks, chunk_of = _chunks(toks, types, linked, title_heads)
        if nisba_at and titled is None:
            titled = _titled_people(doc)
            kb_of = {e.id: e.kb_id for e in doc.entities if e.kb_id}
        if nisba_at and titled:
            _title_anaphors(toks, [chunks[ci] for ci in dict.fromkeys(chunk_of[k] for k in nisba_at) if ci >= 0],
                            titled, kb_of)  # fmt: skip
        if holders and hits:
            _bare_titles(toks, chunks, holders, known, types)
        out.append(
            SentCtx(
                si,
                s.start,
                s.end,
                toks,
                chunks,
                chunk_of,
                cities,
                types,
                [],
                titles,
                places,
                None,
                hits,
                cued,
                marks,
                ents,
                lo,
                starts,
                ends,
                reporters=reporters,
                bodies=bodies,
                landmarks=landmarks,
            )  # fmt: skip
        )
    return out


# What build() needs of a word, cached by its text (and checked against the token's norm and forms): the norm
# and forms it was computed for, _word_info(text) (categories, entries, head_k, article, future, cores,
# readings), its trigger entries, categories, the stems of its readings that could be nisba forms, the
