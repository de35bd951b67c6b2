"""What the events layer knows about each token of a sentence: the entity it belongs to, the function-word
categories it has, the preposition or conjunction attached to it, and the noun-phrase chunks it forms.

A *chunk* is a run of tokens between boundaries (punctuation, prepositions, triggers, particles). Its conjuncts
(split at و before a name or a counterpart word) each stand for one actor: a person when one is named in the
conjunct (وزير الخارجية الأميركي أنتوني بلينكن -> Blinken, not the United States), else each entity in turn
(لقاء روسي أطلسي -> Russia, NATO).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..data import read_tsv
from ..document import Document
from ..text import normalize
from ..text.tokens import Token, clitic_forms
from .lexicon import Entry, core, lexicon
from .nisba import could_be_nisba, nisba_index

TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
_CLITIC_PREP = {"ب": "ب", "ل": "ل", "ك": "ك"}
_NO_BREAK_PUNCT = {"-", "–", "(", ")", "/"}
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين")
ACTOR_TYPES = {"PER", "ORG", "LOC"}  # MISC (currencies, events, works) never acts
PLACE_KINDS = {
    "city",
    "region",
    "landmark",
    "continent",
    "sea",
    "river",
    "district",
    "province",
    "state",
    "island",
}
REPORTER_KINDS = {"agency", "broadcaster", "newspaper", "magazine", "website"}  # entity kinds of the media
_QUOTE_MARKS = set("\"«»“”'")
COUNTERPARTS = ("نظير", "ضيف")  # normalized: نظيره، ضيفه — the other party, named by its relation
STRONG_PUNCT = {".", "؛", ";", ":", "!", "?", "؟", "…"}


@dataclass(slots=True, init=False)
class Tok:
    token: Token
    punct: bool = False
    ent: str | None = None  # entity id of the mention covering this token (or of a nisba adjective)
    ent_start: bool = False  # a mention starts inside this token
    prep: str | None = None  # a preposition clitic attached to the token (ب ل ك)
    conj: bool = False  # the token carries the conjunction و/ف
    cats: frozenset[str] = frozenset()
    fut: bool = False  # the future prefix س
    entries: tuple[Entry, ...] = ()  # trigger entries matching this token as a head
    hit: Entry | None = None  # the entry that matched here (set on the head token of a trigger)
    gap: int = 0  # tokens between the head and the rest of a multiword trigger (the subject)
    timex: bool = False  # inside a time expression
    article: bool = False  # the trigger head matched only with its article stripped (المحادثات)
    cores: frozenset[str] = frozenset()  # loose keys of the readings, for multiword triggers
    phrases: frozenset[str] = frozenset()  # categories of multiword cues starting here (في حال، من المقرر)
    in_trigger: bool = False  # the token is part of a matched trigger
    head_k: int = 0  # clitic characters before the matched head
    nisba: bool = False  # a nisba adjective of a document entity (روسي، الأميركية)

    def __init__(self, token: Token, args: tuple | None = None) -> None:
        """``args``: the values of the other fields in order (None: the defaults above). build() makes one Tok
        per token of every sentence with a trigger, from a tuple cached by word: assigning from it is cheaper
        than a call with 17 arguments."""
        self.token = token
        (
            self.punct, self.ent, self.ent_start, self.prep, self.conj, self.cats, self.fut, self.entries,
            self.hit, self.gap, self.timex, self.article, self.cores, self.phrases, self.in_trigger,
            self.head_k, self.nisba,
        ) = _BLANK if args is None else args  # fmt: skip


# Tok's fields after ``token`` with their default values, and the same for a punctuation mark
_BLANK = (False, None, False, None, False, frozenset(), False, (), None, 0, False, False, frozenset(), frozenset(),
          False, 0, False)  # fmt: skip
_PUNCT = (True, *_BLANK[1:])


@dataclass(slots=True, init=False)
class Chunk:
    start: int  # first token index (sentence-local), after any preposition word
    end: int  # exclusive
    prep: str | None
    conjuncts: list[list[str]]  # entity ids per conjunct (best first)
    actors: list[str]  # all of them, in order, once (set by seal())

    def __init__(
        self, start: int, end: int, prep: str | None, conjuncts: list[list[str]] | None = None
    ) -> None:
        # by hand: the chunker makes one per phrase of every sentence with a trigger
        self.start, self.end, self.prep = start, end, prep
        self.conjuncts = [] if conjuncts is None else conjuncts
        self.actors = []

    def seal(self) -> Chunk:
        out: list[str] = []
        for c in self.conjuncts:
            for e in c:
                if e not in out:
                    out.append(e)
        self.actors = out
        return self


@dataclass
class SentCtx:
    index: int
    start: int
    end: int
    toks: list[Tok]
    chunks: list[Chunk]
    chunk_of: list[int]  # token index -> chunk index or -1
    cities: frozenset[str] = frozenset()  # ids of entities that are cities (places, not actors, after a noun)
    types: dict[str, str] = field(default_factory=dict)  # entity id -> PER/ORG/LOC/MISC
    history: list = field(default_factory=list)  # events of earlier sentences (for dual anaphora)
    titles: dict[str, str] = field(default_factory=dict)  # entity id -> its roles' normalized text, joined
    places: frozenset[str] = frozenset()  # places that cannot act: towns, regions, landmarks (not capitals)
    stops: tuple[list[int], list[int]] | None = None  # clause limits before each token (set by modality)
    # positions noted while building, so later steps visit only the tokens that can matter to them:
    hits: list[int] = field(default_factory=list)  # trigger heads (tokens with ``hit``)
    cued: list[int] = field(default_factory=list)  # words with categories outside names, or starting a cue
    marks: list[int] = field(default_factory=list)  # punctuation and contrast words (clause limits)
    ents: list[int] = field(default_factory=list)  # tokens standing for an entity (``ent``)
    lo: int = 0  # document index of the first token
    tok_starts: list[int] = field(default_factory=list)  # the document's token starts and ends
    tok_ends: list[int] = field(default_factory=list)
    place_phrases: list[tuple[int, int]] | None = None  # في phrases naming a place (set by attach_location)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (cue start, speaker id) of its quotes
    person_states: dict[str, str] = field(default_factory=dict)  # person id -> id of his state's entity
    sides: dict[str, str] = field(default_factory=dict)  # entity id -> KB id of its state or union
    reporters: frozenset[str] = frozenset()  # news agencies and outlets: they report, never act
    # a body's head noun with the article (الجامعه، الاتحاد، الوزاره) -> (the one body of the article so
    # headed, where it is first named): a bare الجامعة after جامعة الدول العربية names it again
    bodies: dict[str, tuple[str, int]] = field(default_factory=dict)


def _best(doc_types: dict[str, str], ents: list[str]) -> list[str]:
    """Actors of one conjunct: the person if one is named, else every distinct entity in order."""
    if not ents:
        return []
    uniq = list(dict.fromkeys(ents))
    for e in reversed(uniq):
        if doc_types.get(e) == "PER":
            return [e]  # the last person named
    return uniq


_DATELINE_SEPARATORS = ("--", "-", ":", "–", "—")
_DATELINE_SPAN = 48  # characters from the sentence start to the agency: a place and a date at most


def _datelines(doc: Document, reporters: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each dateline: a sentence opening on a place, maybe a date, and a news agency, then a
    separator (القاهرة - (د ب أ):، سنغافورة - 1 - 6 (كونا) --)."""
    out = []
    starts = [s.start for s in doc.sentences]
    for e in doc.entities:
        if e.id not in reporters:
            continue
        for m in e.mentions:
            k = bisect_right(starts, m.start) - 1
            if k < 0 or m.start - starts[k] > _DATELINE_SPAN:
                continue
            rest = doc.text[m.end : m.end + 6].lstrip(") ")
            sep = next((s for s in _DATELINE_SEPARATORS if rest.startswith(s)), None)
            if sep is not None:
                out.append((starts[k], m.end + doc.text[m.end : m.end + 6].index(sep) + len(sep)))
    return out


