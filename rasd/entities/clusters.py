"""Word clusters for the recognizer's features, built from the *training* corpora's text (never a test split).

Each frequent word (clitic-stripped, normalized stem) is described by the words seen just before and after it
(positive PMI over the most frequent context words), reduced by SVD and grouped by k-means at two
granularities. Words in one cluster occur in similar contexts (given names, cities, months, verbs of
saying), so the model learns from a cluster what it saw of its frequent members. ``rasd train-ner`` rebuilds
the file ``rasd/data/models/ner_clusters.tsv``; numpy is needed only to build it, not to read it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .. import data

CLUSTERS_NAME = "models/ner_clusters.tsv"

SIZES = (64, 384)  # coarse and fine k-means granularities
_MIN_FREQ = 3
_CONTEXT_WORDS = 600
_DIMS = 60

_override: list[Path] = []


def clusters_path() -> Path:
    return _override[-1] if _override else data.path(CLUSTERS_NAME)


def use_clusters(path: str | Path | None) -> None:
    """Read clusters from ``path`` from now on (None: the shipped file) — for training experiments."""
    _override.clear()
    if path is not None:
        _override.append(Path(path))
    word_clusters.cache_clear()


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, tuple[str, ...]]:
    """stem -> its cluster ids (coarse first); empty when the file is missing."""
    p = clusters_path()
    if not p.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with p.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "word":
                continue
            out[parts[0]] = tuple(parts[1:])
    return out


def _kmeans(x, k: int, seed: int, iterations: int = 25):
    import numpy as np

    rng = np.random.default_rng(seed)
    k = min(k, len(x))
    centers = x[rng.choice(len(x), size=k, replace=False)]
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centers.T, axis=1)  # rows are unit vectors: cosine similarity
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centers[c] = v / (np.linalg.norm(v) or 1.0)
    return assign


def build_clusters(
    sentences: Iterable[Sequence[str]],
    out: Path,
    sources: str,
    seed: int = 13,
    sizes: Sequence[int] = SIZES,
) -> int:
    """Cluster the stems of ``sentences`` (lists of stems) and write them to ``out``; returns the word count."""
    import numpy as np

    sents = [list(s) for s in sentences]
    freq = Counter(w for s in sents for w in s)
    vocab = [w for w, c in freq.most_common() if c >= _MIN_FREQ]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:_CONTEXT_WORDS])}
    nc = len(ctx)
    m = np.zeros((len(vocab), 2 * nc + 4), dtype=np.float32)
    for s in sents:
        padded = ["<s>", *s, "</s>"]
        for j in range(1, len(padded) - 1):
            i = index.get(padded[j])
            if i is None:
                continue
            for side, w in ((0, padded[j - 1]), (1, padded[j + 1])):
                c = ctx.get(w)
                m[i, side * nc + c if c is not None else 2 * nc + side * 2 + (w in ("<s>", "</s>"))] += 1
    total = m.sum()
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * total / (row @ col))
    pmi = np.nan_to_num(np.maximum(pmi, 0.0), posinf=0.0, neginf=0.0)
    u, sv, _ = np.linalg.svd(pmi, full_matrices=False)
    x = u[:, :_DIMS] * np.sqrt(sv[:_DIMS])
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    assigns = [_kmeans(x, k, seed + k) for k in sizes]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write(
            "# Word clusters for the entity recognizer, built by `rasd train-ner` (rasd.entities.clusters) from\n"
            f"# the token sequences of {sources}: positive-PMI context vectors over the\n"
            f"# {_CONTEXT_WORDS} most frequent words, SVD to {_DIMS} dimensions, k-means with k = "
            f"{', '.join(map(str, sizes))}. Words seen at least {_MIN_FREQ} times. No test split is used.\n"
        )
        f.write("word\t" + "\t".join(f"k{k}" for k in sizes) + "\n")
        for i, w in enumerate(vocab):
            f.write(w + "\t" + "\t".join(str(int(a[i])) for a in assigns) + "\n")
    return len(vocab)
