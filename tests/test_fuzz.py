"""Fuzzing: no input may crash the analyzer or yield a span outside the text."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasd
from rasd import schema
from rasd.document import check_spans
from rasd.inputs.decode import DecodeError, decode_bytes

VALIDATOR = jsonschema.Draft202012Validator(schema.load())
ARABIC_BITS = [
    "قال",
    "الرئيس",
    "إن",
    "أن",
    '"',
    "«",
    "»",
    "“",
    "”",
    "…",
    ".",
    "؟",
    "!",
    "؛",
    ":",
    "،",
    " ",
    "\n",
    "بـ",
    "لأوكرانيا",
    "للحلف",
    "30",
    "ديسمبر",
    "(كانون الأول)",
    "الساعة",
    "21:25",
    "بتوقيت غرينتش",
    "أمس",
    "ﻻ",
    "\u200f",
    "ـ",
    "ّ",
    "٣٠",
    "۱۴۰۰",
    "هـ",
    "رمضان",
    "1445",
    "وأضاف",
    "مصادر",
    "البيت الأبيض",
    "اقرأ المزيد",
    "بوتين",
]
settings.register_profile("rasd", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("rasd")


def _check(text: str) -> None:
    doc = rasd.analyze(text)
    d = doc.to_dict()
    assert check_spans(d) == []
    assert not list(VALIDATOR.iter_errors(d))


@settings(max_examples=150)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=150)
@given(st.lists(st.sampled_from(ARABIC_BITS), max_size=80).map("".join))
def test_arabic_shaped_noise(text):
    _check(text)


@settings(max_examples=100)
@given(
    st.lists(st.sampled_from(ARABIC_BITS), max_size=40).map(" ".join),
    st.sampled_from([None, "2021-12-30", "1999-01-01"]),
)
def test_with_published(text, published):
    d = rasd.analyze(text, published=published).to_dict()
    assert check_spans(d) == []


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_decode_arbitrary_bytes(data):
    try:
        text, enc = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(text, str) and text.strip()


@settings(max_examples=60)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".jsonl", ".bin"]))
def test_any_file_yields_articles_or_errors(tmp_path_factory, data, ext):
    from rasd.inputs import Article, InputError, iter_inputs

    path = tmp_path_factory.mktemp("fuzz") / f"input{ext}"
    path.write_bytes(data)
    for item in iter_inputs([str(path)]):
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert str(path) in item.origin and "\n" not in item.message


@settings(max_examples=80)
@given(st.lists(st.sampled_from(ARABIC_BITS + ["\ud800", "\udfff", "\ud83d"]), max_size=40).map(" ".join))
def test_lone_surrogates_from_the_python_api(text):
    # files are decoded strictly and never hold lone surrogates, but a Python caller may pass them
    d = rasd.analyze(text).to_dict()
    assert check_spans(d) == []
