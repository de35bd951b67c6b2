"""Chart geometry for the entity and timeline pages."""

from __future__ import annotations

import pytest

from rasd.web.charts import bar_chart, day_series, fill_periods, mentions_chart, nice_max, timeline_chart


def test_series_from_rows_mappings_and_pairs() -> None:
    rows = [{"day": "2022-01-02", "mentions": 3, "documents": 1}, {"day": "2022-01-01", "mentions": 1}]
    assert day_series(rows) == [("2022-01-01", 1.0), ("2022-01-02", 3.0)]
    assert day_series({"2022-01-01": 2}) == [("2022-01-01", 2.0)]
    assert day_series([("2022-01-01", "4"), ("bad",), {"day": "x", "mentions": "nan"}, None]) == [
        ("2022-01-01", 4.0)
    ]
    assert day_series(None) == [] and bar_chart([]) is None


@pytest.mark.parametrize("value,top", [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (450, 500), (0.3, 0.5)])
def test_axis_tops_are_round(value: float, top: float) -> None:
    assert nice_max(value) == top


def test_quiet_periods_are_filled() -> None:
    assert fill_periods(["2022-01-30", "2022-02-02"], "day") == [
        "2022-01-30",
        "2022-01-31",
        "2022-02-01",
        "2022-02-02",
    ]
    assert fill_periods(["2021-W52", "2022-W02"], "week") == ["2021-W52", "2022-W01", "2022-W02"]
    assert fill_periods(["2021-11", "2022-02"], "month") == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert fill_periods(["not a date"], "day") == ["not a date"]
    assert len(fill_periods(["1990-01-01", "2022-01-01"], "day")) == 2  # too long to fill: left as is


def test_bars_fit_the_plot_and_scale_with_values() -> None:
    chart = bar_chart([("a", 1), ("b", 4), ("c", 0)])
    heights = [b["h"] for b in chart["bars"]]
    assert heights[1] == pytest.approx(4 * heights[0]) and heights[2] == 0
    for b in chart["bars"]:
        assert chart["left"] <= b["x"] and b["x"] + b["w"] <= chart["right"]
        assert b["y"] + b["h"] == pytest.approx(chart["base"])


def test_long_spans_of_mentions_are_drawn_by_month() -> None:
    short = mentions_chart([{"day": "2022-01-01", "mentions": 2}, {"day": "2022-01-05", "mentions": 1}])
    assert short["by"] == "day" and len(short["bars"]) == 5
    long = mentions_chart([{"day": "2021-01-15", "mentions": 2}, {"day": "2021-12-01", "mentions": 1}])
    assert long["by"] == "month" and len(long["bars"]) == 12


def test_timeline_puts_cooperation_above_and_conflict_below() -> None:
    data = {
        "by": "month",
        "rows": [
            {"period": "2022-01", "type": "CONSULT", "events": 2, "stories": 2, "type_score": 1.0},
            {"period": "2022-01", "type": "THREATEN", "events": 1, "stories": 1, "type_score": -6.0},
            {"period": "2022-03", "type": "SANCTION", "events": 3, "stories": 3},
        ],
        "periods": [{"period": "2022-01", "mean": -1.33}, {"period": "2022-03", "mean": -7.0}],
        "scale": {"SANCTION": -7.0},
    }
    chart = timeline_chart(data)
    assert [x["label"] for x in chart["xlabels"]] == ["2022-01", "2022-02", "2022-03"]
    coop = [b for b in chart["bars"] if b["cls"] == "coop"]
    conf = [b for b in chart["bars"] if b["cls"] == "conf"]
    assert len(coop) == 1 and coop[0]["y"] + coop[0]["h"] == pytest.approx(chart["zero"])
    assert len(conf) == 2 and all(b["y"] >= chart["zero"] for b in conf)
    assert [p["mean"] for p in chart["line"]] == ["-1.33", "-7"]
    assert all(p["y"] > chart["zero"] for p in chart["line"])  # negative means below the axis
    assert timeline_chart({"rows": []}) is None and timeline_chart(None) is None