def _reference_spans(doc: Document) -> list[tuple[int, int, str]]:
    """Mentions, plus the spans of roles the entities layer tied to an entity (نظيره الروسي, الرئيس الأوكراني)
    where they overlap no mention: a title standing alone refers to its holder."""
    actors = [e for e in doc.entities if e.type in ACTOR_TYPES]
    spans = sorted((m.start, m.end, e.id) for e in actors for m in e.mentions if m.end > m.start)
    extra = []
    # is there a mention with start < b and end > a? The mentions starting before b are a prefix of spans:
    # compare the largest end in that prefix
    starts = [s for s, _, _ in spans]
    max_end = [0]  # max_end[i]: the largest end among spans[:i] (i >= 1)
    for _, t, _ in spans:
        max_end.append(max(max_end[-1], t))
    for e in actors:
        for r in e.roles:
            sp = r.span
            if sp is None or sp.end <= sp.start:
                continue
            hi = bisect_left(starts, sp.end + 2)
            if hi and max_end[hi] > sp.start - 2:
                continue  # overlapping or right beside a mention (الأمير | محمد بن سلمان): part of that phrase
            extra.append((sp.start, sp.end, e.id))
    if not extra:
        return spans
    out = spans + extra
    out.sort()
    # keep them non-overlapping: the first (earliest, longest) wins
    clean: list[tuple[int, int, str]] = []
    for s in out:
        if clean and s[0] < clean[-1][1]:
            continue
        clean.append(s)
    return clean


def _bodies(doc: Document, reporters: frozenset[str], ends: list[int]) -> dict[str, tuple[str, int]]:
    """Head nouns of the article's bodies with the article prefixed, kept only where one body has that head."""
    seen: dict[str, tuple[str, int] | None] = {}
    for e in doc.entities:
        if e.type != "ORG" or e.id in reporters or not e.mentions:
            continue
        words = normalize(e.name).split()
        if len(words) < 2:
            continue  # حماس: a one-word name has no head noun to repeat
        head = words[0][2:] if words[0].startswith("ال") else words[0]
        key = "ال" + head
        first = min(m.start for m in e.mentions)
        prior = seen.get(key, (e.id, first))
        seen[key] = None if prior is None or prior[0] != e.id else (e.id, min(first, prior[1]))
    # بعثة صندوق النقد الدولي، وفد حماس: a delegation of a body, named again as البعثة / الوفد, is that body
    for e in doc.entities:
        if e.type != "ORG" or e.id in reporters:
            continue
        for m in e.mentions:
            n = bisect_right(ends, m.start - 1) - 1  # the token right before the mention
            if n < 0 or doc.tokens[n].end > m.start or m.start - doc.tokens[n].end > 1:
                continue
            stem = next((st for _, st in doc.tokens[n].forms if st in lexicon().delegations), None)
            if stem is not None:
                key = "ال" + stem
                prior = seen.get(key, (e.id, doc.tokens[n].start))
                seen[key] = (
                    None if prior is None or prior[0] != e.id else (e.id, min(prior[1], doc.tokens[n].start))
                )
    return {k: v for k, v in seen.items() if v is not None}


def build(doc: Document) -> list[SentCtx]:
    tokens: list[Token] = doc.tokens
    starts = list(map(_START, tokens))
    types = {e.id: e.type for e in doc.entities}
    titles = {e.id: " ".join(_normalized(r.text) for r in e.roles) for e in doc.entities if e.roles}
    linked = frozenset(e.id for e in doc.entities if e.kb_id)
    reporters = frozenset(e.id for e in doc.entities if e.kind in REPORTER_KINDS)
    places = frozenset(
        e.id
        for e in doc.entities
        if e.type == "LOC"
        and e.kind != "capital"
        # (a place the knowledge base does not know is a village or a district, not a state)
        and (e.kind in PLACE_KINDS or (e.kb_id or "").startswith(("city/", "region/")) or not e.kb_id)
    )
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
            )  # fmt: skip
        )
    return out


