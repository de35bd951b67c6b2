"""The quotes layer's language data: provenance headers, well-formed rows, and the cues the issue lists."""

from __future__ import annotations

import pytest

from rasd.data import path, read_tsv
from rasd.quotes.cues import verb_cue
from rasd.quotes.lexicon import lexicon
from rasd.text import normalize, tokenize

FILES = ["cues.tsv", "anonymous_sources.tsv", "quote_words.tsv", "speaker_titles.tsv"]


@pytest.mark.parametrize("name", FILES)
def test_data_file_has_provenance_and_header(name: str) -> None:
    lines = path(name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    assert any("Source:" in line for line in lines if line.startswith("#"))
    assert read_tsv(name), name


def test_cue_rows_are_well_formed() -> None:
    for row in read_tsv("cues.tsv"):
        assert row["kind"] in {"verb", "participle", "channel", "attribution"}, row
        assert row["forms"], row
        if row["kind"] in ("verb", "participle"):
            assert row["class"] in {"speech", "stance", "threat"}, row
            assert row["object"] in {"clause", "np", "npq", "npquote"}, row
            assert row["addressee"] in {"", "obj", "l", "thing"}, row
        if row["kind"] == "channel":
            assert row["channel"], row
        if row["object"] == "np":
            assert row["prep"], row


def test_conjunctions_are_not_listed() -> None:
    """و/ف come from the tokens' clitic readings: no form is a conjunction plus a listed verb."""
    verbs = lexicon().verbs
    for form in verbs:
        if form[0] in "وف" and len(form) > 3:
            assert form[1:] not in verbs, form


ISSUE_VERBS = (
    "قال قالت يقول تقول أضاف أكد أوضح أعلن ذكر أفاد صرح كتب غرد حذر نفى استبعد رجح شدد لفت أشار اعتبر "
    "رأى تابع اعترف طالب دعا وصف توعد أبلغ أعرب نقل أردف يرى يعتقد هدد"
).split()


@pytest.mark.parametrize("word", ISSUE_VERBS)
@pytest.mark.parametrize("prefix", ["", "و", "ف"])
def test_issue_verbs_are_cues_with_and_without_conjunction(word: str, prefix: str) -> None:
    tok = tokenize(prefix + word)[0]
    assert verb_cue(lexicon(), tok) is not None, prefix + word


@pytest.mark.parametrize(
    "word,cls",
    [("يرى", "stance"), ("يعتقد", "stance"), ("توعد", "threat"), ("هدد", "threat"), ("قالت", "speech")],
)
def test_cue_classes(word: str, cls: str) -> None:
    cue, _ = verb_cue(lexicon(), tokenize(word)[0])
    assert cue.cls == cls


def test_feminine_present_and_participle_forms() -> None:
    for word in ("قالت", "تقول", "أكدت", "تؤكد", "أضافت", "مضيفاً", "مشيرةً", "محذّراً"):
        assert verb_cue(lexicon(), tokenize(word)[0]) is not None, word


def test_object_pronoun_on_a_verb_of_telling() -> None:
    cue, enclitic = verb_cue(lexicon(), tokenize("أبلغه")[0])
    assert cue.lemma == "أبلغ" and enclitic


@pytest.mark.parametrize("word", ["قالب", "الأكد", "ذكرى", "القول", "بقال", "لقال"])
def test_non_verbs_are_not_cues(word: str) -> None:
    assert verb_cue(lexicon(), tokenize(word)[0]) is None, word


def test_nominal_cues_carry_channels() -> None:
    ch = lexicon().channels
    assert ch[(normalize("بيان"),)] == "statement"
    assert ch[(normalize("تغريدة"),)] == "tweet"
    assert ch[(normalize("مقابلة"),)] == "interview"
    assert ch[(normalize("مؤتمر"), normalize("صحافي"))] == "press_conference"
    assert ch[(normalize("تصريح"),)] == "remarks"


def test_anonymous_sources_listed() -> None:
    anon = lexicon().anonymous
    for w in ("مسؤول", "مصادر", "مصدر", "دبلوماسيون"):
        assert anon[normalize(w)] in ("person", "group")
