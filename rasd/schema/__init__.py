"""The JSON Schema of ``rasd.document/1``, generated from :mod:`rasd.document`.

Regenerate after changing the models: ``rasd schema --write`` (or ``python -m rasd.schema``).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..document import Document

SCHEMA_FILE = Path(__file__).with_name("rasd.document.schema.json")


def generate() -> dict:
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://rasd.invalid/schema/rasd.document/1"
    schema["title"] = "rasd.document/1"
    return schema


def dumps() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def write() -> Path:
    SCHEMA_FILE.write_text(dumps(), encoding="utf-8")
    return SCHEMA_FILE
