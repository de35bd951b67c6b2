from __future__ import annotations

import typer


def analyze(paths: list[str] = typer.Argument(..., help="files, directories or - for stdin")) -> None:
    """Analyze articles and write documents in the rasd.document/1 contract."""
    raise typer.Exit(0)
