"""Token features for the sequence model: word, clitic-stripped stem, affixes, character n-grams (for unseen
transliterated names), shape, knowledge-base and cue gazetteer tags, and a context window of them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import data
from ..text.tokens import Token
from .clusters import word_clusters
from .cues import Cue, cue_index
from .kb import KB, KBMatch, StemIndex

if TYPE_CHECKING:
    import numpy as np

# switches for training experiments (rasd.entities.train); the shipped model is trained with these values
OPTS: dict[str, object] = {
    "window": (-2, -1, 1, 2),
    "clusters": True,
    "names": True,
    "ctx_clusters": (-1, 1),
    "char_window": (),  # neighbours whose character-network probabilities a token sees besides its own
}


@lru_cache(maxsize=1)
def name_words() -> dict[str, str]:
    """normalized given name or name particle -> its kind (rasd/data/given_names.tsv)."""
    from ..text import normalize

    return {normalize(r["name"]): r["kind"] for r in data.read_tsv("given_names.tsv") if r.get("name")}


@lru_cache(maxsize=300_000)
def word_features(
    text: str, forms: tuple[tuple[int, str], ...]
) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """Features of a token on its own (cached by its text), its stem, and the tags its neighbours see."""
    norm = forms[0][1]
    stem = forms[-1][1]
    f = ["w=" + norm, "s=" + stem]
    if stem != norm:
        f.append("cl=" + norm[: max(0, len(norm) - len(stem))])
    core = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    if core is not stem:
        f.append("al")
    f.append("c=" + core)
    for n in (1, 2, 3):
        if len(core) > n:
            f.append(f"p{n}={core[:n]}")
    for n in (1, 2, 3, 4):
        if len(core) > n:
            f.append(f"x{n}={core[-n:]}")
    padded = f"<{core}>"
    if len(core) <= 12:
        f.extend(["g=" + padded[i : i + 3] for i in range(len(padded) - 2)])
    ln = len(core)
    f.append("len=" + ("1" if ln < 2 else "2" if ln < 3 else "3" if ln < 4 else "5" if ln < 6 else "8"))
    ch = text[0]
    if ch.isdigit():
        f.append("num")
    elif ch.isascii() and ch.isalpha():
        f.append("latin")
    elif not ch.isalpha():
        f.append("punct=" + text[:1])
    # vowel letters inside transliterated names are dense (فولوديمير، أوشاكوف)
    if ln >= 4:
        vowels = core.count("ا") + core.count("و") + core.count("ي")
        f.append("vr=" + str(min(3, (3 * vowels) // ln)))
    ctx: list[str] = []
    if OPTS["clusters"]:
        for n, c in enumerate(word_clusters().get(stem, ())):
            f.append(f"k{n}={c}")
            if n == 0:
                ctx.append(f"k{n}={c}")
    if OPTS["names"]:
        names = name_words()
        nk = next((names[st] for _, st in forms if st in names), None)
        if nk:
            f.append("nm=" + nk)
            ctx.append("nm=" + nk)
        elif len(core) >= 4 and core.endswith("ي") and core is not stem:
            f.append("nisba")  # الآلوسي، البدري: family names (and adjectives) in ال...ي
    try:
        "".join(f).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: crfsuite takes UTF-8 only
        f = [x.encode("utf-8", "replace").decode("utf-8") for x in f]
        stem = stem.encode("utf-8", "replace").decode("utf-8")
    return tuple(f), stem, tuple(ctx)


def _neighbour_features(stem: str, ctx: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """What a token at each window offset ``d`` contributes to the features of the token ``d`` before it."""
    window, ctx_window = OPTS["window"], OPTS["ctx_clusters"]
    out: dict[int, tuple[str, ...]] = {}
    for d in sorted({*window, *ctx_window}):  # type: ignore[misc]
        f = [f"{d}s={stem}"] if d in window else []  # type: ignore[operator]
        if d in ctx_window:  # type: ignore[operator]
            f.extend(f"{d}{c}" for c in ctx)
        out[d] = tuple(f)
    return out


@lru_cache(maxsize=300_000)
def _token_features(
    text: str, forms: tuple[tuple[int, str], ...]
) -> tuple[tuple[str, ...], str, dict[int, tuple[str, ...]]]:
    own, stem, ctx = word_features(text, forms)
    return own, stem, _neighbour_features(stem, ctx)


@lru_cache(maxsize=300_000)
def _kept_token_features(
    text: str, forms: tuple[tuple[int, str], ...], keep: frozenset[str]
) -> tuple[tuple[bytes, ...], str, dict[int, tuple[bytes, ...]]]:
    """``_token_features`` without the strings outside ``keep`` (in the same order), UTF-8 encoded once here
    (crfsuite takes bytes as they are; ``word_features`` has already replaced lone surrogates). Built from the
    uncached functions: tagging keeps this one cache per word, not three."""
    own, stem, ctx = word_features.__wrapped__(text, forms)
    nb = _neighbour_features(stem, ctx)
    return (
        tuple([x.encode("utf-8") for x in own if x in keep]),
        stem,
        {d: tuple([x.encode("utf-8") for x in f if x in keep]) for d, f in nb.items()},
    )


def token_tags(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    kb: KB | None,
    kb_matches: Sequence[Sequence[KBMatch] | None],
    cue_matches: Sequence[Sequence[Cue] | None],
    index: StemIndex,
    off: int = 0,
) -> tuple[dict[int, list[str]], dict[int, str]]:
    """The sentence-dependent tags (KB name, demonym, KB word, cue, in this order) of the tokens of the
    sentences ``tokens[lo:hi]`` of ``ranges`` that have any, by index, and the KB kind of a name's tokens
    (seen by the token only). ``kb_matches``, ``cue_matches``: per sentence, its matches when known (None: found
    here), whose index minus ``off`` is an index into ``tokens``; ``index``: the StemIndex of ``tokens``."""
    tags: dict[int, list[str]] = {}
    kinds: dict[int, str] = {}
    if kb is not None and len(kb):
        for (lo, hi), found in zip(ranges, kb_matches, strict=True):
            for m in kb.match(tokens, lo, hi, index) if found is None else found:
                e = kb.entries.get(m.ids[0])
                typ = e["type"] if e else "X"
                kind = (e.get("kind") or "") if e else ""
                first = m.first - off
                for j in range(first, m.last - off + 1):
                    tags.setdefault(j, []).append("gz=" + ("B-" if j == first else "I-") + typ)
                    kinds[j] = kind
        # a word whose first reading that is a demonym names a country; a word with a reading in a KB name
        demonyms = kb.demonyms
        for j in _in_ranges(index.starts(demonyms), ranges):
            t = tokens[j]
            if t.kind == "word":
                st = next(st for _, st in t.forms if st in demonyms)
                if demonyms[st]:
                    tags.setdefault(j, []).append("dem")
        for j in _in_ranges(index.starts(kb.words), ranges):
            if tokens[j].kind == "word":
                tags.setdefault(j, []).append("kbw")
    for (lo, hi), found in zip(ranges, cue_matches, strict=True):
        for c in cue_index().match(tokens, lo, hi, index) if found is None else found:
            first = c.first - off
            for j in range(first, c.last - off + 1):
                tags.setdefault(j, []).append("cu=" + ("B-" if j == first else "I-") + c.kind)
    return tags, kinds


def _in_ranges(positions: list[int], ranges: Sequence[tuple[int, int]]) -> list[int]:
    """The sorted ``positions`` inside one of the sorted, disjoint ``ranges``."""
    if not ranges:
        return []
    contiguous = all(ranges[k][1] == ranges[k + 1][0] for k in range(len(ranges) - 1))
    lo, hi = ranges[0][0], ranges[-1][1]
    inside = positions[bisect_left(positions, lo) : bisect_left(positions, hi)]
    if contiguous:
        return inside
    starts = [r[0] for r in ranges]
    return [j for j in inside if j < ranges[bisect_right(starts, j) - 1][1]]


def sentence_tags(
    tokens: Sequence[Token],
    kb: KB | None,
    kb_matches: Sequence[KBMatch] | None = None,
    cue_matches: Sequence[Cue] | None = None,
    offset: int = 0,
) -> tuple[list[list[str]], list[str]]:
    """``token_tags`` of a sentence's tokens, as a list per token (arguments as for ``sentence_features``)."""
    n = len(tokens)
    sparse, sparse_kinds = token_tags(
        tokens, [(0, n)], kb, [kb_matches], [cue_matches], StemIndex(tokens), offset
    )
    tags: list[list[str]] = [[] for _ in range(n)]
    kinds: list[str] = [""] * n
    for j, tg in sparse.items():
        tags[j] = tg
    for j, kind in sparse_kinds.items():
        kinds[j] = kind
    return tags, kinds


