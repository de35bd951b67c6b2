"""``train.pseudo_labelled``: self-training keeps the unlabelled sentences a CRF labels confidently and that hold
a name, with the CRF's labels (never the corpus's own). Sentences written by us."""

from __future__ import annotations

from pathlib import Path

from rasd.entities.train import align, fit, pseudo_labelled

_LABELLED = [
    [("وقال", "O"), ("سمير", "B-PER"), ("الحداد", "I-PER"), ("إن", "O"), ("الاتفاق", "O"), ("قريب", "O")],
    [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("عمان", "B-LOC"), ("أمس", "O")],
    [("وقال", "O"), ("كريم", "B-PER"), ("الحداد", "I-PER"), ("إن", "O"), ("الوفد", "O"), ("وصل", "O")],
    [("وصل", "O"), ("الوزير", "O"), ("إلى", "O"), ("عمان", "B-LOC"), ("صباحا", "O")],
    [("ارتفعت", "O"), ("الأسعار", "O"), ("أمس", "O")],
]


def test_confident_sentences_with_a_name_are_kept_with_the_models_labels(tmp_path: Path) -> None:
    data = [align(s) for s in _LABELLED * 4]
    model = fit(data, None, tmp_path / "m.crfsuite", iterations=50)
    # the corpus's labels of the unlabelled sentences are ignored: "MISC" here is not what the model says
    unlabelled = [
        align(
            [("وقال", "B-MISC"), ("سمير", "O"), ("الحداد", "O"), ("إن", "O"), ("الوفد", "O"), ("وصل", "O")]
        ),
        align([("ارتفعت", "O"), ("الأسعار", "O"), ("صباحا", "O")]),  # no name: nothing to learn from
    ]
    kept = pseudo_labelled(unlabelled, None, model, 0.5)
    assert len(kept) == 1
    toks, labels = kept[0]
    assert [t.text for t in toks][:3] == ["وقال", "سمير", "الحداد"]
    assert labels[:3] == ["O", "B-PER", "I-PER"]
    assert pseudo_labelled(unlabelled, None, model, 1.01) == []  # no labelling is surer than certain
