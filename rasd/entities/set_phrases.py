"""Set phrases of ner_span_words.tsv that decide a span whatever the model and the KB say:

- ``landmark_phrase``: a landmark named by a head noun and a common adjective (القصر الجمهوري, القصر الرئاسي):
  a place (LOC) although none of its words is a name;
- ``common_phrase``: a set phrase with a word that is also a KB name but means something ordinary in it
  (حظر الجولان "curfew" in Maghrebi usage is no Golan, القوة القاهرة "force majeure" no Cairo, مسقط رأسه "his
  birthplace" no Muscat): no mention inside it;
- ``tags_label``: the label of a web page's keyword line (الكلمات الدالة:, كلمات مفاتيح:): the words after it
  are the page's tags, not the article's mentions, up to the end of that sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..text.tokens import Token
from .kb import StemIndex, match_phrases, name_key
from .mention import Mention
from .news_rules import span_words


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[tuple[str, ...], str], set[tuple[str, ...]], set[str]]:
    """Phrase key -> kind, the keys' proper prefixes and their first words."""
    out: dict[tuple[str, ...], str] = {}
    for kind in ("landmark_phrase", "common_phrase", "tags_label"):
        for w in span_words(kind):
            key = name_key(w)
            if len(key) > 1 or kind == "tags_label":
                out[key] = kind
    prefixes = {k[:i] for k in out for i in range(1, len(k))}
    return out, prefixes, {k[0] for k in out}


def apply_set_phrases(
    tokens: Sequence[Token],
    mentions: list[Mention],
    index: StemIndex,
    ranges: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """``mentions`` with the set phrases' spans: a landmark phrase becomes one LOC mention (replacing any
    mention inside it; one across its edge keeps its own span), a common phrase loses the mentions inside it,
    and a tags label followed by a colon those after it in its sentence (``ranges``: the sentences' token
    ranges)."""
    phrases, prefixes, firsts = _phrases()
    if not index.starts(firsts):
        return mentions
    found = match_phrases(tokens, phrases, prefixes, firsts, 0, len(tokens), index)
    if not found:
        return mentions
    out = list(mentions)
    for first, last, k, key in found:
        if phrases[key] == "tags_label":
            if last + 1 < len(tokens) and tokens[last + 1].text == ":":
                end = next((hi for lo, hi in ranges if lo <= first < hi), len(tokens))
                out = [m for m in out if not first <= m.first < end]
            continue
        inside = [m for m in out if first <= m.first and m.last <= last]
        if any(m.first <= last and first <= m.last for m in out if m not in inside):
            continue  # a name across the phrase's edge (a body named after it): leave it
        for m in inside:
            out.remove(m)
        if phrases[key] == "landmark_phrase":
            out.append(Mention(first, last, tokens[first].start + k, tokens[last].end, "LOC", (), "cue"))
    out.sort(key=lambda m: m.start)
    return out
