"""The seed article's events (issue 6 targets), checked twice: on the entities and time expressions the other
layers should give (tests/events_seed_fixture.json: the events layer on its own), and through the whole
pipeline (rasd.analyze: what users get, so it also depends on the entity, time and quote layers)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

import rasd
from rasd import events
from rasd.document import Document, check_spans
from rasd.events.fixture import prepared

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
FIXTURE = Path(__file__).parent / "events_seed_fixture.json"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the seed article is not available")

# (label, type, mode, sources, targets, symmetric, date, modality, attributes)
# Actors are English names; a person may stand where the issue names a country only when stated so.
TARGETS = [
    ("Biden-Putin call", "CONSULT", "phone", {"Joe Biden"}, {"Vladimir Putin"}, True, "2021-12-30", "occurred",
     {"duration": "PT50M", "start": "2021-12-30T20:35Z", "end": "2021-12-30T21:25Z"}),
    ("Blinken-Zelensky call", "CONSULT", "phone", {"Antony Blinken"}, {"Volodymyr Zelenskyy"}, True,
     "2021-12-29", "occurred", {}),
    ("Blinken consults Europeans", "CONSULT", None, {"Antony Blinken"}, None, True, "2021-12-30", "occurred", {}),
    ("Geneva talks", "CONSULT", "talks", {"Wendy Sherman"}, {"Sergei Ryabkov"}, True, "2022-01-10", "planned", {}),
    ("NATO-Russia meeting", "CONSULT", "meeting", {"Russia"}, {"NATO"}, True, "2022-01-12", "planned", {}),
    ("OSCE meeting", "CONSULT", "meeting", {"OSCE"}, set(), True, "2022-01-13", "planned", {}),
    ("US conditional threat", "THREATEN", None, {"United States"}, {"Russia"}, False, "2021-12-30",
     "conditional", {}),
    ("Biden urges de-escalation", "REQUEST", None, {"Joe Biden"}, {"Russia"}, False, "2021-12-30", "occurred", {}),
    ("Putin warns against sanctions", "THREATEN", "warn", {"Vladimir Putin"}, {"Joe Biden"}, False,
     "2021-12-30", "occurred", {"about": "sanctions"}),
    ("Biden's earlier threat", "THREATEN", None, {"Joe Biden"}, {"Vladimir Putin"}, False, "2021-12",
     "occurred", {}),
    ("Russian troop build-up", "MOBILIZE", "troops", {"Russia"}, set(), False, "2021-12-30", "occurred", {}),
    ("Lavrov rules out concessions", "REJECT", None, {"Sergey Lavrov"}, set(), False, "2021-12-30", "occurred",
     {}),
    ("Moscow denies threatening Ukraine", "THREATEN", None, {"Russia"}, {"Ukraine"}, False, "2021-12-30",
     "denied", {}),
    ("2014 invasion", "ASSAULT", None, {"Russia"}, {"Ukraine"}, False, "2014", "occurred", {}),
    ("Crimea annexation", "COERCE", "seize", {"Russia"}, {"Crimea"}, False, "2014", "occurred", {}),
]  # fmt: skip
IDS = [t[0] for t in TARGETS]


def _names(doc: Document, ids: list[str]) -> set[str]:
    return {(doc.entity(i).name_en or doc.entity(i).name) for i in ids}


def found(doc: Document, target: tuple) -> bool:
    _, etype, mode, src, tgt, sym, date, modality, attrs = target
    for ev in doc.events:
        if ev.type != etype or (mode is not None and ev.mode != mode):
            continue
        s, t = _names(doc, ev.source), _names(doc, ev.target)
        if sym and tgt is not None:
            if s | t != src | tgt:
                continue
        elif s != src or (tgt is not None and t != tgt):
            continue
        if ev.date != date or ev.modality != modality:
            continue
        if all(ev.attributes.get(k) == v for k, v in attrs.items()):
            return True
    return False


@lru_cache(maxsize=1)
def fixture_doc() -> Document:
    fx = json.loads(FIXTURE.read_text(encoding="utf-8"))
    doc = prepared(SEED.read_text(encoding="utf-8"), fx["published"], fx["entities"], fx["timexes"])
    return events.annotate(doc)


@lru_cache(maxsize=1)
def pipeline_doc() -> Document:
    return rasd.analyze(SEED.read_text(encoding="utf-8"), published="2021-12-30")


@pytest.mark.parametrize("target", TARGETS, ids=IDS)
def test_seed_event_given_entities(target: tuple) -> None:
    assert found(fixture_doc(), target)


def test_seed_no_spurious_events_given_entities() -> None:
    # the targets plus a few true extras (Biden's proposal, the June summit, the hypothetical invasion, the
    # EU/NATO/US support Moscow complains of, the aggression Zelensky names, Biden "continuing to consult"
    # allies): nothing beyond those
    doc = fixture_doc()
    assert check_spans(doc) == []
    assert len(doc.events) <= len(TARGETS) + 8


def test_seed_summary_given_entities() -> None:
    doc = fixture_doc()
    assert 2 <= len(doc.summary) <= 5
    assert doc.summary[0] == 0  # the lead states the call
    assert doc.summary == sorted(doc.summary)


# Gaps of the layers the events layer reads (not of the events layer: the same target passes on given entities).
# None left since the entities layer finds the OSCE by its full name; keep the mechanism for the next gap.
OTHER_LAYERS: dict[str, str] = {}
FULL = [
    pytest.param(t, marks=pytest.mark.xfail(reason=OTHER_LAYERS[t[0]], strict=False))
    if t[0] in OTHER_LAYERS
    else t
    for t in TARGETS
]


@pytest.mark.parametrize("target", FULL, ids=IDS)
def test_seed_event_full_pipeline(target: tuple) -> None:
    assert found(pipeline_doc(), target)


def test_seed_full_pipeline_spans() -> None:
    assert check_spans(pipeline_doc()) == []
