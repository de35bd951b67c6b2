"""A direct object that is a body's title (وكيلة وزارة الخارجية الأميركية) followed by a ل phrase and the person
holding it: the person is met, not the ministry."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _consults(text: str) -> list[tuple[set[str], set[str]]]:
    return [(s, t) for ty, s, t in event_actors(analyze(text, published="2021-10-15")) if ty == "CONSULT"]


def test_a_ministry_title_with_its_portfolio_then_the_holder() -> None:
    text = (
        "وكان الرئيس اللبناني ميشال عون قد التقى صباحا وكيلة وزارة الخارجية الأميركية للشؤون السياسية "
        "فيكتوريا نولاند في قصر بعبدا."
    )
    assert _consults(text) == [({"Michel Aoun"}, {"Victoria Nuland"})]
