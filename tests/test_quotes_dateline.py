"""A dateline opening a paragraph (place, date, agency) is skipped: its agency is never a sentence's subject."""

from __future__ import annotations

import pytest

from rasd import entities, quotes, text
from rasd.pipeline import new_document
from rasd.quotes.context import build_context
from rasd.quotes.dateline import dateline_end


def _body(s: str) -> str:
    doc = new_document(s)
    text.annotate(doc)
    entities.annotate(doc)
    ctx = build_context(doc)
    k = dateline_end(ctx, 0, len(doc.tokens))
    return s[doc.tokens[k].start :]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("بغداد - رووداو: استدعت الوزارة السفير.", "استدعت"),
        ("الرباط - (و م ع): أعلنت الحكومة خطة جديدة.", "أعلنت"),
        ("لندن (رويترز) - قال مسؤول إن المحادثات انتهت.", "قال"),
        ("بيروت، 12 مارس (أ ف ب) -- قال الوزير إن الحكومة ستجتمع.", "قال"),
        ("الكويت - 3 - 5 (كونا) -- أكد الوزير أن البلدين شريكان.", "أكد"),
    ],
)
def test_dateline_is_skipped(line: str, body: str) -> None:
    assert _body(line).startswith(body)


@pytest.mark.parametrize(
    "line",
    [
        "قال وزير الخارجية إن بلاده ترفض القرار.",
        "بغداد - قال مسؤول إن الاجتماع تأجل.",  # a dash, then a verb and no colon: no dateline
        "الرئيس (الذي وصل أمس) التقى نظيره.",  # brackets with no dash or colon after them
        "بغداد - رووداو:",  # nothing after the dateline: the sentence keeps its start
    ],
)
def test_no_dateline(line: str) -> None:
    assert _body(line) == line


def test_dateline_only_at_a_line_start() -> None:
    doc = new_document("وصل الوزير. بغداد - رووداو: قال المسؤول إن الزيارة ناجحة.")
    text.annotate(doc)
    entities.annotate(doc)
    quotes.annotate(doc)
    ctx = build_context(doc)
    k = next(i for i, t in enumerate(doc.tokens) if t.text == "بغداد")
    assert dateline_end(ctx, k, len(doc.tokens)) == k
