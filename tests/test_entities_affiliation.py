"""Which country or organization a linked person acts for (Entity.country)."""

from __future__ import annotations

import rasd
from rasd.entities.kb import shipped_kb
from rasd.entities.link import _affiliation


def _ent(text: str, name_en: str):
    doc = rasd.analyze(text)
    return next(e for e in doc.entities if e.name_en == name_en)


def test_international_official_acts_for_the_organization():
    e = _ent("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير.", "António Guterres")
    assert e.country == "org/un"


def test_national_official_keeps_the_country():
    assert (
        _ent("وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار ممكن.", "Sergey Lavrov").country
        == "country/RU"
    )
    # an office in a national body that stands for the state (the Kremlin) keeps the nationality
    assert _ent("وقال دميتري بيسكوف إن الكرملين مرتاح.", "Dmitry Peskov").country == "country/RU"


def test_unknown_organization_keeps_the_nationality():
    kb = shipped_kb()
    person = {
        "id": "person/x",
        "type": "PER",
        "country": "country/FR",
        "roles": [{"title": "رئيس", "org": "org/not-in-the-kb", "end": None}],
    }
    assert _affiliation(person, kb) == "country/FR"
    person["roles"][0]["end"] = 2019  # a past office does not count
    person["roles"][0]["org"] = "org/un"
    assert _affiliation(person, kb) == "country/FR"
