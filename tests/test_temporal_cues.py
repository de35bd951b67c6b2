"""Tense cues (rasd/temporal/cues.py): found where the cue words stand as whole words, the same as reading
every word of the sentence in turn."""

from __future__ import annotations

from test_temporal_scan import SENTENCES

from rasd.temporal.cues import _WORD, _tense, find_cues, is_cue, tense_at
from rasd.text import normalize


def _every_word(norm: str) -> list[tuple[int, int, str]]:
    words = list(_WORD.finditer(norm))
    return [
        (m.start(), m.end(), t)
        for i, m in enumerate(words)
        if (t := _tense(m.group()))
        # an imperfect verb after وهو/وهي/وهم/وهما (a circumstantial clause) is no future cue
        and not (t == "future" and i > 0 and words[i - 1].group() in ("وهو", "وهي", "وهم", "وهما"))
    ]


def test_an_imperfect_verb_in_a_circumstantial_clause_is_no_future_cue() -> None:
    assert find_cues(normalize("وصل الوزير وهو يترأس الوفد")) == [(0, 3, "past")]
    assert find_cues(normalize("يترأس الوزير الوفد")) == [(0, 5, "future")]


def test_same_cues_as_reading_every_word() -> None:
    extra = [
        "قال قال وقال: سيعقد الاجتماع، قالت المصادر",  # a cue repeated, and inside longer words
        "سيعقدسيعقد سيعقد_ سيعقد",
        "",
    ]
    seen = 0
    for s in SENTENCES + extra:
        norm = normalize(s)
        want = _every_word(norm)
        seen += len(want)
        assert find_cues(norm) == want, s
    assert seen > 50


def test_nearest_cue_decides() -> None:
    norm = normalize("قال الوزير إن القمة ستعقد في يونيو")
    cues = find_cues(norm)
    i = norm.index("يونيو")
    assert [t for _, _, t in cues] == ["past", "future"]
    assert tense_at(cues, i, i + 5) == "future"


def test_nouns_shaped_like_future_verbs_are_no_cues() -> None:
    # a sound feminine plural, and a noun in ة before a pronoun (ة -> ت), are not سـ + an imperfect verb
    assert not is_cue("سياسات") and not is_cue("سيارات")
    assert not is_cue("سياسته") and not is_cue("سيادته")
    assert is_cue("سيزور") and is_cue("ستعقد")


def test_common_past_verbs_of_news_copy_are_past_cues() -> None:
    for verb in ("اتهم", "انتقد", "شدد", "رحب", "ندد"):
        assert [t for _, _, t in find_cues(f"{verb} الوزير المعارضة")] == ["past"], verb
    assert find_cues("اعاده فتح السفارات") == []  # إعادة is not أعاد + ه


def test_a_cue_after_a_complementizer_does_not_set_the_tense_of_a_date_before_it() -> None:
    norm = normalize("قال الوزير الأحد إنه سيزور القاهرة")
    cues = find_cues(norm)
    i = norm.index("الاحد")
    assert tense_at(cues, i, i + 5) == "future"  # without the sentence: the nearest cue, سيزور
    assert tense_at(cues, i, i + 5, norm) == "past"  # with it: سيزور is in what was said, قال decides
    # a date inside what was said keeps the cue of its own clause, and one before it when it has none
    norm = normalize("قال الوزير إن القمة ستعقد في يونيو")
    i = norm.index("يونيو")
    assert tense_at(find_cues(norm), i, i + 5, norm) == "future"


def test_the_proviso_ala_an_marks_the_verb_after_it_as_future() -> None:
    from rasd.temporal.cues import proviso_cues

    norm = normalize("وقع الطرفان الاتفاق، على أن يدخل حيز التنفيذ في مارس")
    assert [(norm[s:e], t) for s, e, t in proviso_cues(norm)] == [("يدخل", "future")]
    assert proviso_cues(normalize("وشدد الوزير على أن لبنان لن يوقع")) == []  # no comma: what was said
    assert proviso_cues(normalize("اتفق الطرفان، على أن تعديلات الدستور جاهزة")) == []  # a plural noun
