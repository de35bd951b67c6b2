"""The corpus commands: ingest, search, entity, quotes, timeline, top, export (registered in rasd/cli.py)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table


def _date(value: str | None) -> str | None:
    """Check a --since/--until value: a date YYYY-MM-DD (a year or year-month is taken as its first day)."""
    if value is None:
        return None
    v = value.strip()
    if re.fullmatch(r"\d{4}", v):
        v += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", v):
        v += "-01"
    try:
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


DB = typer.Option(None, "--db", help="database URL (default $RASD_DB or sqlite:///rasd.db)")
FORMAT = typer.Option("table", "--format", "-f", help="table, json or csv")


def _store(db: str | None):
    from .store import open_store

    try:
        return open_store(db)
    except Exception as e:  # noqa: BLE001 - a bad URL or unreachable server: say so, exit cleanly
        typer.echo(f"error: cannot open the corpus {db or ''}: {type(e).__name__}: {e}", err=True)
        raise typer.Exit(2) from None


def emit(
    rows: list[dict[str, Any]], columns: list[str], fmt: str, title: str | None = None, data: Any = None
) -> None:
    """Rows as a rich table, JSON (``data`` when given, else the rows) or CSV."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows if data is None else data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(
                {
                    k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                    for k, v in r.items()
                }
            )
    elif fmt == "table":
        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(
                *(
                    ""
                    if r.get(c) is None
                    else ", ".join(map(str, r[c]))
                    if isinstance(r.get(c), list)
                    else str(r[c])
                    for c in columns
                )
            )
        Console().print(t)
    else:
        typer.echo(f"error: --format must be table, json or csv, not {fmt!r}", err=True)
        raise typer.Exit(2)


