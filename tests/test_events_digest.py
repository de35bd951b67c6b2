"""The English digest and the Arabic summary, built from the structured layers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd import events
from rasd.events.fixture import prepared
from rasd.events.summary import summarize, summary_size
from rasd.render.digest import duration_en, event_line, render_digest, render_summary

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_94f9661d6d9a40c9.txt"
FIXTURE = Path(__file__).parent / "events_seed_fixture.json"

CALL = (
    "أجرى الرئيس الفرنسي إيمانويل ماكرون، الاثنين، اتصالا هاتفيا استمر 40 دقيقة مع نظيره المصري عبد الفتاح "
    "السيسي. وقال المتحدث باسم الرئاسة إن الرئيسين اتفقا على مواصلة التنسيق. ومن المقرر أن يزور ماكرون "
    "القاهرة في 3 أبريل. ورحبت ألمانيا بنتائج الاتصال."
)
CALL_ENTITIES = [
    ["إيمانويل ماكرون", "PER", "Emmanuel Macron", "person/emmanuel-macron", "country/FR", "person"],
    ["ماكرون", "PER", "Emmanuel Macron", "person/emmanuel-macron", "country/FR", "person"],
    ["عبد الفتاح السيسي", "PER", "Abdel Fattah el-Sisi", "person/sisi", "country/EG", "person"],
    ["القاهرة", "LOC", "Cairo", "city/cairo", "country/EG", "capital"],
    ["ألمانيا", "LOC", "Germany", "country/DE", "country/DE", "country"],
]
CALL_TIMEXES = [
    ["الاثنين", "DATE", "2023-03-13"],
    ["40 دقيقة", "DURATION", "PT40M"],
    ["3 أبريل", "DATE", "2023-04-03"],
]


def call_doc():
    return events.annotate(prepared(CALL, "2023-03-14", CALL_ENTITIES, CALL_TIMEXES))


@pytest.mark.parametrize(
    "value, text",
    [("PT50M", "50 min"), ("PT1H30M", "1 h 30 min"), ("P3W", "3 weeks"), ("P1D", "1 day"), ("X", "X")],
)
def test_duration_en(value: str, text: str) -> None:
    assert duration_en(value) == text


def test_event_lines_are_dated_typed_and_named_in_english() -> None:
    doc = call_doc()
    lines = [event_line(doc, ev) for ev in doc.events]
    # countries come from the knowledge base when the article does not name them
    assert (
        lines[0]
        == "2023-03-13 · CONSULT (phone call, 40 min) · Emmanuel Macron (France) ↔ Abdel Fattah el-Sisi (Egypt)"
    )
    # what the two agreed in the call is dated by the call (the day the article reports) ...
    agree = next(line for line in lines if " AGREE" in line)
    assert agree.startswith("2023-03-13 · AGREE")
    # ... a third party's undated reaction by the publication date, marked
    welcome = next(line for line in lines if " SUPPORT" in line)
    assert welcome.startswith("2023-03-14* · SUPPORT") and "Germany" in welcome
    visit = next(line for line in lines if "visit" in line)
    assert visit == "2023-04-03 · CONSULT (visit) · Emmanuel Macron (France) → Cairo (Egypt) · planned"


def test_digest_sections() -> None:
    text = render_digest(call_doc())
    assert "## Events" in text and "## People" in text and "## Places" in text
    assert "Cairo" in text
    assert "(* no date in the text: the publication date)" in text
    assert not any("\u0600" <= ch <= "\u06ff" for ch in text.split("## Key quotes")[0])  # English only


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not available")
def test_seed_digest_first_line_matches_the_issue() -> None:
    fx = json.loads(FIXTURE.read_text(encoding="utf-8"))
    doc = events.annotate(
        prepared(SEED.read_text(encoding="utf-8"), fx["published"], fx["entities"], fx["timexes"])
    )
    text = render_digest(doc)
    assert (
        "2021-12-30 · CONSULT (phone call, 50 min, 20:35–21:25 UTC) · Joe Biden (United States) ↔ "
        "Vladimir Putin (Russia)"
    ) in text
    assert (
        "2022-01-10 · CONSULT (talks) · Wendy Sherman (United States) ↔ Sergei Ryabkov (Russia) · in Geneva"
        in text
    )


def test_summary_picks_the_busiest_sentences_in_order() -> None:
    doc = call_doc()
    assert doc.summary == summarize(doc)
    assert doc.summary[0] == 0 and doc.summary == sorted(doc.summary)
    out = render_summary(doc)
    assert out.splitlines()[0].startswith("أجرى الرئيس الفرنسي")


def test_summary_size() -> None:
    assert summary_size(3) == 2 and summary_size(30) == 5 and summary_size(18) == 3


def test_empty_document() -> None:
    doc = events.annotate(prepared(""))
    assert "(none found)" in render_digest(doc)
    assert render_summary(doc) == ""


def test_digest_names_an_anonymous_source_as_the_article_words_it() -> None:
    from pathlib import Path

    import rasd
    from rasd.render.digest import render_digest

    text = (Path(__file__).parent.parent / "examples" / "phone_call.txt").read_text(encoding="utf-8")
    out = render_digest(rasd.analyze(text, published="2023-03-14"))
    assert "an unnamed source (مصدر دبلوماسي فرنسي" in out


def test_a_body_whose_english_name_holds_its_country_names_it_once() -> None:
    import rasd
    from rasd.render.digest import actor_label

    text = "بيروت - قالت وزارة الصحة اللبنانية في بيان إن حصيلة الغارة ارتفعت إلى ثلاثة قتلى."
    doc = rasd.analyze(text, published="2024-07-31")
    ministry = next(e for e in doc.entities if e.name_en and e.name_en.startswith("Ministry of Health"))
    label = actor_label(doc, ministry.id)
    assert label == "Ministry of Health (Lebanon)", label
