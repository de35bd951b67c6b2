"""A content ending in a bracketed aside keeps its closing bracket; unmatched trailing punctuation goes."""

from __future__ import annotations

import rasd


def test_content_keeps_its_closing_bracket():
    text = 'وقال مسؤول إن "الاجتماع انتهى في الساعة 14:10" بالتوقيت المحلي (11:10 بتوقيت غرينتش).'
    (q,) = rasd.analyze(text).quotes
    assert q.content.text.endswith("(11:10 بتوقيت غرينتش)")


def test_trailing_punctuation_still_goes():
    text = "وأكد الوزير أن المحادثات مستمرة."
    (q,) = rasd.analyze(text).quotes
    assert q.content.text == "المحادثات مستمرة"
