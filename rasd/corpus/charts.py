"""Charts for the analysts' questions (matplotlib, no display needed): PNG or SVG by the file's extension.

Arabic labels are shaped (arabic-reshaper) and put in visual order (python-bidi), since matplotlib draws
characters one by one, left to right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

FORMATS = {".png": "png", ".svg": "svg"}


def label(s: str | None) -> str:
    """A string matplotlib draws legibly, Arabic included."""
    if not s:
        return ""
    if not any("\u0600" <= ch <= "\u06ff" for ch in s):
        return s
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(s))


def _name(e: dict | None) -> str:
    if not e:
        return "?"
    return label(e.get("name"))


def _save(fig: Any, path: str | Path) -> Path:
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ValueError(f"chart file must end in .png or .svg, not {p.suffix or '(none)'}")
    fig.tight_layout()
    fig.savefig(p, format=fmt, dpi=120)
    plt.close(fig)
    return p


def timeline_chart(result: dict, path: str | Path) -> Path:
    """Bars: cooperation–conflict score per period (green above zero, red below); line: stories per period."""
    periods = result.get("periods", [])
    xs = [p["period"] for p in periods]
    scores = [p["score"] for p in periods]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.5 * len(xs) + 3), 4))
    ax.bar(range(len(xs)), scores, color=["#2e7d32" if s >= 0 else "#c62828" for s in scores])
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylabel("cooperation – conflict score")
    ax.set_xticks(range(len(xs)), xs, rotation=45, ha="right", fontsize=8)
    if periods:
        ax2 = ax.twinx()
        ax2.plot(range(len(xs)), [p["stories"] for p in periods], color="#1565c0", marker="o", linewidth=1)
        ax2.set_ylabel("stories", color="#1565c0")
    else:
        ax.text(0.5, 0.5, "no events between them", ha="center", va="center", transform=ax.transAxes)
    ax.set_title(f"{_name(result.get('a'))} ↔ {_name(result.get('b'))} (per {result.get('by', 'day')})")
    return _save(fig, path)


def mentions_chart(profile: dict, path: str | Path) -> Path:
    """Mentions and stories per day for an entity profile."""
    days = profile.get("mentions_per_day", [])
    xs = [d["day"] or "?" for d in days]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.4 * len(xs) + 3), 4))
    ax.bar(range(len(xs)), [d["mentions"] for d in days], color="#6d4c41", label="mentions")
    ax.plot(range(len(xs)), [d["stories"] for d in days], color="#1565c0", marker="o", label="stories")
    ax.set_xticks(range(len(xs)), xs, rotation=45, ha="right", fontsize=8)
    ax.legend()
    ax.set_title(_name(profile.get("entity")))
    return _save(fig, path)


def top_chart(result: dict, path: str | Path) -> Path:
    """Horizontal bars: the most mentioned entities (documents)."""
    ents = list(reversed(result.get("entities", [])))
    fig, ax = plt.subplots(figsize=(7, max(3.0, 0.35 * len(ents) + 1)))
    ax.barh(range(len(ents)), [e["documents"] for e in ents], color="#455a64")
    ax.set_yticks(range(len(ents)), [_name(e) for e in ents])
    ax.set_xlabel("documents")
    ax.set_title("most mentioned" + (f" since {result['since']}" if result.get("since") else ""))
    return _save(fig, path)
