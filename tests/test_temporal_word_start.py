"""``patterns.CL`` opens expressions with ``\\b(?=\\w)`` instead of ``(?<!\\w)`` (faster in the regex engine).
The two accept the same positions only when what follows CL starts with a word character: the pattern
literals do (Arabic letters, digits), and so must every lexicon word the patterns alternate over."""

import json
from pathlib import Path

import pytest
import regex

from rasd.temporal import patterns
from rasd.temporal.lexicon import months, number_words, parts_of_day, relative, units, weekdays
from rasd.temporal.rules import find

_W = regex.compile(r"\w")
ROOT = Path(__file__).resolve().parents[1]


def _lexicon_words() -> list[str]:
    words = list(months()) + list(weekdays()) + [w[2:] for w in weekdays()] + list(units())
    words += list(parts_of_day()) + list(number_words())
    for kind in relative().values():
        words += list(kind)
    return words


def test_every_lexicon_word_starts_with_a_word_character() -> None:
    bad = [w for w in _lexicon_words() if not w or not _W.match(w)]
    assert not bad


@pytest.mark.parametrize("name", [name for name, _ in patterns.rules()])
def test_old_and_new_word_start_find_the_same(name: str) -> None:
    """Each rule, compiled with the former ``(?<!\\w)`` opening, matches exactly where the shipped one does,
    over every line of the example articles (``examples/``) (and at every start offset of a few hundred of them)."""
    new = dict(patterns.rules())[name]
    old = regex.compile(new.pattern.replace(patterns.CL, r"(?<!\w)(?:[وف]?[بلك]?)"), patterns.FLAGS)
    assert old.pattern != new.pattern or patterns.CL not in new.pattern
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    jl = (ROOT / "examples" / "articles.jsonl").read_text("utf-8").splitlines()
    texts += [json.loads(ln)["text"] for ln in jl if ln.strip()]
    lines = [ln for t in texts for ln in t.splitlines()]
    lines = [find(ln, 0, len(ln))[0] for ln in lines if ln.strip()]  # normalized, as the rules see them
    assert lines
    for norm in lines:
        assert [m.span() for m in old.finditer(norm)] == [m.span() for m in new.finditer(norm)]
    for norm in lines[:200]:
        for pos in range(0, len(norm), 7):
            a, b = old.search(norm, pos), new.search(norm, pos)
            assert (a and a.span()) == (b and b.span())
