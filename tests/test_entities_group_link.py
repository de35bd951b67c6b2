"""Grouping within an article, linking, roles, romanization, robustness; and the CoNLL scorer's arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest
from entities_helpers import analyze_entities

from rasd.document import check_spans
from rasd.entities.kb import load_kb
from rasd.entities.romanize import romanize
from rasd.evaluate.conll import evaluate_conll, format_conll_report, read_conll, score, spans

KB_ENTRIES = [
    {
        "id": "country/XX",
        "type": "LOC",
        "kind": "country",
        "name": "زمرستان",
        "name_en": "Zamristan",
        "demonyms": ["زمرستاني"],
    },
    {
        "id": "person/karim-test",
        "type": "PER",
        "kind": "person",
        "name": "كريم الساعدي",
        "name_en": "Karim al-Saadi",
        "aliases": ["الساعدي"],
        "country": "country/XX",
        "roles": [
            {
                "title": "رئيس زمرستان",
                "title_en": "President of Zamristan",
                "org": "country/XX",
                "start": 2020,
                "end": None,
            }
        ],
    },
]


@pytest.fixture(scope="module")
def kb():
    return load_kb(entries=KB_ENTRIES)


def test_mentions_of_one_person_form_one_entity(kb) -> None:
    doc = analyze_entities(
        "أعلن الرئيس الزمرستاني كريم الساعدي أمس خطة جديدة. وقال الساعدي إن الخطة ستنفذ. "
        "وأضاف الرئيس الساعدي أن زمرستان مستعدة.",
        kb=kb,
    )
    assert check_spans(doc) == []
    ent = [e for e in doc.entities if e.kb_id == "person/karim-test"]
    assert len(ent) == 1
    e = ent[0]
    assert [m.text for m in e.mentions] == ["كريم الساعدي", "الساعدي", "الساعدي"]
    assert e.name_en == "Karim al-Saadi" and e.country == "country/XX"
    text_roles = [r for r in e.roles if r.source == "text"]
    assert text_roles[0].text == "الرئيس الزمرستاني" and text_roles[0].affiliation == "country/XX"
    assert any(r.source == "kb" and r.text_en == "President of Zamristan" for r in e.roles)
    assert (
        doc.entities[0].id == "e1" and doc.entities[0].mentions[0].start < doc.entities[1].mentions[0].start
    )


def test_title_only_reference_becomes_a_role_with_its_span(kb) -> None:
    s = "التقى كريم الساعدي وفدا تجاريا. وقال الرئيس الزمرستاني للصحافيين إن المحادثات كانت مثمرة."
    doc = analyze_entities(s, kb=kb)
    e = next(e for e in doc.entities if e.kb_id == "person/karim-test")
    spans_ = [r.span for r in e.roles if r.source == "text"]
    assert spans_ and spans_[-1].text == "الرئيس الزمرستاني"
    assert s[spans_[-1].start : spans_[-1].end] == "الرئيس الزمرستاني"
    assert [m.text for m in e.mentions] == ["كريم الساعدي"]  # title-only phrases are roles, not mentions


def test_unknown_person_is_romanized_and_keeps_text_roles(kb) -> None:
    doc = analyze_entities("وقالت المتحدثة باسم وزارة الخارجية الزمرستانية سلمى دويكات إن الوفد وصل.", kb=kb)
    per = [e for e in doc.entities if e.type == "PER"]
    assert per, [(e.name, e.type) for e in doc.entities]
    e = per[0]
    assert e.kb_id is None and e.name_en_source == "romanized" and e.name_en
    assert any(r.text.startswith("المتحدثة باسم") for r in e.roles)


def test_clitics_stay_out_of_mentions() -> None:
    doc = analyze_entities("وأكد دعمه لأوكرانيا، وأشاد بموسكو وبواشنطن والقاهرة.")
    texts = {m.text for e in doc.entities for m in e.mentions}
    assert {"أوكرانيا", "موسكو", "واشنطن", "القاهرة"} <= texts


@pytest.mark.parametrize(
    "name,expected",
    [("يوري أوشاكوف", "Yuri Ushakov"), ("سيرغي ريابكوف", "Sergi Ryabkov"), ("فاطمة", "Fatma")],
)
def test_romanize(name: str, expected: str) -> None:
    got = romanize(name)
    assert got.split()[-1] == expected.split()[-1]


@pytest.mark.parametrize(
    "junk",
    ["", " ", "\u200f\u200e", "؟؟؟", "ب" * 5000, "و ل ب ك", "1234 5678", "\ud800x", "ال ال ال", "«»()" * 50],
)
def test_bad_input_never_crashes(junk: str) -> None:
    doc = analyze_entities(junk)
    assert check_spans(doc) == []


CONLL = """زار B-PERS
كريم I-PERS
. O
وصل O
الوفد O
إلى O
القاهرة B-LOC
و O
الأمم B-ORG
المتحدة I-ORG
. O
"""


def test_read_conll_splits_on_full_stops_and_maps_tags(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text(CONLL, encoding="utf-8")
    sents = list(read_conll(f))
    assert len(sents) == 2
    assert sents[0][0] == ("زار", "B-PER")
    assert spans([t for _, t in sents[1]]) == {(3, 3, "LOC"), (5, 6, "ORG")}


def test_scorer_arithmetic() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]
    pred = [["B-PER", "O", "O", "B-LOC", "B-LOC", "B-ORG"]]
    r = score(gold, pred)
    assert r["PER"]["tp"] == 0 and r["PER"]["fp"] == 1 and r["PER"]["fn"] == 1
    assert r["LOC"]["tp"] == 1 and r["LOC"]["fp"] == 1 and r["LOC"]["fn"] == 0
    assert r["LOC"]["precision"] == 50.0 and r["LOC"]["recall"] == 100.0 and r["LOC"]["f1"] == 66.67
    assert r["ORG"]["f1"] == 100.0
    m = r["micro"]
    assert (m["tp"], m["fp"], m["fn"]) == (2, 2, 1)
    assert m["precision"] == 50.0 and m["recall"] == 66.67 and m["f1"] == 57.14


def test_evaluate_conll_runs_the_recognizer(tmp_path: Path) -> None:
    f = tmp_path / "y.txt"
    f.write_text(
        "أعلنت O\nروسيا B-LOC\nأن O\nفلاديمير B-PERS\nبوتين I-PERS\nسيزور O\nالقاهرة B-LOC\n. O\n",
        encoding="utf-8",
    )
    r = evaluate_conll(str(f))
    assert r["micro"]["gold"] == 3 and r["tokens"] == 8
    assert r["micro"]["tp"] == 3
    report = format_conll_report(r)
    assert "micro" in report and "PER" in report
