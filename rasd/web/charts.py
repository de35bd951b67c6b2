"""Chart geometry for inline SVG drawn by the templates: numbers here, markup (escaped) in Jinja.

No chart library and no script: the server computes bar positions, the page draws rects with a <title> each,
so the charts show with scripts off and print as they look.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

WIDTH, HEIGHT = 680, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 12, 12, 40

MAX_BAR = 42.0  # px: a few periods should not become slabs

LABEL_KEYS = ("day", "date", "period", "published", "label", "month", "week")
VALUE_KEYS = ("count", "mentions", "n", "value", "total")


def day_series(data: Any) -> list[tuple[str, float]]:
    """Points ``(label, value)`` from what a store reports: a mapping, ``[{day, count}]`` rows or pairs."""
    if not data:
        return []
    if isinstance(data, dict):
        items: Iterable = data.items()
    else:
        items = data
    out: list[tuple[str, float]] = []
    for item in items:
        if isinstance(item, dict):
            label = next((item[k] for k in LABEL_KEYS if item.get(k) is not None), None)
            value = next((item[k] for k in VALUE_KEYS if item.get(k) is not None), None)
        elif isinstance(item, (list, tuple)) and len(item) >= 2:
            label, value = item[0], item[1]
        else:
            continue
        number = _number(value)
        if label is None or number is None:
            continue
        out.append((str(label), number))
    out.sort(key=lambda p: p[0])
    return out


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def nice_max(value: float) -> float:
    """A round axis top at or above ``value``: 1, 2, 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def _x_labels(labels: list[str], xs: list[float], every: int) -> list[dict[str, Any]]:
    return [
        {"x": x, "label": lab} for i, (lab, x) in enumerate(zip(labels, xs, strict=True)) if i % every == 0
    ]


def bar_chart(
    series: list[tuple[str, float]], width: int = WIDTH, height: int = HEIGHT
) -> dict[str, Any] | None:
    """Bars for a series of non-negative values; ``None`` when there is nothing to draw."""
    if not series:
        return None
    plot_w = width - PAD_LEFT - PAD_RIGHT
    plot_h = height - PAD_TOP - PAD_BOTTOM
    top = nice_max(max(v for _, v in series))
    slot = plot_w / len(series)
    bar_w = min(max(1.0, slot * 0.75), MAX_BAR)
    bars, xs = [], []
    for i, (label, value) in enumerate(series):
        h = plot_h * max(value, 0) / top
        x = PAD_LEFT + i * slot + (slot - bar_w) / 2
        xs.append(x + bar_w / 2)
        bars.append(
            {"x": x, "y": PAD_TOP + plot_h - h, "w": bar_w, "h": h, "label": label, "value": _fmt(value)}
        )
    ticks = [{"y": PAD_TOP + plot_h - plot_h * f, "label": _fmt(top * f)} for f in (0, 0.5, 1)]
    every = max(1, math.ceil(len(series) / 8))
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "ticks": ticks,
        "xlabels": _x_labels([s[0] for s in series], xs, every),
        "base": PAD_TOP + plot_h,
        "left": PAD_LEFT,
        "right": width - PAD_RIGHT,
        "total": _fmt(sum(v for _, v in series)),
    }


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


MAX_FILLED = 400  # periods; longer spans are drawn as they come, without empty periods between


