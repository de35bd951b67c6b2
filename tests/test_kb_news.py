"""The example corpus of the knowledge base's news files (tests/corpus/kb_news.tsv): government bodies, media,
unions, parties and people of the 2020s that a sentence must link to their KB entry, plus checks that every
entry of those files is matched by its own name and aliases."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from entities_helpers import analyze_entities

from rasd import data
from rasd.document import check_spans
from rasd.entities.kb import name_key, shipped_kb

CORPUS = Path(__file__).parent / "corpus" / "kb_news.tsv"
NEWS_FILES = (
    "gov_bodies.jsonl",
    "bodies_intl.jsonl",
    "media_unions.jsonl",
    "parties_groups.jsonl",
    "people_2020s.jsonl",
)


def _rows() -> list[tuple[str, list[tuple[str, str, str]]]]:
    lines = [ln for ln in CORPUS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = []
    for row in list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
        mentions = [tuple(item.strip().split("=")) for item in row[1].split(" | ")]
        rows.append((row[0], mentions))
    return rows


ROWS = _rows()


def _entries(name: str) -> list[dict]:
    path = data.path("kb") / name
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize("sentence,expected", ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_example(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    doc = analyze_entities(sentence)
    assert check_spans(doc) == []
    found = {(m.text, e.type, e.kb_id) for e in doc.entities for m in e.mentions}
    for text, typ, kb_id in expected:
        assert text in sentence, f"corpus error: {text!r} not in the sentence"
        assert (text, typ, kb_id) in found, f"{text} {typ} {kb_id} not in {sorted(found)}"


def test_corpus_covers_every_news_file() -> None:
    ids = {kb_id for _, mentions in ROWS for _, _, kb_id in mentions}
    for name in NEWS_FILES:
        own = {e["id"] for e in _entries(name)}
        if own:
            assert len(ids & own) >= 5, f"{name}: fewer than 5 of its entries in the example corpus"


@pytest.mark.parametrize("name", NEWS_FILES)
def test_every_name_finds_its_entry(name: str) -> None:
    """Each name and alias is indexed and reaches its own entry (a name lost to a tokenizer quirk or
    shadowed by a longer-standing entry would never link)."""
    kb = shipped_kb()
    lost = []
    for e in _entries(name):
        for n in [e["name"], *e.get("aliases", [])]:
            if e["id"] not in kb.names.get(name_key(n), []):
                lost.append((e["id"], n))
    assert not lost, lost[:20]


@pytest.mark.parametrize("name", NEWS_FILES)
def test_names_are_not_shared_with_other_entries(name: str) -> None:
    """A name of these files names one entry only: two entries under one name would make linking a guess
    (people are exempt: two officials may share a surname alias only if both are listed on purpose)."""
    kb = shipped_kb()
    shared = []
    for e in _entries(name):
        for n in [e["name"], *e.get("aliases", [])]:
            others = [i for i in kb.names.get(name_key(n), []) if i != e["id"]]
            if others:
                shared.append((e["id"], n, others))
    assert not shared, shared[:20]
