"""The quotes layer's example corpus (tests/corpus/quotes.jsonl): each sentence we wrote -> the quotes expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import entities, quotes, text
from rasd.document import Document, Quote, check_spans
from rasd.pipeline import new_document

CORPUS = Path(__file__).parent / "corpus" / "quotes.jsonl"


def _load() -> list[dict]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


CASES = _load()


def analyze(s: str) -> Document:
    """The layers the quotes layer reads (text, entities), then the quotes layer itself."""
    doc = new_document(s)
    text.annotate(doc)
    entities.annotate(doc)
    quotes.annotate(doc)
    return doc


def speaker_matches(doc: Document, q: Quote, want: str) -> bool:
    sp = q.speaker
    if sp is None:
        return False
    names = [sp.text]
    ent = doc.entity(sp.entity)
    if ent is not None:
        names += [ent.name] + [m.text for m in ent.mentions]
    return any(n and (want in n or (len(n) >= 3 and n in want)) for n in names)


def _find(doc: Document, cue: str, n: int) -> Quote | None:
    pos = -1
    for _ in range(n):
        pos = doc.text.find(cue, pos + 1)
        assert pos >= 0, f"cue {cue!r} not in the text"
    return next((q for q in doc.quotes if q.cue.start < pos + len(cue) and pos < q.cue.end), None)


def _describe(doc: Document) -> str:
    return "\n".join(
        f"  {q.id} {q.kind} cue={q.cue.text!r} speaker={q.speaker and q.speaker.text!r} "
        f"content={q.content.text!r} parent={q.parent}"
        for q in doc.quotes
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['note'][:40]}" for i, c in enumerate(CASES)])
def test_example(case: dict) -> None:
    doc = analyze(case["text"])
    assert check_spans(doc) == []
    expected = case["quotes"]
    assert len(doc.quotes) == len(expected), f"{case['note']}\ngot:\n{_describe(doc)}"
    found: list[Quote] = []
    for exp in expected:
        q = _find(doc, exp["cue"], exp.get("n", 1))
        assert q is not None, f"no quote on cue {exp['cue']!r}\ngot:\n{_describe(doc)}"
        found.append(q)
        assert q.kind == exp["kind"], q
        assert q.content.text.startswith(exp["content_start"]), q.content.text
        assert q.content.text.endswith(exp["content_end"]), q.content.text
        assert speaker_matches(doc, q, exp["speaker"]), (exp["speaker"], q.speaker)
        for key in ("channel", "cue_class"):
            if key in exp:
                assert getattr(q, key) == exp[key], (key, q)
        for key in ("anonymous", "implicit"):
            if key in exp:
                assert getattr(q.speaker, key) == exp[key], (key, q.speaker)
        if "addressee" in exp:
            ent = doc.entity(q.addressee)
            assert ent is not None and any(exp["addressee"] in m.text for m in ent.mentions), q.addressee
    for exp, q in zip(expected, found, strict=True):
        if "parent" in exp:
            assert q.parent == found[exp["parent"]].id
        else:
            assert q.parent is None or q.parent not in {f.id for f in found}, q


def test_corpus_is_varied() -> None:
    """The corpus holds every kind, every cue class, channels, nesting and negative cases."""
    qs = [q for c in CASES for q in c["quotes"]]
    assert {q["kind"] for q in qs} == {"direct", "indirect", "mixed"}
    assert {"speech", "stance", "threat", "attribution"} <= {q.get("cue_class", "speech") for q in qs}
    assert sum(1 for c in CASES if not c["quotes"]) >= 8
    assert any("parent" in q for q in qs)
    assert len({q["channel"] for q in qs if "channel" in q}) >= 5
