"""A reaction to what a body did, named in a relative clause (رفضت X النتائج التي أعلنتها المفوضية), is aimed at
that body — also when the clause's verb is one the lexicon lists (أعلن), not a plain word."""

from __future__ import annotations

from rasd.pipeline import analyze


def _targets(text: str, kind: str) -> list[set[str]]:
    doc = analyze(text, published="2021-10-12")
    name = {e.id: e.name_en or e.name for e in doc.entities}
    return [{name[i] for i in ev.target} for ev in doc.events if ev.type == kind]


def test_a_rejection_of_what_a_body_announced_is_aimed_at_it() -> None:
    text = "رفضت حركة حماس النتائج التي أعلنتها المفوضية الوطنية العليا للانتخابات."
    assert _targets(text, "REJECT") == [{"High National Elections Commission (Libya)"}]