# What build() needs of a word, cached by its text (and checked against the token's norm and forms): the norm
# and forms it was computed for, _word_info(text) (categories, entries, head_k, article, future, cores,
# readings), its trigger entries, categories, the stems of its readings that could be nisba forms, the
# multiword cues that may start at it (by second word), _trigger_facts of its entries, and the arguments of
# Tok after the token for the word outside a mention (with _free_word_info's conjunction and preposition), and
# whether it may be a head noun standing for an organization.
_WORDS: dict[str, tuple] = {}
_EMPTY: frozenset[str] = frozenset()
_START = attrgetter("start")
_END = attrgetter("end")


_HEAD_SPELLINGS = ("ال", "وال", "فال", "بال", "وبال", "فبال", "لل", "ولل", "فلل")


def _new_word(t: Token) -> tuple:
    info = _free_word_info(t.text, t.norm)
    forms = info[6]
    firsts = _phrase_firsts()
    # the readings with the و/ف of a three-letter word split off too (ومن المقرر)
    cues = _cues_by_second(forms) if any(stem in firsts for _, stem in forms) else None
    facts = _trigger_facts(info[1]) if info[1] else None
    stems = tuple(stem for _, stem in forms if could_be_nisba(stem))
    cats, entries, head_k, article, fut, cores, _, conj, prep = info
    args = (
        False,
        None,
        False,
        prep,
        conj,
        cats,
        fut,
        entries,
        None,
        0,
        False,
        article,
        cores,
        _EMPTY,
        False,
        head_k,
        False,
    )
    # could the word be an organization's head noun with its clitics (والمجلس، للمجلس; see _with_clitics)?
    maybe_head = not cats and not entries and t.norm.startswith(_HEAD_SPELLINGS)
    w = (t.norm, t.forms, info[:7], entries, cats, stems, cues, facts, args, maybe_head)
    if len(_WORDS) < 200_000:  # bounded: a stream of unique garbage cannot exhaust memory
        _WORDS[t.text] = w
    return w


@lru_cache(maxsize=100_000)
def _word_info(text: str):
    """What the lexicons say about a word, cached by its text: (categories, entries, head_k, article, future,
    cores of its readings, the readings)."""
    lex = lexicon()
    forms = clitic_forms(text)
    n = forms[0][1]
    if len(forms) == 1 and len(n) == 3 and n[0] in "وف":
        forms = (*forms, (1, n[1:]))  # ولم، وحث، فقد: the text layer keeps three-letter words whole
    elif n.startswith("لل") and len(n) > 4 and text[:2] == "لل":
        forms = (*forms, (1, n[1:]))  # للقاء is ل + لقاء (not ل + اللقاء)
    cats: frozenset[str] = frozenset()
    for _, stem in forms:
        c = lex.words.get(stem)
        if c:
            cats = c
            break
    entries: tuple[Entry, ...] = ()
    head_k, article, fut = 0, False, False
    # a word known whole (وزارة، وفد) is not و + a trigger (زارة)
    for k, stem in forms[:1] if "not_conj" in cats else forms:
        cands = lex.heads.get(stem)
        art = False
        if cands is None and stem.startswith("ال") and len(stem) > 4:
            cands = lex.heads.get(stem[2:])
            art = cands is not None
        if cands and text.endswith("ة"):
            # إدانة is no verb form (a feminine participle is: متهمة)
            cands = tuple(e for e in cands if e.trigger.pos == "noun" or e.participle) or None
        if cands:
            entries, head_k, article = cands, k, art
            fut = "س" in text[:k]  # سيردون: the future prefix came off as a clitic
            break
    if not entries and "light" in cats:  # سترسل، سيعقد: a light verb in the future
        fut = any(k and "س" in text[:k] and stem[:1] in "يتنا" for k, stem in forms)
    cores = frozenset(core(stem) for _, stem in forms)
    return cats, entries, head_k, article, fut, cores, forms


@lru_cache(maxsize=100_000)
def _free_word_info(text: str, norm: str) -> tuple:
    """``_word_info(text)`` followed by the conjunction flag and preposition ``_annotate_word`` gives a word
    outside every mention (they depend on the text and its normalized form only)."""
    info = _word_info(text)
    cats, forms = info[0], info[6]
    conj = norm[:1] in "وف" and len(norm) >= 3 and len(forms) > 1 and "not_conj" not in cats
    rest = norm[1:] if conj else norm
    prep = rest[0] if rest.startswith(("بال", "لل", "كال")) and len(rest) > 4 else None
    if prep is None and rest[:1] in ("ب", "ل") and rest[1:] in title_words():
        prep = rest[0]  # اتصالا هاتفيا بقائد القيادة X، لرئيس الوزراء: a title without the article after ب/ل
    return (*info, conj, prep)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Title words (titles.tsv) without the article, normalized: قايد، رييس، وزير، متحدث."""
    return frozenset(
        normalize(row["title"]).split()[0].removeprefix("ال")
        for row in read_tsv("titles.tsv")
        if row["title"]
    )


def _annotate_word(tk: Tok, info: tuple, nisba: dict[str, str]) -> None:
    """Fill a word's Tok from ``_word_info`` of its text; ``tk.ent`` is already set from the mentions."""
    t = tk.token
    tk.cats, tk.entries, tk.head_k, tk.article, tk.fut, tk.cores, forms = info
    n0 = t.norm
    if not tk.ent_start and not tk.ent:
        if n0[:1] in "وف" and len(n0) >= 3 and len(forms) > 1 and "not_conj" not in tk.cats:
            tk.conj = True
        rest = n0[1:] if tk.conj else n0
        if rest.startswith(("بال", "لل", "كال")) and len(rest) > 4:
            tk.prep = rest[0]
    # a nisba adjective of an entity of the document (روسي، الأميركية) stands for that entity
    if not nisba:
        return
    for _, stem in forms:
        eid = nisba.get(stem)
        # inside a name only an adjective form counts (الروسية), not the name itself (مصر)
        if eid and (not tk.ent or stem.endswith(NISBA_ENDINGS)):
            tk.nisba = True
            if not tk.ent:
                tk.ent = eid
                tk.ent_start = True
            break


