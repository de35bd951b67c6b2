"""The text layer on the reference article and on our examples: blocks, sentences, tokens, offsets."""

from __future__ import annotations

import regex

import rasd
from rasd.document import Document
from rasd.text import annotate, normalize_with_map
from rasd.text.blocks import split_blocks
from rasd.text.normalize import to_original_span
from rasd.text.sentences import quote_regions


def _doc(text: str) -> Document:
    return annotate(Document(id="t", text=text))


def test_seed_blocks(seed_text):
    doc = _doc(seed_text)
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("boilerplate") == 2
    assert kinds.count("heading") == 3
    lines = [ln for ln in seed_text.split("\n") if ln.strip()]
    # lines 12-13 of the article are the boilerplate
    assert [b.kind for b in doc.blocks][11:13] == ["boilerplate", "boilerplate"]
    assert len(doc.blocks) == len(lines)


def test_seed_no_sentence_split_inside_quotes(seed_text):
    doc = _doc(seed_text)
    for b in doc.blocks:
        for o, c in quote_regions(seed_text, b.start, b.end):
            for s in doc.sentences:
                assert not (o < s.start <= c), (
                    f"sentence starts inside a quotation: {seed_text[s.start : s.end]!r}"
                )
    # the multi-sentence quotation "...سيكون خطأ جسيماً. نأمل ألا يحدث ذلك" is one sentence with its cue
    joined = [seed_text[s.start : s.end] for s in doc.sentences]
    assert any("خطأ جسيماً. نأمل" in s for s in joined)


def test_boilerplate_has_no_sentences_or_tokens(seed_text):
    doc = _doc(seed_text)
    bp = [b for b in doc.blocks if b.kind == "boilerplate"]
    for b in bp:
        assert not [s for s in doc.sentences if b.start <= s.start < b.end]
        assert not [t for t in doc.tokens if b.start <= t.start < b.end]


def test_every_offset_exact(seed_text, examples_dir):
    texts = [seed_text] + [p.read_text(encoding="utf-8") for p in examples_dir.glob("*.txt")]
    for text in texts:
        doc = _doc(text)
        for t in doc.tokens:
            assert text[t.start : t.end] == t.text
        for s in doc.sentences:
            assert text[s.start : s.end].strip() == text[s.start : s.end]
            assert doc.blocks[s.block].start <= s.start < s.end <= doc.blocks[s.block].end


def test_tokens_clitic_offsets():
    text = "وقال إن الدعم للحلف ولأوكرانيا مستمر"
    doc = _doc(text)
    tok = {t.text: t for t in doc.tokens}
    k, stem = tok["ولأوكرانيا"].match({"اوكرانيا"})
    assert stem == "اوكرانيا" and text[tok["ولأوكرانيا"].start + k :].startswith("أوكرانيا")
    k, stem = tok["للحلف"].match({"الحلف"})
    assert stem == "الحلف" and text[tok["للحلف"].start + k : tok["للحلف"].end] == "لحلف"


def test_normalize_with_map_points_into_original():
    text = "قالَ الرئيـــسُ الأمريكيّ ﻻ ‏شيء"
    norm, offsets = normalize_with_map(text)
    assert len(offsets) == len(norm) + 1
    i = norm.index("الرييس")
    s, e = to_original_span(offsets, i, i + len("الرييس"))
    assert text[s:e] == "الرئيـــسُ"[:-1]
    j = norm.rindex("لا")
    s, e = to_original_span(offsets, j, j + 2)
    assert text[s:e] == "ﻻ"


def test_digits_and_presentation_forms_tokenize():
    doc = _doc("انتهى في الساعة ٢١:٢٥ بتوقيت ﻏﺮﻳﻨﺘﺶ")
    nums = [t for t in doc.tokens if t.kind == "num"]
    assert nums and nums[0].norm == "21:25"
    assert regex.search(r"غرينتش", " ".join(t.norm for t in doc.tokens))


def test_public_api_returns_document(seed_text):
    doc = rasd.analyze(seed_text, published="2021-12-30")
    assert doc.published == "2021-12-30" and doc.published_source == "given"
    assert doc.to_dict()["schema"] == "rasd.document/1"
    assert doc.id == rasd.analyze(seed_text).id  # content hash: same text, same id


def test_related_headline_after_a_bare_read_also_line_is_boilerplate():
    text = (
        "وزير الخارجية يبحث مع نظيره ملف الحدود\n"
        "وقال الوزير في مؤتمر صحافي إن المحادثات ستتواصل خلال الأيام المقبلة بمشاركة الوفود كافة.\n"
        "اقرأ أيضاً\n"
        "من يخلف رئيس الحكومة المستقيل؟\n"
        "وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم الاتفاق عليه خلال الشهر المقبل.\n"
    )
    kinds = [k for k, _, _ in split_blocks(text)]
    assert kinds == ["heading", "paragraph", "boilerplate", "boilerplate", "paragraph"]


def test_a_paragraph_after_a_bare_read_also_line_stays():
    text = (
        "اقرأ المزيد\n"
        "وقال الوزير في مؤتمر صحافي إن المحادثات ستتواصل خلال الأيام المقبلة بمشاركة الوفود كافة.\n"
    )
    assert [k for k, _, _ in split_blocks(text)] == ["boilerplate", "paragraph"]
