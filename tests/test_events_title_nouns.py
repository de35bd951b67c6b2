"""مساعدة/مساعد before a title word names an assistant (مساعدة وزير الخارجية), not aid; aid stays aid."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2021-10-15"))


def test_an_assistant_secretary_is_met_not_aid() -> None:
    text = "والتقى الرئيس اللبناني ميشال عون أمس مساعدة وزير الخارجية الأميركي لشؤون الشرق الأدنى باربرا ليف."
    assert _events(text) == [("CONSULT", {"Michel Aoun"}, {"Barbara Leaf"})]


def test_aid_before_an_adjective_is_still_aid() -> None:
    text = "وقدمت قطر مساعدة عاجلة إلى لبنان بعد الانفجار."
    assert [e[0] for e in _events(text)] == ["AID"]
