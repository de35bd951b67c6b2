"""Training the character-level network of :mod:`rasd.entities.charnet` with torch (``pip install
'rasd[train]'``; only ``rasd train-ner --charnet`` imports this module).

The network is trained on sentences of text-layer tokens with BIO labels; ``jackknife`` gives each training
sentence the probabilities of a network trained on the other folds, so that the CRF that reads them as
features learns how far to trust them on words the network has not seen."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..text.tokens import Token
from .charnet import PAD, encode_word

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")

# the shipped settings (a choice made on held-out tenths of ANERcorp train; see the README)
PARAMS: dict[str, object] = {
    "length": 16,  # characters per word, with the begin/end marks
    "char_dim": 24,
    "widths": (2, 3, 4),
    "filters": 48,
    "word_dim": 96,
    "hidden": 192,
    "window": 2,
    "dropout": 0.25,
    "epochs": 8,
    "batch": 16,
    "lr": 3e-3,
    "min_char": 2,
}

Sentences = Sequence[tuple[Sequence[Token], Sequence[str]]]


class Net(nn.Module):
    def __init__(self, n_chars: int, p: dict) -> None:
        super().__init__()
        self.p = p
        self.emb = nn.Embedding(n_chars, p["char_dim"], padding_idx=PAD)
        self.convs = nn.ModuleList(nn.Conv1d(p["char_dim"], p["filters"], w) for w in p["widths"])
        self.proj = nn.Linear(p["filters"] * len(p["widths"]), p["word_dim"])
        k = 2 * p["window"] + 1
        self.ctx = nn.Conv1d(p["word_dim"] + 1, p["hidden"], k, padding=p["window"])
        self.out = nn.Linear(p["hidden"], len(LABELS))
        self.drop = nn.Dropout(p["dropout"])

    def forward(self, chars: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits (batch, words, labels) of character ids (batch, words, length); ``mask``: real words."""
        b, t, length = chars.shape
        e = self.emb(chars.view(b * t, length)).transpose(1, 2)  # (words, char dim, length)
        pooled = torch.cat([torch.relu(c(e)).max(dim=2).values for c in self.convs], dim=1)
        u = torch.tanh(self.proj(pooled))
        u = torch.cat([u, torch.ones(b * t, 1)], dim=1).view(b, t, -1) * mask[:, :, None]
        h = torch.relu(self.ctx(self.drop(u).transpose(1, 2))).transpose(1, 2)
        return self.out(self.drop(h))


def char_table(sents: Sentences, min_count: int) -> str:
    """The characters of the training words seen at least ``min_count`` times, most frequent first."""
    counts = Counter(c for toks, _ in sents for t in toks for c in t.norm)
    return "".join(c for c, n in counts.most_common() if n >= min_count)


def _batch(sents: Sentences, chars: dict[str, int], length: int) -> tuple[torch.Tensor, torch.Tensor]:
    t = max(len(toks) for toks, _ in sents)
    x = np.zeros((len(sents), t, length), dtype=np.int64)
    m = np.zeros((len(sents), t), dtype=np.float32)
    for i, (toks, _) in enumerate(sents):
        for j, tok in enumerate(toks):
            x[i, j] = encode_word(tok.norm, chars, length)
            m[i, j] = 1
    return torch.from_numpy(x), torch.from_numpy(m)


