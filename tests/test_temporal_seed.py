"""The reference article: its 14 temporal expressions with exact values, with the publication date given and
with none (then it is inferred from the text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.document import check_spans
from rasd.pipeline import analyze

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"

EXPECTED = [
    ("الخميس 30 ديسمبر (كانون الأول) الحالي", "DATE", "2021-12-30", None),
    ("50 دقيقة", "DURATION", "PT50M", None),
    ("الساعة 16:25", "TIME", "2021-12-30T16:25", None),
    ("21:25 بتوقيت غرينتش", "TIME", "2021-12-30T21:25Z", None),
    ("ما يزيد قليلاً عن ثلاثة أسابيع", "DURATION", "P3W", "MORE_THAN"),
    ("تمام الساعة 15:35", "TIME", "2021-12-30T15:35", None),
    ("20:35 بتوقيت غرينيتش", "TIME", "2021-12-30T20:35Z", None),
    ("يونيو (حزيران)", "DATE", "2021-06", None),
    ("10 يناير (كانون الثاني)", "DATE", "2022-01-10", None),
    ("الأربعاء (29 ديسمبر)", "DATE", "2021-12-29", None),
    ("مطلع ديسمبر الحالي", "DATE", "2021-12", "START"),
    ("2014", "DATE", "2014", None),
    ("12 يناير", "DATE", "2022-01-12", None),
    ("13 يناير", "DATE", "2022-01-13", None),
]

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not available")


@pytest.mark.parametrize("published", ["2021-12-30", None])
def test_all_fourteen_exact(published):
    doc = analyze(SEED.read_text(encoding="utf-8"), published=published)
    assert check_spans(doc) == []
    got = [(t.text, t.type, t.value, t.mod) for t in doc.timexes]
    for want in EXPECTED:
        assert want in got
    # the 14 come in text order
    order = [got.index(w) for w in EXPECTED]
    assert order == sorted(order)


def test_published_given_is_kept():
    doc = analyze(SEED.read_text(encoding="utf-8"), published="2021-12-30")
    assert (doc.published, doc.published_source) == ("2021-12-30", "given")


def test_published_inferred_from_weekday_and_date():
    doc = analyze(SEED.read_text(encoding="utf-8"))
    assert (doc.published, doc.published_source) == ("2021-12-30", "inferred")


def test_relative_values_name_their_anchor():
    doc = analyze(SEED.read_text(encoding="utf-8"))
    by_text = {t.text: t for t in doc.timexes}
    assert by_text["10 يناير (كانون الثاني)"].anchor == "2021-12-30"
    assert by_text["2014"].anchor is None


def test_only_vague_references_beyond_the_fourteen():
    doc = analyze(SEED.read_text(encoding="utf-8"), published="2021-12-30")
    extra = {t.value for t in doc.timexes if (t.text, t.type, t.value, t.mod) not in EXPECTED}
    assert extra <= {"PAST_REF", "FUTURE_REF", "PRESENT_REF"}
