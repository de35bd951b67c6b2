"""How the model's names and the KB's combine (model_and_kb.py, model_spans.py), with the model's labels
given, so that these hold whatever model is shipped. Sentences written by us."""

from __future__ import annotations

from rasd.entities.kb import shipped_kb
from rasd.entities.recognize import recognize_span
from rasd.text import tokenize


def _spans(
    sentence: str, labels: list[str], p_out: list[float] | None = None
) -> list[tuple[int, int, str, tuple[str, ...]]]:
    toks = tokenize(sentence)
    assert len(toks) == len(labels), [t.text for t in toks]
    p_out = p_out or [0.99 if y == "O" else 0.01 for y in labels]
    out = recognize_span(toks, 0, len(toks), shipped_kb(), tagged=(labels, p_out))
    return sorted((m.first, m.last, m.type, tuple(m.kb_ids)) for m in out)


def test_a_name_that_reads_as_ka_plus_a_place_stays_a_person() -> None:
    # كلاوس is no ك + لاوس (Laos): only a preposition's ب or ل before a place opens a person's name there
    out = _spans("وصرح السفير كلاوس فيبر للصحفيين", ["O", "O", "B-PER", "I-PER", "O"])
    assert [(a, b, t) for a, b, t, _ in out] == [(2, 3, "PER")]
    out = _spans("وقال القنصل العام بجدة مارك هولت إن", ["O", "O", "O", "B-PER", "I-PER", "I-PER", "O"])
    assert [(a, b, t) for a, b, t, _ in out] == [(3, 3, "LOC"), (4, 5, "PER")]


def test_a_nasab_ending_in_a_kb_person_names_the_son() -> None:
    labels = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    out = _spans("واستقبل الشيخ سعيد بن محمد بن راشد آل مكتوم الوفد", labels)
    assert [(a, b, t) for a, b, t, _ in out] == [(2, 8, "PER")]
    assert out[0][3] == ()  # not linked to the father
    # where the model sees only the father's name, the KB's stands with its link
    labels = ["O", "O", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    out = _spans("واستقبل الشيخ سعيد بن محمد بن راشد آل مكتوم الوفد", labels)
    assert [(a, b, t) for a, b, t, _ in out] == [(4, 8, "PER")] and out[0][3]


def test_a_surname_after_a_kb_persons_name_makes_another_person() -> None:
    # جان بيير is a KB alias (Karine Jean-Pierre); جان بيير لوكلير is someone else
    out = _spans("وقال جان بيير لوكلير إن الحكومة", ["O", "B-PER", "I-PER", "I-PER", "O", "O"])
    assert [(a, b, t, ids) for a, b, t, ids in out] == [(1, 3, "PER", ())]
    # a definite word the model ran on into is no surname: the KB's full name stands
    out = _spans("واستخدم رياض منصور الفيتو أمس", ["O", "B-PER", "I-PER", "I-PER", "O"])
    assert [(a, b, t) for a, b, t, _ in out] == [(1, 2, "PER")] and out[0][3]


def test_a_surname_the_model_is_less_sure_of_still_extends_a_one_word_kb_person() -> None:
    # مبارك is a KB alias (Hosni Mubarak); the model gives the surname P(outside) 0.4
    labels = ["O", "O", "B-PER", "I-PER", "O", "O"]
    out = _spans("وسجل الهدف مبارك حمدان في الدقيقة", labels, [0.99, 0.99, 0.05, 0.4, 0.99, 0.99])
    assert [(a, b, t, ids) for a, b, t, ids in out] == [(2, 3, "PER", ())]
    # not over a word it is less sure of than that
    out = _spans("وسجل الهدف مبارك حمدان في الدقيقة", labels, [0.99, 0.99, 0.05, 0.6, 0.99, 0.99])
    assert [(a, b, t) for a, b, t, _ in out] == [(2, 2, "PER")]


def test_places_the_model_tagged_as_one_body_keep_the_kbs_type_once_split() -> None:
    # the model read الهرمل وبعلبك as one body; cut at the coordinated KB name, each is the KB's town
    labels = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    out = _spans("وشنت الطائرات غارات على الهرمل وبعلبك أمس", labels)
    assert [(a, b, t) for a, b, t, _ in out] == [(4, 4, "LOC"), (5, 5, "LOC")]
    assert all(ids for *_, ids in out)
    # a name the model tagged whole keeps the model's type against a KB place (a club named after its city)
    out = _spans("وفاز برشلونة على منافسه", ["O", "B-ORG", "O", "O"])
    assert [(a, b, t) for a, b, t, _ in out] == [(1, 1, "ORG")]
