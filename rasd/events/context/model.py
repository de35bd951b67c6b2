"""The facts the events layer keeps per token (Tok), per noun phrase (Chunk) and per sentence (SentCtx),
and the entity types and kinds they are read against."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...text.tokens import Token
from ..lexicon import Entry

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
    landmarks: frozenset[str] = (
        frozenset()
    )  # buildings and sites (المسجد الأقصى): a raid on one targets nobody