def own_tag_features(tags: Sequence[str], kind: str) -> list[str]:
    """The features a token's own tags give it (a KB name tag twice: with and without the entry's kind)."""
    out = []
    for tg in tags:
        if tg.startswith("gz="):
            out += ["gzt=" + tg[3:], "gz=" + tg[3:] + (("|" + kind) if kind else "")]
        else:
            out.append(tg)
    return out


def sentence_features(
    tokens: Sequence[Token],
    kb: KB | None,
    kb_matches: Sequence[KBMatch] | None = None,
    keep: frozenset[str] | None = None,
    cue_matches: Sequence[Cue] | None = None,
    offset: int = 0,
) -> list[list[str | bytes]]:
    """Feature lists for one sentence's tokens (``kb_matches``, ``cue_matches``: the KB's matches and the cues
    in them when known, whose token index minus ``offset`` is the index into ``tokens``).

    ``keep``: the feature strings a trained model knows; the others are left out (in the same order), which
    tags identically — crfsuite skips unknown attributes — and saves it converting and looking them up. With
    ``keep``, a token's own and its neighbours' features come as UTF-8 bytes (cached encoded: crfsuite would
    encode them on every call), the sentence-dependent ones as strings.

    The order of the strings is the order in which crfsuite adds their weights; ``rasd.entities.crf`` adds
    them in the same order (its emission scores are bit-identical), so a change here is a change there."""
    n = len(tokens)
    tags, kinds = sentence_tags(tokens, kb, kb_matches, cue_matches, offset)
    if keep is None:
        feats = [_token_features(t.text, t.forms) for t in tokens]
    else:
        feats = [_kept_token_features(t.text, t.forms, keep) for t in tokens]
    offsets = sorted({*OPTS["window"], *OPTS["ctx_clusters"]})  # type: ignore[misc]
    window = OPTS["window"]
    b_ok = keep is None or "b" in keep
    out = []
    for i in range(n):
        own, stem, _ = feats[i]
        f = ["b", *own] if b_ok else [*own]
        if tags[i]:
            f.extend(x for x in own_tag_features(tags[i], kinds[i]) if keep is None or x in keep)
        if i == 0 and (keep is None or "BOS" in keep):
            f.append("BOS")
        if i == n - 1 and (keep is None or "EOS" in keep):
            f.append("EOS")
        for d in offsets:
            j = i + d
            if 0 <= j < n:
                f.extend(feats[j][2][d])
                if tags[j] and d in window:  # type: ignore[operator]
                    for tg in tags[j]:
                        x = f"{d}{tg}"
                        if keep is None or x in keep:
                            f.append(x)
        if i > 0:
            x = f"bg={feats[i - 1][1]}|{stem}"
            if keep is None or x in keep:
                f.append(x)
        if i + 1 < n:
            x = f"bg+={stem}|{feats[i + 1][1]}"
            if keep is None or x in keep:
                f.append(x)
        out.append(f)
    return out


