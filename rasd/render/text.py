"""A terminal view of an analyzed document with rich: entities coloured by type, quotes in italics with their
speaker, dates underlined with their value, boilerplate dimmed; then tables of what was found.

Arabic stays in logical order, which terminals with bidi support (VTE, Konsole, mintty, Windows Terminal) display
correctly; ``visual=True`` reorders each line for terminals without it (python-bidi).
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..document import Document

ENTITY_STYLES = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}
LEGEND = "[bold cyan]PER[/] [bold magenta]ORG[/] [bold green]LOC[/] [bold yellow]MISC[/] [underline]date/time[/] [italic]quote[/] [dim]boilerplate[/]"


def _visual(s: str) -> str:
    try:
        from bidi.algorithm import get_display
    except ImportError:  # optional dependency
        return s
    return get_display(s)


def render_text(doc: Document, visual: bool = False) -> Group:
    t = doc.text
    parts: list = [
        Text.from_markup(
            f"[bold]{doc.title or doc.id}[/]  ·  published {doc.published or '?'}"
            f" ({doc.published_source or '-'})"
        ),
        Text.from_markup(LEGEND),
        Text(""),
    ]
    styles: list[tuple[int, int, str]] = []
    for e in doc.entities:
        for m in e.mentions:
            styles.append((m.start, m.end, ENTITY_STYLES.get(e.type, "bold")))
    for x in doc.timexes:
        styles.append((x.start, x.end, "underline"))
    for q in doc.quotes:
        styles.append((q.content.start, q.content.end, "italic"))
        styles.append((q.cue.start, q.cue.end, "reverse"))
    for b in doc.blocks:
        line = Text(t[b.start : b.end])
        if b.kind == "boilerplate":
            line.stylize("dim strike")
        elif b.kind == "heading":
            line.stylize("bold underline")
        for s, e, st in styles:
            if s < b.end and e > b.start:
                line.stylize(st, max(s, b.start) - b.start, min(e, b.end) - b.start)
        if visual:
            line = Text(_visual(line.plain), style=line.style)
        parts.append(line)
    parts.append(Text(""))
    if doc.entities:
        tab = Table(title="Entities", show_lines=False)
        for col in ("id", "type", "name", "English", "kb", "mentions", "roles"):
            tab.add_column(col)
        for e in doc.entities:
            tab.add_row(
                e.id,
                e.type,
                e.name,
                e.name_en or "",
                e.kb_id or "",
                str(len(e.mentions)),
                "; ".join(r.text for r in e.roles[:3]),
            )
        parts.append(tab)
    if doc.quotes:
        tab = Table(title="Quotes")
        for col in ("id", "kind", "speaker", "cue", "content"):
            tab.add_column(col)
        for q in doc.quotes:
            sp = q.speaker
            who = ""
            if sp:
                ent = doc.entity(sp.entity)
                who = sp.text + (f" ({ent.name_en})" if ent and ent.name_en else "")
            content = q.content.text if len(q.content.text) < 90 else q.content.text[:87] + "…"
            tab.add_row(q.id, q.kind, who, q.cue.text, content)
        parts.append(tab)
    if doc.timexes:
        tab = Table(title="Time")
        for col in ("id", "text", "type", "value", "mod"):
            tab.add_column(col)
        for x in doc.timexes:
            tab.add_row(x.id, x.text, x.type, x.value or "", x.mod or "")
        parts.append(tab)
    if doc.events:
        tab = Table(title="Events")
        for col in ("id", "date", "type", "mode", "source", "target", "modality", "trigger"):
            tab.add_column(col, no_wrap=col in ("id", "date", "type"))
        names = {e.id: (e.name_en or e.name) for e in doc.entities}
        for ev in doc.events:
            tab.add_row(
                ev.id,
                ev.date or "",
                ev.type,
                ev.mode or "",
                ", ".join(names.get(i, i) for i in ev.source),
                ", ".join(names.get(i, i) for i in ev.target),
                ev.modality,
                ev.trigger.text,
            )
        parts.append(tab)
    return Group(*parts)


def print_text(doc: Document, console: Console | None = None, visual: bool = False) -> None:
    (console or Console()).print(render_text(doc, visual=visual))
