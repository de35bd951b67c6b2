from __future__ import annotations

import typer


def schema(
    write: bool = typer.Option(False, "--write", help="rewrite rasd/schema/rasd.document.schema.json"),
    check: bool = typer.Option(False, "--check", help="exit 1 if the committed schema is out of date"),
) -> None:
    """Print the JSON Schema of rasd.document/1, generated from the models."""
    from .. import schema as sch

    if write:
        typer.echo(str(sch.write()))
    elif check:
        if sch.SCHEMA_FILE.read_text(encoding="utf-8") != sch.dumps():
            typer.echo("schema out of date: run `rasd schema --write`", err=True)
            raise typer.Exit(1)
        typer.echo("schema up to date")
    else:
        typer.echo(sch.dumps(), nl=False)
