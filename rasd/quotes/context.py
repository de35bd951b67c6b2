"""Per-document working data for the quotes layer: tokens with their normalized forms, quotation regions and
an index of entity mentions, built once per document so that the rules below stay linear in its length."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter, lt, sub

import regex

from ..document import Document, Entity
from ..text.normalize import normalize_word
from ..text.sentences import QUOTE_MARK, pair_quote_marks
from .lexicon import Lexicon, lexicon
from .records import speaker_words

_SINGLE = regex.compile(
    r"‘([^‘’\n]{1,2000})’"  # ‘…’ pairs
    # straight '…' only around Arabic words, opened after a space or a colon and closed before a space or
    # punctuation, so that the apostrophes of Latin text (don't, l'Etat) are left alone
    r"|(?<=^|[\s:،(])'(?=\p{Arabic})([^'\n]{1,2000})(?<=[\p{Arabic}\p{N}.!؟?])'(?=$|[\s.,،؛:!?)])"
)
PUNCT_END = frozenset(".؟?!…")
# the characters the text layer's QUOTE_MARK (a character class) matches; tests check that it matches no other
MARK_CHARS = tuple(sorted({ch for ch in QUOTE_MARK.pattern if QUOTE_MARK.fullmatch(ch)}))
_START, _END = itemgetter(0), itemgetter(1)


@dataclass(slots=True)
class Context:
    doc: Document
    lex: Lexicon
    toks: list
    norms: Sequence[str]
    starts: Sequence[int]
    texts: Sequence[str] = ()  # every token's text
    text: str = ""  # doc.text, read without the model's attribute lookup
    closes: dict[int, int] = field(default_factory=dict)  # opening mark offset -> closing mark offset
    regions: list[tuple[int, int]] = field(default_factory=list)
    region_starts: list[int] = field(default_factory=list)  # the regions' opening offsets, to bisect ints
    open_tok: dict[int, int] = field(default_factory=dict)  # token of an opening mark -> its closing mark's
    open_of: dict[int, int] = field(default_factory=dict)  # closing mark offset -> opening mark offset
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    mention_starts: list[int] = field(default_factory=list)
    longest: int = 0  # length of the longest mention, in characters
    by_kb: dict[str, Entity] = field(default_factory=dict)
    # entities by normalized mention, by role text and by a person's last name: only the fallbacks need
    # them, so each is built on first use
    _by_name: dict[str, Entity] | None = None
    _by_role: dict[str, Entity] | None = None
    _by_part: dict[str, Entity | None] | None = None
    _by_id: dict[str, Entity] | None = None  # entities by id, built on first use
    _mention_starts_set: frozenset[int] | None = None
    _timex_end: dict[int, int] | None = None  # first token of a time expression -> the token after it
    agreements: dict = field(default_factory=dict)  # (role, text, entity) -> gender, number (agreement.py)
    verb_at: dict[int, tuple] = field(default_factory=dict)  # token index -> (Cue, enclitic) for verb cues
    info: list = field(default_factory=list)  # TokInfo of every token (see tokinfo.py)
    cue_tokens: list[int] = field(default_factory=list)  # tokens that may start a cue, in order
    marks: list[int] = field(default_factory=list)  # tokens where a content may end (see spans.clause_end)
    chan_tokens: list[int] = field(default_factory=list)  # tokens that may start a channel phrase, in order
    recent: list = field(default_factory=list)  # speakers and subjects met so far (SpeakerRec), in order
    # ``recent`` by first word without the article, filled up to ``_heads_upto`` on use (recent_with_head)
    _recent_heads: dict[str, list] = field(default_factory=dict)
    _heads_upto: int = 0
    known_roles: dict[int, tuple] = field(default_factory=dict)  # id(entity) -> roles, see known_role
    attr_memo: dict = field(default_factory=dict)  # (token, end) -> attribution there (cues.attribution_at)
    _sent_starts: list[int] | None = None
    mouth_offsets: list[int] = field(default_factory=list)  # where لسان stands (mouthpiece.py)

    _quoted: list[tuple[int, int]] | None = None

    @property
    def quoted_tokens(self) -> list[tuple[int, int]]:
        """Runs of tokens strictly inside quotation marks, (open token, close token) with overlapping pairs
        merged (a ‘…’ inside "…"), in order; built on first use."""
        if self._quoted is None:
            runs: list[tuple[int, int]] = []
            for o, c in sorted(self.open_tok.items()):
                if runs and o < runs[-1][1]:
                    runs[-1] = (runs[-1][0], max(runs[-1][1], c))
                else:
                    runs.append((o, c))
            self._quoted = runs
        return self._quoted

    @property
    def sent_starts(self) -> list[int]:
        """Start offsets of the sentences, built on first use."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in self.doc.sentences]
        return self._sent_starts

    @property
    def by_name(self) -> dict[str, Entity]:
        if self._by_name is None:
            self._name_indexes()
        return self._by_name  # type: ignore[return-value]

    @property
    def mention_starts_set(self) -> frozenset[int]:
        """The offsets where a mention starts, for membership tests."""
        if self._mention_starts_set is None:
            self._mention_starts_set = frozenset(self.mention_starts)
        return self._mention_starts_set

    @property
    def timex_end(self) -> dict[int, int]:
        """First token of each time expression the temporal layer found -> the token after its end (a time
        phrase after a verb, قد تعهد الأسبوع الماضي, is no subject)."""
        if self._timex_end is None:
            starts, n = self.starts, len(self.text)
            self._timex_end = {
                bisect_left(starts, x.start): bisect_left(starts, x.end)
                for x in self.doc.timexes
                if 0 <= x.start < x.end <= n
            }
        return self._timex_end

    @property
    def by_role(self) -> dict[str, Entity]:
        if self._by_role is None:
            pairs = [(normalize_word(r.text), e) for e in self.doc.entities for r in e.roles if r.text]
            pairs.reverse()
            self._by_role = dict(pairs)
        return self._by_role

    @property
    def by_part(self) -> dict[str, Entity | None]:
        """A person's last name -> the person (None when two people share it)."""
        if self._by_part is None:
            self._name_indexes()
        return self._by_part  # type: ignore[return-value]

    def _name_indexes(self) -> None:
        """``by_name`` and ``by_part`` from one pass over the mentions: the rules that ask one nearly always
        ask the other."""
        pairs = [(normalize_word(m.text), e) for e in self.doc.entities for m in e.mentions]
        by_part: dict[str, Entity | None] = {}
        for norm, e in pairs:
            if e.type == "PER":
                words = norm.split()
                if words and len(words[-1]) >= 3:
                    other = by_part.get(words[-1], e)
                    by_part[words[-1]] = e if other is e else None  # two people share it: unusable
        # the first entity to give a text keeps it: built from the pairs reversed, the earlier win
        pairs.reverse()
        self._by_name = dict(pairs)
        self._by_part = by_part

    def entity_by_id(self, entity_id: str) -> Entity | None:
        if self._by_id is None:
            self._by_id = {e.id: e for e in self.doc.entities}
        return self._by_id.get(entity_id)

    def inside(self, j: int) -> bool:
        """Token ``j`` starts inside a mention, after the mention's first character."""
        start = self.starts[j]
        starts, mentions = self.mention_starts, self.mentions
        k = bisect_left(starts, start) - 1  # the mentions starting before the token, nearest first
        floor = start - self.longest  # one starting at or before this cannot reach the token
        while k >= 0 and starts[k] > floor:
            if mentions[k][1] > start:
                return True
            k -= 1
        return False

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Entity mentions overlapping ``[start, end)``."""
        starts = self.mention_starts
        hi = bisect_right(starts, end - 1)  # the mentions starting before ``end``
        # a mention starting at or before start - longest mention cannot reach start: the slice leaves those out
        lo = bisect_right(starts, start - self.longest, hi - 64 if hi > 64 else 0, hi)
        out = []  # a loop, not a comprehension: the slice holds a mention or two, and a comprehension is a call
        for m in self.mentions[lo:hi]:
            if m[1] > start:
                out.append(m)
        return out

    def recent_with_head(self, head: str, before: int):
        """The last speaker met so far (``recent``) whose first word, without the article, is ``head`` and
        that starts before offset ``before`` (the speakers only ever grow by appending: those appended since
        the last call are indexed now)."""
        recent, heads = self.recent, self._recent_heads
        for k in range(self._heads_upto, len(recent)):
            words = speaker_words(recent[k])
            if words:
                w = words[0]
                heads.setdefault(w[2:] if w.startswith("ال") and len(w) > 4 else w, []).append(recent[k])
        self._heads_upto = len(recent)
        for sp in reversed(heads.get(head, ())):
            if sp.start < before:
                return sp
        return None

    def person_token(self, j: int) -> Entity | None:
        """The person whose last name token ``j`` is (بلينكن for أنتوني بلينكن), when the entities layer
        did not mark this mention."""
        tok = self.toks[j]
        if tok.kind != "word" or not self.by_part:
            return None
        for _k, stem in tok.forms:
            e = self.by_part.get(stem)
            if e is not None:
                return e
        return None


def _find_all(text: str, ch: str) -> list[int]:
    """Offsets of every ``ch`` in ``text``."""
    out = []
    p = text.find(ch)
    while p >= 0:
        out.append(p)
        p = text.find(ch, p + 1)
    return out


def build_context(doc: Document) -> Context:
    toks = list(doc.tokens)
    # tokens are named tuples (start, end, text, norm, forms, kind): one transposition gives every column the
    # rules read by index, cheaper than one pass per column (the columns are tuples, never changed)
    cols = list(zip(*toks, strict=True)) if toks else [()] * 4
    text = doc.text
    ctx = Context(doc=doc, lex=lexicon(), toks=toks, norms=cols[3], starts=cols[0], texts=cols[2], text=text)
    # every quotation mark of the text, found with str.find (a fraction of the regex's cost per character) in
    # one sorted list; each block's marks are then paired as the text layer's quote_regions pairs them
    marks = [(p, ch) for ch in MARK_CHARS for p in _find_all(text, ch)]
    marks.sort()
    singles = "'" in text or "‘" in text
    pos = list(map(_START, marks))  # the marks' offsets: an int bisect compares no tuples
    for b in doc.blocks if marks or singles else ():
        if b.kind == "boilerplate":
            continue
        bs, be = b.start, b.end
        if marks:
            lo = bisect_left(pos, bs)
            hi = bisect_left(pos, be, lo)
            if lo < hi:
                ctx.closes.update(pair_quote_marks(marks[lo:hi]))
        # every single-quote pair holds ‘ or ': most blocks have neither and skip the search
        if not singles or (text.find("'", bs, be) < 0 and text.find("‘", bs, be) < 0):
            continue
        for m in _SINGLE.finditer(text, bs, be):
            ctx.closes.setdefault(m.start(), m.end() - 1)
    ctx.regions = sorted(ctx.closes.items())
    ctx.region_starts = list(map(_START, ctx.regions))
    starts = ctx.starts
    ctx.open_tok = {bisect_left(starts, o): bisect_left(starts, c) for o, c in ctx.regions}
    ctx.open_of = {c: o for o, c in ctx.regions}
    n = len(text)
    ents = doc.entities
    # a span outside the text is left out
    mentions = [(m.start, m.end, e) for e in ents for m in e.mentions]
    if mentions and not (
        min(map(_START, mentions)) >= 0
        and max(map(_END, mentions)) <= n
        and all(map(lt, map(_START, mentions), map(_END, mentions)))
    ):  # checked in C over all of them: a bad span is rare
        mentions = [x for x in mentions if 0 <= x[0] < x[1] <= n]
    by_kb = ctx.by_kb
    for e in ents:
        if kb := e.kb_id:
            by_kb.setdefault(kb, e)
    # by start, the longer first: two stable sorts with C-level keys order as the key (start, -end) would
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    ctx.mentions = mentions
    ctx.mention_starts = list(map(_START, mentions))
    ctx.longest = max(map(sub, map(_END, mentions), ctx.mention_starts), default=0)
    return ctx
