"""Language data and the knowledge base, shipped as files with provenance headers.

Every data file starts with ``#`` comment lines saying where its facts came from; :func:`read_tsv` skips
them. Files are read once per process (callers cache).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``path("months.tsv")`` or ``path("kb/people.jsonl")``."""
    return Path(str(resources.files(__package__).joinpath(name)))


def _lines(name: str) -> Iterator[str]:
    with path(name).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header row after the ``#`` provenance lines."""
    reader = csv.reader(_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for row in reader:
        row = row + [""] * (len(header) - len(row))
        rows.append({h: v.strip() for h, v in zip(header, row, strict=False)})
    return rows


def read_jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in _lines(name)]
