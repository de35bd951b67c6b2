"""Rebuild the NER model: ``rasd train-ner``.

Trains a linear-chain CRF (python-crfsuite, L-BFGS with elastic-net regularization) on ANERcorp ``train.txt``
(and optionally the Wiki-NER and Wojood *train* splits), over the text layer's tokens of each sentence with the
features of :mod:`rasd.entities.features`. ``--holdout`` keeps the last tenth of ANERcorp train apart and
reports the score there: that, never a test split, is what choices are made on.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from ..evaluate.conll import read_conll, score
from ..text.tokens import Token, tokenize
from .charnet import CHARNET_NAME
from .clusters import CLUSTERS_NAME, build_clusters, use_clusters
from .features import OPTS, sentence_features, with_char_probs, word_features
from .kb import KB, load_kb
from .model import model_path, to_bio

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"
# the character network's labels, in its output order (rasd.entities.train_charnet.LABELS; torch-free here)
CHAR_LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
WOJOOD_MAP = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def align(sent: list[tuple[str, str]]) -> tuple[list[Token], list[str]]:
    """The text layer's tokens of a file sentence (joined with spaces) with the file's labels carried over."""
    text = " ".join(t for t, _ in sent)
    toks = tokenize(text)
    labels = []
    bounds = []
    pos = 0
    for t, _ in sent:
        bounds.append(pos)
        pos += len(t) + 1
    j = 0
    last_file = -1
    for tok in toks:
        while j + 1 < len(bounds) and bounds[j + 1] <= tok.start:
            j += 1
        tag = sent[j][1]
        if tag != "O" and j == last_file:
            tag = "I-" + tag[2:]  # second piece of a split file token
        labels.append(tag)
        last_file = j
    return toks, labels


def load_sentences(
    path: Path, types_map: dict[str, str] | None = None
) -> list[tuple[list[Token], list[str]]]:
    return [align(s) for s in read_conll(path, types_map)]


def to_bilou(labels: list[str]) -> list[str]:
    """BIO -> BILOU: a name's last token is L-, a one-token name U- (the tagger maps them back to BIO)."""
    out = []
    for i, t in enumerate(labels):
        nxt = labels[i + 1] if i + 1 < len(labels) else "O"
        ends = not (nxt.startswith("I-") and nxt[2:] == t[2:])
        if t.startswith("B-") and ends:
            t = "U-" + t[2:]
        elif t.startswith("I-") and ends:
            t = "L-" + t[2:]
        out.append(t)
    return out


