"""Recognizer features: word clusters (built from text, read from the shipped file), the given-name list, and
the rule that lets the model's shorter name inside a KB name win where it is sure of the rest."""

from __future__ import annotations

from pathlib import Path

from rasd.entities import clusters as C
from rasd.entities.features import name_words, sentence_features, word_features
from rasd.entities.kb import load_kb
from rasd.entities.recognize import Mention, _shrink
from rasd.text import normalize, tokenize

# a toy corpus written for this test: given names share contexts (after قال / before إن), cities share theirs
_TOY = [
    f"قال {name} إن الوفد وصل إلى {city} صباح اليوم".split()
    for name in ("سامي", "كريم", "نادر", "وليد", "هشام", "ماجد")
    for city in ("دمشق", "عمان", "بغداد", "الرباط", "تونس", "القاهرة")
]


def test_build_clusters_groups_words_by_context(tmp_path: Path) -> None:
    out = tmp_path / "clusters.tsv"
    n = C.build_clusters(_TOY * 3, out, "a toy corpus", sizes=(3, 5))
    assert n >= 12
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")  # provenance header
    C.use_clusters(out)
    try:
        table = C.word_clusters()
        assert table["سامي"][0] == table["وليد"][0]
        assert table["دمشق"][0] == table["تونس"][0]
        assert table["سامي"][0] != table["دمشق"][0]
        assert len(table["سامي"]) == 2
    finally:
        C.use_clusters(None)


def test_shipped_clusters_cover_common_words() -> None:
    table = C.word_clusters()
    assert len(table) > 5000
    assert all(len(v) == len(C.SIZES) for v in list(table.values())[:100])
    assert normalize("قال") in table


def test_given_names_and_name_particles() -> None:
    names = name_words()
    assert names[normalize("أسامة")] == "given"  # normalized: أسامة -> اسامه
    assert names[normalize("أبو")] == "name_part"
    tok = tokenize("وأسامة")[0]
    feats, _, ctx = word_features(tok.text, tok.forms)
    assert "nm=given" in feats and "nm=given" in ctx


def test_neighbours_see_name_tags() -> None:
    toks = tokenize("قال أسامة البدري إن")
    feats = sentence_features(toks, load_kb())
    assert "-1nm=given" in feats[2]  # the surname sees the given name before it
    assert "nisba" in feats[2]


def test_model_name_inside_kb_name_wins_only_where_sure() -> None:
    toks = tokenize("زار مكة المكرمة أمس")
    kb_mention = Mention(1, 2, toks[1].start, toks[2].end, "LOC", ("city/x",), "kb")
    model_spans = [(1, 1, "LOC")]
    sure = _shrink(toks, 0, [kb_mention], model_spans, [0.99, 0.01, 0.95, 0.99], None, frozenset())
    assert [(m.first, m.last, m.type) for m in sure] == [(1, 1, "LOC")]
    unsure = _shrink(toks, 0, [kb_mention], model_spans, [0.99, 0.01, 0.3, 0.99], None, frozenset())
    assert unsure == [kb_mention]
    no_inner = _shrink(toks, 0, [kb_mention], [], [0.99, 0.01, 0.95, 0.99], None, frozenset())
    assert no_inner == [kb_mention]