def fit(sents: Sentences, seed: int = 7, params: dict | None = None) -> tuple[Net, str]:
    """Train a network on ``sents``; returns it with its character table."""
    p = {**PARAMS, **(params or {})}
    torch.manual_seed(seed)
    rng = random.Random(seed)
    table = char_table(sents, p["min_char"])
    chars = {c: i for i, c in enumerate(table, start=4)}
    net = Net(len(chars) + 4, p)
    opt = torch.optim.Adam(net.parameters(), lr=p["lr"])
    lab = {x: i for i, x in enumerate(LABELS)}
    data = [(toks, labels) for toks, labels in sents if toks]
    n_steps = p["epochs"] * ((len(data) + p["batch"] - 1) // p["batch"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.05, 1 - s / n_steps))
    loss_fn = nn.CrossEntropyLoss(reduction="sum")
    net.train()
    for _ in range(p["epochs"]):
        # batches of sentences of similar length (less padding), in random order
        order = sorted(range(len(data)), key=lambda i: (len(data[i][0]), rng.random()))
        batches = [order[i : i + p["batch"]] for i in range(0, len(order), p["batch"])]
        rng.shuffle(batches)
        for bi in batches:
            part = [data[i] for i in bi]
            x, m = _batch(part, chars, p["length"])
            y = torch.full(m.shape, -100, dtype=torch.long)
            for i, (_, labels) in enumerate(part):
                y[i, : len(labels)] = torch.tensor([lab.get(t, 0) for t in labels])
            logits = net(x, m)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), y.reshape(-1)) / m.sum()
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
    net.eval()
    return net, table


def predict(net: Net, table: str, sents: Sentences) -> list[np.ndarray]:
    """Label probabilities (tokens x labels, in LABELS order) of each sentence."""
    chars = {c: i for i, c in enumerate(table, start=4)}
    out: list[np.ndarray] = []
    net.eval()
    with torch.no_grad():
        for i in range(0, len(sents), 64):
            part = sents[i : i + 64]
            if not any(toks for toks, _ in part):
                out.extend(np.zeros((0, len(LABELS))) for _ in part)
                continue
            x, m = _batch([(toks or [], lab) for toks, lab in part], chars, net.p["length"])
            p = torch.softmax(net(x, m), dim=2).numpy().astype(np.float64)
            out.extend(p[k, : len(toks)] for k, (toks, _) in enumerate(part))
    return out


def jackknife(
    sents: Sentences,
    folds: int = 4,
    seed: int = 7,
    params: dict | None = None,
    extra: Sentences = (),
) -> list[np.ndarray]:
    """Each sentence's probabilities from a network trained on the other ``folds - 1`` folds (sentences
    dealt to folds in turn) and on ``extra``."""
    out: list[np.ndarray | None] = [None] * len(sents)
    for f in range(folds):
        train = [*(s for i, s in enumerate(sents) if i % folds != f), *extra]
        net, table = fit(train, seed=seed + f, params=params)
        held = [i for i in range(len(sents)) if i % folds == f]
        for i, p in zip(held, predict(net, table, [sents[i] for i in held]), strict=True):
            out[i] = p
    return [p if p is not None else np.zeros((0, len(LABELS))) for p in out]


def save(net: Net, table: str, path: str | Path, provenance: str) -> Path:
    """Write the weights for :class:`rasd.entities.charnet.CharNet` (float32 ``.npz``)."""
    p = net.p
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    arrays: dict[str, np.ndarray] = {
        "labels": np.array(LABELS),
        "chars": np.array(table),
        "length": np.array(p["length"]),
        "widths": np.array(p["widths"]),
        "emb": sd["emb.weight"],
        "proj_w": sd["proj.weight"].T.copy(),
        "proj_b": sd["proj.bias"],
        # torch Conv1d weight (hidden, in, k) -> (k, in, hidden): offset k - window
        "ctx_w": sd["ctx.weight"].transpose(2, 1, 0).copy(),
        "ctx_b": sd["ctx.bias"],
        "out_w": sd["out.weight"].T.copy(),
        "out_b": sd["out.bias"],
        "provenance": np.array(provenance),
    }
    for i, w in enumerate(p["widths"]):
        cw = sd[f"convs.{i}.weight"]  # (filters, char dim, width) -> (width * char dim, filters)
        arrays[f"conv{w}_w"] = cw.transpose(2, 1, 0).reshape(w * cw.shape[1], cw.shape[0]).copy()
        arrays[f"conv{w}_b"] = sd[f"convs.{i}.bias"]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        np.savez_compressed(f, **arrays)
    return path
