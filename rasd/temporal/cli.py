"""``rasd time``: the time layer alone on a text or file, printed as a table (or JSON)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .. import text as text_layer
from ..document import Document, content_id
from . import annotate


def _read_file(source: str) -> str:
    """The file named ``source`` when there is one, else ``source`` itself (a text too long or odd for a file
    name, e.g. over 255 bytes of Arabic, is text: the lookup must not fail)."""
    try:
        p = Path(source)
        if len(source) < 4096 and "\n" not in source and p.is_file():
            return p.read_text(encoding="utf-8")
    except (OSError, ValueError):
        pass
    return source


def time(
    source: str = typer.Argument(..., help="an Arabic text, a .txt file, or - for standard input"),
    published: str = typer.Option(None, "--published", help="publication date YYYY-MM-DD (else inferred)"),
    as_json: bool = typer.Option(False, "--json", help="print the timexes and the publication date as JSON"),
) -> None:
    """Temporal expressions of one text with their TIMEX3 values."""
    if source == "-":
        s = sys.stdin.read()
    else:
        s = _read_file(source)
    doc = Document(
        id=content_id(s), text=s, published=published, published_source="given" if published else None
    )
    text_layer.annotate(doc)
    annotate(doc)
    if as_json:
        out = {
            "published": doc.published,
            "published_source": doc.published_source,
            "timexes": [t.model_dump(exclude_none=True) for t in doc.timexes],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(f"published: {doc.published or '—'} ({doc.published_source or 'unknown'})")
    table = Table("id", "text", "type", "value", "mod", "range")
    for t in doc.timexes:
        rng = f"→ {t.range_to}" if t.range_to else (f"← {t.range_from}" if t.range_from else "")
        table.add_row(t.id, t.text, t.type, t.value or "—", t.mod or "", rng)
    console.print(table)
