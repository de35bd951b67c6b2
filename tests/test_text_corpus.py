"""The text layer's example corpus (tests/corpus/text.tsv) as tests."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rasd.text import normalize
from rasd.text.blocks import split_blocks
from rasd.text.sentences import split_sentences
from rasd.text.tokens import clitic_forms

ROWS = [
    r
    for r in csv.DictReader(
        (
            line
            for line in (Path(__file__).parent / "corpus" / "text.tsv").open(encoding="utf-8")
            if not line.startswith("#")
        ),
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
]
PARAGRAPH = (
    "وقال المتحدث باسم الوزارة في بيان مطول إن المحادثات ستتواصل خلال الأيام المقبلة بمشاركة الوفود كافة."
)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['kind']}:{r['input']}" for r in ROWS])
def test_text_corpus(row):
    kind, inp, want = row["kind"], row["input"], row["expected"]
    if kind == "match":
        assert want in [stem for _, stem in clitic_forms(inp)]
    elif kind == "nomatch":
        assert want not in [stem for _, stem in clitic_forms(inp)]
    elif kind == "norm":
        assert normalize(inp) == want
    elif kind == "sentences":
        assert len(split_sentences(inp, 0, len(inp))) == int(want)
    elif kind == "block":
        text = inp + "\n" + PARAGRAPH
        assert split_blocks(text)[0][0] == want
    else:
        raise AssertionError(f"unknown kind {kind}")


def test_corpus_covers_every_kind():
    assert {r["kind"] for r in ROWS} == {"match", "nomatch", "norm", "sentences", "block"}
