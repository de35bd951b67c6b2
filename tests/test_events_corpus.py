"""The events layer's example corpus (tests/corpus/events.jsonl): sentences we wrote, with the entities and
time expressions the other layers should give, and the events expected from them.

Each record runs through the text layer and the given entities/timexes (:func:`rasd.events.fixture.prepared`),
then the events layer alone, so a failure here is the events layer's own. Every expected event must be found
with its type, mode, source and target names (an unordered pair when symmetric), modality (default occurred)
and whatever else the record states (date, date_source, location, attributes); no other event may be found.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import events
from rasd.document import Document, Event, check_spans
from rasd.events.fixture import prepared

CORPUS = Path(__file__).parent / "corpus" / "events.jsonl"
RECORDS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def names(doc: Document, ids: list[str]) -> set[str]:
    return {(doc.entity(i).name_en or doc.entity(i).name) for i in ids}


def matches(doc: Document, ev: Event, want: dict) -> bool:
    if ev.type != want["type"] or ("mode" in want and ev.mode != want["mode"]):
        return False
    src, tgt = names(doc, ev.source), names(doc, ev.target)
    if want.get("symmetric"):
        if not ev.symmetric or src | tgt != set(want["source"]) | set(want["target"]):
            return False
    elif src != set(want["source"]) or tgt != set(want["target"]):
        return False
    if want.get("symmetric") is False and ev.symmetric:
        return False
    if ev.modality != want.get("modality", "occurred"):
        return False
    for key in ("date", "date_source"):
        if key in want and getattr(ev, key) != want[key]:
            return False
    if "location" in want:
        loc = doc.entity(ev.location)
        if loc is None or loc.name_en != want["location"]:
            return False
    return all(ev.attributes.get(k) == v for k, v in want.get("attributes", {}).items())


def describe(doc: Document) -> str:
    return "\n".join(
        f"  {ev.type}/{ev.mode} {sorted(names(doc, ev.source))} -> {sorted(names(doc, ev.target))}"
        f" {ev.modality} {ev.date} ({ev.date_source}) loc={ev.location} {ev.attributes}"
        for ev in doc.events
    )


@pytest.mark.parametrize("rec", RECORDS, ids=[r["id"] for r in RECORDS])
def test_corpus(rec: dict) -> None:
    doc = prepared(rec["text"], rec.get("published"), rec["entities"], rec["timexes"])
    events.annotate(doc)
    assert check_spans(doc) == []
    for want in rec["events"]:
        assert any(matches(doc, ev, want) for ev in doc.events), f"missing {want}; found:\n{describe(doc)}"
    assert len(doc.events) == len(rec["events"]), f"unexpected events:\n{describe(doc)}"
    for ev in doc.events:  # every event points at its sentence and trigger
        s = doc.sentences[ev.sentence]
        assert s.start <= ev.trigger.start < s.end


def test_corpus_covers_every_type() -> None:
    types = {e["type"] for r in RECORDS for e in r["events"]}
    plover = {
        "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    assert plover <= types
    modalities = {e.get("modality", "occurred") for r in RECORDS for e in r["events"]}
    assert modalities == {"occurred", "planned", "hypothetical", "conditional", "negated", "denied"}
