"""The second annotators' event files (eval/agreement) and the script that compares them with the dev gold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("event_agreement", ROOT / "scripts" / "event_agreement.py")
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)

TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_every_second_annotation_pairs_with_a_dev_gold_file_and_uses_plover_types():
    files = sorted((ROOT / "eval" / "agreement").glob("*.events.json"))
    assert len(files) >= 10
    for f in files:
        assert (ROOT / "eval" / "dev" / "gold" / f.name.replace(".events.json", ".gold.json")).exists()
        for e in json.loads(f.read_text(encoding="utf-8"))["events"]:
            assert e["type"] in TYPES and isinstance(e.get("source", []), list)


def test_a_symmetric_event_matches_in_either_order_and_a_one_sided_one_does_not():
    gold = [{"type": "CONSULT", "source": ["A"], "target": ["B"], "symmetric": True, "date": "2024-01-02"}]
    assert (
        agreement.matched(
            gold, [{"type": "CONSULT", "source": ["B"], "target": ["A"], "date": "2024-01-02"}], True, True
        )
        == 1
    )
    gold[0]["symmetric"] = False
    assert (
        agreement.matched(
            gold, [{"type": "CONSULT", "source": ["B"], "target": ["A"], "date": "2024-01-02"}], True, True
        )
        == 0
    )
    # the looser keys: actors ignored, then the date ignored
    other = [{"type": "CONSULT", "source": ["C"], "target": [], "date": "2024-01-03"}]
    assert (
        agreement.matched(gold, other, False, False) == 1 and agreement.matched(gold, other, False, True) == 0
    )
