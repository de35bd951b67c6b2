"""``rasd analyze``: read inputs, analyze each, write documents; errors are reported and skipped."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from ..inputs import Article, InputError, iter_inputs


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"
    digest = "digest"
    summary = "summary"


def _load_kb(kb_files: list[str] | None):
    if not kb_files:
        return None
    from .. import load_kb

    return load_kb(*kb_files)


def analyze(
    paths: list[str] = typer.Argument(
        ..., help="files (.txt .html .jsonl …), directories, globs, or - for stdin"
    ),
    published: str = typer.Option(None, "--published", help="publication date YYYY-MM-DD for every input"),
    fmt: Format = typer.Option(
        Format.json, "--format", "-f", help="json, jsonl, text (terminal view), digest, summary"
    ),
    output: Path = typer.Option(None, "--output", "-o", help="write here instead of standard output"),
    kb: list[str] = typer.Option(None, "--kb", help="extra knowledge-base file (CSV or JSONL); repeatable"),
    visual: bool = typer.Option(
        False, "--visual-order", help="text format: reorder Arabic for terminals without bidi"
    ),
    indent: int = typer.Option(None, "--indent", help="json: indentation"),
) -> None:
    """Analyze Arabic news articles and write documents in the rasd.document/1 contract."""
    from ..pipeline import analyze as run

    if published:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError:
            typer.echo(f"error: --published {published!r} is not a date YYYY-MM-DD", err=True)
            raise typer.Exit(2) from None
    kb_obj = _load_kb(kb)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = Console(
        file=out, force_terminal=None if output is None else False, width=None if output is None else 140
    )
    failed = done = 0
    first = True
    try:
        pending: str | None = None  # json: one document alone, several as a list (streamed after the first)
        for item in iter_inputs(paths):
            if isinstance(item, InputError):
                failed += 1
                print(f"error: {item.origin}: {item.message}", file=sys.stderr, flush=True)
                continue
            assert isinstance(item, Article)
            try:
                doc = run(
                    item.text,
                    published=published or item.published,
                    kb=kb_obj,
                    title=item.title,
                    doc_id=item.id,
                    url=item.url,
                    source=item.source,
                    published_source="given" if published else item.published_source,
                )
            except Exception as e:  # noqa: BLE001 - one bad article must not stop the run
                failed += 1
                print(
                    f"error: {item.origin}: analysis failed: {type(e).__name__}: {e}",
                    file=sys.stderr,
                    flush=True,
                )
                continue
            doc.meta["origin"] = item.origin
            doc.meta.update(item.meta)
            done += 1
            if fmt is Format.json:
                js = json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent)
                if first:
                    pending = js
                else:
                    if pending is not None:
                        out.write("[\n" + pending)
                        pending = None
                    out.write(",\n" + js)
            elif fmt is Format.jsonl:
                out.write(doc.to_json() + "\n")
                out.flush()
            elif fmt is Format.text:
                from ..render.text import print_text

                print_text(doc, console=console, visual=visual)
            elif fmt is Format.digest:
                from ..render.digest import render_digest

                out.write(render_digest(doc) + "\n")
            elif fmt is Format.summary:
                from ..render.digest import render_summary

                out.write(render_summary(doc) + "\n")
            first = False
        if fmt is Format.json:
            if pending is not None:
                out.write(pending + "\n")
            elif not first:
                out.write("\n]\n")
            else:
                out.write("[]\n")
    finally:
        if output:
            out.close()
    if failed:
        print(f"{done} analyzed, {failed} failed", file=sys.stderr)
        raise typer.Exit(1)
