"""حيث after a clause with its own subject: وأرسلت X …، ووصل وزير خارجيتها Y إلى …، حيث التقى Z — the one who
arrived met Z, not the state of the first clause."""

from __future__ import annotations

from events_helpers import event_actors

from rasd.pipeline import analyze


def _consults(text: str) -> list[tuple[set[str], set[str]]]:
    return [(s, t) for ty, s, t in event_actors(analyze(text, published="2023-02-14")) if ty == "CONSULT"]


def test_where_takes_the_subject_of_the_clause_before_it() -> None:
    text = (
        "وفي إطار الجهود الإقليمية، أرسلت الأردن إلى سوريا أمس طائرتين محملتين بالمساعدات، ووصل وزير الخارجية "
        "الأردني أيمن الصفدي إلى دمشق، حيث التقى الرئيس السوري بشار الأسد."
    )
    assert _consults(text) == [({"Ayman Safadi"}, {"Bashar al-Assad"})]


def test_where_after_one_clause_keeps_its_subject() -> None:
    text = "وصل وزير الخارجية الأردني أيمن الصفدي إلى دمشق أمس، حيث التقى الرئيس السوري بشار الأسد."
    assert _consults(text) == [({"Ayman Safadi"}, {"Bashar al-Assad"})]
