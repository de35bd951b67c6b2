"""The quotes layer's language data, loaded once per process from ``rasd/data``.

``cues.tsv`` gives reporting verbs, participles, channel phrases and attribution phrases; ``quote_words.tsv``
the function words the rules read; ``anonymous_sources.tsv`` and ``speaker_titles.tsv`` the heads of unnamed
sources and of titles. Everything is keyed by its normalized form (``rasd.text.normalize``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import read_tsv
from ..text import normalize

# Object pronouns a reporting verb may carry (أبلغه، حذرهم): read off when the bare verb is not in the lexicon.
ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "ني", "نا", "كم", "ك")


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: str  # verb, participle, channel, attribution
    cls: str | None  # speech, stance, threat, attribution
    channel: str | None
    obj: str  # clause, np, npq
    prep: str | None  # normalized preposition before a noun-phrase content
    addressee: str | None  # obj, l


@dataclass
class Lexicon:
    verbs: dict[str, Cue] = field(default_factory=dict)  # one-word verb and participle forms
    channels: dict[tuple[str, ...], str] = field(default_factory=dict)  # token sequence -> channel
    channel_first: set[str] = field(default_factory=set)  # first words of channel phrases
    # attribution phrase -> "verb" (وفق ما أعلن X), "forward" (جاء في البيان أن…) or "source" (بحسب X)
    attributions: dict[tuple[str, ...], str] = field(default_factory=dict)
    attr_first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # by first word
    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # role -> words
    anonymous: dict[str, str] = field(default_factory=dict)  # head noun -> kind
    media_channels: dict[str, str] = field(default_factory=dict)  # medium head noun -> channel of a relay
    titles: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()  # prepositions before a verb's noun-phrase content (أعرب عن، دعا إلى)
    max_channel: int = 1
    max_attribution: int = 1

    def role(self, word: str, role: str) -> bool:
        return word in self.words[role]


def _norm_seq(phrase: str) -> tuple[str, ...]:
    return tuple(normalize(w) for w in phrase.split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in read_tsv("cues.tsv"):
        kind = row["kind"]
        forms = [f.strip() for f in row["forms"].split("|") if f.strip()]
        cue = Cue(
            lemma=row["lemma"],
            kind=kind,
            cls=row["class"] or None,
            channel=row["channel"] or None,
            obj=row["object"] or "clause",
            prep=normalize(row["prep"]) if row["prep"] else None,
            addressee=row["addressee"] or None,
        )
        for form in forms:
            seq = _norm_seq(form)
            if kind in ("verb", "participle"):
                lex.verbs[seq[0]] = cue
            elif kind == "channel":
                lex.channels[seq] = cue.channel or ""
                lex.channel_first.add(seq[0])
                lex.max_channel = max(lex.max_channel, len(seq))
            elif kind == "attribution":
                mode = {"وفق ما": "verb", "جاء في": "forward"}.get(row["lemma"], "source")
                lex.attributions[seq] = mode
                lex.attr_first.setdefault(seq[0], []).append((seq, mode))
                lex.max_attribution = max(lex.max_attribution, len(seq))
    for row in read_tsv("quote_words.tsv"):
        lex.words[row["role"]].add(normalize(row["word"]))
    for row in read_tsv("anonymous_sources.tsv"):
        lex.anonymous[normalize(row["word"])] = row["kind"]
        if row.get("channel"):
            lex.media_channels[normalize(row["word"])] = row["channel"]
    lex.titles = frozenset(normalize(row["word"]) for row in read_tsv("speaker_titles.tsv"))
    lex.preps = frozenset(cue.prep for cue in lex.verbs.values() if cue.prep)
    return lex
