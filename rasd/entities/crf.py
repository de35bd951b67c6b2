"""Tagging with the trained CRF in numpy: the labels and marginals of crfsuite, a few times faster.

crfsuite scores token ``i`` for label ``y`` by adding the weights of (string, y) for the token's feature
strings (``features.sentence_features``). Most strings are word-local: a word's own features, and what a word
shows its neighbours at each window offset. Here each distinct word's strings are looked up once per process
and summed into score vectors (one for itself, one per offset), and so are the strings of each distinct set
of sentence-dependent tags (KB names, cues); a document's scores are then a few numpy gathers and adds, and
Viterbi and forward-backward run over all its sentences at once.

The sums are grouped differently from crfsuite's, so scores differ in the last bits (~1e-15): the labels are
the same unless two paths tie to that precision, and the marginals agree to ~1e-14 (tests/test_entities_crf.py
compares both with crfsuite). The weights are read from the model file when it is loaded (crfsuite's binary
layout; its text dump prints six decimals only), so nothing derived from a model is stored beside it.
"""

from __future__ import annotations

import struct
import threading
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress, repeat
from operator import attrgetter
from pathlib import Path

import numpy as np

from ..text.tokens import Token
from .cues import Cue
from .features import (
    CHAR_OFFSETS,
    OPTS,
    _neighbour_features,
    char_feature_names,
    own_tag_features,
    token_tags,
    word_features,
)
from .kb import KB, KBMatch, StemIndex

MAX_WORDS = 200_000  # distinct words whose weight rows are kept; the cache starts afresh beyond that


class ModelFormatError(ValueError):
    """The file is not a crfsuite CRF1d model as this reader knows it."""


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """The strings of a crfsuite CQDB (its string <-> id table) at ``off``, by id (its backward array)."""
    if buf[off : off + 4] != b"CQDB":
        raise ModelFormatError("no CQDB chunk")
    _size, _flag, _order, n, bwd = struct.unpack_from("<5I", buf, off + 4)
    out = []
    for rec in struct.unpack_from(f"<{n}I", buf, off + bwd):
        _id, ksize = struct.unpack_from("<2I", buf, off + rec)
        out.append(buf[off + rec + 8 : off + rec + 8 + ksize - 1].decode("utf-8"))
    return out


