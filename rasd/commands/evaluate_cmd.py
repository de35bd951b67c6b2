"""``rasd evaluate``: score rasd on CoNLL/BIO NER files and on our gold JSON files."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table


def _fmt(v) -> str:
    if isinstance(v, dict):
        return f"P {v['precision']} R {v['recall']} F1 {v['f1']} ({v['tp']}/{v['gold']})"
    return str(v)


def _totals(results: list[dict]) -> dict:
    """Micro totals over all files: P/R/F1 from summed counts for each layer's main measure."""
    from ..evaluate.gold import _prf, _timex_prf

    out: dict = {"file": "ALL"}
    for layer, key in (
        ("entities", "mentions"),
        ("timexes", "detection"),
        ("quotes", "detection"),
        ("events", "tuples"),
    ):
        parts = [r[layer][key] for r in results if layer in r]
        if parts and layer == "timexes":
            found, matched, n_pred, n_gold = (
                sum(p[k] if k in p else p["tp"] for p in parts)
                for k in ("tp", "matched_pred", "pred", "gold")
            )
            out[layer] = {key: _timex_prf(found, matched, n_pred, n_gold)}
        elif parts:
            out[layer] = {key: _prf(*(sum(p[k] for p in parts) for k in ("tp", "pred", "gold")))}
    # the looser event scores (where tuples are lost), micro like the tuples
    for name in ("type_actors", "type_date", "type_only"):
        parts = [r["events"][name] for r in results if name in r.get("events", {})]
        if parts:
            out["events"][name] = _prf(*(sum(p[k] for p in parts) for k in ("tp", "pred", "gold")))
    # the other measures, micro over all files from their counts
    for layer, name, num, den in (
        ("entities", "grouping", "grouped", "found"),
        ("entities", "linked", "linked", "linkable"),
        ("quotes", "speaker_accuracy", "speakers", "gold"),
        ("quotes", "content_exact", "contents", "with_content"),
    ):
        counts = [r[layer]["n"] for r in results if layer in r and "n" in r[layer]]
        total = sum(c[den] for c in counts)
        if layer in out and total:
            out[layer][name] = round(100 * sum(c[num] for c in counts) / total, 1)
    exact = [r["timexes"] for r in results if "timexes" in r]
    if exact and sum(t["gold"] for t in exact):
        out["timexes"]["value_accuracy"] = round(
            100 * sum(t["exact_values"] for t in exact) / sum(t["gold"] for t in exact), 1
        )
    return out


def _gold_table(results: list[dict]) -> Table:
    tab = Table(title="rasd vs gold JSON (rasd.gold/1)")
    for col in ("file", "layer", "detection", "other measures"):
        tab.add_column(col)
    for r in results:
        name = Path(r["file"]).name.replace(".gold.json", "")
        for layer in ("entities", "timexes", "quotes", "events"):
            if layer not in r:
                continue
            m = {k: v for k, v in r[layer].items() if k != "n" and v is not None}
            main = m.pop("mentions", None) or m.pop("detection", None) or m.pop("tuples", None)
            # secondary P/R/F1 scores (the looser event keys) as F1 alone: the column stays readable
            rest = (f"{k} F1 {v['f1']}" if isinstance(v, dict) else f"{k} {v}" for k, v in m.items())
            tab.add_row(name, layer, _fmt(main), ", ".join(rest))
    return tab


def evaluate(
    gold: list[Path] = typer.Argument(None, help="gold JSON files or directories (default: examples/gold)"),
    conll: list[Path] = typer.Option(
        None, "--conll", help="CoNLL/BIO NER file(s) to score the entity layer on"
    ),
    types: str = typer.Option("PER,LOC,ORG", "--types", help="CoNLL: entity types to score"),
    limit: int = typer.Option(None, "--limit", help="CoNLL: only the first N sentences"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    errors: bool = typer.Option(
        False,
        "--errors",
        help="gold JSON: also list every miss, false alarm and wrong value with its sentence",
    ),
) -> None:
    """Score rasd against annotated data: CoNLL NER files (--conll) and gold JSON (rasd.gold/1)."""
    console = Console()
    out: dict = {}
    if conll:
        from ..evaluate.conll import evaluate_conll, format_conll_report

        out["conll"] = []
        for f in conll:
            res = evaluate_conll(str(f), types=tuple(t.strip() for t in types.split(",")), limit=limit)
            out["conll"].append(res)
            if not as_json:
                console.print(f"[bold]{f}[/]")
                console.print(format_conll_report(res), markup=False, highlight=False)
    files: list[Path] = []
    for g in gold or ([] if conll else [Path("examples/gold")]):
        files.extend(sorted(g.glob("*.json")) if g.is_dir() else [g])
    if files:
        from ..evaluate.gold import evaluate_gold

        out["gold"] = [evaluate_gold(f, errors=errors) for f in files]
        out["gold_total"] = _totals(out["gold"])
        if not as_json:
            if errors:
                from ..evaluate.errors import format_errors

                for r in out["gold"]:
                    # plain echo: the console would wrap the Arabic sentences mid-line
                    typer.echo(f"{r['file']}: {len(r['errors'])} errors")
                    typer.echo(format_errors(r["errors"]))
            console.print(_gold_table(out["gold"] + [out["gold_total"]]))
    elif not conll:
        typer.echo("nothing to evaluate: give gold JSON files or --conll FILE", err=True)
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
