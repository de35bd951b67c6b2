"""The trained sequence model (a linear-chain CRF via python-crfsuite): loading and tagging."""

from __future__ import annotations

import logging
import os
import struct
import tempfile
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite

from .. import data
from ..text.tokens import Token
from . import charnet
from .crf import FastCRF
from .cues import Cue
from .features import is_char_feature, sentence_features, with_char_probs
from .kb import KB, KBMatch, StemIndex

log = logging.getLogger(__name__)

MODEL_NAME = "models/ner.crfsuite"


_override: list[Path] = []


@lru_cache(maxsize=1)
def _shipped_path() -> str:
    return str(data.path(MODEL_NAME))  # resolved once: tag() asks for it per sentence


def model_path() -> Path:
    return _override[-1] if _override else Path(_shipped_path())


def _model_key(path: str | Path | None) -> str:
    if path:
        return str(path)
    return str(_override[-1]) if _override else _shipped_path()


def charnet_path(path: str | Path | None = None) -> Path:
    """The character network read with the CRF at ``path``: the shipped one beside the shipped model, else the
    file beside ``path`` with a ``.npz`` suffix (as train() writes it)."""
    key = _model_key(path)
    if key == _shipped_path():
        return charnet.shipped_path()
    return Path(key).with_suffix(".npz")


# per model path: whether the CRF has character-network features (a scan of its attributes, done once)
_reads_net: dict[str, bool] = {}


def char_net(path: str | Path | None = None) -> charnet.CharNet | None:
    """The character network whose probabilities the CRF at ``path`` reads (None: the CRF was trained without
    one, or its file is missing — then the CRF tags without those features, less accurately, with a warning)."""
    key = _model_key(path)
    if key not in _reads_net:
        keep = known_features(key)
        _reads_net[key] = bool(keep) and any(is_char_feature(x) for x in keep)  # type: ignore[union-attr]
    if not _reads_net[key]:
        return None
    where = str(charnet_path(key))
    net = charnet.load(where)
    if net is None:
        _missing(where)  # warns once
    return net


def char_probs(
    tokens: Sequence[Token], ranges: Sequence[tuple[int, int]], path: str | Path | None = None
) -> tuple[list[str], np.ndarray] | None:
    """The labels and probabilities (token x label) of the character network that the CRF at ``path`` reads,
    for the tokens of ``ranges`` (concatenated); None when it reads none."""
    net = char_net(path)
    return None if net is None else (net.labels, net.probs(tokens, ranges))


def use_model(path: str | Path | None) -> None:
    """Tag with the model at ``path`` from now on (None: the shipped one) — for training experiments. Word
    clusters are read from the same path with a ``.tsv`` suffix when train() wrote them there."""
    from .clusters import use_clusters
    from .features import _kept_token_features, _token_features, word_features

    _override.clear()
    _known.clear()
    _fast.clear()
    _reads_net.clear()
    charnet.load.cache_clear()
    clusters = None
    if path is not None:
        _override.append(Path(path))
        if Path(path).with_suffix(".tsv").is_file():  # the clusters that train() wrote beside the model
            clusters = Path(path).with_suffix(".tsv")
    use_clusters(clusters)
    word_features.cache_clear()
    _token_features.cache_clear()
    _kept_token_features.cache_clear()


@lru_cache(maxsize=4)
def _missing(path: str) -> bool:
    if Path(path).is_file():
        return False
    log.warning("NER model %s missing: run `rasd train-ner`; using the knowledge base and cues only", path)
    return True


# A crfsuite Tagger holds the sentence being tagged (set, then tag/marginal), so threads must not share one:
# each thread opens its own (the model file is memory-mapped, so this costs little memory).
_local = threading.local()


def tagger(path: str | Path | None = None) -> pycrfsuite.Tagger | None:
    key = _model_key(path)
    cache: dict[str, pycrfsuite.Tagger | None] | None = getattr(_local, "taggers", None)
    if cache is None:
        cache = _local.taggers = {}
    if key not in cache:
        if _missing(key):
            cache[key] = None
        else:
            t = pycrfsuite.Tagger()
            t.open(key)
            cache[key] = t
    return cache[key]