@lru_cache(maxsize=100_000)
def _phrase_starts(forms: tuple[tuple[int, str], ...]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The multiword cues that may start at a word with these readings: (cue words, category) each."""
    by_first = lexicon().phrases_by_first
    return tuple(c for _, stem in forms for c in by_first.get(stem, ()))


@lru_cache(maxsize=100_000)
def _cues_by_second(forms: tuple[tuple[int, str], ...]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The multiword cues that may start at a word with these readings, by their second word."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, cat in _phrase_starts(forms):
        out.setdefault(words[1], []).append((words, cat))
    return {k: tuple(v) for k, v in out.items()}


def _mark_phrases(toks: list[Tok], cues: list[tuple[int, dict]]) -> list[int]:
    """Mark the multiword cues starting at the words ``cues`` lists (index, its cues by their second word):
    a cue is looked up by the readings of the next word, then its later words are checked. Returns the
    indices of the words where a cue starts."""
    n_toks = len(toks)
    marked: list[int] = []
    for k, by_second in cues:
        if k + 1 >= n_toks:
            continue
        found: set[str] | None = None
        for _, s in toks[k + 1].token.forms:
            for words, cat in by_second.get(s, ()):
                if k + len(words) > n_toks:
                    continue
                for n in range(2, len(words)):
                    w = words[n]
                    for _, s2 in toks[k + n].token.forms:
                        if s2 == w:
                            break
                    else:
                        break
                else:
                    if found is None:
                        found = set()
                    found.add(cat)
        if found:
            tk = toks[k]
            tk.phrases = tk.phrases | found
            marked.append(k)
    return marked


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    return frozenset(lexicon().phrases_by_first)


def _rest_matches(toks: list[Tok], j: int, rest) -> bool:
    for n, alts in enumerate(rest):
        k = j + n
        if k >= len(toks) or toks[k].token.kind != "word":
            return False
        if toks[k].cores.isdisjoint(alts):
            return False
    return True


_NOUN_BEFORE_CATS = frozenset({"prep", "hypothetical_before"})  # a word after these is a noun


def _nominal(toks: list[Tok], i: int) -> bool:
    """The head reads as a noun: it has the article, a preposition, or follows a preposition (إلى دعم)."""
    tk = toks[i]
    if tk.article:
        return True
    clit = tk.token.text[: tk.head_k].lstrip("وف")
    if clit[:1] in "بلك" and clit:
        return True
    k = i - 1
    while k >= 0 and toks[k].punct and toks[k].token.text in _QUOTE_MARKS:
        k -= 1
    # after a preposition (إلى دعم), أي (أي تنازل), عدم or a light verb (ستواصل دعم), a word is a noun
    return k >= 0 and bool(
        toks[k].cats & _NOUN_BEFORE_CATS
        or toks[k].token.norm == "عدم"
        or ("light" in toks[k].cats and not toks[k].ent and not toks[k].in_trigger)
    )


MAX_GAP = 8  # فرض الاتحاد الأوروبي، الاثنين، حزمة عقوبات


def _gapped(
    toks: list[Tok], i: int, verbs: tuple[Entry, ...], firsts: frozenset[str]
) -> tuple[int, list[Entry]]:
    """The gap and the multiword ``verbs`` whose rest follows the head after a gap of 1-MAX_GAP words (and
    any punctuation and time expressions);
    ``firsts`` (the union of the first words of their rests) is a cheap test before matching each in full."""
    words = 0
    for gap in range(1, 2 * MAX_GAP + 1):
        k = i + gap
        if k >= len(toks) or (toks[k].punct and toks[k].token.text in STRONG_PUNCT):
            break
        if not toks[k].punct and not toks[k].timex:
            words += 1  # a date set off by commas does not count (استخدمت X، مساء الخميس 18 أبريل، حق النقض)
            if words > MAX_GAP:
                break
        if k + 1 >= len(toks) or toks[k + 1].cores.isdisjoint(firsts):
            continue
        hits = [e for e in verbs if _rest_matches(toks, k + 1, e.trigger.rest)]
        if hits and any("name_gap" in e.trigger.flags for e in hits) and not _names_only(toks, i + 1, k + 1):
            hits = [e for e in hits if "name_gap" not in e.trigger.flags]  # أعلنت أنها سترسل مساعدات
        if hits:
            return gap, hits
    return 0, []


def _names_only(toks: list[Tok], a: int, b: int) -> bool:
    """Tokens a..b-1 are a name (the subject), dates, numbers and punctuation (أعلنت الولايات المتحدة مساعدات،
    ستقدم 110 ملايين يورو)."""
    return all(
        toks[m].ent or toks[m].punct or toks[m].timex or toks[m].token.norm.replace(".", "").isdigit()
        for m in range(a, b)
    )


def _has_article(tk: Tok) -> bool:
    return tk.article


def plain_word(tk: Tok) -> bool:
    """A content word that is no name, particle, trigger or time: a noun a verb would follow only as SVO."""
    return tk.token.kind == "word" and not tk.ent and not tk.cats and not tk.in_trigger and not tk.timex


def _after_plain_word(toks: list[Tok], i: int) -> bool:
    """أكد البيان دعم …، قوات الدعم السريع: after a plain noun a word with a noun reading is that noun."""
    return i > 0 and not toks[i].conj and plain_word(toks[i - 1]) and not toks[i - 1].entries


def _trigger_facts(entries: tuple[Entry, ...]) -> tuple:
    """A head word's entries sorted for matching (cached with the word): the multiword ones (longest first, as
    the lexicon orders them), the one-word ones, the multiword verbs that may take their object after a gap
    (the subject), the union of the first words of those verbs' rests, whether any entry is an ``adjective``
    and the first words of the multiword ones' rests."""
    multi = tuple(e for e in entries if e.trigger.rest)
    plain = tuple(e for e in entries if not e.trigger.rest)
    verbs = tuple(e for e in multi if e.trigger.pos == "verb" and "adjacent" not in e.trigger.flags)
    firsts = frozenset().union(*(e.trigger.rest[0] for e in verbs)) if verbs else frozenset()
    adjective = any("adjective" in e.trigger.flags for e in entries)
    return multi, plain, verbs, firsts, adjective, _rest_firsts(multi)


