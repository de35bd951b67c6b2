"""An act told in a relative clause on a phone call (تلقى X اتصالا من Y هنأه خلاله): the caller acts on the one
called, whichever of the two is named last before the verb."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _supports(text: str) -> list[tuple[set[str], set[str]]]:
    return [(s, t) for ty, s, t in event_actors(analyze(text, published="2022-03-02")) if ty == "SUPPORT"]


def test_a_call_received_from_someone_who_congratulates() -> None:
    text = (
        "وتلقى ماكرون مساء اليوم اتصالا هاتفيا من الرئيس المصري عبد الفتاح السيسي هنأه خلاله بإعادة انتخابه."
    )
    assert _supports(text) == [({"Abdel Fattah el-Sisi"}, {"Emmanuel Macron"})]


def test_a_call_made_to_someone_who_is_congratulated() -> None:
    text = "وأجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مساء الأحد بماكرون هنأه خلاله بالفوز، بحسب الرئاسة."
    assert _supports(text) == [({"Abdel Fattah el-Sisi"}, {"Emmanuel Macron"})]


def test_a_titled_caller_named_last() -> None:
    text = (
        "وتلقى الرئيس المصري عبد الفتاح السيسي مساء الأحد اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون "
        "هنأه خلاله بنجاح المؤتمر."
    )
    assert _supports(text) == [({"Emmanuel Macron"}, {"Abdel Fattah el-Sisi"})]


def _consults(text: str) -> list[tuple[set[str], set[str]]]:
    return [(s, t) for ty, s, t in event_actors(analyze(text, published="2022-03-02")) if ty == "CONSULT"]


def test_a_time_between_the_call_and_the_one_called() -> None:
    text = "وأجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مساء الأحد بالرئيس الفرنسي إيمانويل ماكرون."
    assert _consults(text) == [({"Abdel Fattah el-Sisi"}, {"Emmanuel Macron"})]


def test_a_congratulation_by_phone_is_the_call() -> None:
    text = "وقالت الرئاسة المصرية إن الرئيس عبد الفتاح السيسي هنأ نظيره الفرنسي إيمانويل ماكرون هاتفيا بإعادة انتخابه."
    assert _consults(text) == [({"Abdel Fattah el-Sisi"}, {"Emmanuel Macron"})]
    assert _supports(text) == []


def test_a_congratulation_without_a_call_stays_support() -> None:
    text = "وهنأ الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون بإعادة انتخابه."
    assert _supports(text) == [({"Abdel Fattah el-Sisi"}, {"Emmanuel Macron"})]
