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


def time(
    source: str = typer.Argument(..., help="an Arabic text, a .txt file, or - for standard input"),
    published: str = typer.Option(None, "--published", help="publication date YYYY-MM-DD (else inferred)"),
    as_json: bool = typer.Option(False, "--json", help="print the timexes and the publication date as JSON"),
) -> None:
    """Temporal expressions of one text with their TIMEX3 values."""
    if source == "-":
        s = sys.stdin.read()
    else:
        p = Path(source)
        s = p.read_text(encoding="utf-8") if len(source) < 4096 and p.is_file() else source
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
