"""Currency names (rasd/data/currencies.tsv): a one-word currency mention is MISC, never a place or a body."""

from __future__ import annotations

from entities_helpers import analyze_entities

from rasd.entities.final_spans import currency_names, is_currency
from rasd.entities.mention import Mention
from rasd.text import tokenize


def test_a_one_word_currency_is_not_a_name() -> None:
    toks = tokenize("وارتفع الشيكل أمام الدولار")
    cur = currency_names()
    assert is_currency(toks, Mention(1, 1, toks[1].start, toks[1].end, "LOC"), cur)
    assert is_currency(toks, Mention(3, 3, toks[3].start, toks[3].end, "ORG"), cur)
    # a name the KB links, or a longer name, stays
    assert not is_currency(toks, Mention(1, 1, toks[1].start, toks[1].end, "LOC", ("x/y",)), cur)
    assert not is_currency(toks, Mention(0, 1, toks[0].start, toks[1].end, "ORG"), cur)
    # a word that only strips to a currency-like stem through a proclitic is no currency here
    toks = tokenize("التقى لينا")
    assert not is_currency(toks, Mention(1, 1, toks[1].start, toks[1].end, "PER"), cur)


def test_currencies_in_a_report_are_not_places_or_bodies() -> None:
    # written for this test in news style
    doc = analyze_entities(
        "وتراجع سعر صرف الشيكل أمام الدولار في تعاملات الأحد، فيما استقر الدينار الأردني والجنيه المصري "
        "في بنك إسرائيل المركزي بتل أبيب."
    )
    typed = {m.text: e.type for e in doc.entities for m in e.mentions}
    assert all(typed.get(c, "MISC") == "MISC" for c in ("الشيكل", "الدولار", "الدينار", "الجنيه")), typed
    # an organization head in construct with a place is a body (news_rules: جامعة قطر, بنك إسرائيل), with its
    # closing adjective (news_rules.body_tail)
    assert typed.get("بنك إسرائيل المركزي") == "ORG" and typed.get("تل أبيب") == "LOC"
