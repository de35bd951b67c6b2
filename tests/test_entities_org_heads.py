"""An organization head noun (البنك، المحكمة ...) takes a definite complement, never a particle after it."""

from __future__ import annotations

from entities_helpers import analyze_entities


def test_a_particle_after_a_head_noun_is_no_complement() -> None:
    # written for this test in news style
    doc = analyze_entities("وارتفع سعر الشيكل. وقال محافظ البنك إن الشيكل سيواصل الارتفاع.")
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert not [t for t in texts if "البنك" in t], texts


def _texts(text: str) -> list[tuple[str, str]]:
    doc = analyze_entities(text)
    return [(m.text, e.type) for e in doc.entities for m in e.mentions]


def test_an_association_committee_or_cell_of_a_field_is_a_body() -> None:
    # written for this test in news style: the head noun with its definite complement names a body the KB
    # does not know (name_heads.tsv, role body)
    assert ("جمعية التجار", "ORG") in _texts("وقالت جمعية التجار في بيان إن الأسواق تشهد ركودا حادا.")
    assert ("خلية الإعلام الحربي", "ORG") in _texts(
        "وأعلنت خلية الإعلام الحربي أن طائرة مسيرة سقطت قرب المطار."
    )
    assert ("لجنة الشؤون الخارجية والدفاع البرلمانية", "ORG") in _texts(
        "وناقشت لجنة الشؤون الخارجية والدفاع البرلمانية مشروع القانون أمس."
    )
    assert ("نقابة المحامين", "ORG") in _texts("ودعت نقابة المحامين إلى إضراب عام الأسبوع المقبل.")


def test_an_indefinite_cell_or_committee_is_no_body() -> None:
    # a described or indefinite one is no name
    assert _texts("وألقت قوات الأمن القبض على خلية إرهابية في المدينة.") == []
    assert _texts("وشكلت الحكومة لجنة تحقيق في الحادث.") == []


def test_a_title_after_a_body_name_is_no_part_of_it() -> None:
    # written for this test: the committee's name ends before its chairman's title
    got = _texts("وقال رئيس لجنة الشؤون الخارجية والدفاع البرلمانية النائب سمير حداد إن القانون سيقر قريبا.")
    assert ("لجنة الشؤون الخارجية والدفاع البرلمانية", "ORG") in got
    assert ("سمير حداد", "PER") in got


def test_a_described_definite_head_is_no_body() -> None:
    # written for this test: "the union's full support for ..." names no body; a body's own adjective does
    assert _texts("وأكد الوزير دعم الاتحاد الكامل للمبادرة المصرية.") == []
    assert ("اللجنة العليا للانتخابات", "ORG") in _texts(
        "وقالت اللجنة العليا للانتخابات إن النتائج ستعلن غدا."
    )
