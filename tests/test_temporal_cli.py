"""``rasd time`` prints the time layer's result for a text."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rasd.cli import app


def test_time_command_json():
    res = CliRunner().invoke(app, ["time", "وصل الوزير أمس إلى جنيف", "--published", "2021-12-30", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["published_source"] == "given"
    assert [(t["text"], t["value"]) for t in out["timexes"]] == [("أمس", "2021-12-29")]


def test_time_command_table_infers_the_date():
    res = CliRunner().invoke(app, ["time", "أعلنت الحكومة الخميس 30 ديسمبر أن الأزمة بدأت في 2014."])
    assert res.exit_code == 0, res.output
    assert "2021-12-30 (inferred)" in res.output


def test_time_command_takes_a_long_text_that_cannot_be_a_file_name():
    # over 255 bytes of Arabic with a line break: looking it up as a file must not fail
    s = "وصل الوزير أمس إلى جنيف في زيارة رسمية تستمر ثلاثة أيام يلتقي خلالها نظراءه الأوروبيين.\n\n" * 3
    res = CliRunner().invoke(app, ["time", s, "--published", "2021-12-30", "--json"])
    assert res.exit_code == 0, res.output
    assert [t["value"] for t in json.loads(res.output)["timexes"]][:2] == ["2021-12-29", "P3D"]
