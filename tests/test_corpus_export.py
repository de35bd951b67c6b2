"""Exports (JSONL in the contract, CSV events, CoNLL, brat) and charts, from the API and the CLI."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from test_corpus_store import call_doc, sanctions_doc
from typer.testing import CliRunner

from rasd.cli import app
from rasd.corpus import export, open_store
from rasd.corpus.charts import label
from rasd.schema import __file__ as schema_init


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    s = open_store(url)
    s.ingest([call_doc(), sanctions_doc()])
    s.close()
    return url


def _schema():
    from pathlib import Path

    return json.loads((Path(schema_init).parent / "rasd.document.schema.json").read_text(encoding="utf-8"))


def test_jsonl_documents_follow_the_contract(db):
    docs = list(open_store(db).iter_documents())
    out = io.StringIO()
    assert export.export_jsonl(docs, out) == 2
    lines = out.getvalue().splitlines()
    schema = _schema()
    for line in lines:
        jsonschema.validate(json.loads(line), schema)
    assert json.loads(lines[0]) == call_doc().to_dict()


def test_csv_events_columns(db):
    out = io.StringIO()
    export.export_csv_events(open_store(db).iter_documents(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (
        list(rows[0])
        == export.EVENT_COLUMNS
        == [
            "date",
            "source",
            "source_country",
            "type",
            "mode",
            "target",
            "target_country",
            "location",
            "modality",
            "document",
            "sentence",
        ]
    )
    consult, threaten, sanction = rows
    assert consult["type"] == "CONSULT" and consult["source"] == "جو بايدن; فلاديمير بوتين"
    assert consult["source_country"] == "country/US; روسيا"  # a KB id when the country is not in the text
    assert consult["date"] == "2021-12-30" and consult["document"] == call_doc().id
    assert consult["sentence"].startswith("أجرى الرئيس الأميركي")
    assert threaten["modality"] == "conditional" and threaten["target"] == "روسيا"
    assert threaten["target_country"] == "روسيا"  # a country is its own country
    assert sanction["source"] == "وزارة الخزانة الأميركية" and sanction["date"] == "2022-01-04"


def test_conll_bio_tags(db):
    lines = export.conll_lines(open_store(db).get_document(call_doc().id))
    assert lines[0].startswith("-DOCSTART-")
    pairs = [tuple(line.split(" ")) for line in lines[1:] if line]
    assert ("جو", "B-PER") in pairs and ("بايدن", "I-PER") in pairs
    i = pairs.index(("فلاديمير", "B-PER"))
    assert pairs[i + 1] == ("بوتين", "I-PER")
    assert ("اتصالا", "O") in pairs
    assert "" in lines[2:]  # sentences are separated


def test_brat_standoff_offsets(db, tmp_path):
    out = tmp_path / "brat"
    assert export.export_brat(open_store(db).iter_documents(), out) == 2
    doc = call_doc()
    text = (out / f"{doc.id}.txt").read_text(encoding="utf-8")
    assert text == doc.text
    ann = (out / f"{doc.id}.ann").read_text(encoding="utf-8").splitlines()
    tlines = [line.split("\t") for line in ann if line.startswith("T")]
    for tid, spec, surface in tlines:
        label_, *frags = spec.replace(";", " ").split(" ")
        pieces = [text[int(frags[k]) : int(frags[k + 1])] for k in range(0, len(frags), 2)]
        assert " ".join(pieces) == surface, (tid, spec)
    labels = {spec.split(" ")[0] for _, spec, _ in tlines}
    assert {"PER", "LOC", "Quote", "Cue", "CONSULT", "THREATEN"} <= labels
    assert any(line.startswith("E") and "Source:" in line for line in ann)
    assert any(line.startswith("R") and line.split("\t")[1].startswith("Speaker") for line in ann)
    assert any(line.startswith("A") and "conditional" in line for line in ann)
    assert "[events]" in (out / "annotation.conf").read_text(encoding="utf-8")


def test_brat_fragments_across_lines():
    assert export._fragments("ab\ncd", 0, 5) == "0 2;3 5"
    assert export._fragments("abcd", 1, 3) == "1 3"


@pytest.mark.parametrize("fmt", ["jsonl", "csv-events", "conll"])
def test_cli_export_to_file(db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    res = CliRunner().invoke(app, ["export", "--format", fmt, "--db", db, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").strip()


def test_cli_export_errors(db, tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--format", "brat", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "pdf", "--db", db]).exit_code == 2
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "--since", "2022-01-01"])
    assert res.exit_code == 0 and len(res.stdout.strip().splitlines()) == 1


@pytest.mark.parametrize("ext, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_charts_from_cli(db, tmp_path, ext, magic):
    runner = CliRunner()
    chart = tmp_path / f"timeline{ext}"
    res = runner.invoke(app, ["timeline", "--between", "بايدن", "بوتين", "--db", db, "--chart", str(chart)])
    assert res.exit_code == 0, res.output
    assert chart.read_bytes().startswith(magic)
    ent = tmp_path / f"entity{ext}"
    assert runner.invoke(app, ["entity", "بايدن", "--db", db, "--chart", str(ent)]).exit_code == 0
    assert ent.read_bytes().startswith(magic)
    top = tmp_path / f"top{ext}"
    assert runner.invoke(app, ["top", "--db", db, "--chart", str(top)]).exit_code == 0
    assert top.read_bytes().startswith(magic)
    bad = runner.invoke(
        app, ["timeline", "--between", "بايدن", "بوتين", "--db", db, "--chart", str(tmp_path / "x.gif")]
    )
    assert bad.exit_code == 2


def test_cli_tables_and_quotes(db):
    runner = CliRunner()
    res = runner.invoke(app, ["quotes", "--speaker", "بيسكوف", "--db", db, "--format", "json"])
    (q,) = json.loads(res.stdout)
    assert q["speaker"] == "دميتري بيسكوف" and q["source"] == "صحيفة المساء"
    res = runner.invoke(
        app, ["timeline", "--between", "بايدن", "بوتين", "--by", "week", "--db", db, "--format", "csv"]
    )
    assert res.stdout.splitlines()[1].startswith("2021-W52,CONSULT,1,1")
    res = runner.invoke(app, ["entity", "روسيا", "--db", db])
    assert res.exit_code == 0 and "روسيا" in res.stdout


def test_chart_labels_are_shaped():
    shaped = label("بايدن")
    assert shaped != "بايدن" and all(not ("\u0600" <= ch <= "\u06ff") for ch in shaped)  # presentation forms
    assert label("Biden") == "Biden" and label(None) == ""


def test_cli_dates_are_checked(db):
    runner = CliRunner()
    bad = runner.invoke(app, ["search", "بايدن", "--since", "yesterday", "--db", db])
    assert bad.exit_code == 2
    ok = runner.invoke(app, ["search", "", "--since", "2022", "--db", db, "--format", "json"])
    assert ok.exit_code == 0 and [h["published"] for h in json.loads(ok.stdout)] == ["2022-01-04"]
    ok = runner.invoke(app, ["top", "--since", "2022-01", "--db", db, "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["since"] == "2022-01-01"
