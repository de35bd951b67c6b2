"""The issue's seed target: on the reference article, the 11 people, 7 organizations and 11 places are found at
every mention, grouped and linked with English names."""

from __future__ import annotations

import pytest
from entities_helpers import analyze_entities

from rasd.document import check_spans
from rasd.text import normalize

PEOPLE = {
    "Joe Biden": ("بايدن", 11),
    "Vladimir Putin": ("بوتين", None),
    "Jen Psaki": ("ساكي", 1),
    "Yuri Ushakov": ("أوشاكوف", 2),
    "Dmitry Peskov": ("بيسكوف", 1),
    "Emily Horne": ("هورن", 1),
    "Antony Blinken": ("بلينكن", 2),
    "Volodymyr Zelenskyy": ("زيلينسكي", 2),
    "Sergey Lavrov": ("لافروف", 1),
    "Wendy Sherman": ("شيرمان", 1),
    "Sergei Ryabkov": ("ريابكوف", 1),
}
ORGS = ["White House", "Kremlin", "NATO", "European Union", "National Security Council", "OSCE", "Twitter"]
PLACES = [
    "Ukraine",
    "Russia",
    "United States",
    "Moscow",
    "Washington",
    "Geneva",
    "Wilmington",
    "Delaware",
    "Europe",
    "Crimea",
    "Kyiv",
]


@pytest.fixture(scope="module")
def doc(seed_text: str):
    return analyze_entities(seed_text)


def _by_en(doc, fragment: str):
    found = [e for e in doc.entities if e.name_en and fragment in e.name_en]
    if len(found) > 1:  # United States vs United States National Security Council
        found = [e for e in found if e.name_en == fragment] or found
    assert len(found) == 1, f"{fragment}: {[(e.name, e.name_en) for e in found]}"
    return found[0]


def test_spans_are_valid(doc) -> None:
    assert check_spans(doc) == []
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]


@pytest.mark.parametrize("name_en", list(PEOPLE))
def test_people_found_grouped_linked(doc, seed_text: str, name_en: str) -> None:
    e = _by_en(doc, name_en)
    assert e.type == "PER" and e.kb_id and e.name_en_source == "kb"
    surname, expected = PEOPLE[name_en]
    # every written occurrence of the surname is a mention of this one entity
    n = normalize(seed_text).count(normalize(surname)) if expected is None else expected
    assert sum(normalize(surname) in normalize(m.text) for m in e.mentions) == n


def test_biden_has_all_eleven_mentions(doc) -> None:
    assert len(_by_en(doc, "Joe Biden").mentions) == 11


@pytest.mark.parametrize("name_en", ORGS)
def test_organizations(doc, name_en: str) -> None:
    e = _by_en(doc, name_en)
    assert e.type == "ORG" and e.kb_id


def test_kremlin_at_every_mention(doc, seed_text: str) -> None:
    assert len(_by_en(doc, "Kremlin").mentions) == seed_text.count("الكرملين")
    assert len(_by_en(doc, "White House").mentions) == seed_text.count("البيت الأبيض")


@pytest.mark.parametrize("name_en", PLACES)
def test_places(doc, name_en: str) -> None:
    e = _by_en(doc, name_en)
    assert e.type == "LOC" and e.kb_id


def test_metonyms_carry_their_country(doc) -> None:
    assert _by_en(doc, "Kremlin").country == "country/RU"
    assert _by_en(doc, "White House").country == "country/US"
    assert _by_en(doc, "Moscow").country == "country/RU"


def test_roles_from_the_text(doc) -> None:
    roles = {r.text: r.affiliation for r in _by_en(doc, "Jen Psaki").roles if r.source == "text"}
    assert roles.get("المتحدثة باسم البيت الأبيض") == _by_en(doc, "White House").kb_id
    ush = [r for r in _by_en(doc, "Yuri Ushakov").roles if r.source == "text"]
    assert ush and ush[0].text == "مستشار بوتين للسياسة الخارجية" and ush[0].affiliation == "country/RU"
    putin = [r.text for r in _by_en(doc, "Vladimir Putin").roles if r.source == "text"]
    assert "نظيره الروسي" in putin and "الرئيس الروسي" in putin  # counterpart and title-only references


def test_every_title_only_reference_resolved(doc, seed_text: str) -> None:
    putin = [r.text for r in _by_en(doc, "Vladimir Putin").roles if r.source == "text"]
    assert putin.count("الرئيس الروسي") == seed_text.count("الرئيس الروسي")
