"""Coordinated verbs with a dropped subject, through the whole pipeline (the quotes layer included: a quote
cued by the coordinated verb itself must not lend it a speaker)."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _events(text: str) -> list[tuple[str, set[str], set[str]]]:
    return event_actors(analyze(text, published="2024-06-06"))


def test_accusation_after_a_quote_keeps_the_speaker() -> None:
    text = (
        'قال المتحدث باسم وزارة الخارجية المصرية أحمد أبو زيد إن البيان "منحاز"، '
        'واتهم قطر وتركيا بـ"التدخل" في الشؤون الداخلية.'
    )
    assert ("ACCUSE", {"Ahmed Abu Zeid"}, {"Qatar", "Turkey"}) in _events(text)


def test_without_hesitation_is_no_threat() -> None:
    # a negation earlier in the sentence (لا يخدم) must not turn "من دون تردد" into "will not hesitate"
    text = 'وكتب المندوب الصيني لدى الأمم المتحدة فو كونغ أن المشروع لا يخدم السلام، مؤكدا أن بكين صوتت ضده "من دون تردد".'
    assert [e for e in _events(text) if e[0] == "THREATEN"] == []
