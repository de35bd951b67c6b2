"""`rasd analyze` end to end through the console script's Typer app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rasd.cli import app

runner = CliRunner()
ARTICLE = "وقال وزير الخارجية في مؤتمر صحافي إن المحادثات ستستأنف الأسبوع المقبل."


def test_json_one_document_and_list(tmp_path, examples_dir):
    one = runner.invoke(app, ["analyze", str(examples_dir / "phone_call.txt")])
    assert one.exit_code == 0, one.output
    assert json.loads(one.stdout)["schema"] == "rasd.document/1"
    two = runner.invoke(
        app, ["analyze", str(examples_dir / "phone_call.txt"), str(examples_dir / "hijri_report.txt")]
    )
    docs = json.loads(two.stdout)
    assert isinstance(docs, list) and len(docs) == 2


def test_jsonl_output_file_and_published(tmp_path, examples_dir):
    out = tmp_path / "out.jsonl"
    r = runner.invoke(
        app,
        [
            "analyze",
            str(examples_dir / "articles.jsonl"),
            "-f",
            "jsonl",
            "-o",
            str(out),
            "--published",
            "2024-06-01",
        ],
    )
    assert r.exit_code == 0, r.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["wire-001", "wire-002"]
    assert all(d["published"] == "2024-06-01" and d["published_source"] == "given" for d in docs)


def test_jsonl_metadata_date_kept(examples_dir):
    r = runner.invoke(app, ["analyze", str(examples_dir / "articles.jsonl"), "-f", "jsonl"])
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert docs[0]["published"] == "2024-05-20" and docs[0]["published_source"] == "metadata"


def test_bad_inputs_reported_good_ones_written(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = runner.invoke(app, ["analyze", str(empty), str(tmp_path / "missing.txt"), str(good), "-f", "jsonl"])
    assert r.exit_code == 1
    assert len(r.stdout.strip().splitlines()) == 1
    err_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(err_lines) == 2 and str(empty) in err_lines[0] and "missing.txt" in err_lines[1]


def test_stdin_and_text_view():
    r = runner.invoke(app, ["analyze", "-", "-f", "text"], input=ARTICLE)
    assert r.exit_code == 0, r.output
    assert "وزير الخارجية" in r.stdout


def test_bad_published_date():
    r = runner.invoke(app, ["analyze", "-", "--published", "30/12/2021"], input=ARTICLE)
    assert r.exit_code == 2


def test_schema_command_check():
    r = runner.invoke(app, ["schema", "--check"])
    assert r.exit_code == 0, r.output
