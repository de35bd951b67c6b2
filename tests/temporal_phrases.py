"""Phrases the time layer's speed paths are checked on: the example corpus's phrases and the example articles'
lines (shared by the tests of the rule narrowing and of the required-word checks)."""

from __future__ import annotations

import json
from pathlib import Path

from rasd.temporal import rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "temporal.tsv"


def corpus_phrases() -> list[str]:
    """The first column of every row of the example corpus (comments and the header row left out)."""
    rows = [
        line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    return [line.split("\t")[0] for line in rows[1:]]


def example_lines() -> list[str]:
    """Every non-blank line of the shipped example articles (text files and the JSONL feed)."""
    out: list[str] = []
    for p in sorted((ROOT / "examples").glob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    jl = ROOT / "examples" / "articles.jsonl"
    if jl.exists():
        for line in jl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += json.loads(line)["text"].splitlines()
    return [p for p in out if p.strip()]


def mentions_found(phrases: list[str]) -> list[list[tuple]]:
    """What the time rules find in each phrase (kind, offsets, parts): compared with a speed path on and off."""
    out = []
    for phrase in phrases:
        _, ms = rules.find(phrase, 0, len(phrase))
        out.append([(m.kind, m.start, m.end, sorted(m.parts.items(), key=str)) for m in ms])
    return out
