"""Chart geometry for inline SVG drawn by the templates: numbers here, markup (escaped) in Jinja.

No chart library and no script: the server computes bar positions, the page draws rects with a <title> each,
so the charts show with scripts off and print as they look.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

WIDTH, HEIGHT = 680, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 12, 12, 40

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
    bar_w = max(1.0, slot * 0.75)
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
