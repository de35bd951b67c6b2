"""The gold-JSON scorer's arithmetic, on a hand-built document."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.document import Document, Entity, Quote, Span, Speaker, Timex
from rasd.evaluate.gold import GoldError, resolve, score_entities, score_quotes, score_timexes

TEXT = "قال بايدن إن بايدن سيزور باريس غدا. وأضاف بايدن أن الزيارة مهمة."


def _span(text: str, n: int = 1) -> Span:
    s, e = resolve(TEXT, {"text": text, "n": n})
    return Span(start=s, end=e, text=text)


def test_resolve_occurrences():
    assert resolve(TEXT, {"text": "بايدن", "n": 2}) == (TEXT.index("بايدن", 5), TEXT.index("بايدن", 5) + 5)
    with pytest.raises(GoldError):
        resolve(TEXT, {"text": "بايدن", "n": 4})


def _doc() -> Document:
    biden = Entity(
        id="e1", type="PER", name="بايدن", name_en="Joe Biden", mentions=[_span("بايدن"), _span("بايدن", 2)]
    )
    biden2 = Entity(id="e2", type="PER", name="بايدن", name_en=None, mentions=[_span("بايدن", 3)])
    paris = Entity(id="e3", type="ORG", name="باريس", mentions=[_span("باريس")])  # wrong type
    q = Quote(
        id="q1",
        kind="indirect",
        cue=_span("قال"),
        content=_span("بايدن سيزور باريس غدا", 1),
        speaker=Speaker(**_span("بايدن").model_dump(), entity="e1"),
    )
    t = Timex(id="t1", type="DATE", value="2024-01-02", **_span("غدا").model_dump())
    return Document(id="d", text=TEXT, entities=[biden, biden2, paris], quotes=[q], timexes=[t])


GOLD = {
    "entities": [
        {
            "type": "PER",
            "name_en": "Joe Biden",
            "mentions": [{"text": "بايدن"}, {"text": "بايدن", "n": 2}, {"text": "بايدن", "n": 3}],
        },
        {"type": "LOC", "name_en": "Paris", "mentions": [{"text": "باريس"}]},
    ],
    "timexes": [{"text": "غدا", "type": "DATE", "value": "2024-01-02"}, {"text": "الزيارة", "value": "x"}],
    "quotes": [
        {"cue": {"text": "قال"}, "speaker": "Joe Biden", "content": {"text": "بايدن سيزور باريس غدا"}},
        {"cue": {"text": "وأضاف"}, "speaker": "Joe Biden"},
    ],
}


def test_entity_scores():
    r = score_entities(GOLD, TEXT, _doc())
    assert r["mentions"]["tp"] == 3 and r["mentions"]["pred"] == 4 and r["mentions"]["gold"] == 4
    assert r["grouping"] == pytest.approx(66.7)  # 2 of the 3 Biden mentions are in the majority group
    assert r["linked"] == 50.0  # Biden linked, Paris not found as LOC


def test_timex_and_quote_scores():
    t = score_timexes(GOLD, TEXT, _doc())
    assert t["exact_values"] == 1 and t["value_accuracy"] == 50.0 and t["detection"]["precision"] == 100.0
    q = score_quotes(GOLD, TEXT, _doc())
    assert q["detection"]["tp"] == 1 and q["detection"]["recall"] == 50.0
    # content is scored only where the gold gives one (the first quote's, which is exact)
    assert q["speaker_accuracy"] == 50.0 and q["content_exact"] == 100.0
    assert q["n"] == {"speakers": 1, "gold": 2, "contents": 1, "with_content": 1}


def test_totals_are_micro_over_files():
    from rasd.commands.evaluate_cmd import _totals

    one = {
        "file": "a",
        "timexes": {"detection": {"tp": 1, "pred": 1, "gold": 1}, "exact_values": 1, "gold": 1},
    }
    one["quotes"] = {"detection": {"tp": 1, "pred": 1, "gold": 3}, "n": {"speakers": 1, "gold": 3}}
    two = {
        "file": "b",
        "timexes": {"detection": {"tp": 3, "pred": 3, "gold": 3}, "exact_values": 1, "gold": 3},
    }
    two["quotes"] = {"detection": {"tp": 1, "pred": 1, "gold": 1}, "n": {"speakers": 1, "gold": 1}}
    for r in (one, two):
        r["quotes"]["n"] |= {"contents": 0, "with_content": 0}
    tot = _totals([one, two])
    assert tot["timexes"]["value_accuracy"] == 50.0  # 2 of 4, not the mean of 100 and 33.3
    assert tot["quotes"]["speaker_accuracy"] == 50.0 and "content_exact" not in tot["quotes"]


def test_evaluate_command_on_examples(examples_dir):
    r = CliRunner().invoke(app, ["evaluate", str(examples_dir / "gold"), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert len(out["gold"]) == 3 and all("entities" in g for g in out["gold"])


@pytest.mark.parametrize("name", ["phone_call", "press_conference", "hijri_report"])
def test_error_list_accounts_for_every_point_lost(name):
    """``--errors`` lists exactly what the scores count: misses + false alarms = (gold - tp) + (pred - tp)."""
    from rasd.evaluate.errors import error_counts
    from rasd.evaluate.gold import evaluate_gold

    res = evaluate_gold(f"examples/gold/{name}.gold.json", errors=True)
    counts = error_counts(res["errors"])
    for layer, key in (("entities", "mentions"), ("quotes", "detection"), ("events", "tuples")):
        if layer not in res:
            continue
        m = res[layer][key]
        assert counts[(layer, "miss")] == m["gold"] - m["tp"], layer
        assert counts[(layer, "false")] == m["pred"] - m["tp"], layer
    t = res["timexes"]
    assert counts[("timexes", "miss")] + counts[("timexes", "value")] == t["gold"] - t["exact_values"]
    assert counts[("quotes", "speaker")] == res["quotes"]["n"]["gold"] - res["quotes"]["n"]["speakers"] - (
        res["quotes"]["detection"]["gold"] - res["quotes"]["detection"]["tp"]
    )


def test_errors_option_prints_each_error_with_its_sentence(tmp_path):
    gold = {
        "schema": "rasd.gold/1",
        "text_file": "a.txt",
        "published": "2024-03-04",
        # a deliberately wrong value: yesterday of 4 March is the 3rd, not the 5th
        "timexes": [{"text": "أمس", "type": "DATE", "value": "2024-03-05"}],
    }
    (tmp_path / "a.txt").write_text("وقال مسؤول أمس إن المفاوضات ستستأنف.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = CliRunner().invoke(app, ["evaluate", "--errors", str(tmp_path / "a.gold.json")]).output
    lines = out.splitlines()
    assert lines[0].endswith("1 errors")
    assert "value" in lines[1] and "2024-03-05" in lines[1] and "2024-03-03" in lines[1]
    assert "وقال مسؤول أمس" in lines[2]


def _accusation(date: str | None = None):
    """A one-sentence document: an unknown person (romanized name) accuses, with the event's date given."""
    from rasd.document import Event

    text = "واتهم خالد العمري وزارة الطاقة بالتقصير."
    s, e = resolve(text, {"text": "خالد العمري"})
    person = Entity(
        id="e1",
        type="PER",
        name="خالد العمري",
        name_en="Khalid al-Omari",
        name_en_source="romanized",
        mentions=[Span(start=s, end=e, text="خالد العمري")],
    )
    ts, te = resolve(text, {"text": "واتهم"})
    trigger = Span(start=ts, end=te, text="واتهم")
    ev = Event(id="v1", type="ACCUSE", trigger=trigger, source=["e1"], sentence=0, date=date)
    return text, person, Document(id="d", text=text, entities=[person], events=[ev])