def _mark_triggers(toks: list[Tok], heads: list[tuple[int, tuple]]) -> list[int]:
    """Longest multiword trigger first; verb or noun reading chosen by the head's context. ``heads``: the words
    with trigger entries outside names (منظمة الأمن والتعاون holds no trigger), in order, with
    ``_trigger_facts`` of their entries. Returns the indices of the heads that got a trigger."""
    i = 0
    marked: list[int] = []
    name_heads = lexicon().name_heads
    n_toks = len(toks)
    for h, (multi, plain, verbs, firsts, adjective, rest_firsts) in heads:
        if h < i:
            continue  # inside a trigger matched before
        i = h
        tk = toks[i]
        if tk.timex:
            continue  # فجر اليوم (at dawn) is no فجّر (blew up): no trigger inside a time expression
        hits: list[Entry] | tuple[Entry, ...] = ()
        gap = 0
        longest = 0
        # (a multiword trigger needs its first later word next: one set test before matching each in full)
        if multi and i + 1 < n_toks and not toks[i + 1].cores.isdisjoint(rest_firsts):
            for e in multi:
                if _rest_matches(toks, i + 1, e.trigger.rest):
                    # the lexicon lists the longest forms first: keep the matches as long as the first one
                    longest = len(e.trigger.rest)
                    hits = [
                        e
                        for e in multi
                        if len(e.trigger.rest) == longest and _rest_matches(toks, i + 1, e.trigger.rest)
                    ]
                    break
        if not hits:
            hits = plain
            if verbs:
                # a verb and its object noun with the subject between: حشدت روسيا قوات، بحث X هاتفيا مع Y
                g, gapped = _gapped(toks, i, verbs, firsts)
                if gapped:
                    gap = g
                    longest = max(len(e.trigger.rest) for e in gapped)
                    hits = [e for e in gapped if len(e.trigger.rest) == longest]
        if not hits:
            i += 1
            continue
        nominal = _nominal(toks, i)
        if (
            not nominal
            and i > 0
            and toks[i - 1].hit is not None
            and toks[i - 1].hit.trigger.pos == "verb"
            and not tk.conj
            and all(e.trigger.pos == "verb" for e in hits)
        ):
            i += 1  # يدعم طلب فلسطين: right after a verb, a verb-only word is its object (a verbal noun)
            continue
        if i > 0 and tk.token.norm.startswith("ال") and toks[i - 1].token.forms[-1][1] in name_heads:
            i += 1  # قوات الدعم السريع، هيئة التفاوض: a name the entities layer missed, not an event
            continue
        want = "noun" if nominal or _after_plain_word(toks, i) else "verb"
        if want == "noun" and adjective and all("adjective" in e.trigger.flags for e in hits):
            i += 1  # بشكل قاطع: after a noun the word is an adjective of it
            continue
        if nominal:  # a verb never takes the article or a preposition: لبحث، التفاوض are nouns or nothing
            nouns = [e for e in hits if e.trigger.pos == "noun"]
            if not nouns and gap:
                # بعد قطع الجزائر علاقاتها، فرض الاتحاد عقوبات: the verbal noun, its subject in the genitive
                rests = {e.trigger.rest for e in hits}
                nouns = [e for e in multi if e.trigger.pos == "noun" and e.trigger.rest in rests]
            hits = nouns
            if not hits:
                i += 1
                continue
        tk.hit = next((e for e in hits if e.trigger.pos == want), hits[0])
        tk.gap = gap
        marked.append(i)
        j = i + 1 + gap + longest
        for k in [i, *range(i + 1 + gap, j)]:
            toks[k].in_trigger = True
        i = j
    return marked


# A token ends a chunk when it is punctuation other than _NO_BREAK_PUNCT, a trigger, or a word outside any name
# whose categories are not all in this set.
_NOT_BOUNDARY_CATS = frozenset(
    {"not_conj", "planned_after", "frame", "state_noun", "superlative", "document", "honorific"}
)