def _period_date(period: str, by: str) -> date | None:
    try:
        if by == "week":
            year, week = period.split("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        if by == "month":
            return date.fromisoformat(period + "-01")
        return date.fromisoformat(period[:10])
    except (ValueError, TypeError):
        return None


def _period_label(d: date, by: str) -> str:
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return d.isoformat()[:7]
    return d.isoformat()


def _next_period(d: date, by: str) -> date:
    if by == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return d + timedelta(days=7 if by == "week" else 1)


def fill_periods(labels: list[str], by: str) -> list[str]:
    """All periods from the first label to the last, so that quiet periods show as gaps."""
    dates = [_period_date(label, by) for label in labels]
    if not labels or any(d is None for d in dates):
        return labels
    first, last = min(dates), max(dates)  # type: ignore[type-var]
    out, d = [], first
    while d <= last and len(out) <= MAX_FILLED:
        out.append(_period_label(d, by))
        d = _next_period(d, by)
    return out if len(out) <= MAX_FILLED else sorted(set(labels))


def mentions_chart(per_day: Any) -> dict[str, Any] | None:
    """Mentions over time: by day over short spans, by month over long ones."""
    series = day_series(per_day)
    if not series:
        return None
    by = "day"
    days = [_period_date(label, "day") for label, _ in series]
    if all(days) and (max(days) - min(days)).days > 120:  # type: ignore[operator]
        by = "month"
        months: dict[str, float] = {}
        for label, value in series:
            months[label[:7]] = months.get(label[:7], 0.0) + value
        series = sorted(months.items())
    values = dict(series)
    chart = bar_chart([(label, values.get(label, 0.0)) for label in fill_periods(list(values), by)])
    if chart is not None:
        chart["by"] = by
    return chart


def timeline_chart(
    data: dict[str, Any] | None, width: int = WIDTH, height: int = 280
) -> dict[str, Any] | None:
    """Events between two actors per period: cooperative types stacked above the axis, conflictual ones below,
    and the mean cooperation–conflict score of each period as a line (right axis, -10 to +10)."""
    if not data or not data.get("rows"):
        return None
    by = data.get("by") or "day"
    scale = data.get("scale") or {}
    cells: dict[str, list[dict[str, Any]]] = {}
    for row in data["rows"]:
        cells.setdefault(str(row.get("period")), []).append(row)
    periods = fill_periods(sorted(cells), by)
    up = {p: sum(_count(r) for r in cells.get(p, []) if _tone(r, scale) >= 0) for p in periods}
    down = {p: sum(_count(r) for r in cells.get(p, []) if _tone(r, scale) < 0) for p in periods}
    top = nice_max(max(max(up.values()), max(down.values()), 1))
    plot_w = width - PAD_LEFT - 40
    plot_h = height - PAD_TOP - PAD_BOTTOM
    zero = PAD_TOP + plot_h / 2
    half = plot_h / 2
    slot = plot_w / len(periods)
    bar_w = min(max(1.0, slot * 0.7), MAX_BAR)
    bars, xs, line = [], [], []
    means = {str(p.get("period")): p.get("mean") for p in data.get("periods") or []}
    for i, period in enumerate(periods):
        x = PAD_LEFT + i * slot + (slot - bar_w) / 2
        xs.append(x + bar_w / 2)
        y_up, y_down = zero, zero
        for row in sorted(cells.get(period, []), key=lambda r: -abs(_tone(r, scale))):
            h = half * _count(row) / top
            tone = _tone(row, scale)
            tip = f"{period} · {row.get('type')}: {_fmt(_count(row))} (score {_fmt(tone)})"
            if tone >= 0:
                y_up -= h
                bars.append(
                    {
                        "x": x,
                        "y": y_up,
                        "w": bar_w,
                        "h": h,
                        "cls": "coop" if tone > 0 else "neutral",
                        "tip": tip,
                    }
                )
            else:
                bars.append({"x": x, "y": y_down, "w": bar_w, "h": h, "cls": "conf", "tip": tip})
                y_down += h
        mean = _number(means.get(period))
        if mean is not None and period in cells:
            line.append(
                {"x": x + bar_w / 2, "y": zero - half * max(-10.0, min(10.0, mean)) / 10, "mean": _fmt(mean)}
            )
    every = max(1, math.ceil(len(periods) / 8))
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "line": line,
        "points": " ".join(f"{p['x']:.1f},{p['y']:.1f}" for p in line),
        "zero": zero,
        "top_y": PAD_TOP,
        "bottom_y": PAD_TOP + plot_h,
        "left": PAD_LEFT,
        "right": PAD_LEFT + plot_w,
        "max": _fmt(top),
        "xlabels": _x_labels(periods, xs, every),
    }


def _count(row: dict[str, Any]) -> float:
    return _number(row.get("stories", row.get("events"))) or 0.0


def _tone(row: dict[str, Any], scale: dict[str, Any]) -> float:
    value = _number(row.get("type_score"))
    if value is None:
        value = _number(scale.get(str(row.get("type")))) or 0.0
    return value
