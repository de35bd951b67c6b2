"""The character network's numpy inference (rasd.entities.charnet): the probabilities torch computes, per
sentence, cached per word without changing them; and how the CRF reads them as features."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from rasd import text
from rasd.document import Document
from rasd.entities import charnet, model
from rasd.entities.features import OPTS, char_feature_names, with_char_probs
from rasd.entities.kb import load_kb
from rasd.entities.recognize import sentence_ranges

LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")

# written for these tests in news style
_TEXT = (
    "قال وزير الخارجية الأردني أيمن الصفدي إن عمّان ترفض أي تهجير للفلسطينيين.\n"
    "وأكد المتحدث باسم الحكومة ماركوس فيلدهوفر أن برلين ستواصل دعم أوكرانيا.\n"
    "واشنطن"
)


def _random_net(path: Path, seed: int = 3, window: int = 2) -> Path:
    """A network file in the shipped layout with random weights (no torch needed)."""
    rng = np.random.default_rng(seed)
    chars, dim, filters, word, hidden, widths = "ابتثجحخدذرسشصضطظعغفقكلمنهوي", 8, 6, 10, 12, (2, 3)
    arrays = {
        "labels": np.array(LABELS),
        "chars": np.array(chars),
        "length": np.array(12),
        "widths": np.array(widths),
        "emb": rng.normal(size=(len(chars) + 4, dim)).astype(np.float32),
        "proj_w": rng.normal(size=(filters * len(widths), word)).astype(np.float32),
        "proj_b": rng.normal(size=word).astype(np.float32),
        "ctx_w": rng.normal(size=(2 * window + 1, word + 1, hidden)).astype(np.float32),
        "ctx_b": rng.normal(size=hidden).astype(np.float32),
        "out_w": rng.normal(size=(hidden, len(LABELS))).astype(np.float32),
        "out_b": rng.normal(size=len(LABELS)).astype(np.float32),
    }
    for w in widths:
        arrays[f"conv{w}_w"] = rng.normal(size=(w * dim, filters)).astype(np.float32)
        arrays[f"conv{w}_b"] = rng.normal(size=filters).astype(np.float32)
    np.savez(path, **arrays)
    return path


@pytest.fixture(scope="module")
def doc() -> Document:
    return text.annotate(Document(id="t", text=_TEXT))


def test_words_are_encoded_to_a_fixed_length() -> None:
    table = {"ب": 4, "ا": 5}
    assert charnet.encode_word("باب", table, 8) == [charnet.BOW, 4, 5, 4, charnet.EOW, 0, 0, 0]
    assert charnet.encode_word("بxب", table, 8)[2] == charnet.UNK
    long = charnet.encode_word("ب" * 30, table, 8)
    assert len(long) == 8 and long[-1] == charnet.EOW
    assert charnet.encode_word("", table, 4) == [charnet.BOW, charnet.EOW, 0, 0]


def test_probabilities_per_token_stay_within_each_sentence(tmp_path, doc) -> None:
    net = charnet.CharNet(_random_net(tmp_path / "n.npz"))
    ranges = sentence_ranges(doc, doc.tokens)
    assert len(ranges) == 3
    p = net.probs(doc.tokens, ranges)
    assert p.shape == (len(doc.tokens), len(LABELS))
    assert np.allclose(p.sum(axis=1), 1.0) and (p > 0).all()
    # each sentence alone gives the same rows: the ±2 window stops at a sentence's edge
    at = 0
    for lo, hi in ranges:
        alone = charnet.CharNet(tmp_path / "n.npz").probs(doc.tokens, [(lo, hi)])
        assert np.allclose(alone, p[at : at + hi - lo], atol=1e-6)
        at += hi - lo
    # a one-word sentence still gets probabilities; no ranges, none
    assert net.probs(doc.tokens, [(len(doc.tokens) - 1, len(doc.tokens))]).shape == (1, len(LABELS))
    assert net.probs(doc.tokens, []).shape == (0, len(LABELS))


def test_the_word_cache_changes_nothing_and_starts_afresh(tmp_path, doc, monkeypatch) -> None:
    path = _random_net(tmp_path / "n.npz")
    ranges = sentence_ranges(doc, doc.tokens)
    first = charnet.CharNet(path).probs(doc.tokens, ranges)
    monkeypatch.setattr(charnet, "MAX_WORDS", 5)
    net = charnet.CharNet(path)
    for _ in range(3):
        assert np.allclose(net.probs(doc.tokens, ranges), first, atol=1e-6)
        assert len(net.ids) <= len({t.norm for t in doc.tokens})


def test_the_numpy_network_computes_what_torch_does(tmp_path, doc) -> None:
    torch = pytest.importorskip("torch")
    from rasd.entities import train_charnet as tc

    torch.manual_seed(0)
    params = {**tc.PARAMS, "filters": 8, "word_dim": 12, "hidden": 16, "char_dim": 6, "length": 10}
    toks = doc.tokens
    ranges = sentence_ranges(doc, toks)
    sents = [(toks[lo:hi], ["O"] * (hi - lo)) for lo, hi in ranges]
    table = tc.char_table(sents, 1)
    net = tc.Net(len(table) + 4, params)
    net.eval()
    ref = np.concatenate(tc.predict(net, table, sents))
    path = tc.save(net, table, tmp_path / "t.npz", "a test")
    got = charnet.CharNet(path).probs(toks, ranges)
    assert np.abs(got - ref).max() < 1e-5


def test_training_learns_a_pattern(tmp_path) -> None:
    pytest.importorskip("torch")
    from rasd.entities import train_charnet as tc

    words = text.annotate(Document(id="t", text="التقى فولوديمير مع الوفد في المدينة")).tokens
    sents = [(words, ["O", "B-PER", "O", "O", "O", "O"])] * 40
    net, table = tc.fit(sents, params={"epochs": 15, "batch": 8, "min_char": 1, "hidden": 16})
    p = tc.predict(net, table, sents[:1])[0]
    assert [tc.LABELS[i] for i in p.argmax(axis=1)] == sents[0][1]
    jk = tc.jackknife(sents[:8], folds=2, params={"epochs": 1, "min_char": 1})
    assert [x.shape for x in jk] == [(6, len(tc.LABELS))] * 8


def test_char_probabilities_become_valued_crf_features() -> None:
    feats = [["b", "w=x", "w=x"], [b"b", "gz=B-LOC"]]
    probs = np.array([[0.9, 0.1, 0, 0, 0, 0, 0, 0, 0], [0.2, 0, 0, 0.8, 0, 0, 0, 0, 0]])
    items = with_char_probs(feats, probs, LABELS)
    assert items[0]["w=x"] == 2.0 and items[0]["cn=O"] == 0.9 and items[1]["b"] == 1.0
    assert items[1]["cn=B-LOC"] == 0.8
    kept = with_char_probs(feats, probs, LABELS, keep=frozenset({"cn=O"}))
    assert "cn=B-LOC" not in kept[1] and kept[1]["cn=O"] == 0.2
    assert with_char_probs(feats, None, LABELS) is feats
    assert char_feature_names(["O"]) == ["cn=O"] and char_feature_names(["O"], -1) == ["cn-1=O"]


def test_neighbour_probabilities_as_features(monkeypatch) -> None:
    probs = np.array([[0.9] + [0.0125] * 8, [0.1] + [0.1125] * 8, [0.5] + [0.0625] * 8])
    feats: list[list[str | bytes]] = [["b"], ["b"], ["b"]]
    monkeypatch.setitem(OPTS, "char_window", (-1, 1))
    items = with_char_probs(feats, probs, LABELS)
    assert items[1]["cn-1=O"] == 0.9 and items[1]["cn+1=O"] == 0.5 and items[1]["cn=O"] == 0.1
    assert "cn-1=O" not in items[0] and "cn+1=O" not in items[2]
    # tagging reads the offsets the model knows, whatever the training switch says now
    monkeypatch.setitem(OPTS, "char_window", ())
    kept = with_char_probs(feats, probs, LABELS, keep=frozenset({"cn+1=O"}))
    assert kept[0] == {"b": 1.0, "cn+1=O": 0.1}


def test_the_shipped_model_reads_its_network_and_tags_without_it(tmp_path, doc, caplog) -> None:
    if model.fast_model() is None:
        pytest.skip("no NER model")
    kb = load_kb()
    ranges = sentence_ranges(doc, doc.tokens)
    args = (doc.tokens, ranges, kb, [kb.match(doc.tokens, lo, hi) for lo, hi in ranges], [None] * len(ranges))
    labels, _ = model.tag_ranges(*args)
    uses_net = any(a.startswith("cn=") for a in model.known_features() or ())
    assert (model.char_net() is not None) == uses_net
    if not uses_net:
        pytest.skip("the shipped CRF reads no character network")
    # the CRF copied without its network: tags (with a warning), names still found by the other features
    copy = tmp_path / "ner.crfsuite"
    shutil.copy(model.model_path(), copy)
    assert model.char_net(copy) is None
    alone, p = model.tag_ranges(*args, path=copy)
    assert len(alone) == len(labels) and all(0.0 <= x <= 1.0 for x in p)
    assert "missing" in caplog.text


def test_numpy_and_crfsuite_agree_on_a_crf_with_network_features(tmp_path, doc, monkeypatch) -> None:
    from rasd.entities.train import CHAR_LABELS, fit

    names = {"أيمن": "B-PER", "الصفدي": "I-PER", "ماركوس": "B-PER", "فيلدهوفر": "I-PER", "عمّان": "B-LOC"}
    names |= {"برلين": "B-LOC", "أوكرانيا": "B-LOC", "واشنطن": "B-LOC"}
    ranges = sentence_ranges(doc, doc.tokens)
    _random_net(tmp_path / "ner.npz")
    net = charnet.CharNet(tmp_path / "ner.npz")
    data = [(doc.tokens[lo:hi], [names.get(t.text, "O") for t in doc.tokens[lo:hi]]) for lo, hi in ranges]
    probs = [net.probs(doc.tokens, [r]) for r in ranges]
    monkeypatch.setitem(OPTS, "char_window", (-1, 1))
    crf_path = fit(data * 5, None, tmp_path / "ner.crfsuite", iterations=40, c1=0.0, char_probs=probs * 5)
    monkeypatch.setitem(OPTS, "char_window", ())
    try:
        model.use_model(crf_path)
        known = model.known_features() or frozenset()
        assert {"cn=O", "cn-1=O", "cn+1=O"} <= known
        assert model.char_net() is not None and tuple(model.char_net().labels) == CHAR_LABELS
        no_kb = [[]] * len(ranges)
        fast_labels, fast_p = model.tag_ranges(doc.tokens, ranges, None, no_kb, [None] * len(ranges))
        ref_labels: list[str] = []
        ref_p: list[float] = []
        for lo, hi in ranges:
            lab, p = model.tag(doc.tokens[lo:hi], None, kb_matches=[])
            ref_labels += lab
            ref_p += p
        assert fast_labels == ref_labels and "B-PER" in fast_labels
        assert max(abs(a - b) for a, b in zip(fast_p, ref_p, strict=True)) < 1e-12
    finally:
        model.use_model(None)
