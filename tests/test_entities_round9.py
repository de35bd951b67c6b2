"""Rules of the ninth entity round (the r/s/t development articles), each on sentences written by us."""

from __future__ import annotations

from rasd.pipeline import analyze


def linked(text: str) -> dict[str, str | None]:
    """Each mention's text -> the kb id of its entity."""
    doc = analyze(text)
    return {m.text: e.kb_id for e in doc.entities for m in e.mentions}


def test_a_body_name_two_countries_share_is_the_article_countrys() -> None:
    # an Egyptian story: the Egyptian party of that name, not the Turkish one the KB names bare
    got = linked(
        "القاهرة - وحل رئيس حزب الشعب الجمهوري حازم عمر ثانيا في الانتخابات، وقال إن مصر تحتاج إلى إصلاح، "
        "وتوجه الناخبون في القاهرة والإسكندرية وأسوان إلى مراكز الاقتراع."
    )
    assert got["حزب الشعب الجمهوري"] == "org/republican-peoples-eg"
    # a Turkish story, and a linked Turkish holder right after the party, keep the Turkish one
    got = linked("أنقرة - وقال رئيس حزب الشعب الجمهوري أوزغور أوزيل إن تركيا تحتاج إلى انتخابات مبكرة.")
    assert got["حزب الشعب الجمهوري"] == "org/chp"
    got = linked(
        "القاهرة - والتقى الوفد المصري في القاهرة رئيس حزب الشعب الجمهوري أوزغور أوزيل لبحث العلاقات مع مصر."
    )
    assert got["حزب الشعب الجمهوري"] == "org/chp"


def test_a_namesake_named_otherwise_in_the_article_is_the_one_meant() -> None:
    # the Algerian daily's own name in the dateline, in a story mostly about Mali
    got = linked(
        'الجزائر - الشروق أونلاين: قال مصدر دبلوماسي لـ"الشروق" إن باماكو أخطأت، وإن مالي تحتاج إلى '
        "الحوار، وإن السلطات في باماكو مطالبة بالتهدئة مع مالي وجيرانها."
    )
    assert got["الشروق"] == "media/echorouk-dz"
