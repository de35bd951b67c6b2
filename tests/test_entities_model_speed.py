"""The tagger's speed-ups must not change what it outputs: feature strings the model has no weight for are
left out of what crfsuite is given, and that must give the same labels and the same marginals."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rasd import text
from rasd.document import Document
from rasd.entities import model
from rasd.entities.features import sentence_features
from rasd.entities.kb import load_kb
from rasd.entities.recognize import sentence_ranges

# written for this test in news style: titles, KB names, unknown transliterated names, numbers, a date
_ARTICLE = (
    "قال المتحدث باسم الخارجية الروسية ديمتري كوزنيتسوف إن موسكو لن تقبل بأي شروط مسبقة.\n"
    "وأضاف في مؤتمر صحفي عقده في جنيف يوم 12 مارس 2024 أن وزير الخارجية سيرغي لافروف سيلتقي نظيره الأميركي.\n"
    "وأعلنت منظمة الصحة العالمية، ومقرها جنيف، أن 35 شخصا أصيبوا في بلدة ميركوفيتسا.\n"
    "!!"
)


def _sentences() -> list[tuple[list, list]]:
    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE))
    out = []
    for lo, hi in sentence_ranges(doc, doc.tokens):
        local = [replace(m, first=m.first - lo, last=m.last - lo) for m in kb.match(doc.tokens, lo, hi)]
        out.append((doc.tokens[lo:hi], local))
    return out


def test_kept_features_are_the_known_ones_in_the_same_order() -> None:
    keep = model.known_features()
    if keep is None:
        pytest.skip("no NER model")
    assert "b" in keep and len(keep) > 1000
    kb = load_kb()
    for toks, local in _sentences():
        full = sentence_features(toks, kb, local)
        kept = sentence_features(toks, kb, local, keep=keep)
        assert any(isinstance(x, bytes) for f in kept for x in f)  # cached encoded for crfsuite
        decoded = [[x.decode("utf-8") if isinstance(x, bytes) else x for x in f] for f in kept]
        assert decoded == [[x for x in f if x in keep] for f in full]
        assert sum(map(len, kept)) < sum(map(len, full))  # something is actually left out


def test_tagging_with_kept_features_gives_the_same_labels_and_marginals() -> None:
    t = model.tagger()
    if t is None:
        pytest.skip("no NER model")
    kb = load_kb()
    for toks, local in _sentences():
        labels, p_out = model.tag(toks, kb, kb_matches=local)
        t.set(sentence_features(toks, kb, local))  # every feature string, as the model was trained
        assert labels == model.to_bio(t.tag())
        assert p_out == [t.marginal("O", i) if tok.kind == "word" else 1.0 for i, tok in enumerate(toks)]


def test_matches_in_document_indices_with_an_offset_give_the_same_features() -> None:
    from rasd.entities.cues import match_ranges

    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE))
    ranges = sentence_ranges(doc, doc.tokens)
    cues = match_ranges(doc.tokens, ranges)
    assert any(cues.values())
    for lo, hi in ranges:
        toks = doc.tokens[lo:hi]
        found = kb.match(doc.tokens, lo, hi)
        shifted = sentence_features(toks, kb, found, cue_matches=cues[(lo, hi)], offset=lo)
        assert shifted == sentence_features(toks, kb)  # matched afresh in the sentence alone


def test_the_attributes_read_from_the_dump_are_the_library_s() -> None:
    t = model.tagger()
    if t is None:
        pytest.skip("no NER model")
    assert model.model_attributes(t) == frozenset(t.info().attributes)