# -- ingest -------------------------------------------------------------------------------------------------
def ingest(
    paths: list[str] = typer.Argument(
        ..., help="files, directories, globs (.txt .html .jsonl .warc[.gz] .rss .atom .xml) or -"
    ),
    db: str | None = DB,
    kb: list[str] = typer.Option([], "--kb", help="extra knowledge-base file(s), CSV or JSONL"),
    engine: str = typer.Option("local", "--engine", help="local or dask"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT"),
    batch_size: int = typer.Option(32, "--batch-size", help="documents per transaction"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    report_json: bool = typer.Option(False, "--json", help="print the final report as JSON"),
) -> None:
    """Analyze articles and add them to the corpus; known documents are skipped, near-duplicates grouped."""
    from ..inputs import iter_inputs
    from .engines import make_engine

    try:
        eng = make_engine(engine, scheduler)
    except Exception as e:  # noqa: BLE001 - bad engine name, unreachable scheduler
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    if kb:
        from .prepare import load_kb

        try:
            load_kb(tuple(kb))  # fail early on a bad file; cached for the run
        except Exception as e:  # noqa: BLE001 - any reader error: report it and stop before ingesting
            typer.echo(f"error: --kb: {type(e).__name__}: {e}", err=True)
            raise typer.Exit(2) from None
    store = _store(db)
    items = list(iter_inputs(paths))
    err = Console(stderr=True)
    started = time.perf_counter()
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )
    with progress:
        task = progress.add_task("ingest", total=len(items), rate="")
        done = 0

        def tick(outcome: str, origin: str) -> None:
            nonlocal done
            done += 1
            rate = done / max(1e-9, time.perf_counter() - started)
            progress.update(task, advance=1, rate=f"{rate:.1f} art/s")

        try:
            report = store.ingest(items, kb_paths=kb, engine=eng, batch_size=batch_size, progress=tick)
        finally:
            eng.close()
    elapsed = time.perf_counter() - started
    if report_json:
        typer.echo(
            json.dumps({**report.to_dict(), "seconds": round(elapsed, 2)}, ensure_ascii=False, indent=2)
        )
    else:
        out = Console()
        out.print(
            f"ingested {report.ingested} (near-duplicates {report.near_duplicates}), "
            f"skipped as known {report.known}, failed {len(report.failed)} — {elapsed:.1f}s"
        )
        for origin, reason in report.failed:
            err.print(f"failed: {origin}: {reason}", markup=False, highlight=False)
    store.close()
    if report.failed:
        raise typer.Exit(1)


# -- search ---------------------------------------------------------------------------------------------------
def search(
    query: str = typer.Argument("", help="words to find (Arabic-aware: clitics, hamza forms, diacritics)"),
    since: str | None = typer.Option(
        None, "--since", help="published on or after YYYY-MM-DD", callback=_date
    ),
    until: str | None = typer.Option(
        None, "--until", help="published on or before YYYY-MM-DD", callback=_date
    ),
    entity: str | None = typer.Option(
        None, "--entity", help="mentions this entity (name, KB id or corpus id)"
    ),
    speaker: str | None = typer.Option(None, "--speaker", help="quotes this speaker"),
    event_type: str | None = typer.Option(None, "--event-type", help="has an event of this PLOVER type"),
    source: str | None = typer.Option(None, "--source", help="from this source (site)"),
    limit: int = typer.Option(20, "--limit"),
    offset: int = typer.Option(0, "--offset"),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Full-text search with filters."""
    store = _store(db)
    rows = store.search(
        query,
        since=since,
        until=until,
        entity=entity,
        speaker=speaker,
        event_type=event_type,
        source=source,
        limit=limit,
        offset=offset,
    )
    emit(rows, ["id", "published", "source", "title", "score", "snippet"], fmt, title=f"search: {query}")


# -- entity ---------------------------------------------------------------------------------------------------
def entity(
    name: str = typer.Argument(..., help="entity name, KB id or corpus id"),
    db: str | None = DB,
    fmt: str = FORMAT,
    chart: Path | None = typer.Option(None, "--chart", help="mentions per day as .png or .svg"),
) -> None:
    """An entity's profile: mentions per day, roles, quotes by and about it, entities mentioned with it."""
    store = _store(db)
    prof = store.entity_profile(name)
    if prof is None:
        typer.echo(f"no entity matches {name!r}", err=True)
        raise typer.Exit(1)
    if chart:
        from .charts import mentions_chart

        mentions_chart(prof, chart)
    if fmt == "json":
        emit([], [], "json", data=prof)
        return
    e = prof["entity"]
    if fmt == "table":
        Console().print(
            f"[bold]{e['name']}[/bold] {e.get('name_en') or ''} {e['type']} {e.get('kb_id') or ''} — "
            f"{e['documents']} documents, {e['stories']} stories, {e['mentions']} mentions"
        )
        emit(
            prof["mentions_per_day"],
            ["day", "mentions", "documents", "stories"],
            "table",
            title="mentions per day",
        )
        emit(prof["roles"], ["text", "text_en", "source", "documents"], "table", title="roles")
        cols = ["published", "speaker", "content", "source", "document"]
        emit(prof["quotes_by"], cols, "table", title="quotes given")
        emit(prof["quotes_about"], cols, "table", title="quotes about")
        emit(prof["co_mentions"], ["name", "type", "documents"], "table", title="mentioned with")
    else:  # csv: the per-day series, the part that tabulates
        emit(prof["mentions_per_day"], ["day", "mentions", "documents", "stories"], fmt)


# -- quotes ---------------------------------------------------------------------------------------------------
def quotes(
    speaker: str | None = typer.Option(None, "--speaker", help="the speaker (name, KB id or corpus id)"),
    about: str | None = typer.Option(None, "--about", help="quotes mentioning or addressing this entity"),
    limit: int = typer.Option(50, "--limit"),
    offset: int = typer.Option(0, "--offset"),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """A speaker's quotes in time order, with their sources."""
    store = _store(db)
    rows = store.quotes(speaker=speaker, about=about, limit=limit, offset=offset)
    emit(
        rows,
        ["published", "speaker", "kind", "content", "about", "source", "url", "document"],
        fmt,
        title="quotes",
    )


# -- timeline -------------------------------------------------------------------------------------------------
def timeline(
    between: tuple[str, str] = typer.Option(..., "--between", help="the two actors"),
    by: str = typer.Option("day", "--by", help="day, week or month"),
    chart: Path | None = typer.Option(None, "--chart", help="write the chart to FILE.png or FILE.svg"),
    all_modalities: bool = typer.Option(
        False, "--all-modalities", help="count planned, denied... events too"
    ),
    members: bool = typer.Option(
        True, "--members/--no-members", help="a country or organization stands for its officials too"
    ),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """Events between two actors per period and type, with a cooperation–conflict score."""
    if by not in ("day", "week", "month"):
        typer.echo("error: --by must be day, week or month", err=True)
        raise typer.Exit(2)
    store = _store(db)
    res = store.timeline(between[0], between[1], by=by, all_modalities=all_modalities, members=members)
    for side, name in (("a", between[0]), ("b", between[1])):
        if res[side] is None:
            typer.echo(f"no entity matches {name!r}", err=True)
            raise typer.Exit(1)
    if chart:
        from .charts import timeline_chart

        try:
            timeline_chart(res, chart)
        except ValueError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from None
    cols = ["period", "type", "events", "stories", "a_to_b", "b_to_a", "type_score", "score"]
    emit(res["rows"], cols, fmt, title=f"{res['a']['name']} ↔ {res['b']['name']}", data=res)
    if fmt == "table":
        emit(res["periods"], ["period", "events", "stories", "score", "mean"], "table", title="per period")


# -- top ------------------------------------------------------------------------------------------------------
def top(
    since: str | None = typer.Option(None, "--since", help="from YYYY-MM-DD", callback=_date),
    until: str | None = typer.Option(None, "--until", help="to YYYY-MM-DD", callback=_date),
    limit: int = typer.Option(10, "--limit"),
    chart: Path | None = typer.Option(None, "--chart", help="most mentioned entities as .png or .svg"),
    db: str | None = DB,
    fmt: str = FORMAT,
) -> None:
    """The most mentioned entities, most quoted speakers and most frequent event types."""
    store = _store(db)
    res = store.top(since=since, until=until, limit=limit)
    if chart:
        from .charts import top_chart

        top_chart(res, chart)
    if fmt == "json":
        emit([], [], "json", data=res)
        return
    if fmt == "csv":  # one table: kind, name, count
        rows = [{"kind": "entity", "name": e["name"], "count": e["documents"]} for e in res["entities"]]
        rows += [{"kind": "speaker", "name": e["name"], "count": e["quotes"]} for e in res["speakers"]]
        rows += [{"kind": "event_type", "name": e["type"], "count": e["events"]} for e in res["event_types"]]
        emit(rows, ["kind", "name", "count"], "csv")
        return
    emit(res["entities"], ["name", "type", "kb_id", "documents", "mentions"], fmt, title="most mentioned")
    emit(res["speakers"], ["name", "quotes", "documents"], fmt, title="most quoted")
    emit(res["event_types"], ["type", "events", "stories", "score"], fmt, title="event types")


# -- export ---------------------------------------------------------------------------------------------------
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="jsonl, csv-events, conll or brat"),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="output file (a directory for brat); default stdout"
    ),
    since: str | None = typer.Option(None, "--since", callback=_date),
    until: str | None = typer.Option(None, "--until", callback=_date),
    source: str | None = typer.Option(None, "--source"),
    db: str | None = DB,
) -> None:
    """Export the corpus: JSONL documents, CSV events, CoNLL entities or brat standoff."""
    from . import export as ex

    if fmt not in ("jsonl", "csv-events", "conll", "brat"):
        typer.echo("error: --format must be jsonl, csv-events, conll or brat", err=True)
        raise typer.Exit(2)
    store = _store(db)
    docs = store.iter_documents(since=since, until=until, source=source)
    if fmt == "brat":
        if out is None:
            typer.echo("error: brat export needs --out DIRECTORY", err=True)
            raise typer.Exit(2)
        n = ex.export_brat(docs, out)
        typer.echo(f"{n} documents written to {out}", err=True)
        return
    if out is None:
        ex.EXPORTERS[fmt](docs, sys.stdout)
        return
    with open(out, "w", encoding="utf-8", newline="") as f:
        n = ex.EXPORTERS[fmt](docs, f)
    typer.echo(f"{n} {'rows' if fmt == 'csv-events' else 'documents'} written to {out}", err=True)


COMMANDS = {
    "ingest": ingest,
    "search": search,
    "entity": entity,
    "quotes": quotes,
    "timeline": timeline,
    "top": top,
    "export": export,
}