# Per model path, the attribute strings the model has weights for (an L1-trained model drops most).
_known: dict[str, frozenset[str]] = {}


def known_features(path: str | Path | None = None) -> frozenset[str] | None:
    """The feature strings the model at ``path`` knows (None without a model)."""
    key = _model_key(path)
    if key not in _known:
        t = tagger(key)
        if t is None:
            return None
        _known[key] = model_attributes(t)
    return _known[key]


def model_attributes(t: pycrfsuite.Tagger) -> frozenset[str]:
    """The attribute strings of an open model, read from the ATTRIBUTES block of its text dump: a tenth of the
    time of ``t.info()``, which parses the whole dump (every weight) — this runs when a process starts."""
    try:
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "model.txt"
            t.dump(str(dump))
            text = dump.read_text(encoding="utf-8")
        head = "\nATTRIBUTES = {\n"
        start = text.index(head) + len(head)
        block = text[start : text.index("\n}\n", start)]
        return frozenset(line.split(": ", 1)[1] for line in block.split("\n") if ": " in line)
    except (OSError, ValueError, IndexError):  # an unexpected dump layout: the library's own parser
        log.debug("crfsuite dump not parsed here; reading the attributes with Tagger.info()")
        return frozenset(t.info().attributes)


def to_bio(labels: list[str]) -> list[str]:
    """Labels of a BILOU-trained model back to BIO (U- -> B-, L- -> I-); BIO labels pass unchanged."""
    bio = _BIO
    if not bio.keys() >= set(labels):  # a model has a handful of labels: each is converted once
        for t in set(labels) - bio.keys():
            bio[t] = ("B-" if t[0] == "U" else "I-") + t[2:] if t[0] in "UL" and t[1:2] == "-" else t
    return [bio[t] for t in labels]


_BIO: dict[str, str] = {}  # label -> its BIO label (to_bio)


def tag(
    tokens: Sequence[Token],
    kb: KB | None,
    path: str | Path | None = None,
    kb_matches: Sequence[KBMatch] | None = None,
    cue_matches: Sequence[Cue] | None = None,
    offset: int = 0,
) -> tuple[list[str], list[float]]:
    """BIO labels of a sentence's tokens and, for each, the model's probability that it is outside a name
    (``kb_matches``, ``cue_matches``, ``offset``: as for ``sentence_features``)."""
    key = _model_key(path)
    t = tagger(key)
    if t is None or not tokens:
        return ["O"] * len(tokens), [1.0] * len(tokens)
    keep = known_features(key)
    feats = sentence_features(tokens, kb, kb_matches, keep=keep, cue_matches=cue_matches, offset=offset)
    net = char_net(key)
    if net is not None:
        probs = net.probs(tokens, [(0, len(tokens))])
        t.set(pycrfsuite.ItemSequence(with_char_probs(feats, probs, net.labels, keep)))
    else:
        t.set(feats)
    labels = to_bio(t.tag())
    # punctuation and numbers are never read as names here: skip their marginals (a C call each)
    p_out = [t.marginal("O", i) if tok.kind == "word" else 1.0 for i, tok in enumerate(tokens)]
    return labels, p_out


# Tag whole documents in numpy (rasd.entities.crf) when the model file can be read; False: crfsuite sentence by
# sentence (the reference the tests and bench/bench_entities.py compare with)
NUMPY_TAGGER = True

# Per model path, its weights for tagging in numpy (None: the file is not in a layout crf.read_model knows),
# with what they were built from: the file's mtime and size and the word clusters (a retrained model or new
# clusters in the same process get a fresh FastCRF, whose per-word caches start empty)
_fast: dict[str, tuple[tuple[int, int, int], FastCRF | None]] = {}
_fast_lock = threading.Lock()


