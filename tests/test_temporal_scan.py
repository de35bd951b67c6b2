"""Picking the rules and windows (rasd/temporal/scan.py) is for speed only: every rule's digit precondition is
held by each of its matches, and recognition gives the same mentions as running every rule over whole
sentences."""

from __future__ import annotations

from functools import reduce
from operator import or_
from pathlib import Path

import pytest
import regex
from test_temporal_alternatives import PHRASES

from rasd import text
from rasd.document import Document
from rasd.temporal import rules, scan
from rasd.temporal.alternatives import alt_checks, split_top
from rasd.temporal.cues import is_cue
from rasd.temporal.patterns import FLAGS
from rasd.temporal.patterns import rules as rule_patterns
from rasd.text import normalize

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared/seed/000_94f9661d6d9a40c9.txt"

# day ranges in the shapes the range rules take, and near misses that only look like them
RANGES = [
    "تعقد الجولة من 10 إلى 13 يناير المقبل في جنيف.",
    "جرت الانتخابات يومي 10 و11 أبريل الماضي وسط إقبال ضعيف.",
    "يستمر المعرض بين 3 و 7 من شهر مارس 2024.",
    "أقيم المهرجان من الـ 5 حتى الـ 9 أكتوبر.",
    "تتواصل المحادثات 12-14 ديسمبر (كانون الأول) الجاري، ثم 20 – 22 يناير.",
    "ارتفع المؤشر 2.5 بالمئة في 3 مارس بعد 14/2 نقطة.",
]


def _sentences() -> list[str]:
    out = list(PHRASES) + RANGES
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    for t in texts:
        doc = Document(id="t", text=t)
        text.annotate(doc)
        out.extend(t[s.start : s.end] for s in doc.sentences)
    return out


SENTENCES = _sentences()


# The scan runs day_rel_month only with a digit in the sentence, while its pattern also takes an ordinal word
# (الثاني المقبل): that digit is a condition of the rule, not a shortcut, and stays as it is.
DIGIT_REQUIRED_BY_SCAN = {"day_rel_month"}


@pytest.mark.parametrize(
    "name",
    sorted(
        n
        for n, (_, _, digits) in scan.triggers().items()
        if digits is not None and n not in DIGIT_REQUIRED_BY_SCAN
    ),
)
def test_every_match_holds_its_rules_digit_pattern(name: str) -> None:
    digits = scan.triggers()[name][2]
    pat = dict(rule_patterns())[name]
    seen = 0
    for s in SENTENCES:
        for m in pat.finditer(normalize(s)):
            seen += 1
            assert digits.search(m.group()), (name, m.group())
    assert seen > 0, f"no sentence exercises {name}"


def test_picking_rules_does_not_change_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    def found() -> list[list[tuple]]:
        out = []
        for s in SENTENCES:
            _, ms = rules.find(s, 0, len(s))
            out.append([(m.kind, m.start, m.end, sorted(m.parts.items(), key=str)) for m in ms])
        return out

    picked = found()
    every = [(prio, name, pat) for prio, (name, pat) in enumerate(rule_patterns())]
    monkeypatch.setattr(
        rules, "active_rules", lambda norm, words=None: [(*r, [(0, len(norm))]) for r in every]
    )
    assert found() == picked


CHECKED = [
    "بدأ الاجتماع في الساعة 10 صباحا وانتهى عند الساعة 11 ليلا، ثم في تمام الساعة الـ 12 من ظهر الأحد.",
    "وصل الوفد عند الساعة الثالثة بعد الظهر وغادر في الساعة العاشرة والنصف مساء قبل منتصف الليل.",
    "انتهى الاتصال في الساعة 16:25 بتوقيت غرينتش، وبدأ عند 9 صباحا، وبعد منتصف النهار بقليل.",
]


@pytest.mark.parametrize("name", sorted(alt_checks()))
def test_every_match_of_a_checked_alternative_holds_its_check(name: str) -> None:
    alts = split_top(dict(rule_patterns())[name].pattern)
    seen = 0
    for alt, check in zip(alts, alt_checks()[name], strict=True):
        if check is None:
            continue
        p = regex.compile(alt, FLAGS)
        for s in SENTENCES + CHECKED:
            norm = normalize(s)
            for m in p.finditer(norm):
                seen += 1
                # searched like a window: from the match's start to a little past its end (lookaheads)
                assert check.search(norm[m.start() : m.end() + 12]), (name, m.group())
    assert seen > 0, f"no sentence exercises the checked alternatives of {name}"


ODD = [
    "قال الوزير: «لن نتراجع» ثم غادر القاعة دون تعليق.",  # no trigger, no digit
    "ارتفعت الأسعار في التسعينيات بشكل حاد.",  # the decades' ending alone
    "وصل الوفد بـ\u200fـالأمس إلى الرياض",  # a bidi mark and tatweel inside a word
    "اجتمع المجلس ﻓﻲ ٣ مارس",  # presentation forms and Arabic-Indic digits
    "أعلن الناطق باسم الجيش مقتل ثلاثة جنود",  # number words alone start no rule
    "سيعقد\u00a0المجلس\u2003جلسته\x1cالمقبلة",  # odd white space
]


@pytest.mark.parametrize("s", SENTENCES + ODD, ids=range(len(SENTENCES) + len(ODD)))
def test_a_sentence_read_run_by_run_is_read_as_its_normalized_text(s: str) -> None:
    # read_runs reads the original text run by run; when it says no rule can run, active_rules picks none
    norm = normalize(s)
    words = scan.sentence_words(norm)
    runs = scan.read_runs(s.split())
    if runs is None:
        assert scan.active_rules(norm, words) == []
        assert rules.find(s, 0, len(s))[1] == []
        return
    assert runs.cue_words == [w for w in words if is_cue(w)]
    assert runs.mask == reduce(or_, map(scan._word_mask, words), 0)
    assert runs.forms == {f for w in words for f in scan._wanted_forms(w)}
    assert scan.active_rules(norm, runs) == scan.active_rules(norm, words)


def test_the_skip_is_taken_on_sentences_without_triggers() -> None:
    assert [scan.read_runs(s.split()) is None for s in ODD] == [True, False, False, False, True, True]
