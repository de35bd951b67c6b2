"""Within-article consistency: the names found (and a person's surname) are looked for at their other
occurrences, and unlinked mentions of one name take the name's majority type."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from ..document import Document
from ..text.tokens import Token
from .cues import cue_index
from .features import name_words
from .kb import StemIndex, match_phrases
from .mention import Mention

# a name found once is found again elsewhere in the article unless the model is this sure it is not a name
PROPAGATE_MAX_P_OUT = 0.9999
PROPAGATE_TYPES = {"PER", "ORG", "LOC", "MISC"}
MAJORITY_TYPE = True


def _key(doc: Document, tokens: Sequence[Token], m: Mention) -> tuple[str, ...]:
    first = tokens[m.first]
    k = m.start - first.start
    stem = first.norm
    for kk, st in first.forms:  # (a loop, not next() over a generator: this runs for every mention)
        if kk == k:
            stem = st
            break
    if m.last == m.first:
        return (stem,)
    return (stem, *[t.norm for t in tokens[m.first + 1 : m.last + 1]])


def _maqsura(tokens: Sequence[Token], first: int, last: int) -> tuple[bool, ...]:
    if first == last:
        return (tokens[first].text.endswith("ى"),)
    return tuple([t.text.endswith("ى") for t in tokens[first : last + 1]])


def _name_part(tok: Token) -> bool:
    """A word that builds a compound name with the next one (عبد، أبو، بن: given_names.tsv kind name_part)."""

    return name_words().get(tok.norm) == "name_part"


def _indefinite_nisba_after(tokens: Sequence[Token], i: int, hi: int) -> bool:
    """An indefinite nisba adjective right after token ``i`` (مصدر [نيابي], مصدر [حكومي])."""
    if i + 1 >= hi:
        return False
    t = tokens[i + 1]
    return (
        t.kind == "word"
        and t.start == tokens[i].end + 1
        and len(t.norm) >= 4
        and t.norm.endswith(("ي", "يه"))
        and not t.norm.startswith("ال")
        and len(t.forms) == 1
    )


def propagate(
    doc: Document,
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    mentions: list[Mention],
    p_out: Sequence[float],
    index: StemIndex | None = None,
) -> list[Mention]:
    """Within-article consistency: the names found (and a person's surname) are looked for at their other
    occurrences, and unlinked mentions of one name take the name's majority type."""

    votes: dict[tuple[str, ...], Counter] = {}
    # matching folds ى into ي; a name ending in ي (علي) must not spread to words ending in ى (على)
    maqsura: dict[tuple[str, ...], set[tuple[bool, ...]]] = {}
    keys = [_key(doc, tokens, m) for m in mentions]
    linked: dict[tuple[str, ...], set[tuple[str, ...]]] = {}  # a name's KB ids, when every mention has one
    for m, key in zip(mentions, keys, strict=True):
        # get before setdefault: a Counter built for every mention of a known name costs more than the lookup
        c = votes.get(key)
        if c is None:
            c = votes[key] = Counter()
        c[m.type] += 1
        known = linked.get(key)  # (get first: setdefault would make a set for every mention)
        if known is None:
            known = linked[key] = set()
        known.add(m.kb_ids if len(m.kb_ids) == 1 else ())
        sigs = maqsura.get(key)
        if sigs is None:
            sigs = maqsura[key] = set()
        sigs.add(_maqsura(tokens, m.first, m.last))
        # the word after عبد / أبو / بن is no surname alone (محمد عبد السلام ... للسلام)
        if (
            m.type == "PER"
            and m.last > m.first
            and tokens[m.last].kind == "word"
            and not _name_part(tokens[m.last - 1])
        ):
            sur = (tokens[m.last].norm,)
            c = votes.get(sur)
            if c is None:
                c = votes[sur] = Counter()
            c["PER_"] += 1
            maqsura.setdefault((tokens[m.last].norm,), set()).add(_maqsura(tokens, m.last, m.last))
    cues = cue_index().phrases
    names = {k: v for k, v in votes.items() if len(k[0]) >= 3 and k not in cues}
    prefixes = {k[:i] for k in names for i in range(1, len(k))}
    firsts = {k[0] for k in names}
    taken = set()
    for m in mentions:
        taken.update(range(m.first, m.last + 1))
    added = []
    # the sentences holding a word a name begins with (others cannot hold a name)
    starts = index.starts(firsts) if index is not None else None
    for lo, hi in ranges:
        if starts is not None and bisect_left(starts, lo) == bisect_left(starts, hi):
            continue
        for i, last, k, key in match_phrases(tokens, names, prefixes, firsts, lo, hi, index):
            if not taken.isdisjoint(range(i, last + 1)) or p_out[i] > PROPAGATE_MAX_P_OUT:
                continue
            cand = _maqsura(tokens, i, last)
            if not any(all(s or not c for c, s in zip(cand, sig, strict=True)) for sig in maqsura[key]):
                continue  # ى here where every mention of the name has ي
            typ = names[key].most_common(1)[0][0].rstrip("_")
            if typ not in PROPAGATE_TYPES:
                continue
            if typ == "ORG" and i == last and _indefinite_nisba_after(tokens, last, hi):
                continue  # a body named by a common noun (شركة "مصدر") is not that noun described (مصدر نيابي)
            ids = linked.get(key, {()})
            ids = next(iter(ids)) if len(ids) == 1 else ()  # فتح again after حركة [فتح]: still Fatah
            added.append(Mention(i, last, tokens[i].start + k, tokens[last].end, typ, ids, "doc"))
    for m, key in zip(mentions, keys, strict=True) if MAJORITY_TYPE else ():
        if not m.kb_ids:
            c = votes.get(key)
            if c and len(c) > 1:
                m.type = c.most_common(1)[0][0].rstrip("_")
    return mentions + added
