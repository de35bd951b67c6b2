"""Recognizer features: word clusters (built from text, read from the shipped file), the given-name list, and
the rule that lets the model's shorter name inside a KB name win where it is sure of the rest."""

from __future__ import annotations

from pathlib import Path

from rasd.entities import clusters as C
from rasd.entities.features import name_words, sentence_features, word_features
from rasd.entities.kb import load_kb
from rasd.entities.mention import Mention
from rasd.entities.model_and_kb import _shrink
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


def test_shrinking_keeps_a_different_kb_entity_whole_and_the_link_of_the_same() -> None:
    kb = load_kb(
        entries=[
            {"id": "region/gaza-strip", "type": "LOC", "name": "قطاع غزة"},
            {"id": "city/gaza", "type": "LOC", "name": "غزة"},
            {"id": "org/hamas", "type": "ORG", "name": "حركة حماس"},
        ],
        shipped=False,
    )
    toks = tokenize("في قطاع غزة أمس")
    strip = Mention(1, 2, toks[1].start, toks[2].end, "LOC", ("region/gaza-strip",), "kb")
    kept = _shrink(toks, 0, [strip], [(2, 2, "LOC")], [0.99, 0.9, 0.01, 0.99], kb, frozenset())
    assert kept == [strip]  # Gaza city is not the Gaza Strip
    toks = tokenize("وقالت حركة حماس إن")
    movement = Mention(1, 2, toks[1].start, toks[2].end, "ORG", ("org/hamas",), "kb")
    out = _shrink(toks, 0, [movement], [(2, 2, "ORG")], [0.99, 0.9, 0.01, 0.99], kb, frozenset())
    assert [(m.first, m.last, m.kb_ids) for m in out] == [(2, 2, ("org/hamas",))]


def test_coordinated_names_are_split() -> None:
    from rasd.entities.model_spans import split_coordinated

    toks = tokenize("قال طارق السعيد وحسن مصطفى إن")
    assert split_coordinated(toks, [(1, 4, "PER")], load_kb()) == [(1, 2, "PER"), (3, 4, "PER")]
    toks = tokenize("قال خالد وليد إن")  # وليد is a name, not و + ليد
    assert split_coordinated(toks, [(1, 2, "PER")], load_kb()) == [(1, 2, "PER")]


def test_a_name_in_ya_does_not_spread_to_words_in_alef_maqsura() -> None:
    from rasd.document import Document
    from rasd.entities.recognize import propagate

    text = "قال علي إن الاتفاق على وشك وإن علي سيوقعه"
    toks = tokenize(text)
    ali = Mention(1, 1, toks[1].start, toks[1].end, "PER")
    out = propagate(Document(id="t", text=text), toks, [(0, len(toks))], [ali], [0.5] * len(toks))
    found = {toks[m.first].text for m in out[1:]}
    assert found == {"علي"}  # the second علي, never the preposition على


def test_month_names_in_dates_are_not_names() -> None:
    from rasd.entities.final_spans import month_in_date

    toks = tokenize("الموافق 8 أبريل (نيسان) المقبل")
    assert month_in_date(toks, Mention(4, 4, toks[4].start, toks[4].end, "ORG"))
    toks = tokenize("وقعت الاتفاقية في نيسان 2024")
    assert month_in_date(toks, Mention(3, 3, toks[3].start, toks[3].end, "ORG"))
    toks = tokenize("أعلنت شركة نيسان عن طراز جديد")  # no date around it: the model's reading stands
    assert not month_in_date(toks, Mention(2, 2, toks[2].start, toks[2].end, "ORG"))
    linked = Mention(3, 3, 0, 1, "ORG", ("org/x",))
    assert not month_in_date(tokenize("وقعت الاتفاقية في نيسان 2024"), linked)


def test_organization_head_with_its_definite_complement() -> None:
    from rasd.entities.organizations import org_heads

    toks = tokenize("وقالت لجنة تحري الأهلة إن الهلال لم ير")
    n = len(toks)
    found = org_heads(toks, [(0, n)], [], [0.99, 0.6, 0.7, 0.8] + [0.99] * (n - 4), None)
    assert [(m.first, m.last, m.type) for m in found] == [(1, 3, "ORG")]
    sure = org_heads(toks, [(0, n)], [], [0.99] * n, None)  # the model is sure these are plain words
    assert sure == []
    taken = Mention(1, 3, toks[1].start, toks[3].end, "ORG")
    assert org_heads(toks, [(0, n)], [taken], [0.5] * n, None) == []