def _stamp(key: str) -> tuple[int, int, int]:
    from .clusters import word_clusters

    try:
        st = os.stat(key)
    except OSError:
        return (-1, -1, id(word_clusters()))
    return (st.st_mtime_ns, st.st_size, id(word_clusters()))


def fast_model(path: str | Path | None = None) -> FastCRF | None:
    key = _model_key(path)
    stamp = _stamp(key)
    hit = _fast.get(key)
    if hit is None or hit[0] != stamp:
        with _fast_lock:
            hit = _fast.get(key)
            if hit is None or hit[0] != stamp:
                fast = None
                if not _missing(key):
                    try:
                        fast = FastCRF(key)
                    except (OSError, ValueError, struct.error) as exc:
                        log.warning("NER model %s read by crfsuite only (%s): slower tagging", key, exc)
                hit = _fast[key] = (stamp, fast)
    return hit[1]


# what a token costs crfsuite (features, set, tag, marginals) in numpy decoding steps (one step advances every
# sentence by one token): sentences so long that they alone would make the numpy pass much longer go to
# crfsuite (measured on this machine: ~11 us per crfsuite token, ~19 us per numpy step)
CRFSUITE_TOKEN_STEPS = 0.5


def split_long(lengths: Sequence[int]) -> set[int]:
    """Indices of the sentences to tag with crfsuite: the longest ones, as many as minimize the estimated cost
    (numpy steps = the longest sentence left, plus the tokens of those taken out)."""
    order = sorted(range(len(lengths)), key=lambda k: -lengths[k])
    best, best_n, taken = float(lengths[order[0]]) if order else 0.0, 0, 0.0
    for n, k in enumerate(order, 1):
        taken += CRFSUITE_TOKEN_STEPS * lengths[k]
        cost = taken + (lengths[order[n]] if n < len(order) else 0)
        if cost < best:
            best, best_n = cost, n
    return set(order[:best_n])


def tag_ranges(
    tokens: Sequence[Token],
    ranges: Sequence[tuple[int, int]],
    kb: KB | None,
    kb_matches: Sequence[Sequence[KBMatch]],
    cue_matches: Sequence[Sequence[Cue] | None],
    path: str | Path | None = None,
    index: StemIndex | None = None,
) -> tuple[list[str], list[float]]:
    """``tag`` of each sentence ``tokens[lo:hi]`` of ``ranges`` (with its KB matches and cues, in document
    indices), concatenated: all at once in numpy when the model file could be read (but very long sentences
    with crfsuite, see ``split_long``), else sentence by sentence with crfsuite — the same labels, and
    marginals equal to ~1e-14 (``index``: the tokens' StemIndex when built)."""
    fast = fast_model(path) if NUMPY_TAGGER else None
    slow = set(range(len(ranges))) if fast is None else split_long([hi - lo for lo, hi in ranges])
    fast_part: tuple[list[str], list[float]] = ([], [])
    if fast is not None and len(slow) < len(ranges):
        keep = [k for k in range(len(ranges)) if k not in slow]
        index = index if index is not None else StemIndex(tokens)
        kept = [ranges[k] for k in keep]
        lab, p = fast.tag_ranges(
            tokens,
            kept,
            kb,
            [kb_matches[k] for k in keep],
            [cue_matches[k] for k in keep],
            index,
            char_probs=char_probs(tokens, kept, path),
        )
        if not slow:
            return to_bio(lab), p
        fast_part = (to_bio(lab), p)
    labels: list[str] = []
    p_out: list[float] = []
    at = 0
    for k, ((lo, hi), km, cm) in enumerate(zip(ranges, kb_matches, cue_matches, strict=True)):
        if k in slow:
            lab, p = tag(tokens[lo:hi], kb, path, kb_matches=km, cue_matches=cm, offset=lo)
        else:
            lab, p = fast_part[0][at : at + hi - lo], fast_part[1][at : at + hi - lo]
            at += hi - lo
        labels += lab
        p_out += p
    return labels, p_out
