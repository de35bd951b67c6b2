"""Knowledge base: loading (entry dicts, CSV, JSONL), normalized clitic-aware matching, demonyms."""

from __future__ import annotations

import json
from pathlib import Path

from entities_helpers import analyze_entities

import rasd
from rasd.entities.kb import demonym_forms, load_kb, read_entries
from rasd.text import tokenize

ENTRIES = [
    {
        "id": "country/UA",
        "type": "LOC",
        "kind": "country",
        "name": "أوكرانيا",
        "name_en": "Ukraine",
        "demonyms": ["أوكراني"],
    },
    {
        "id": "org/nato",
        "type": "ORG",
        "kind": "igo",
        "name": "حلف شمال الأطلسي",
        "name_en": "NATO",
        "aliases": ["الحلف الأطلسي", "الناتو"],
    },
    {
        "id": "person/test-minister",
        "type": "PER",
        "kind": "person",
        "name": "كريم الساعدي",
        "name_en": "Karim al-Saadi",
        "aliases": ["الساعدي"],
        "country": "country/UA",
    },
]


def _kb():
    return load_kb(entries=ENTRIES, shipped=False)


def _match(kb, text: str) -> list[tuple[str, tuple[str, ...]]]:
    toks = tokenize(text)
    return [(text[m.start : m.end], m.ids) for m in kb.match(toks)]


def test_clitics_are_left_out_of_the_match() -> None:
    kb = _kb()
    assert _match(kb, "دعم لأوكرانيا") == [("أوكرانيا", ("country/UA",))]
    # لل is ل + ال with the alef dropped: the mention starts at the article's lam
    assert _match(kb, "انضمامها للحلف الأطلسي") == [("لحلف الأطلسي", ("org/nato",))]
    assert _match(kb, "وبالناتو") == [("الناتو", ("org/nato",))]


def test_longest_match_and_normalized_spelling() -> None:
    kb = _kb()
    assert _match(kb, "قمة حلف شمال الاطلسي") == [("حلف شمال الاطلسي", ("org/nato",))]
    assert _match(kb, "قال كريم الساعدي") == [("كريم الساعدي", ("person/test-minister",))]
    assert _match(kb, "قال الساعدي") == [("الساعدي", ("person/test-minister",))]


def test_demonym_inflections_are_derived() -> None:
    forms = demonym_forms("روسي")
    for f in ("روسي", "الروسي", "الروسيه", "روسيه", "الروس"):
        assert f in forms
    kb = _kb()
    tok = tokenize("والأوكرانية")[0]
    assert kb.demonym_country(tok) == "country/UA"


def test_user_files_csv_and_jsonl(tmp_path: Path) -> None:
    csv_file = tmp_path / "watch.csv"
    csv_file.write_text(
        "# my watch list\nid,type,kind,name,name_en,aliases,country\n"
        "person/x-y,PER,person,سامر الخطيب,Samer al-Khatib,الخطيب|سامر خطيب,country/UA\n",
        encoding="utf-8",
    )
    jl = tmp_path / "more.jsonl"
    jl.write_text(
        "# mine\n"
        + json.dumps(
            {"id": "org/acme", "type": "ORG", "name": "شركة النخبة", "name_en": "Elite Co"},
            ensure_ascii=False,
        )
        + "\nnot json\n",
        encoding="utf-8",
    )
    assert read_entries(csv_file)[0]["aliases"] == "الخطيب|سامر خطيب"
    kb = load_kb(csv_file, jl, entries=ENTRIES, shipped=False)
    assert kb.get("person/x-y")["aliases"] == ["الخطيب", "سامر خطيب"]
    assert kb.get("org/acme")["name_en"] == "Elite Co"
    assert _match(kb, "التقى سامر خطيب") == [("سامر خطيب", ("person/x-y",))]


def test_bad_entries_are_skipped_and_later_entries_override() -> None:
    kb = load_kb(
        entries=[
            *ENTRIES,
            {"name": "بلا معرف"},
            "junk",
            {"id": "country/UA", "name": "اوكراينا", "type": "LOC", "name_en": "Ukraine"},
        ],
        shipped=False,
    )
    assert len(kb) == 3
    assert _match(kb, "في أوكرانيا") == []
    assert _match(kb, "في اوكراينا") == [("اوكراينا", ("country/UA",))]


def test_user_kb_links_an_unknown_person_through_the_api() -> None:
    kb = rasd.load_kb(
        entries=[
            {
                "id": "person/nadia-x",
                "type": "PER",
                "name": "نادية الحربي",
                "name_en": "Nadia al-Harbi",
                "aliases": ["الحربي"],
            }
        ]
    )
    doc = analyze_entities("وقالت نادية الحربي في مؤتمر صحافي إن الحربي لن تترشح.", kb=kb)
    ent = [e for e in doc.entities if e.kb_id == "person/nadia-x"]
    assert len(ent) == 1
    assert ent[0].name_en == "Nadia al-Harbi" and ent[0].name_en_source == "kb"
    assert [m.text for m in ent[0].mentions] == ["نادية الحربي", "الحربي"]


def test_shipped_kb_is_cached() -> None:
    assert load_kb() is load_kb()