def _np_ends(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    """A noun phrase ends after a person's name (غالانت | حزب الله، فيدان | نظيره) and between two names
    side by side (العراق | الكويت) — but not between a title's nisba and the name (الأميركي جو بايدن)."""
    prev, tk = toks[i - 1], toks[i]
    if not prev.ent or prev.ent == tk.ent or tk.nisba or tk.conj:
        return False
    if types.get(prev.ent) == "PER" and not prev.nisba:
        first = i - 1
        while first > 0 and toks[first - 1].ent == prev.ent and not toks[first].ent_start:
            first -= 1
        if toks[first].token.forms[-1][1].startswith("نظير"):
            return False  # a title taken for a name (نظيره السعودي | الأمير فيصل): the name follows
        return tk.ent_start or tk.token.forms[-1][1].startswith(COUNTERPARTS)
    # (الاتحاد الأوروبي | روسيا: an adjective ending a name of several words is no title's nisba)
    name_end = prev.nisba and i >= 2 and toks[i - 2].ent == prev.ent
    return tk.ent_start and (not prev.nisba or name_end) and types.get(tk.ent) != "PER"


_APPOSITION_PUNCT = {"،", ","}


def _apposed_person(toks: list[Tok], i: int, types: dict[str, str], cur_ents: list[str]) -> bool:
    """A comma between a title naming no person and the person holding it (an honorific may come first)."""
    if any(types.get(e) == "PER" for e in cur_ents) or not toks[i - 1].token.kind == "word":
        return False
    k = i + 1
    if k < len(toks) and "honorific" in toks[k].cats and not toks[k].ent:
        k += 1
    return k < len(toks) and toks[k].ent_start and not toks[k].nisba and types.get(toks[k].ent) == "PER"


def _titled_person_at(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    """After a person's name, و + a title of a few plain words and a person's name (نبيه بري ورئيس حكومة
    تصريف الأعمال نجيب ميقاتي): a second person, coordinated."""
    for k in range(i + 1, min(len(toks), i + 6)):
        t = toks[k]
        if t.punct or t.cats or t.in_trigger:
            return False
        if t.ent_start and not t.nisba:
            return types.get(t.ent) == "PER"
    return False


def _bare_title_after_person(toks: list[Tok], i: int, types: dict[str, str], heads: frozenset[str]) -> bool:
    """After a person's name, a short definite title naming nobody (رئيس الوزراء، الأمير) starts a phrase of
    its own: a person it stands for (``_bare_titles``), not more of the name."""
    prev, tk = toks[i - 1], toks[i]
    if not heads or tk.ent or tk.conj or types.get(prev.ent) != "PER" or prev.nisba:
        return False
    if tk.token.forms[-1][1] not in heads:
        return False
    for k in range(i, min(len(toks), i + BARE_TITLE_WORDS)):
        t = toks[k]
        if t.ent or t.cats or t.punct or t.token.kind != "word":
            return False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.token.forms[-1][1].startswith("ال") and (nxt is None or not nxt.token.norm.startswith("ال")):
            return True  # the title ends on a definite word not followed by another (an adjective of it)
    return False


def _construct_after_name(toks: list[Tok], i: int) -> bool:
    """An indefinite plain noun (no clitic, no title: أعضاء، ممثلي) followed by a definite word: the head of a
    construct phrase of its own, not more of the name before it."""
    tk = toks[i]
    if tk.ent or tk.cats or tk.in_trigger or tk.punct or tk.token.forms[-1][0] or i + 1 >= len(toks):
        return False
    norm = tk.token.norm
    if norm.startswith("ال") or norm in title_words() or tk.token.kind != "word":
        return False
    nxt = toks[i + 1]
    return not nxt.punct and nxt.token.norm.startswith("ال") and not nxt.ent


def _after_place(toks: list[Tok], i: int, types: dict[str, str]) -> bool:
    prev, tk = toks[i - 1], toks[i]
    return (
        bool(prev.ent)
        and types.get(prev.ent) == "LOC"
        and not tk.ent
        and not tk.nisba
        and not tk.conj
        and tk.token.forms[-1][1].startswith("ال")
    )


def _second_person(
    toks: list[Tok], start: int, i: int, eid: str, types: dict[str, str], linked: frozenset[str]
) -> int | None:
    """Where a phrase holding another person before token ``i`` should be cut: right after that person's name.
    An unlinked "person" followed by a linked one is taken for a title (ولي العهد السعودي | الأمير محمد)."""
    last = None
    for m in range(i - 1, start - 1, -1):
        e = toks[m].ent
        if e and e != eid and types.get(e) == "PER" and not toks[m].nisba:
            last = m
            break
        if toks[m].conj:
            return None  # coordinated (بوتين والرئيس التركي أردوغان): a conjunct of its own already
    if last is None:
        # جهاز الردع | قائد اللواء محمود حمزة: a phrase opening on an organization's name, then a title and a
        # person, is two phrases (the subject and the object of احتجز)
        first = toks[start].ent
        if first and types.get(first) == "ORG" and not toks[start].nisba:
            m = start
            while m < i and toks[m].ent == first:
                m += 1
            if start < m < i - 1 and not any(toks[n].ent or toks[n].conj for n in range(m, i)):
                return m
        return None
    if last == i - 1:
        return None
    if toks[last].ent not in linked and eid in linked:
        return None
    return last + 1


def _seal(cur: Chunk, cur_ents: list[str], types: dict[str, str]) -> None:
    """Close a phrase naming someone: its last conjunct's actors, then the actors of all conjuncts."""
    if cur_ents:
        cur.conjuncts.append(_best(types, cur_ents))
    if cur.conjuncts:
        cur.conjuncts = [c for c in cur.conjuncts if c]
        cur.seal()


def _chunks(
    toks: list[Tok],
    types: dict[str, str],
    linked: frozenset[str] = frozenset(),
    title_heads: frozenset[str] = frozenset(),
) -> tuple[list[Chunk], list[int]]:
    chunks: list[Chunk] = []
    cur: Chunk | None = None
    cur_ents: list[str] = []
    pending_prep: str | None = None

    def close(end: int) -> None:
        """End the current phrase before token ``end`` (every token of a phrase joins it, so its end is where
        the next boundary or phrase begins)."""
        nonlocal cur
        if cur is not None:
            cur.end = end
            if cur_ents or cur.conjuncts:  # most phrases name nobody: no conjuncts, no actors (the defaults)
                _seal(cur, cur_ents, types)
                cur_ents.clear()  # _best() copied what it keeps
            chunks.append(cur)
        cur = None

    # the tests below are the chunk-boundary rule above, _np_ends() and _after_place() inlined or guarded by their cheapest
    # condition: this loop sees every token of every sentence with a trigger
    for i, tk in enumerate(toks):
        cats = tk.cats
        if tk.punct:
            if (
                tk.token.text in _APPOSITION_PUNCT
                and cur is not None
                and _apposed_person(toks, i, types, cur_ents)
            ):
                continue  # رئيسة مجلس الوزراء الإيطالية، السيدة جورجيا ميلوني: the title and its holder
            if tk.token.text not in _NO_BREAK_PUNCT:
                if cur is not None:
                    close(i)
                pending_prep = None
                continue
        elif cats and not tk.ent:
            if "prep" in cats:
                if cur is not None:
                    close(i)
                pending_prep = tk.token.forms[-1][1] if tk.conj else tk.token.norm
                if tk.conj:
                    pending_prep = pending_prep[1:] if pending_prep[:1] in "وف" else pending_prep
                continue
            if tk.in_trigger or not cats <= _NOT_BOUNDARY_CATS:
                if cur is not None:
                    close(i)
                pending_prep = None
                continue
        elif tk.in_trigger:
            if cur is not None:
                close(i)
            pending_prep = None
            continue
        conj = tk.conj
        if conj:
            forms = tk.token.forms
            stem = forms[1][1] if len(forms) > 1 else tk.token.norm
            # و before a name, a counterpart or a definite noun (والرئيس التركي …) coordinates actors
            # (وحركة أمل، ووزير خارجية X: a head noun right before a name, too)
            new_conjunct = (
                tk.ent_start
                or stem.startswith(("نظير", "ال"))
                or (i + 1 < len(toks) and toks[i + 1].ent_start and not toks[i + 1].nisba and not tk.cats)
                or (i > 0 and types.get(toks[i - 1].ent) == "PER" and _titled_person_at(toks, i, types))
            )
        else:
            new_conjunct = False
        if cur is not None:
            prev_ent = toks[i - 1].ent if i > 0 else None
            if tk.prep:
                close(i)
            elif not conj and tk.token.forms[-1][1].startswith(COUNTERPARTS) and not tk.in_trigger:
                close(i)  # نظيره، ضيفه …: a counterpart phrase starts a new noun phrase
            elif prev_ent and _np_ends(toks, i, types):
                close(i)
            elif (
                prev_ent
                and not tk.ent
                and tk.token.forms[-1][1] in title_heads
                and _bare_title_after_person(toks, i, types, title_heads)
            ):
                close(
                    i
                )  # اتهم غانتس | رئيس الوزراء بـ…: another person's title after a name opens the object
            elif (
                prev_ent
                and types.get(prev_ent) == "PER"
                and not tk.ent
                and i + 1 < len(toks)
                and toks[i + 1].nisba
                and tk.token.forms[-1][1].startswith("ال")
            ):
                close(
                    i
                )  # استقبل السيسي | الوزير الأميركي: after a name, a title with its nisba is another phrase
            elif (
                prev_ent
                and not tk.ent
                and types.get(prev_ent) == "PER"
                and i + 1 < len(toks)
                and toks[i + 1].ent_start
                and types.get(toks[i + 1].ent) in ("ORG", "LOC")
                and not toks[i - 1].nisba
                and tk.token.forms[-1][1] in lexicon().name_heads
            ):
                # اتهم … دانيال هاغاري | حركة حماس: an organization's head noun after a name opens its name
                close(i)
            elif prev_ent and tk.timex and not tk.ent:
                close(
                    i
                )  # زار X الأحد مدينة مرسيليا: a date after a name ends its phrase; what follows is another
            elif prev_ent and types.get(prev_ent) == "PER" and _construct_after_name(toks, i):
                close(i)  # استقبل X | أعضاء الوفد الحوثي: a noun in construct after a name is another phrase
            elif cur.prep and prev_ent and _after_place(toks, i, types):
                close(
                    i
                )  # في الرياض | الرئيس الفرنسي: a definite noun after a place in a PP starts a new phrase
            elif tk.ent_start and not conj and types.get(tk.ent) == "PER":
                # a second person in one phrase (بلينكن قائد الجيش البرهان): the title before him starts a new one
                split = _second_person(toks, cur.start, i, tk.ent, types, linked)
                if split is not None:
                    cur_ents = [toks[m].ent for m in range(cur.start, split) if toks[m].ent]
                    close(split)
                    cur = Chunk(split, i, None)
                    cur_ents = [toks[m].ent for m in range(split, i) if toks[m].ent]
        if cur is None or (conj and not new_conjunct):
            if cur is not None:
                close(i)
            cur = Chunk(i, i + 1, tk.prep or pending_prep)
            pending_prep = None
        elif new_conjunct:
            cur.conjuncts.append(_best(types, cur_ents))
            cur_ents.clear()  # _best() copied what it keeps
        if tk.ent and not (
            tk.nisba
            and i > 0
            and toks[i - 1].ent not in (None, tk.ent)
            and types.get(toks[i - 1].ent) == "ORG"
        ):  # (شركة إيني الإيطالية: a nisba right after an organization's name describes it, no other actor)
            cur_ents.append(tk.ent)
    close(len(toks))
    # token -> its phrase: phrases are runs of consecutive tokens, and every token between them is a boundary
    chunk_of = [-1] * len(toks)
    for ci, c in enumerate(chunks):
        chunk_of[c.start : c.end] = [ci] * (c.end - c.start)
    return chunks, chunk_of


def _anaphor_heads(doc: Document) -> dict[str, list[tuple[int, str]]]:
    """Head nouns of organizations named in several words (مجلس التعاون …، السلطة الفلسطينية، وزارة الدفاع
    التركية), with the article (المجلس، السلطة، الوزارة) -> (mention start, entity id), in text order."""
    out: dict[str, list[tuple[int, str]]] = {}
    for e in doc.entities:
        if e.type != "ORG":
            continue
        for m in e.mentions:
            head = _head_noun(m.text)
            if head is not None:
                out.setdefault(head, []).append((m.start, e.id))
    for v in out.values():
        v.sort()
    return out


@lru_cache(maxsize=4096)
def _head_noun(text: str) -> str | None:
    """The head noun, with the article, of an organization named in several words (None for one word)."""
    words = _words(text)
    if len(words) < 2 or len(words[0]) < 3:
        return None
    return words[0] if words[0].startswith("ال") else "ال" + words[0]


def _with_clitics(anaphors: dict[str, list[tuple[int, str]]]) -> dict[str, str]:
    """Each head noun as written with the clitics before it (والمجلس، بالمجلس، للمجلس) -> the head noun."""
    out: dict[str, str] = {}
    for head in anaphors:
        out.update(_clitic_spellings(head))
    return out


@lru_cache(maxsize=4096)
def _clitic_spellings(head: str) -> dict[str, str]:
    out = {pre + head: head for pre in ("", "و", "ف", "ب", "وب", "فب")}
    out.update((pre + head[1:], head) for pre in ("ل", "ول", "فل"))  # ل + المجلس = للمجلس
    return out


def _head_anaphors(
    toks: list[Tok], seen: list[tuple[int, str]], anaphors: dict[str, list[tuple[int, str]]]
) -> bool:
    """وقال المجلس، اتهم … السلطة بـ …: a head noun alone (no adjective or genitive after it, no function-word
    reading) stands for the organization last named with it. ``seen``: (token index, head noun) of the words
    that read as one. Sets ``ent`` on those tokens; True if any."""
    found = False
    own = lexicon().self_nouns  # الحزب، الحركة in a speaker's words: his own side (own_side_warning)
    for k, head in seen:
        tk = toks[k]
        if head in own or tk.in_trigger:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.token.kind == "word"
            and (nxt.ent or nxt.token.forms[-1][1].startswith("ال"))
        ):
            continue  # المجلس الرئاسي، الجيش التركي: another body
        before = [eid for start, eid in anaphors[head] if start < tk.token.start]
        if before:
            tk.ent, tk.ent_start, found = before[-1], True, True
    return found


def _titled_people(doc: Document) -> list[tuple[int, str, frozenset[str], str]]:
    """(mention start, person id, words of his titles, his country's KB id) for every mention of a person with
    a title and a country, in text order."""
    out = []
    for e in doc.entities:
        if e.type != "PER" or not e.roles or not e.country:
            continue
        words = _role_words(tuple(r.text for r in e.roles))
        out += [(m.start, e.id, words, e.country) for m in e.mentions]
    out.sort()
    return out


def _title_anaphors(
    toks: list[Tok], chunks: list[Chunk], titled: list[tuple[int, str, frozenset[str], str]], kb_of: dict
) -> None:
    """استقبل السيسي الوزير الأميركي، التقى X نظيره العماني: a definite title (or a counterpart) and a nisba,
    naming nobody, stand for the person last named before with that title (any title) and country. ``chunks``:
    the phrases holding a nisba adjective."""
    for c in chunks:
        if len(c.actors) != 1 or c.prep is not None:
            continue
        head = toks[c.start]
        stem = head.token.forms[-1][1]
        # نظيره العماني، ضيفه الإيراني: his Omani counterpart, his Iranian guest, whatever their titles
        counterpart = stem.startswith(COUNTERPARTS)
        if head.ent or not (stem.startswith("ال") or counterpart) or head.token.kind != "word":
            continue
        if not all(toks[k].nisba for k in range(c.start, c.end) if toks[k].ent):
            continue
        country = kb_of.get(c.actors[0])
        here = head.token.start
        pick = exact = None
        for start, pid, words, pc in titled:
            if start >= here:
                break
            if pc == country and (counterpart or stem[2:] in words or stem in words):
                pick = pid
                # الرئيس السنغالي is the president, not the prime minister (رئيس الوزراء): a title with no
                # other word than the head and nisbas is the better match
                if not counterpart and all(w in (stem, stem[2:]) or w.endswith(NISBA_ENDINGS) for w in words):
                    exact = pid
        pick = exact or pick
        if pick is not None:
            c.conjuncts = [[pick]]
            c.seal()


def _title_holders(
    doc: Document,
) -> tuple[list[tuple[int, str, tuple[tuple[frozenset[str], bool], ...]]], frozenset[str], frozenset[str]]:
    """(mention start, person id, his titles: (words, written in this article)) for every mention of a titled
    person, in text order; all the words of those titles; and their first words."""
    out = []
    known: set[str] = set()
    heads: set[str] = set()
    for e in doc.entities:
        if e.type != "PER" or not e.roles:
            continue
        titles = []
        for r in e.roles:
            w = _words(r.text)
            if w:
                titles.append((frozenset(w), r.source == "text"))
                known.update(w)
                heads.add(w[0])
        roles = tuple(dict.fromkeys(titles))
        out += [(m.start, e.id, roles) for m in e.mentions]
    out.sort()
    return out, frozenset(known), frozenset(heads)


BARE_TITLE_WORDS = 3  # رئيس الوزراء، الأمير، وزير الخارجية: a title standing alone is short


def _bare_titles(
    toks: list[Tok],
    chunks: list[Chunk],
    holders: list[tuple[int, str, tuple[tuple[frozenset[str], bool], ...]]],
    known: frozenset[str],
    types: dict[str, str] | None = None,
) -> None:
    """اتهم غانتس رئيس الوزراء بـ…، وقال الأمير: a definite title naming nobody, without a nisba, stands for the
    person last named before with a title holding all its words (بنيامين نتنياهو، رئيس الوزراء الإسرائيلي)."""
    if not holders:
        return
    types = types or {}
    for n, c in enumerate(chunks):
        if c.actors or c.prep is not None:
            continue
        nxt = chunks[n + 1] if n + 1 < len(chunks) else None
        if (
            nxt is not None
            and nxt.prep is not None
            and nxt.start <= c.end + 1
            and any(types.get(toks[k].ent) == "PER" for k in range(nxt.start, nxt.end))
        ):
            continue  # المديرة التنفيذية لليونيسف كاثرين راسل: the title's holder is named in the phrase after it
        head = toks[c.start].token.forms[-1][1]
        if head not in known and head[2:] not in known:
            continue  # (a cheap test: the first word must be a word of some title)
        # the title: the phrase's first words up to a definite one not followed by another (رئيس الوزراء
        # بتقديم …: the rest is the object's complement)
        end = None
        for k in range(c.start, min(c.end, c.start + BARE_TITLE_WORDS)):
            tk = toks[k]
            if tk.token.kind != "word" or tk.cats or tk.entries or tk.timex:
                break
            if tk.token.forms[-1][1].startswith("ال") and (
                k + 1 >= c.end or not toks[k + 1].token.norm.startswith("ال")
            ):
                end = k + 1
                break
        if end is None:
            continue  # رئيس وزراء سابق: indefinite, nobody in particular
        span = toks[c.start : end]
        words = [tk.token.forms[-1][1] for tk in span]
        keys = {w[2:] if w.startswith("ال") else w for w in words}
        here = span[0].token.start
        pick = written = None
        for start, pid, roles in holders:
            if start >= here:
                break
            for words_of, in_text in roles:
                if all(k in words_of or "ال" + k in words_of for k in keys):
                    pick = pid
                    if in_text:  # a title the article gives him beats one the KB remembers (a former PM)
                        written = pid
        pick = written or pick
        if pick is not None:
            c.conjuncts = [[pick]]
            c.seal()


@lru_cache(maxsize=4096)
def _role_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The normalized words of a person's titles."""
    return frozenset(w for t in texts for w in _words(t))


@lru_cache(maxsize=4096)
def _normalized(text: str) -> str:
    """A title's normalized text (titles repeat across an article and a corpus)."""
    return normalize(text)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """The normalized words of a mention or title (they repeat across an article and a corpus)."""
    return tuple(normalize(text).split())


def _rest_firsts(multi: tuple[Entry, ...]) -> frozenset[str]:
    """The cores a multiword trigger's first later word may have, over the given entries."""
    return frozenset().union(*(e.trigger.rest[0] for e in multi))
