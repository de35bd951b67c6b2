"""List the one-word names of the knowledge base that are frequent Arabic words, for a human to review.

A place or body whose bare name is also a common word (الخبر "the news", حجة "pretext", عاليه "high") would be
tagged in ordinary prose; such entries are named with their noun instead (مدينة حجة). Word frequencies come
from wordfreq (a dev-time tool, `pip install -e .[dev]`); a frequent name is not wrong by itself (موسكو is
frequent because it is named often), so the list is a reading aid, not a test::

    .venv/bin/python scripts/review_kb_words.py --min 3.5 [--files cities regions]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KB = Path(__file__).resolve().parent.parent / "rasd" / "data" / "kb"
GEO = ["countries", "cities", "regions", "organizations", "media"]


def one_word_names(files: list[str]) -> list[tuple[str, str, str]]:
    """(name, what it is: name/alias/demonym, entry id) for every one-word name in the given files."""
    out = []
    for f in files:
        for line in (KB / f"{f}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            e = json.loads(line)
            labelled = [(e["name"], "name")] + [(a, "alias") for a in e.get("aliases", [])]
            labelled += [(d, "demonym") for d in e.get("demonyms", [])]
            out += [(n, what, e["id"]) for n, what in labelled if " " not in n]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=3.5, help="lowest Zipf frequency to list (default 3.5)")
    parser.add_argument(
        "--files", nargs="*", default=GEO, help="KB files without .jsonl (default: non-person)"
    )
    args = parser.parse_args(argv)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("wordfreq is not installed: pip install -e .[dev]", file=sys.stderr)
        return 2
    rows = sorted(
        ((zipf_frequency(n, "ar"), n, what, i) for n, what, i in one_word_names(args.files)), reverse=True
    )
    for zipf, name, what, kb_id in rows:
        if zipf >= args.min:
            print(f"{zipf:5.2f}  {name}\t{what}\t{kb_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
