"""The evaluation sets (eval/dev, eval/test) stay scoreable: every gold span occurs in its article, every type
is one the layers emit, and every English name given for a knowledge-base entity is one the shipped KB has (a
renamed KB entry would otherwise turn a correct link into a scored error without anyone noticing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.entities.kb import shipped_kb
from rasd.evaluate.gold import load_gold, resolve

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "eval").glob("*/gold/*.gold.json"))
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def kb_names() -> set[str]:
    return {e["name_en"] for e in shipped_kb().entries.values() if e.get("name_en")}


def test_there_are_eval_sets():
    assert len(GOLD) >= 50


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_gold_file_is_scoreable(path: Path, kb_names: set[str]):
    gold, text = load_gold(path)
    assert gold["entities"], "a gold file with no entities"
    for e in gold["entities"]:
        assert e["type"] in {"PER", "ORG", "LOC", "MISC"}
        assert e.get("name_en") is None or e["name_en"] in kb_names, e["name_en"]
        for m in e["mentions"]:
            resolve(text, m)
    for x in gold.get("timexes", []):
        assert x["type"] in {"DATE", "TIME", "DURATION", "SET"}
        resolve(text, x)
    for q in gold.get("quotes", []):
        resolve(text, q["cue"])
        if q.get("content"):
            resolve(text, q["content"])
    for ev in gold.get("events", []):
        assert ev["type"] in PLOVER
        assert isinstance(ev.get("source", []), list) and isinstance(ev.get("target", []), list)
