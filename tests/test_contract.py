"""The document contract: the committed JSON Schema is generated from the models, and every output validates."""

from __future__ import annotations

import json

import jsonschema
import pytest

import rasd
from rasd import schema
from rasd.document import Document, check_spans


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema.load())


def test_committed_schema_is_generated_from_models():
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.dumps(), "run `rasd schema --write`"


def _all_texts(seed_text, examples_dir):
    yield "seed", seed_text, None
    yield "seed-published", seed_text, "2021-12-30"
    for p in sorted(examples_dir.glob("*.txt")):
        yield p.name, p.read_text(encoding="utf-8"), None


def test_outputs_validate_and_spans_are_exact(seed_text, examples_dir, validator):
    for name, text, published in _all_texts(seed_text, examples_dir):
        doc = rasd.analyze(text, published=published)
        d = json.loads(doc.to_json())
        errors = sorted(validator.iter_errors(d), key=lambda e: list(e.path))
        assert not errors, f"{name}: {errors[0].message} at {list(errors[0].path)}"
        assert check_spans(d) == [], name
        assert d["text"] == text
        assert Document.from_dict(d).to_dict() == d  # round trip


def test_check_spans_catches_bad_spans():
    doc = rasd.analyze("قال الرئيس إن الاتفاق مهم.")
    d = doc.to_dict()
    d["timexes"] = [
        {
            "id": "t1",
            "start": 0,
            "end": 3,
            "text": "xxx",
            "type": "DATE",
            "value": None,
            "mod": None,
            "anchor": None,
            "range_to": None,
            "range_from": None,
        }
    ]
    assert check_spans(d)
    d["timexes"][0].update(start=5, end=500, text="")
    assert any("outside" in p for p in check_spans(d))


def test_schema_rejects_unknown_fields(validator):
    d = rasd.analyze("نص قصير").to_dict()
    d["surprise"] = 1
    assert list(validator.iter_errors(d))
