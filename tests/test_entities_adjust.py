"""Span rules around the recognizer (rasd/entities/adjust.py), on sentences written by the rasd team."""

from __future__ import annotations

from entities_helpers import analyze_entities

from rasd.document import check_spans
from rasd.entities import adjust
from rasd.entities.cues import cue_index
from rasd.entities.kb import load_kb
from rasd.text import tokenize


def _mentions(text: str) -> set[tuple[str, str, str | None]]:
    doc = analyze_entities(text)
    assert check_spans(doc) == []
    return {(m.text, e.type, e.kb_id) for e in doc.entities for m in e.mentions}


def test_dateline_needs_a_line_start_and_a_dash_within_three_words() -> None:
    text = "وقال الوزير في مسقط - حيث عقد الاجتماع - إن الحوار مستمر."
    toks = tokenize(text)
    assert adjust.dateline_ranges(text, toks, [(0, len(toks))]) == []
    text = "مسقط - (د ب أ): أعلنت الحكومة قرارها."
    toks = tokenize(text)
    assert adjust.dateline_ranges(text, toks, [(0, len(toks))]) == [0]
    matches = adjust.dateline_matches(toks, 0, len(toks), load_kb())
    assert [ids for *_, ids in matches] == [("city/muscat",), ("media/dpa",)]


def test_dateline_country_named_like_its_capital_is_the_capital() -> None:
    found = _mentions("تونس - (رويترز): أعلنت الحكومة التونسية إجراءات جديدة لدعم الصادرات.")
    assert ("تونس", "LOC", "city/tunis") in found
    assert ("رويترز", "ORG", "media/reuters") in found


def test_a_dateline_without_a_known_agency_keeps_its_place() -> None:
    found = _mentions("بغداد - خاص: عقد البرلمان جلسته الأولى بعد العطلة التشريعية.")
    assert ("بغداد", "LOC", "city/baghdad") in found


def test_title_is_cut_from_a_person_and_a_title_alone_gives_nothing() -> None:
    toks = tokenize("الملك سلمان")
    titles = [c for c in cue_index().match(toks) if c.kind == "title"]
    assert adjust.trim_person_span(toks, 0, 1, titles, None) == (1, 1)
    toks = tokenize("الرئيس")
    titles = [c for c in cue_index().match(toks) if c.kind == "title"]
    assert adjust.trim_person_span(toks, 0, 0, titles, None) == (0, 0)  # one word: nothing to cut


def test_useless_misc() -> None:
    toks = tokenize("الدولار أمام الجنيه كأس العالم")
    assert adjust.useless_misc(toks, 0, 0)
    assert adjust.useless_misc(toks, 0, 2)
    assert not adjust.useless_misc(toks, 3, 4)


def test_nisba_rule_needs_a_definite_feminine_or_plural_noun() -> None:
    kb = load_kb()
    toks = tokenize("السفارة السعودية")
    assert adjust.nisba_after_noun(toks, 1, 1, set(), kb)
    toks = tokenize("السعودية")
    assert not adjust.nisba_after_noun(toks, 0, 0, set(), kb)
    toks = tokenize("مع السعودية")
    assert not adjust.nisba_after_noun(toks, 1, 1, set(), kb)


def test_time_standard_only_for_utc_names() -> None:
    toks = tokenize("بتوقيت غرينتش بتوقيت بيروت")
    assert adjust.time_standard(toks, 1, 1)
    assert not adjust.time_standard(toks, 3, 3)
    assert not adjust.time_standard(toks, 0, 0)


def test_place_head_at_text_start_and_honorific_before_a_person() -> None:
    kb = load_kb()
    toks = tokenize("زمزم")
    assert adjust.place_head(toks, 0, 0, "LOC", (), set(), kb) is None
    toks = tokenize("دولة نبيه بري")
    assert adjust.place_head(toks, 1, 2, "PER", ("person/nabih-berri",), set(), kb) is None
    toks = tokenize("مطار هواري بومدين الدولي")
    assert adjust.place_head(toks, 1, 2, "PER", ("person/houari-boumediene",), set(), kb) == (0, 3, "LOC", ())


def test_odd_inputs_do_not_break_the_rules() -> None:
    for text in ["-", "مسقط -", "مسقط - (", "مسقط - ():", "وأم", "قصر", "بتوقيت", "\n- - -\n"]:
        doc = analyze_entities(text)
        assert check_spans(doc) == []
