"""The trigger lexicon and the function words: data files with provenance, inflection, matching on tokens."""

from __future__ import annotations

import pytest

from rasd.data import path, read_tsv
from rasd.events.lexicon import core, lexicon, noun_forms, verb_forms
from rasd.text import normalize, tokenize

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.mark.parametrize("name", ["triggers.tsv", "event_words.tsv"])
def test_data_files_start_with_provenance(name: str) -> None:
    first = path(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#")
    assert read_tsv(name)


def test_trigger_rows_are_well_formed() -> None:
    rows = read_tsv("triggers.tsv")
    assert {r["type"] for r in rows} == PLOVER
    for r in rows:
        assert r["pos"] in ("verb", "noun"), r
        assert r["en"], r
        assert r["gen"] in ("source", "target"), r
    modes = {(r["type"], r["mode"]) for r in rows if r["mode"]}
    assert {("CONSULT", "phone"), ("CONSULT", "visit"), ("CONSULT", "talks"), ("CONSULT", "summit")} <= modes


@pytest.mark.parametrize(
    "word, etype",
    [
        ("حذرت", "THREATEN"), ("يحذرون", "THREATEN"), ("محذراً", "THREATEN"), ("توعد", "THREATEN"),
        ("مكالمتهما", "CONSULT"), ("المحادثات", "CONSULT"), ("للقمة", "CONSULT"), ("زيارته", "CONSULT"),
        ("اجتاحتها", "ASSAULT"), ("دعت", "REQUEST"), ("حثوا", "REQUEST"), ("التقيا", "CONSULT"),
        ("ضمت", "COERCE"), ("انسحبت", "RETREAT"), ("يتظاهرون", "PROTEST"), ("اتهمت", "ACCUSE"),
        ("رفضت", "REJECT"), ("يدعم", "SUPPORT"), ("اتفقا", "AGREE"), ("ستقصف", "ASSAULT"),
    ],
)  # fmt: skip
def test_inflected_forms_reach_their_trigger(word: str, etype: str) -> None:
    heads = lexicon().heads
    tok = tokenize(word)[0]
    types = set()
    for _, stem in tok.forms:
        for cand in (stem, stem[2:] if stem.startswith("ال") else stem):
            types |= {e.trigger.type for e in heads.get(cand, ())}
    assert etype in types


def test_object_pronoun_is_marked() -> None:
    entries = lexicon().heads[normalize("اجتاحتها")]
    assert all(e.obj_suffix for e in entries)
    assert not any(e.obj_suffix for e in lexicon().heads[normalize("اجتاحت")])


def test_defective_verbs_and_jussive() -> None:
    assert "دعوا" in verb_forms("دعا") and "دعت" in verb_forms("دعا")
    assert "يلتق" in verb_forms("يلتقي")  # لم يلتق
    assert "غزو" not in verb_forms("غزا")  # the noun, not a verb form


def test_noun_forms() -> None:
    forms = noun_forms(normalize("مكالمة"))
    assert {"مكالمات", "مكالمتهما", "مكالمتين"} <= set(forms)


def test_core_is_loose_on_article_and_endings() -> None:
    assert core(normalize("الهاتفية")) == core(normalize("هاتفي")) == "هاتفي"
    assert core(normalize("اتفاقاً")) == core(normalize("اتفاق"))


def test_function_words_have_categories() -> None:
    words = lexicon().words
    assert "negation" in words["لم"]
    assert "condition" in words["اذا"]
    assert "denial" in words[normalize("تنفي")]
    assert "light" in words[normalize("أجرى")]
    assert ("في", "حال") in lexicon().phrases["condition"]
