"""A small character-level network's label probabilities per token, in numpy (its CRF features).

The network (trained with torch by ``rasd.entities.train_charnet``; torch is not needed here): each word's
characters (its normalized form, between begin/end marks, cut to a fixed length) go through an embedding,
convolutions of several widths, max-pooling over positions and a tanh projection to a word vector ``u``
(with a constant 1 appended, 0 outside the sentence, so that the next layer sees where a sentence ends);
a token's hidden layer is ``relu(b + sum_d W_d u[i + d])`` over a ±``window`` word window, and a softmax
layer gives its BIO label probabilities. Everything before the window sum depends on the word only, so each
distinct word's ``W_d u`` (one row per offset) is computed once per process and cached: a document then
costs a gather, a few adds and one small matrix product per token.

The weights live in one ``.npz`` file beside the CRF model (``models/ner_charnet.npz``), float32.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import data
from ..text.tokens import Token

log = logging.getLogger(__name__)

CHARNET_NAME = "models/ner_charnet.npz"
MAX_WORDS = 200_000  # distinct words whose rows are kept; the cache starts afresh beyond that
PAD, UNK, BOW, EOW = 0, 1, 2, 3  # reserved character ids


CHUNK = 256  # rows per matrix product: numpy's BLAS goes multi-threaded on larger ones, which costs far more
# than it gains for these thin products (measured: 806 x 192 @ 192 x 9 took 1.6-3.5 ms of CPU at once, 0.06 ms in
# chunks, on a shared two-core machine)


def _mm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` in chunks of ``CHUNK`` rows of ``a``."""
    if len(a) <= CHUNK:
        return a @ b
    return np.concatenate([a[i : i + CHUNK] @ b for i in range(0, len(a), CHUNK)])


def encode_word(word: str, chars: dict[str, int], length: int) -> list[int]:
    """Character ids of a word between begin/end marks, cut and padded to ``length`` ids (the first
    ``length - 2`` characters; the training and the numpy inference use this same function)."""
    ids = [BOW, *(chars.get(c, UNK) for c in word[: length - 2]), EOW]
    return ids + [PAD] * (length - len(ids))


class CharNet:
    """The network's weights and a per-word cache of its window contributions."""

    def __init__(self, path: str | Path) -> None:
        z = np.load(str(path), allow_pickle=False)
        self.labels: list[str] = [str(x) for x in z["labels"]]
        self.chars = {c: i for i, c in enumerate(str(z["chars"]), start=4)}
        self.length = int(z["length"])
        self.widths = [int(w) for w in z["widths"]]
        self.emb = z["emb"].astype(np.float32)
        # conv weights as (width * char dim, filters) matrices over a flattened window of embeddings
        self.conv = [
            (z[f"conv{w}_w"].astype(np.float32), z[f"conv{w}_b"].astype(np.float32)) for w in self.widths
        ]
        self.proj_w, self.proj_b = z["proj_w"].astype(np.float32), z["proj_b"].astype(np.float32)
        ctx_w = z["ctx_w"].astype(np.float32)  # (offsets, word dim + 1, hidden)
        self.ctx_w, self.ctx_b = ctx_w, z["ctx_b"].astype(np.float32)
        self.out_w, self.out_b = z["out_w"].astype(np.float32), z["out_b"].astype(np.float32)
        self.window = (ctx_w.shape[0] - 1) // 2
        self.provenance = str(z["provenance"]) if "provenance" in z else ""
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.ids: dict[str, int] = {}
        self.rows = np.zeros((256, self.ctx_w.shape[0], self.ctx_w.shape[2]), dtype=np.float32)
        self.n = 1  # row 0: a position outside the sentence (contributes nothing)

    # --- per word --------------------------------------------------------------------------------------
    def word_vectors(self, words: Sequence[str]) -> np.ndarray:
        """The word vectors ``u`` (with the constant 1 appended) of ``words``."""
        x = np.array([encode_word(w, self.chars, self.length) for w in words], dtype=np.intp)
        e = self.emb[x]  # (words, length, char dim)
        n, length, dim = e.shape
        pooled = []
        for w, (cw, cb) in zip(self.widths, self.conv, strict=True):
            win = np.concatenate([e[:, k : length - w + 1 + k] for k in range(w)], axis=2)
            h = _mm(win.reshape(-1, w * dim), cw) + cb
            pooled.append(np.maximum(h, 0).reshape(n, length - w + 1, -1).max(axis=1))
        u = np.tanh(_mm(np.concatenate(pooled, axis=1), self.proj_w) + self.proj_b)
        return np.concatenate([u, np.ones((n, 1), dtype=np.float32)], axis=1)

    def _word_rows(self, words: Sequence[str]) -> np.ndarray:
        ids = self.ids
        if len(ids) > MAX_WORDS:
            with self._lock:
                self._reset()
            ids = self.ids
        new = [w for w in dict.fromkeys(words) if w not in ids]
        if new:
            with self._lock:
                new = [w for w in new if w not in self.ids]
                if new:
                    u = self.word_vectors(new)
                    contrib = np.stack([_mm(u, self.ctx_w[k]) for k in range(len(self.ctx_w))], axis=1)
                    need = self.n + len(new)
                    if need > len(self.rows):
                        grown = np.zeros((max(need, 2 * len(self.rows)), *self.rows.shape[1:]), np.float32)
                        grown[: self.n] = self.rows[: self.n]
                        self.rows = grown
                    self.rows[self.n : need] = contrib
                    for k, w in enumerate(new):
                        self.ids[w] = self.n + k
                    self.n = need
        return np.array([self.ids[w] for w in words], dtype=np.intp)

    # --- per token -------------------------------------------------------------------------------------
    def probs(self, tokens: Sequence[Token], ranges: Sequence[tuple[int, int]]) -> np.ndarray:
        """Label probabilities (token x label, float64) of the tokens of ``ranges`` (concatenated), each range a
        sentence: the window never crosses a range's edge."""
        sel = [t.norm for lo, hi in ranges for t in tokens[lo:hi]]
        n = len(sel)
        if not n:
            return np.zeros((0, len(self.labels)))
        idx = self._word_rows(sel)  # (may grow self.rows)
        g = self.rows[idx]  # (tokens, offsets, hidden): each word's row per offset
        lengths = [hi - lo for lo, hi in ranges]
        sid = np.repeat(np.arange(len(ranges)), lengths)
        h = g[:, self.window] + self.ctx_b
        for k in range(2 * self.window + 1):
            d = k - self.window  # token i gets row k of the word at i + d, in its own sentence
            if 0 < d < n:
                h[: n - d] += g[d:, k] * (sid[d:] == sid[: n - d])[:, None]
            elif 0 < -d < n:
                h[-d:] += g[: n + d, k] * (sid[: n + d] == sid[-d:])[:, None]
        np.maximum(h, 0, out=h)
        z = _mm(h, self.out_w) + self.out_b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        return p.astype(np.float64)


_lock = threading.Lock()


@lru_cache(maxsize=4)
def load(path: str) -> CharNet | None:
    """The network at ``path`` (None when the file is missing)."""
    if not Path(path).is_file():
        return None
    with _lock:
        return CharNet(path)


def shipped_path() -> Path:
    return data.path(CHARNET_NAME)
