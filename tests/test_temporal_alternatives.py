"""Narrowing a rule to the alternatives that may match in a window (rasd/temporal/alternatives.py) is for speed
only: every narrowed alternative's matches hold one of its words, and recognition gives the same mentions with
and without narrowing."""

from __future__ import annotations

import pytest
import regex
from temporal_phrases import corpus_phrases, mentions_found

from rasd.temporal import alternatives, rules
from rasd.temporal.alternatives import DURATION_GROUPS, alt_words, split_top
from rasd.temporal.patterns import FLAGS, duration_branches
from rasd.temporal.patterns import rules as rule_patterns
from rasd.text import normalize

# sentences of our own that exercise every narrowed alternative, beside the example corpus
SENTENCES = [
    "وقعت الاتفاقية عام 1998 وجددت في مطلع 2005 ثم في 2010 و2015 بعد أن أُقرت سنة 1420 هـ.",
    "بدأ الاجتماع في الساعة 10 صباحا وانتهى عند 4 مساء، واستمر النقاش حتى الساعة الثامنة مساء.",
    "وصل الوفد في الثالثة بعد الظهر وغادر عند منتصف الليل بعد زيارة استمرت يوما واحدا.",
    "استمرت المفاوضات أسبوعا، ودامت الهدنة نحو شهر، وانتهت خلال ساعة تقريبا بعد أكثر من عام.",
    "استغرقت الرحلة ساعة ونصف، وبقي الوفد بضعة أيام ثم يومين آخرين، وعاد بعد عشرة أيام أو نصف شهر.",
    "شهدت الأيام الـ30 الماضية تصعيدا، وبقي المعبر مغلقا شهرا واحدا ثم عاما كاملا.",
    "قال المتحدث إن الحكومة تدرس المقترح منذ فترة ولم تتخذ قرارا بعد بشأن موعد الانتخابات.",
]


def _phrases() -> list[str]:
    return SENTENCES + corpus_phrases()


PHRASES = _phrases()


def test_split_top_keeps_groups_and_classes_whole() -> None:
    assert split_top(r"a(?:b|c)|[|)]d|\|e|f") == ["a(?:b|c)", "[|)]d", r"\|e", "f"]
    assert split_top(r"[]|]x|y") == ["[]|]x", "y"]


@pytest.mark.parametrize("name", sorted(alt_words()))
def test_every_match_of_a_narrowed_alternative_holds_one_of_its_words(name: str) -> None:
    if name == "duration":
        branches = duration_branches()
        alts = ["|".join(branches[b] for b in g) for g in DURATION_GROUPS]
    else:
        alts = split_top(dict(rule_patterns())[name].pattern)
    seen = 0
    for alt, words in zip(alts, alt_words()[name], strict=True):
        if words is None:
            continue
        p = regex.compile(alt, FLAGS)
        for phrase in PHRASES:
            norm = normalize(phrase)
            for m in p.finditer(norm):
                seen += 1
                # the word may sit in a lookahead right after the match (ساعة ونصف), or take in the clitic of a
                # lookbehind right before it (لساعات): a window, widened to white space, holds it too
                assert any(w in norm[max(0, m.start() - 2) : m.end() + 12] for w in words), (name, m.group())
    assert seen > 0, f"no phrase exercises the narrowed alternatives of {name}"


def test_narrowing_does_not_change_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    narrowed = mentions_found(PHRASES)
    monkeypatch.setattr(rules, "narrowed", lambda name, pat, window: pat)
    assert mentions_found(PHRASES) == narrowed


def test_a_window_without_any_alternative_words_is_skipped() -> None:
    assert alternatives.narrowed("time_words", regex.compile("x"), "قال المتحدث إن الوفد وصل") is None
    full = regex.compile("x")
    assert alternatives.narrowed("month", full, "أي نص") is full  # rules without alternatives stay whole
