"""Rebuild the NER model: ``rasd train-ner``.

Trains a linear-chain CRF (python-crfsuite, L-BFGS with elastic-net regularization) on ANERcorp ``train.txt``
(and optionally the Wiki-NER and Wojood *train* splits), over the text layer's tokens of each sentence with the
features of :mod:`rasd.entities.features`. ``--holdout`` keeps the last tenth of ANERcorp train apart and
reports the score there: that, never a test split, is what choices are made on.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from ..evaluate.conll import read_conll, score
from ..text.tokens import Token, tokenize
from .clusters import CLUSTERS_NAME, build_clusters, use_clusters
from .features import sentence_features, word_features
from .kb import KB, load_kb
from .model import model_path, to_bio

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner"
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
) -> Path:
    """Train a CRF on ``data``. ``kb_dropout``: the share of sentences seen without KB features, so that the
    model also learns to find names the KB lacks (the KB knows many of the training corpus's names)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(7)
    for toks, labels in data:
        if toks:
            feats = sentence_features(toks, None if rng.random() < kb_dropout else kb)
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


def evaluate_sentences(data: list[tuple[list[Token], list[str]]], kb: KB | None, model: Path) -> dict:
    t = pycrfsuite.Tagger()
    t.open(str(model))
    gold, pred = [], []
    for toks, labels in data:
        if toks:
            pred.append(to_bio(t.tag(sentence_features(toks, kb))))
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
) -> dict:
    """Train and save the model; returns a summary (and the held-out score with ``holdout``)."""
    root = Path(shared) if shared else SHARED
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
    fit(
        data,
        kb,
        out_path,
        c1=c1,
        c2=c2,
        iterations=iterations,
        kb_dropout=kb_dropout,
        bilou=bilou,
    )
    summary["seconds"] = round(time.perf_counter() - t0, 1)
    summary["model"] = str(out_path)
    summary["kb_entries"] = len(kb) if kb is not None else 0
    if holdout:
        summary["holdout"] = evaluate_sentences(dev_part, kb, out_path)
        summary["holdout_layer"] = evaluate_layer(raw[a:b], kb, out_path)
    return summary


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
