"""Modern-news span rules (rasd/entities/news_rules.py and their use in recognize.py), on sentences written
for these tests in news style."""

from __future__ import annotations

from rasd.entities import news_rules
from rasd.entities.kb import shipped_kb
from rasd.entities.recognize import recognize_span
from rasd.text import tokenize


def _words(text: str) -> list:
    return tokenize(text)


def test_a_time_of_day_or_a_set_phrase_is_no_person() -> None:
    toks = _words("صباح الثلاثاء")
    assert news_rules.not_a_person(toks, 0, 1)
    toks = _words("حسن الجوار")
    assert news_rules.not_a_person(toks, 0, 1)
    # a given name with a family name stays (صباح الأحمد, حسن نصر)
    assert not news_rules.not_a_person(_words("صباح الأحمد"), 0, 1)
    assert not news_rules.not_a_person(_words("حسن نصر"), 0, 1)


def test_final_alef_maqsura_is_not_the_kb_ya() -> None:
    toks = _words("أودى")
    assert news_rules.maqsura_mismatch(toks[0], ["أودي", "شركة أودي"])
    assert not news_rules.maqsura_mismatch(toks[0], ["أودى"])
    assert not news_rules.maqsura_mismatch(_words("أودي")[0], ["أودي"])


def test_a_kb_name_the_model_splits_in_two_stands() -> None:
    kb = shipped_kb()
    toks = tokenize("وشكر الوزير سلطنة عمان على الوساطة")
    labels = ["O", "O", "B-LOC", "B-LOC", "O", "O"]
    p_out = [1.0, 1.0, 0.02, 0.01, 1.0, 1.0]
    out = recognize_span(toks, 0, len(toks), kb, tagged=(labels, p_out))
    assert [(m.first, m.last, m.kb_ids) for m in out] == [(2, 3, ("country/OM",))]


def test_bare_body_index_drops_the_nisba() -> None:
    kb = shipped_kb()
    toks = tokenize("وقال المجلس الرئاسي إن الهدوء عاد")
    found = news_rules.bare_bodies(toks, 0, len(toks), set(), kb)
    assert [(a, b) for a, b, _, _ in found] == [(1, 2)]
    # followed by another nisba, it is that country's body: left to the other rules
    toks = tokenize("وقال المجلس الرئاسي اليمني إن الهدوء عاد")
    assert news_rules.bare_bodies(toks, 0, len(toks), set(), kb) == []


def test_person_after_body_needs_a_kb_name_before_a_given_name() -> None:
    from rasd.entities.features import name_words

    kb = shipped_kb()
    toks = tokenize("جامعة الكويت مشاري الرشيد")
    assert news_rules.person_after_body(toks, 0, 3, kb, name_words()) == 2
    toks = tokenize("جامعة الملك سعود")  # no place before the given name: one body
    assert news_rules.person_after_body(toks, 0, 2, kb, name_words()) is None


def test_words_that_make_no_name_do_not_stretch_a_kb_place() -> None:
    kb = shipped_kb()
    toks = tokenize("وقال إن الاحتلال يعيد مأساة حوارة")
    labels = ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]
    p_out = [1.0, 1.0, 1.0, 0.1, 0.1, 0.1]
    out = recognize_span(toks, 0, len(toks), kb, tagged=(labels, p_out))
    assert [(m.first, m.last, m.type) for m in out] == [(5, 5, "LOC")]
    # a head noun makes the longer name a body's (جامعة القاهرة)
    toks = tokenize("وقال أستاذ في جامعة القاهرة")
    labels = ["O", "O", "O", "B-ORG", "I-ORG"]
    out = recognize_span(toks, 0, len(toks), kb, tagged=(labels, [1.0, 1.0, 1.0, 0.1, 0.1]))
    assert [(m.first, m.last, m.type) for m in out] == [(3, 4, "ORG")]


def test_bare_body_keys_end_on_a_nisba_not_a_country() -> None:
    from rasd.entities.kb import load_kb, name_key

    kb = load_kb(
        shipped=False,
        entries=[
            {"id": "country/LY", "type": "LOC", "kind": "country", "name": "ليبيا", "demonyms": ["ليبي"]},
            {"id": "country/SA", "type": "LOC", "kind": "country", "name": "السعودية", "demonyms": ["سعودي"]},
            {
                "id": "org/a",
                "type": "ORG",
                "kind": "government_body",
                "name": "المجلس الرئاسي الليبي",
                "country": "country/LY",
            },
            {"id": "org/b", "type": "ORG", "kind": "igo", "name": "هيئة التنسيق الإقليمية"},
            {"id": "org/c", "type": "ORG", "kind": "igo", "name": "التحالف بقيادة السعودية"},
            {
                "id": "org/d",
                "type": "ORG",
                "kind": "ministry",
                "name": "وزارة الشؤون الإقليمية",
                "country": "country/LY",
            },
        ],
    )
    names = news_rules._bare_index(kb)[0]
    assert names[name_key("المجلس الرئاسي")] == ("org/a",)
    assert names[name_key("هيئة التنسيق")] == (
        "org/b",
    )  # an international body's nisba need not be a country's
    assert name_key("التحالف بقيادة") not in names  # السعودية: a country's name, not a nisba
    assert name_key("وزارة الشؤون") not in names  # a national body's last word must be its country's nisba


def test_a_bare_body_inside_a_title_is_the_titles() -> None:
    from rasd.entities.cues import cue_index

    kb = shipped_kb()
    toks = tokenize("وقال رئيس مجلس الوزراء إن الحكومة مستمرة")
    titles = [c for c in cue_index().match(toks) if c.kind == "title"]
    assert news_rules.bare_bodies(toks, 0, len(toks), set(), kb, None, titles) == []