def fit(
    data: Iterable[tuple[list[Token], list[str]]],
    kb: KB | None,
    out: Path,
    c1: float = 0.15,
    c2: float = 0.01,
    iterations: int = 150,
    min_freq: int = 1,
    kb_dropout: float = 0.0,
    bilou: bool = False,
    char_probs: Sequence[np.ndarray] | None = None,
) -> Path:
    """Train a CRF on ``data``. ``kb_dropout``: the share of sentences seen without KB features, so that the
    model also learns to find names the KB lacks (the KB knows many of the training corpus's names);
    ``char_probs``: per sentence of ``data``, the character network's (jackknifed) label probabilities."""
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(7)
    for k, (toks, labels) in enumerate(data):
        if toks:
            feats = sentence_features(toks, None if rng.random() < kb_dropout else kb)
            if char_probs is not None:
                items = pycrfsuite.ItemSequence(with_char_probs(feats, char_probs[k], CHAR_LABELS))
                trainer.append(items, to_bilou(labels) if bilou else labels)
            else:
                trainer.append(feats, to_bilou(labels) if bilou else labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def pseudo_labelled(
    sents: Sequence[tuple[list[Token], list[str]]], kb: KB | None, model_file: Path, min_prob: float
) -> list[tuple[list[Token], list[str]]]:
    """Unlabelled sentences with the labels the CRF at ``model_file`` gives them, those whose whole labelling
    it gives at least ``min_prob`` and that hold a name (self-training: the labels follow ANERcorp's scheme,
    not the corpus's own)."""
    t = pycrfsuite.Tagger()
    t.open(str(model_file))
    out = []
    for toks, _ in sents:
        if not toks:
            continue
        labels = to_bio(t.tag(sentence_features(toks, kb)))
        if any(y != "O" for y in labels) and t.probability(t.tag()) >= min_prob:
            out.append((toks, labels))
    return out


def evaluate_sentences(
    data: list[tuple[list[Token], list[str]]],
    kb: KB | None,
    model: Path,
    char_probs: Sequence[np.ndarray] | None = None,
) -> dict:
    t = pycrfsuite.Tagger()
    t.open(str(model))
    gold, pred = [], []
    for k, (toks, labels) in enumerate(data):
        if toks:
            feats = sentence_features(toks, kb)
            if char_probs is not None:
                t.set(pycrfsuite.ItemSequence(with_char_probs(feats, char_probs[k], CHAR_LABELS)))
                pred.append(to_bio(t.tag()))
            else:
                pred.append(to_bio(t.tag(feats)))
            gold.append(labels)
    return score(gold, pred)


def train(
    out: str | Path | None = None,
    shared: str | Path | None = None,
    extra: bool = False,
    holdout: bool = False,
    holdout_tenth: int = 9,
    use_kb: bool = True,
    c1: float = 0.15,
    c2: float = 0.01,
    iterations: int = 150,
    kb_dropout: float = 0.0,
    bilou: bool = False,
    charnet: bool = False,
    charnet_folds: int = 4,
    charnet_extra: bool = False,
    charnet_params: dict | None = None,
    charnet_cache: str | Path | None = None,
    charnet_window: tuple[int, ...] = (),
    self_train: float = 0.0,
) -> dict:
    """Train and save the model; returns a summary (and the held-out score with ``holdout``). ``charnet``:
    also train the character network (torch) whose probabilities become CRF features, jackknifed over
    ``charnet_folds`` folds of the training sentences (``charnet_extra``: the network also learns from the
    Wiki-NER and Wojood train splits). ``self_train``: a second CRF is trained with the Wiki-NER and Wojood
    train sentences as the first one tags them (their text only, not their labels), those whose labelling it
    gives at least this probability."""
    root = Path(shared) if shared else SHARED
    OPTS["char_window"] = charnet_window
    out_path = Path(out) if out else model_path()
    kb = load_kb() if use_kb else None
    raw = list(read_conll(root / "anercorp" / "train.txt"))
    sents = [align(s) for s in raw]
    summary: dict = {"anercorp_sentences": len(sents)}
    train_part, dev_part = sents, []
    if holdout:  # the last tenth by default; holdout_tenth picks another one (a second check of a choice)
        a, b = int(len(sents) * holdout_tenth / 10), int(len(sents) * (holdout_tenth + 1) / 10)
        train_part, dev_part = sents[:a] + sents[b:], sents[a:b]
    data = list(train_part)
    others = load_sentences(root / "wiki-ner" / "train.txt")
    others += load_sentences(root / "wojood-sample" / "train.txt", WOJOOD_MAP)
    if extra:
        data += others
    summary["training_sentences"] = len(data)
    t0 = time.perf_counter()
    # word clusters from the text of the training sentences (and the other corpora's train splits)
    clusters_out = out_path.parent / Path(CLUSTERS_NAME).name if out is None else out_path.with_suffix(".tsv")
    sources = (
        "ANERcorp train.txt"
        + (" (without the held-out tenth)" if holdout else "")
        + ", Wiki-NER train.txt and Wojood-sample train.txt (../shared/data/ner)"
    )
    texts = [*train_part, *others]
    stems = [[t.forms[-1][1] for t in toks if t.kind != "punct"] for toks, _ in texts]
    summary["cluster_words"] = build_clusters(stems, clusters_out, sources)
    use_clusters(None if out is None else clusters_out)
    word_features.cache_clear()
    probs = dev_probs = None
    charnet_out = out_path.parent / Path(CHARNET_NAME).name if out is None else out_path.with_suffix(".npz")
    if charnet:
        probs, dev_probs = _train_charnet(
            data,
            others if charnet_extra else [],
            dev_part,
            charnet_out,
            charnet_folds,
            charnet_params,
            sources,
            Path(charnet_cache) if charnet_cache else None,
        )
        summary["charnet"] = str(charnet_out)
    elif charnet_out.is_file():
        charnet_out.unlink()  # a CRF trained without the network must not be read with one
    options = {"c1": c1, "c2": c2, "iterations": iterations, "kb_dropout": kb_dropout, "bilou": bilou}
    fit(data, kb, out_path, char_probs=probs, **options)
    if self_train > 0 and not charnet:
        pseudo = pseudo_labelled(others, kb, out_path, self_train)
        summary["self_training_sentences"] = len(pseudo)
        # retrained on the confident machine-labelled sentences besides the hand-labelled ones
        fit([*data, *pseudo], kb, out_path, **options)
    summary["seconds"] = round(time.perf_counter() - t0, 1)
    summary["model"] = str(out_path)
    summary["kb_entries"] = len(kb) if kb is not None else 0
    if holdout:
        summary["holdout"] = evaluate_sentences(dev_part, kb, out_path, dev_probs)
        summary["holdout_layer"] = evaluate_layer(raw[a:b], kb, out_path)
    return summary


def _train_charnet(
    data: list[tuple[list[Token], list[str]]],
    extra: list[tuple[list[Token], list[str]]],
    dev: list[tuple[list[Token], list[str]]],
    out: Path,
    folds: int,
    params: dict | None,
    sources: str,
    cache: Path | None = None,
) -> tuple[list[np.ndarray], list[np.ndarray] | None]:
    """Jackknifed probabilities of ``data`` for the CRF's training, and those of ``dev`` from the network
    trained on all of ``data`` (+ ``extra``), which is saved at ``out``. ``cache``: a folder where they are
    kept with a fingerprint of their inputs, and taken from when it matches (the network does not read the
    KB, so a CRF retrained after KB changes can reuse it)."""
    key = hashlib.sha256(
        json.dumps(
            [[[(t.text, y) for t, y in zip(*s, strict=True)] for s in part] for part in (data, extra, dev)]
            + [folds, sorted((params or {}).items())],
            ensure_ascii=False,
        ).encode("utf-8")
    ).hexdigest()
    if cache is not None and (cache / "key.txt").is_file() and (cache / "key.txt").read_text() == key:
        z = np.load(cache / "probs.npz")
        shutil.copy(cache / "net.npz", out)
        probs = np.split(z["probs"], np.cumsum([len(t) for t, _ in data])[:-1])
        dev_probs = np.split(z["dev"], np.cumsum([len(t) for t, _ in dev])[:-1]) if dev else None
        return probs, dev_probs
    import torch

    from . import train_charnet as tc

    torch.set_num_threads(1)
    # the extra corpora's sentences are in every fold's training set, never predicted
    probs = tc.jackknife(data, folds, extra=extra, params=params)
    net, table = tc.fit([*data, *extra], params=params)
    tc.save(net, table, out, "trained by `rasd train-ner --charnet` on " + sources)
    dev_probs = tc.predict(net, table, dev) if dev else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        empty = np.zeros((0, len(tc.LABELS)))
        np.savez(
            cache / "probs.npz",
            probs=np.concatenate([empty, *probs]),
            dev=np.concatenate([empty, *(dev_probs or [])]),
        )
        shutil.copy(out, cache / "net.npz")
        (cache / "key.txt").write_text(key)
    return probs, dev_probs


def evaluate_layer(
    sents: list[list[tuple[str, str]]], kb: KB | None, model_file: Path, chunk: int = 20
) -> dict:
    """The whole entity layer (model, KB, cues, propagation) with the model at ``model_file`` on held-out
    file sentences, analyzed ``chunk`` at a time as one article as ``rasd evaluate --conll`` does."""
    from ..evaluate.conll import predict_chunk
    from .model import use_model

    use_model(model_file)
    try:
        gold = [[g for _, g in s] for s in sents]
        pred: list[list[str]] = []
        for i in range(0, len(sents), chunk):
            pred.extend(predict_chunk([[t for t, _ in s] for s in sents[i : i + chunk]], kb=kb))
        return score(gold, pred)
    finally:
        use_model(None)