def read_model(path: str | Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels, attributes, state weights (attribute x label) and transition weights (label x label) of a
    crfsuite CRF1d model file, with the weights as stored (float64)."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"lCRF" or buf[8:12] != b"FOMC":
        raise ModelFormatError("not a crfsuite CRF1d model")
    _ver, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs = struct.unpack_from("<7I", buf, 12)
    if buf[off_feat : off_feat + 4] != b"FEAT":
        raise ModelFormatError("no FEAT chunk")
    (n_feat,) = struct.unpack_from("<I", buf, off_feat + 8)
    dt = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])  # packed, 20 bytes
    feats = np.frombuffer(buf, dtype=dt, count=n_feat, offset=off_feat + 12)
    labels, attrs = _cqdb_strings(buf, off_labels), _cqdb_strings(buf, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ModelFormatError("label or attribute count mismatch")
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    s, t = feats[feats["type"] == 0], feats[feats["type"] == 1]
    if len(s) + len(t) != n_feat:
        raise ModelFormatError("unknown feature type")
    state[s["src"], s["dst"]] = s["w"]
    trans[t["src"], t["dst"]] = t["w"]
    return labels, attrs, state, trans


class _Vectors:
    """Score vectors of keys (a word, or a token's set of tags): per key an id and an array of shape
    (1 + offsets, labels): what the key gives the token itself (row 0) and the token ``d`` before it (row
    1 + the index of ``d``). Id 0 is 'nothing' (zeros). Grows by doubling; entries are never changed."""

    def __init__(self, n_offsets: int, n_labels: int) -> None:
        self.ids: dict[object, int] = {}
        self.vec = np.zeros((256, 1 + n_offsets, n_labels))
        self.stems: list[str] = [""]  # for words: the stem (what word bigrams are made of)
        self.forms: list[tuple] = [()]  # for words: the readings the vectors were made from

    def add(self, key: object, vec: np.ndarray, stem: str = "", forms: tuple = ()) -> int:
        i = len(self.stems)
        if i >= len(self.vec):
            self.vec = np.concatenate([self.vec, np.zeros_like(self.vec)])
        self.vec[i] = vec
        self.stems.append(stem)
        self.forms.append(forms)
        self.ids[key] = i
        return i


class FastCRF:
    """A crfsuite model's weights, tagging whole documents (see the module docstring)."""

    def __init__(self, path: str | Path) -> None:
        labels, attrs, state, trans = read_model(path)
        self.labels = labels
        self.o = labels.index("O") if "O" in labels else -1
        self.row = {a: i + 1 for i, a in enumerate(attrs)}  # row 0: a string the model does not know
        self.w = np.vstack([np.zeros((1, len(labels))), state])
        self.trans = trans
        self.exp_trans = np.exp(trans)
        self.exp_trans_t = self.exp_trans.T.copy()
        self.ones = np.ones(len(labels))
        # forward-backward rescales every this many positions: a step changes the log of the scores' total by
        # at most the largest |transition| (+ log of the label count)
        span = float(np.abs(trans).max(initial=0.0)) + float(np.log(len(labels)))
        self.rescale_every = max(1, int(120 / span)) if span > 0 else 1
        self.offsets: list[int] = sorted({*OPTS["window"], *OPTS["ctx_clusters"]})  # type: ignore[misc]
        self.window = set(OPTS["window"])  # type: ignore[call-overload]
        self.bos = self.w[self.row.get("BOS", 0)]
        self.eos = self.w[self.row.get("EOS", 0)]
        # the word bigrams the model knows, "bg=left|right" as bigrams["bg="][left][right] -> row (a stem may
        # hold a '|' itself: every split is entered, and a lookup asks for the exact pair)
        self.bigrams: dict[str, dict[str, dict[str, int]]] = {"bg=": {}, "bg+=": {}}
        for a, r in self.row.items():
            for prefix, table in self.bigrams.items():
                if a.startswith(prefix):
                    body = a[len(prefix) :]
                    for p, ch in enumerate(body):
                        if ch == "|":
                            table.setdefault(body[:p], {})[body[p + 1 :]] = r
        self.bigram_firsts = frozenset(self.bigrams["bg="]) | frozenset(self.bigrams["bg+="])
        self._lock = threading.Lock()
        self._words = _Vectors(len(self.offsets), len(labels))
        self._tags = _Vectors(len(self.offsets), len(labels))

    def _sums(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """Per group of feature strings, the sum of their weights (strings the model does not know weigh
        nothing): one numpy call for all groups."""
        row = self.row
        rows, bounds = [], []
        for g in groups:
            bounds.append(len(rows))
            rows.append(0)  # every group gets at least the zero row: reduceat needs non-empty slices
            rows.extend(r for r in map(row.get, g) if r)
        return np.add.reduceat(self.w[rows], bounds, axis=0)

    # --- the per-word and per-tag-set caches ----------------------------------------------------------
    def _tag_vectors(self, tags: tuple[str, ...], kind: str) -> np.ndarray:
        seen = [[f"{d}{tg}" for tg in tags] if d in self.window else () for d in self.offsets]
        return self._sums([own_tag_features(tags, kind), *seen])

    def _word_ids(self, tokens: Sequence[Token]) -> tuple[_Vectors, list[int]]:
        """Ids of the tokens' words, keyed by their text (the text layer's readings are a function of the text;
        a token whose readings differ from the cached ones is keyed by both)."""
        table = self._words
        get, forms = table.ids.get, table.forms
        # (map over C callables: no bytecode per token on this path, taken for every known word)
        ids = list(map(get, map(_TEXT, tokens), repeat(0)))
        if 0 not in ids and list(map(forms.__getitem__, ids)) == list(map(_FORMS, tokens)):
            return table, ids
        with self._lock:
            table = self._fresh("_words", len(tokens))
            get, forms = table.ids.get, table.forms
            keys: list[object] = []
            new: dict[object, Token] = {}
            for t in tokens:
                i = get(t.text, 0)
                key = t.text if not i or forms[i] == t.forms else (t.text, t.forms)
                keys.append(key)
                if not get(key, 0):
                    new.setdefault(key, t)
            if new:  # the new words' vectors in one numpy call
                groups: list[Sequence[str]] = []
                stems = []
                for t in new.values():
                    own, stem, ctx = word_features.__wrapped__(t.text, t.forms)
                    nb = _neighbour_features(stem, ctx)
                    groups += [("b", *own), *[nb[d] for d in self.offsets]]
                    stems.append(stem)
                vecs = self._sums(groups).reshape(len(new), 1 + len(self.offsets), len(self.labels))
                for (key, t), vec, stem in zip(new.items(), vecs, stems, strict=True):
                    table.add(key, vec, stem, t.forms)
            out = [get(k) for k in keys]
        return table, out  # type: ignore[return-value]

    def _fresh(self, table_name: str, room: int) -> _Vectors:
        """One of the caches, started afresh when ``room`` more entries would exceed MAX_WORDS."""
        table: _Vectors = getattr(self, table_name)
        if len(table.stems) + room > MAX_WORDS:
            table = _Vectors(len(self.offsets), len(self.labels))
            setattr(self, table_name, table)
        return table

    def _tag_ids(self, keys: list[tuple[tuple[str, ...], str]]) -> tuple[_Vectors, list[int]]:
        """Ids of tag sets (tags, KB kind) in their cache, entering the new ones (under the lock)."""
        table = self._tags
        get = table.ids.get
        ids = [get(k, 0) for k in keys]
        if 0 not in ids:
            return table, ids
        with self._lock:
            table = self._fresh("_tags", len(keys))
            out = []
            for k in keys:
                i = table.ids.get(k, 0)
                if not i:
                    i = table.add(k, self._tag_vectors(*k))
                out.append(i)
        return table, out

    # --- emission scores ------------------------------------------------------------------------------
    def emissions(
        self,
        tokens: Sequence[Token],
        ranges: Sequence[tuple[int, int]],
        tags: tuple[dict[int, list[str]], dict[int, str]],
    ) -> np.ndarray:
        """Scores (token x label) of the tokens of ``ranges`` (concatenated), each range one sentence, with the
        ranges' ``token_tags``: the weights crfsuite adds up for the strings of ``sentence_features``."""
        sel = _selected(tokens, ranges)
        n = len(sel)
        words, ids = self._word_ids(sel)
        lengths = [hi - lo for lo, hi in ranges]
        # per token: what it gives itself (0) and the token d before it (1 + index of d), its word's vectors
        # plus those of its tags (KB names, cues, demonyms)
        v = words.vec[ids]
        pos, keys = [], []
        tg, kinds = tags
        if tg:
            # document index -> position among the ranges' tokens
            if _consecutive(ranges):
                r0 = ranges[0][0]
                pos = [j - r0 for j in tg] if r0 else list(tg)
            else:
                starts = [lo for lo, _ in ranges]
                shift = [lo - at for (lo, _), at in zip(ranges, accumulate([0, *lengths[:-1]]), strict=True)]
                pos = [j - shift[bisect_right(starts, j) - 1] for j in tg]
            kind_of = kinds.get
            keys = [(tuple(x), kind_of(j, "")) for j, x in tg.items()]
        if pos:
            table, tag_ids = self._tag_ids(keys)
            v[pos] += table.vec[tag_ids]
        e = v[:, 0].copy()
        sid = np.repeat(np.arange(len(ranges)), lengths)
        # same[|d|]: 1.0 where tokens i and i + |d| share a sentence — as floats, made once per distance: a
        # product with booleans casts them on every call (the products are the same)
        same: dict[int, np.ndarray] = {}
        for k, d in enumerate(self.offsets):  # token i gets row 1 + k of token i + d in its sentence
            if 0 < abs(d) < n:
                a = abs(d)
                if a not in same:
                    same[a] = (sid[a:] == sid[: n - a]).astype(np.float64)[:, None]
                if d > 0:
                    e[: n - d] += v[d:, 1 + k] * same[a]
                else:
                    e[-d:] += v[: n + d, 1 + k] * same[a]
        starts = np.cumsum([0, *lengths[:-1]])
        e[starts] += self.bos
        e[starts + np.array(lengths) - 1] += self.eos
        # word bigrams: the previous word's stem | this one's, this one's | the next one's
        stems = list(map(words.stems.__getitem__, ids))
        bg, bg_next = np.zeros(n, dtype=np.intp), np.zeros(n, dtype=np.intp)
        left, left_next = self.bigrams["bg="], self.bigrams["bg+="]
        first = set(starts.tolist())
        # the tokens after a word that begins a known bigram, picked in C (most words begin none)
        for i in compress(range(1, n), map(self.bigram_firsts.__contains__, stems[:-1])):
            if i in first:
                continue
            a, b = stems[i - 1], stems[i]
            right = left.get(a)
            if right is not None:
                bg[i] = right.get(b, 0)
            right = left_next.get(a)
            if right is not None:
                bg_next[i - 1] = right.get(b, 0)
        for rows in (bg, bg_next):
            if rows.any():
                e += self.w[rows]
        return e

    # --- inference ------------------------------------------------------------------------------------
    def decode(self, e: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Viterbi labels (ties broken as crfsuite does: the lowest label id) and P(outside) of consecutive
        sentences of ``lengths`` tokens whose emission scores are the rows of ``e``. All sentences advance
        together, one numpy step per position: time-major arrays, sentences longest first (so those still
        going at position t are the first ``active[t]``)."""
        n_lab = len(self.labels)
        ones = (
            self.ones
        )  # sums over labels as a product with ones: numpy's reductions over a short axis are slow
        order = sorted(range(len(lengths)), key=lambda s: -lengths[s])
        lens = np.array([lengths[s] for s in order])
        s_n, t_n = len(lens), int(lens[0])
        pos = np.arange(t_n)
        mask = pos[:, None] < lens[None, :]  # (position, sentence)
        src = (np.cumsum([0, *lengths])[:-1][order][None, :] + pos[:, None])[mask]
        pad = np.zeros((t_n, s_n, n_lab))
        pad[mask] = e[src]
        active = np.searchsorted(-lens, -pos, side="left").tolist()
        trans_t, exp_trans, exp_trans_t = self.trans.T.copy(), self.exp_trans, self.exp_trans_t
        # Viterbi as crfsuite: best previous label by prev + trans, then + state. Forward-backward on
        # exp(scores) shifted by each position's max, rescaled every few steps (within exp(+-120)): a
        # position's marginals are normalized at the end, so its scale does not matter.
        top = e[:, 0].copy()
        for j in range(1, n_lab):
            np.maximum(top, e[:, j], out=top)
        x = np.ones_like(pad)
        x[mask] = np.exp(e - top[:, None])[src]
        alpha = np.ones_like(x)  # (padding stays 1: no 0/0 there)
        beta = np.ones_like(x)
        back = np.zeros((t_n, s_n, n_lab), dtype=np.intp)
        cand = np.empty((s_n, n_lab, n_lab))
        delta = pad[0].copy()
        alpha[0] = x[0]
        every = self.rescale_every
        # cand[s, j, i]: delta[s, i] + trans[i, j]; its max over i is read at the argmax (numpy's reductions
        # over a small axis cost several times an argmax over the last one)
        flat = (np.arange(s_n)[:, None] * (n_lab * n_lab) + np.arange(n_lab)[None, :] * n_lab).astype(np.intp)
        at = np.empty((s_n, n_lab), dtype=np.intp)
        last_k = -1
        for t in range(1, t_n):
            k = active[t]
            if k != last_k:  # the views of the first k sentences, made again only when a sentence ends
                c, c_flat, at_k, flat_k = cand[:k], cand[:k].ravel(), at[:k], flat[:k]
                delta_in, delta_k = delta[:k, None, :], delta[:k]
                last_k = k
            b = back[t, :k]
            np.add(delta_in, trans_t, out=c)
            np.argmax(c, axis=2, out=b)
            np.add(flat_k, b, out=at_k)
            np.add(c_flat.take(at_k), pad[t, :k], out=delta_k)
            a = alpha[t, :k]
            np.matmul(alpha[t - 1, :k], exp_trans, out=a)
            a *= x[t, :k]
            if t % every == 0:
                a /= (a @ ones)[:, None]
        y = np.zeros((t_n, s_n), dtype=np.intp)
        rows = np.arange(s_n)
        y[lens - 1, rows] = delta.argmax(axis=1)
        for t in range(t_n - 1, 0, -1):
            k = active[t]
            y[t - 1, :k] = back[t, rows[:k], y[t, :k]]
            b = beta[t - 1, :k]
            np.matmul(beta[t, :k] * x[t, :k], exp_trans_t, out=b)
            if t % every == 0:
                b /= (b @ ones)[:, None]
        ab = alpha * beta
        p_out = ab[:, :, self.o] / (ab @ ones) if self.o >= 0 else np.zeros((t_n, s_n))
        labels = np.empty(len(e), dtype=np.intp)
        probs = np.empty(len(e))
        labels[src] = y[mask]
        probs[src] = p_out[mask]
        return labels, probs

    def _char_scores(
        self, char_probs: tuple[Sequence[str], np.ndarray], lengths: Sequence[int]
    ) -> np.ndarray:
        """What the character network's probabilities (valued features ``cn=``, and ``cn±d=`` of the tokens
        around) add to the emission scores of consecutive sentences of ``lengths`` tokens."""
        names, probs = char_probs
        n = len(probs)
        out = np.zeros((n, len(self.labels)))
        sid = np.repeat(np.arange(len(lengths)), lengths)
        for d in CHAR_OFFSETS:
            rows = [self.row.get(x, 0) for x in char_feature_names(names, d)]
            if not any(rows) or abs(d) >= n:
                continue
            c = probs @ self.w[rows]  # what each token's probabilities give the token d before it
            if d == 0:
                out += c
            elif d > 0:
                out[: n - d] += c[d:] * (sid[d:] == sid[: n - d])[:, None]
            else:
                out[-d:] += c[: n + d] * (sid[: n + d] == sid[-d:])[:, None]
        return out

    def tag_ranges(
        self,
        tokens: Sequence[Token],
        ranges: Sequence[tuple[int, int]],
        kb: KB | None,
        kb_matches: Sequence[Sequence[KBMatch]],
        cue_matches: Sequence[Sequence[Cue] | None],
        index: StemIndex | None = None,
        char_probs: tuple[Sequence[str], np.ndarray] | None = None,
    ) -> tuple[list[str], list[float]]:
        """Labels (the model's own, e.g. BILOU) and P(outside) of the tokens of ``ranges`` (concatenated),
        each range a sentence with its KB matches and cues in document token indices (``index``: the tokens'
        StemIndex when built; ``char_probs``: the character network's labels and probabilities of the same
        tokens, valued features ``cn=<label>``)."""
        if not ranges:
            return [], []
        if index is None:
            index = StemIndex(tokens)
        tags = token_tags(tokens, ranges, kb, kb_matches, cue_matches, index)
        e = self.emissions(tokens, ranges, tags)
        if char_probs is not None:
            e += self._char_scores(char_probs, [hi - lo for lo, hi in ranges])
        y, p_o = self.decode(e, [hi - lo for lo, hi in ranges])
        names = self.labels
        sel = _selected(tokens, ranges)
        return list(map(names.__getitem__, y.tolist())), [
            p if t.kind == "word" else 1.0 for p, t in zip(p_o.tolist(), sel, strict=True)
        ]


_TEXT = attrgetter("text")
_FORMS = attrgetter("forms")


def _selected(tokens: Sequence[Token], ranges: Sequence[tuple[int, int]]) -> Sequence[Token]:
    """The tokens of ``ranges`` in order: one slice when the ranges follow each other (a document's sentences)."""
    if _consecutive(ranges):
        return tokens[ranges[0][0] : ranges[-1][1]] if ranges else []
    return [t for lo, hi in ranges for t in tokens[lo:hi]]


def _consecutive(ranges: Sequence[tuple[int, int]]) -> bool:
    """Each range begins where the one before it ends."""
    end = ranges[0][0] if ranges else 0
    for lo, hi in ranges:
        if lo != end:
            return False
        end = hi
    return True
