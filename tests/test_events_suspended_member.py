"""علق X مشاركة دولة Y في أنشطة …: suspending another state's participation is a SANCTION on it; suspending
one's own participation (المشاركة، مشاركتها) stays a concession."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2021-10-27"))


def test_a_council_suspends_a_states_participation() -> None:
    text = "علق مجلس السلم والأمن الأفريقي، اليوم الأربعاء، مشاركة النيجر في جميع أنشطة الاتحاد الأفريقي."
    assert _events(text) == [("SANCTION", {"African Union Peace and Security Council"}, {"Niger"})]


def test_suspending_ones_own_participation_is_a_concession() -> None:
    text = "وعلق حزب الأمة المشاركة في الحوار الوطني."
    assert [e[0] for e in _events(text)] == ["CONCEDE"]
