"""أمر/يأمر: an order to another party is a REQUEST of it; an order to one's own state's body is no event."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2024-02-01"))


def test_a_court_orders_a_state() -> None:
    text = "وأمرت محكمة العدل الدولية أمس إسرائيل بوقف العمليات العسكرية في مدينة رفح."
    assert ("REQUEST", {"International Court of Justice"}, {"Israel"}) in _events(text)


def test_an_order_to_ones_own_company_is_no_event() -> None:
    text = "أمر الرئيس الجزائري عبد المجيد تبون، مساء أمس، شركة سوناطراك بوقف التعامل مع الشركة المغربية."
    assert [e for e in _events(text) if e[0] == "REQUEST"] == []


def test_the_noun_matter_is_no_order() -> None:
    text = "وقال وزير الخارجية المصري سامح شكري إن الأمر يتعلق بإسرائيل وحدها."
    assert [e for e in _events(text) if e[0] == "REQUEST"] == []
