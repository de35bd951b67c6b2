"""Skipping a search where none of a rule's required words lies ahead (rasd/temporal/required.py) is for speed
only: every match of those rules holds one of the words, and recognition finds the same mentions with and
without the check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.temporal import rules
from rasd.temporal.patterns import rules as rule_patterns
from rasd.temporal.required import required_pattern, required_words
from rasd.text import normalize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "corpus" / "temporal.tsv"

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
    out = list(SENTENCES)
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            out.append(line.split("\t")[0])
    for p in sorted((ROOT / "examples").glob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    jl = ROOT / "examples" / "articles.jsonl"
    if jl.exists():
        for line in jl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += json.loads(line)["text"].splitlines()
    return [p for p in out if p.strip()]


PHRASES = _phrases()


@pytest.mark.parametrize("name", sorted(required_words()))
def test_every_match_holds_a_required_word_and_none_is_left_without_them(name: str) -> None:
    pat = dict(rule_patterns())[name]
    words = sorted(required_words()[name], key=len, reverse=True)
    seen = 0
    for phrase in PHRASES:
        norm = normalize(phrase)
        for m in pat.finditer(norm):
            seen += 1
            assert any(w in m.group() for w in words), (name, m.group())
        # the same text with the required words blanked out: the rule finds nothing there
        blank = norm
        for w in words:
            blank = blank.replace(w, "ـ" * len(w))
        assert pat.search(blank) is None, (name, blank)
    assert seen > 0, f"no phrase exercises the rule {name}"


def test_the_check_finds_words_inside_longer_words() -> None:
    need = required_pattern("month")
    assert need is not None
    assert need.search(normalize("في 30يناير")) is not None
    assert need.search(normalize("قال المتحدث إن الوفد وصل")) is None
    assert required_pattern("year") is None  # rules without required words are always searched


def test_the_check_does_not_change_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    def found() -> list[list[tuple]]:
        out = []
        for phrase in PHRASES:
            _, ms = rules.find(phrase, 0, len(phrase))
            out.append([(m.kind, m.start, m.end, sorted(m.parts.items(), key=str)) for m in ms])
        return out

    checked = found()
    monkeypatch.setattr(rules, "required_pattern", lambda name: None)
    assert found() == checked
