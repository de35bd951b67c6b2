"""The numpy tagger (rasd.entities.crf) must give crfsuite's labels and marginals: it replaces crfsuite's
tagging for speed only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rasd import analyze, text
from rasd.document import Document
from rasd.entities import crf, model
from rasd.entities.cues import match_ranges
from rasd.entities.kb import load_kb
from rasd.entities.recognize import sentence_ranges
from rasd.entities.train import load_sentences

# written for this test in news style: titles, KB names, unknown transliterated names, numbers, one-word lines
_ARTICLE = (
    "موسكو\n"
    "قال المتحدث باسم الخارجية الروسية ديمتري كوزنيتسوف إن موسكو لن تقبل بأي شروط مسبقة.\n"
    "وأضاف في مؤتمر صحفي عقده في جنيف يوم 12 مارس 2024 أن وزير الخارجية سيرغي لافروف سيلتقي نظيره الأميركي "
    "أنتوني بلينكن، فيما رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالخطوة ودعا الطرفين إلى ضبط النفس.\n"
    "وأعلنت منظمة الصحة العالمية، ومقرها جنيف، أن 35 شخصا أصيبوا في بلدة ميركوفيتسا.\n"
    "!!"
)


@pytest.fixture(scope="module")
def fast() -> crf.FastCRF:
    f = model.fast_model()
    if f is None:
        pytest.skip("no NER model")
    return f


def _compare(toks, ranges, kb, numpy_only: bool = True) -> tuple[int, float]:
    """Labels of the numpy tagger (``numpy_only``: for every sentence, however long; else as the recognizer
    tags) and of crfsuite sentence by sentence: (tokens compared, max marginal gap); fails on any label
    difference."""
    cues = match_ranges(toks, ranges)
    kms = [kb.match(toks, lo, hi) if kb is not None else [] for lo, hi in ranges]
    cms = [cues.get(r) for r in ranges]
    if numpy_only:
        probs = model.char_probs(toks, ranges)
        labels, p_out = model.fast_model().tag_ranges(toks, ranges, kb, kms, cms, char_probs=probs)
        labels = model.to_bio(labels)
    else:
        labels, p_out = model.tag_ranges(toks, ranges, kb, kms, cms)
    ref_labels: list[str] = []
    ref_p: list[float] = []
    for (lo, hi), km, cm in zip(ranges, kms, cms, strict=True):
        lab, p = model.tag(toks[lo:hi], kb, kb_matches=km, cue_matches=cm, offset=lo)
        ref_labels += lab
        ref_p += p
    assert labels == ref_labels
    return len(labels), max((abs(a - b) for a, b in zip(p_out, ref_p, strict=True)), default=0.0)


def test_weights_read_from_the_model_file_are_the_library_s(fast) -> None:
    t = model.tagger()
    info = t.info()
    labels, attrs, state, trans = crf.read_model(model.model_path())
    assert labels == t.labels()
    assert set(attrs) == set(info.attributes)
    index = {a: i for i, a in enumerate(attrs)}
    # the dump that info() parses prints six decimals: the file's own weights agree to that
    for (a, b), w in info.transitions.items():
        assert abs(trans[labels.index(a), labels.index(b)] - w) <= 5e-7
    for (a, y), w in list(info.state_features.items())[::50]:
        assert abs(state[index[a], labels.index(y)] - w) <= 5e-7


def test_same_labels_and_marginals_as_crfsuite_on_an_article(fast) -> None:
    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE))
    ranges = sentence_ranges(doc, doc.tokens)
    assert any(hi - lo == 1 for lo, hi in ranges) and len({hi - lo for lo, hi in ranges}) > 2
    n, gap = _compare(doc.tokens, ranges, kb)
    assert n == len(doc.tokens) and gap < 1e-12
    labels, _ = model.tag_ranges(doc.tokens, ranges, kb, [[]] * len(ranges), [None] * len(ranges))
    assert any(x != "O" for x in labels)


def test_same_labels_and_marginals_as_crfsuite_on_corpus_sentences(fast) -> None:
    # the training split beside the checkout (not beside the installed package): read to compare taggers
    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner" / "anercorp" / "train.txt"
    if not path.is_file():
        pytest.skip("no ANERcorp")
    sents = [toks for toks, _ in load_sentences(path)[:1500] if toks]
    kb = load_kb()
    # many sentences at once, as one document of concatenated sentences
    for a in range(0, len(sents), 300):
        toks, ranges = [], []
        for s in sents[a : a + 300]:
            ranges.append((len(toks), len(toks) + len(s)))
            toks.extend(s)
        n, gap = _compare(toks, ranges, kb)
        assert n == len(toks) and gap < 1e-12


def test_without_a_kb_and_on_empty_input(fast) -> None:
    toks = text.annotate(Document(id="t", text="التقى الرئيس بوتين نظيره في أنقرة")).tokens
    _compare(toks, [(0, len(toks))], None)
    assert fast.tag_ranges(toks, [], None, [], []) == ([], [])


def test_the_layer_gives_the_same_entities_with_either_tagger(fast, examples_dir: Path) -> None:
    texts = [_ARTICLE, *[p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]]
    try:
        model.NUMPY_TAGGER = False
        ref = [analyze(t).model_dump()["entities"] for t in texts]
    finally:
        model.NUMPY_TAGGER = True
    assert [analyze(t).model_dump()["entities"] for t in texts] == ref


def test_the_word_cache_is_bounded_and_starting_afresh_changes_nothing(fast, monkeypatch) -> None:
    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE))
    ranges = sentence_ranges(doc, doc.tokens)
    args = (doc.tokens, ranges, kb, [kb.match(doc.tokens, lo, hi) for lo, hi in ranges], [None] * len(ranges))
    before = fast.tag_ranges(*args)
    monkeypatch.setattr(crf, "MAX_WORDS", 50)
    f = crf.FastCRF(model.model_path())
    assert f.tag_ranges(*args) == before
    assert len(f._words.stems) <= len(doc.tokens) + 1
    f.tag_ranges(*args)
    assert len(f._words.stems) <= len(doc.tokens) + 1


def test_a_model_file_in_another_layout_falls_back_to_crfsuite(tmp_path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"lCRF" + b"\0" * 60)
    with pytest.raises(crf.ModelFormatError):
        crf.read_model(bad)
    with pytest.raises(crf.ModelFormatError):
        crf.FastCRF(bad)


def test_a_rewritten_model_file_is_read_again(fast, tmp_path) -> None:
    copy = tmp_path / "ner.crfsuite"
    shutil.copy(model.model_path(), copy)
    first = model.fast_model(copy)
    assert first is not None and model.fast_model(copy) is first
    st = copy.stat()  # same weights, a new mtime: as a model retrained in place
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    again = model.fast_model(copy)
    assert again is not None and again is not first


def test_sentences_that_do_not_cover_the_document(fast) -> None:
    # tokens outside every range (a boilerplate line) are neither tagged nor seen as neighbours
    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE))
    ranges = [r for k, r in enumerate(sentence_ranges(doc, doc.tokens)) if k % 2 == 0]
    assert any(a[1] < b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    n, gap = _compare(doc.tokens, ranges, kb)
    assert n == sum(hi - lo for lo, hi in ranges) and gap < 1e-12


def test_very_long_sentences_go_to_crfsuite_and_tag_the_same(fast) -> None:
    assert model.split_long([5000]) == {0}  # one step per token in numpy: crfsuite is cheaper
    assert model.split_long([47, 30, 20, 12]) == set()  # an article's sentences advance together
    assert model.split_long([300] + [30] * 20) == {0}
    assert model.split_long([]) == set()
    kb = load_kb()
    doc = text.annotate(Document(id="t", text=_ARTICLE.replace(".", "،") * 3))
    ranges = [(0, len(doc.tokens))]
    assert model.split_long([len(doc.tokens)]) == {0}
    n, gap = _compare(doc.tokens, ranges, kb, numpy_only=False)
    assert n == len(doc.tokens) and gap == 0.0  # crfsuite itself
    n, gap = _compare(doc.tokens, ranges, kb)
    assert n == len(doc.tokens) and gap < 1e-12
