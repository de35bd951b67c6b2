"""Skipping a search where none of a rule's required words lies ahead (rasd/temporal/required.py) is for speed
only: every match of those rules holds one of the words, and recognition finds the same mentions with and
without the check."""

from __future__ import annotations

import re

import pytest
import regex
from temporal_phrases import corpus_phrases, example_lines, mentions_found

from rasd.temporal import rules
from rasd.temporal.patterns import rules as rule_patterns
from rasd.temporal.required import required_pattern, required_words, runs_before, search_start
from rasd.text import normalize

# sentences of our own where most of the rules match, beside the example corpus and the example articles
SENTENCES = [
    "التقى الوزيران مساء الخميس 30 ديسمبر 2021 بعد أيام من اجتماع عقد في مطلع شهر كانون الأول الماضي.",
    "بدأت المحادثات في الساعة الثامنة مساء واستمرت ساعة ونصف، ثم تجددت عند منتصف الليل لمدة ساعتين.",
    "يجتمع المجلس كل أسبوع، ويصدر تقريرا شهريا، وقد اجتمع ثلاث مرات في الشهر خلال الأسابيع الماضية.",
    "سجل الربع الأول من العام الجاري نموا، وتوقعت الحكومة ركودا في صيف 2023 وفي القرن الحادي والعشرين.",
    "قال المتحدث اليوم الاثنين إن اللقاء سيعقد غدا، وإن الوفد وصل في 27 من الشهر نفسه بعد 15 الجاري.",
    "وخلال الأشهر الثلاثة الماضية زار الوفد العاصمة مرتين، وفي ذلك اليوم أعلن عن هدنة تمتد أسبوعا كاملا.",
]


def _phrases() -> list[str]:
    return [p for p in SENTENCES + corpus_phrases() + example_lines() if p.strip()]


PHRASES = _phrases()


@pytest.mark.parametrize("name", sorted(required_words()))
def test_every_match_holds_a_required_word_and_none_is_left_without_them(name: str) -> None:
    pat = dict(rule_patterns())[name]
    need = required_pattern(name)
    assert need is not None
    words = sorted(required_words()[name], key=len, reverse=True)
    seen = 0
    for phrase in PHRASES:
        norm = normalize(phrase)
        for m in pat.finditer(norm):
            seen += 1
            assert any(w.strip() in m.group() for w in words), (name, m.group())
            assert need.search(norm, m.start(), m.end()) is not None, (name, m.group())
        # the same text with the required words blanked out: the rule finds nothing there
        blank = norm
        for w in words:
            blank = blank.replace(w, "ـ" * len(w))
        assert pat.search(blank) is None, (name, blank)
    assert seen > 0, f"no phrase exercises the rule {name}"


@pytest.mark.parametrize("name", sorted(runs_before()))
def test_a_match_starts_at_most_so_many_words_before_a_required_word(name: str) -> None:
    pat = dict(rule_patterns())[name]
    need = required_pattern(name)
    assert need is not None
    seen = 0
    for phrase in PHRASES:
        norm = normalize(phrase)
        for m in pat.finditer(norm):
            seen += 1
            # some required word of the match lets a search from its start find the match
            starts = [i for i in range(m.start(), m.end()) if need.match(norm, i, m.end())]
            assert any(search_start(norm, a, runs_before()[name], 0) <= m.start() for a in starts), m.group()
    assert seen > 0, f"no phrase exercises the rule {name}"


def test_search_start_counts_runs_of_white_space_back_from_the_word() -> None:
    norm = "قال  المتحدث في\tمطلع شهر30يناير"
    at = norm.index("يناير")
    assert norm[search_start(norm, at, 0, 0) :].startswith("شهر30")
    assert norm[search_start(norm, at, 2, 0) :].startswith("في")
    assert search_start(norm, at, 9, 0) == 0
    assert search_start(norm, at, 9, 5) == 5  # never before the search's own start
    plain = norm.replace("\t", " ")  # with spaces only, the same answers by another way
    for runs in range(5):
        for floor in (0, 3, 5, 12):
            want = search_start(plain + "\n", at, runs, floor)
            assert search_start(plain, at, runs, floor) == want, (runs, floor)


def test_white_space_to_regex_is_white_space_to_re() -> None:
    # the checks run with re, the rules with regex: a unit after regex's white space is after re's
    spaces = regex.compile(r"\s", regex.VERSION0)
    assert all(re.match(r"\s", chr(c)) for c in range(0x110000) if spaces.match(chr(c)))


def test_a_unit_inside_a_word_starts_no_search_for_a_bare_duration() -> None:
    need = required_pattern("duration_bare")
    assert need is not None
    assert need.search(normalize("قال الوزير اليوم إن العام الماضي كان صعبا")) is None
    assert need.search(normalize("استمر الاجتماع نحو ساعة")) is not None


def test_the_check_finds_words_inside_longer_words() -> None:
    need = required_pattern("month")
    assert need is not None
    assert need.search(normalize("في 30يناير")) is not None
    assert need.search(normalize("قال المتحدث إن الوفد وصل")) is None
    assert required_pattern("set").search(normalize("ألقى كلمة عن مشكلة")) is None  # type: ignore[union-attr]
    assert required_pattern("set").search(normalize("كل\tأسبوع")) is not None  # type: ignore[union-attr]
    assert required_pattern("year") is None  # rules without required words are always searched


def test_the_check_does_not_change_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = mentions_found(PHRASES)
    monkeypatch.setattr(rules, "runs_before", lambda: {})
    assert mentions_found(PHRASES) == checked
    monkeypatch.setattr(rules, "required_pattern", lambda name: None)
    assert mentions_found(PHRASES) == checked
