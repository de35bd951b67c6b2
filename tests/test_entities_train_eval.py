"""``train.evaluate_layer``: the whole entity layer scored on held-out CoNLL sentences, as ``train-ner --holdout``
reports it (``holdout_layer``), with the model it is given, and the shipped model restored afterwards."""

from __future__ import annotations

from rasd.entities import model
from rasd.entities.kb import load_kb
from rasd.entities.train import evaluate_layer

# written for this test in news style, tagged by hand (tags as read_conll gives them)
SENTENCES = [
    [
        ("وقال", "O"),
        ("وزير", "O"),
        ("الخارجية", "O"),
        ("الروسي", "O"),
        ("سيرغي", "B-PER"),
        ("لافروف", "I-PER"),
        ("في", "O"),
        ("موسكو", "B-LOC"),
        ("إن", "O"),
        ("حلف", "B-ORG"),
        ("شمال", "I-ORG"),
        ("الأطلسي", "I-ORG"),
        ("يهدد", "O"),
        ("روسيا", "B-LOC"),
        (".", "O"),
    ],
    [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("القاهرة", "B-LOC"), ("أمس", "O"), (".", "O")],
]


def test_the_layer_is_scored_with_the_given_model_and_the_shipped_one_comes_back() -> None:
    shipped = model.model_path()
    result = evaluate_layer(SENTENCES, load_kb(), shipped)
    micro = result["micro"]
    assert micro["gold"] == 5
    assert micro["tp"] >= 4  # the KB knows every name here
    assert set(result) >= {"PER", "LOC", "ORG", "micro"}
    assert model.model_path() == shipped
