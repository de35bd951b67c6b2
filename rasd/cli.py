"""The ``rasd`` command. Each command's logic lives in its layer's module; this file only wires them up."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="rasd",
    help="rasd (رصد): Arabic news into entities, quotes, time expressions and events — offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# ---- foundation commands -------------------------------------------------------------------------------
from .commands import analyze_cmd, evaluate_cmd, schema_cmd  # noqa: E402

app.command("analyze")(analyze_cmd.analyze)
app.command("evaluate")(evaluate_cmd.evaluate)
app.command("schema")(schema_cmd.schema)

# ---- layer commands: register yours below with a line or two -------------------------------------------
from .entities.cli import train_ner  # noqa: E402

app.command("train-ner")(train_ner)

from .corpus.cli import COMMANDS as corpus_commands  # noqa: E402

for _name, _fn in corpus_commands.items():
    app.command(_name)(_fn)

from .api.server import serve  # noqa: E402

app.command("serve")(serve)

from .temporal.cli import time as time_cmd  # noqa: E402

app.command("time")(time_cmd)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