def test_event_actors_unknown_to_the_kb_match_by_their_arabic_name():
    from rasd.evaluate.gold import score_events

    text, person, doc = _accusation()
    gold = {"events": [{"type": "ACCUSE", "source": ["خالد العمري"], "target": [], "date": None}]}
    assert score_events(gold, text, doc)["tuples"]["tp"] == 1
    # a KB-linked actor is still compared by its English name
    person.name_en_source = "kb"
    assert score_events(gold, text, doc)["tuples"]["tp"] == 0


def test_timex_detection_never_passes_100_when_one_prediction_covers_two_gold_expressions():
    text = "من 10 إلى 13 يناير"
    doc = Document(
        id="d",
        text=text,
        timexes=[Timex(id="t1", type="DATE", value="2024-01-10", start=0, end=len(text), text=text)],
    )
    gold = {
        "timexes": [
            {"text": "10", "type": "DATE", "value": "2024-01-10"},
            {"text": "13 يناير", "type": "DATE", "value": "2024-01-13"},
        ]
    }
    det = score_timexes(gold, text, doc)["detection"]
    assert (det["precision"], det["recall"], det["f1"]) == (100.0, 100.0, 100.0)


def test_looser_event_scores_tell_whether_actors_or_the_date_lost_the_tuple():
    from rasd.evaluate.gold import score_events

    text, _, doc = _accusation("2024-05-02")
    gold = {"events": [{"type": "ACCUSE", "source": ["خالد العمري"], "target": [], "date": "2024-05-01"}]}
    got = {k: v["tp"] for k, v in score_events(gold, text, doc).items()}
    assert got == {"tuples": 0, "type_actors": 1, "type_date": 0, "type_only": 1}
    gold["events"][0]["source"] = ["someone else"]
    gold["events"][0]["date"] = "2024-05-02"
    got = {k: v["tp"] for k, v in score_events(gold, text, doc).items()}
    assert got == {"tuples": 0, "type_actors": 0, "type_date": 1, "type_only": 1}


def test_one_predicted_event_matches_one_gold_event_even_when_gold_has_it_twice_with_and_without_symmetry():
    from rasd.document import Event
    from rasd.evaluate.gold import score_events

    text = "والتقى خالد العمري سمير الحداد أمس."
    ents = []
    for i, name in enumerate(("خالد العمري", "سمير الحداد")):
        s, e = resolve(text, {"text": name})
        ents.append(
            Entity(
                id=f"e{i}",
                type="PER",
                name=name,
                name_en=name,
                name_en_source="romanized",
                mentions=[Span(start=s, end=e, text=name)],
            )
        )
    ts, te = resolve(text, {"text": "والتقى"})
    ev = Event(
        id="v1",
        type="CONSULT",
        trigger=Span(start=ts, end=te, text="والتقى"),
        source=["e0"],
        target=["e1"],
        sentence=0,
        symmetric=False,
    )
    doc = Document(id="d", text=text, entities=ents, events=[ev])
    one = {"type": "CONSULT", "source": ["خالد العمري"], "target": ["سمير الحداد"], "date": None}
    gold = {"events": [dict(one, symmetric=True), dict(one, symmetric=False)]}
    assert score_events(gold, text, doc)["tuples"]["tp"] == 1
