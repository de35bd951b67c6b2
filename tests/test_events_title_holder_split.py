"""استقبل X رئيس دولة Y + a name the chunker set apart (a first name the entities layer left out): the person
is received, not his state."""

from __future__ import annotations

from rasd.pipeline import analyze


def _targets(text: str) -> list[set[str]]:
    doc = analyze(text, published="2023-03-06")
    types = {e.id: e.type for e in doc.entities}
    return [{types[i] for i in ev.target} for ev in doc.events if ev.type == "CONSULT"]


def test_a_state_title_then_its_holder() -> None:
    text = "واستقبل الرئيس الجزائري عبد المجيد تبون أمس بقصر المرادية رئيس غينيا بيساو عمر سيسوكو إمبالو."
    assert _targets(text) == [{"PER"}]
