"""How much of a CoNLL corpus the knowledge base knows: share of gold mentions whose text is a KB name.

A development measure for the KB data (not for the recognizer): for each gold entity span it asks whether the
span, with proclitics shed from its first word as the matcher does, equals a name or alias of the KB, and
whether the KB entry has the gold type. Run it on training splits only::

    .venv/bin/python scripts/kb_coverage.py ../shared/data/ner/anercorp/train.txt [--missing 30]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rasd.entities.kb import shipped_kb  # noqa: E402
from rasd.text.tokens import tokenize  # noqa: E402

TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}


def gold_spans(path: Path) -> list[tuple[str, list[str]]]:
    """(type, words) of every outermost BIO entity in a ``token TAG...`` file."""
    spans: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        tag = parts[1] if len(parts) >= 2 else "O"
        if tag.startswith("B-") or tag == "O" or len(parts) < 2:
            if current:
                spans.append(current)
            current = (tag[2:], [parts[0]]) if tag.startswith("B-") else None
        elif tag.startswith("I-") and current:
            current[1].append(parts[0])
    if current:
        spans.append(current)
    return spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--missing", type=int, default=0, help="print the N most frequent unknown mentions")
    args = parser.parse_args(argv)
    kb = shipped_kb()
    total: Counter[str] = Counter()
    known: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    missing: Counter[tuple[str, str]] = Counter()
    for raw_type, words in gold_spans(args.corpus):
        typ = TYPES.get(raw_type)
        if not typ:
            continue
        text = " ".join(words)
        total[typ] += 1
        matches = [m for m in kb.match(tokenize(text)) if m.first == 0 and m.end == len(text)]
        if not matches:
            missing[(typ, text)] += 1
            continue
        known[typ] += 1
        if any((kb.get(i) or {}).get("type") == typ for i in matches[0].ids):
            typed[typ] += 1
    print(f"{'type':6} {'mentions':>9} {'in KB':>7} {'same type':>10}")
    for typ in sorted(total):
        print(f"{typ:6} {total[typ]:9d} {known[typ] / total[typ]:7.1%} {typed[typ] / total[typ]:10.1%}")
    for (typ, text), n in missing.most_common(args.missing):
        print(f"{n:5d} {typ} {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
