"""Agreement between two event annotations of the same articles: the dev gold's events against a second,
independent annotator's (``eval/agreement/<name>.events.json``), keyed exactly as ``rasd evaluate`` keys
events — the (type, source, target, date) tuple and the looser keys (type+actors, type+date, type alone).

    python scripts/event_agreement.py [eval/agreement] [--gold eval/dev/gold]

The F1 of two people following the same README is the ceiling a tuple score against one of them can be read
against.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rasd.evaluate.gold import event_key

MEASURES = (
    ("tuple", True, True),
    ("type_actors", True, False),
    ("type_date", False, True),
    ("type_only", False, False),
)


def _key(e: dict, sym: bool, actors: bool, date: bool) -> tuple:
    src = frozenset(s.lower() for s in e.get("source", [])) if actors else frozenset()
    tgt = frozenset(s.lower() for s in e.get("target", [])) if actors else frozenset()
    return event_key(e["type"], src, tgt, e.get("date") if date else None, sym or bool(e.get("symmetric")))


def matched(gold: list[dict], other: list[dict], actors: bool, date: bool) -> int:
    """Gold events matched one to one by the other annotation's (a symmetric gold event takes either order)."""
    bags = {s: Counter(_key(e, s, actors, date) for e in other) for s in (False, True)}
    n = 0
    for g in gold:
        sym = bool(g.get("symmetric"))
        k = _key(g, sym, actors, date)
        if bags[sym][k] > 0:
            bags[sym][k] -= 1
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("second", nargs="?", default="eval/agreement", type=Path)
    ap.add_argument("--gold", default="eval/dev/gold", type=Path)
    args = ap.parse_args()
    tot: Counter = Counter()
    for f in sorted(args.second.glob("*.events.json")):
        name = f.name.removesuffix(".events.json")
        other = json.loads(f.read_text(encoding="utf-8"))["events"]
        gold = json.loads((args.gold / f"{name}.gold.json").read_text(encoding="utf-8"))["events"]
        row = []
        for m, actors, date in MEASURES:
            t = matched(gold, other, actors, date)
            tot[m] += t
            row.append(f"{m} {200 * t / max(1, len(gold) + len(other)):5.1f}")
        tot["gold"] += len(gold)
        tot["other"] += len(other)
        print(f"{name:34} gold {len(gold):3}  second {len(other):3}  " + "  ".join(row))
    n = max(1, tot["gold"] + tot["other"])
    print(
        f"{'ALL':34} gold {tot['gold']:3}  second {tot['other']:3}  "
        + "  ".join(f"{m} {200 * tot[m] / n:5.1f}" for m, _, _ in MEASURES)
    )


if __name__ == "__main__":
    main()