CHAR_PREFIX = "cn"  # the character network's probability of a label, as a real-valued feature


CHAR_OFFSETS = (0, -1, 1, -2, 2)  # the offsets a model may have network features of (tagging tries each)


def char_offsets() -> tuple[int, ...]:
    """The window offsets whose network probabilities a token sees in training (0: its own)."""
    return (0, *OPTS.get("char_window", ()))  # type: ignore[arg-type]


def is_char_feature(name: str) -> bool:
    return name.startswith(("cn=", "cn-", "cn+"))


def char_feature_names(labels: Sequence[str], d: int = 0) -> list[str]:
    """The feature names of the character network's label probabilities of the token ``d`` after a token,
    in ``labels`` order (``cn=B-PER``; ``cn-1=B-PER`` for the token before)."""
    return [f"{CHAR_PREFIX}{d:+d}={x}" if d else f"{CHAR_PREFIX}={x}" for x in labels]


def with_char_probs(
    feats: list[list[str | bytes]],
    probs: np.ndarray | None,
    labels: Sequence[str],
    keep: frozenset[str] | None = None,
) -> list[list[str | bytes]] | list[dict[str, float]]:
    """crfsuite items of a sentence: its feature strings (each with weight 1, a repeated one counted) and,
    when ``probs`` (token x label) are given, the character network's probabilities of the token and of its
    neighbours at ``char_offsets()`` as valued features (``keep``: the model's known attributes, of any of
    ``CHAR_OFFSETS``; others are left out)."""
    if probs is None:
        return feats
    n = len(feats)
    rows = probs.tolist()
    named = []
    for d in char_offsets() if keep is None else CHAR_OFFSETS:
        names = char_feature_names(labels, d)
        named.append((d, [(k, x) for k, x in enumerate(names) if keep is None or x in keep]))
    items: list[dict[str, float]] = []
    for i, f in enumerate(feats):
        item: dict[str, float] = {}
        for x in f:
            s = x.decode("utf-8") if isinstance(x, bytes) else x
            item[s] = item.get(s, 0.0) + 1.0
        for d, cols in named:
            if 0 <= i + d < n:
                p = rows[i + d]
                for k, x in cols:
                    item[x] = p[k]
        items.append(item)
    return items
