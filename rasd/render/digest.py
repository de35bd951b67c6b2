"""The English digest of an analyzed Arabic article, and its Arabic extractive summary.

The digest is built from the structured layers only — event types and modes, the knowledge base's English
names, ISO dates and durations — so a reader who does not read Arabic sees who did what to whom and when,
with no machine translation. Quotes stay in Arabic, attributed to speakers named in English.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..document import Document, Entity, Event

MAX_QUOTES = 6
MAX_NAMES = 12
_ISO_DUR = regex.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)
_DUR_UNITS = ("year", "month", "week", "day", "h", "min", "s")
MODALITY_EN = {
    "planned": "planned",
    "hypothetical": "hypothetical",
    "conditional": "conditional",
    "negated": "did not happen",
    "denied": "denied",
}


@lru_cache(maxsize=1)
def _kb():
    try:
        from ..entities.kb import shipped_kb

        return shipped_kb()
    except Exception:  # the digest still works without the knowledge base
        return None


def duration_en(value: str) -> str:
    """PT50M -> "50 min", P3W -> "3 weeks", PT1H30M -> "1 h 30 min"; other values are returned as given."""
    m = _ISO_DUR.match(value or "")
    if not m or not any(m.groups()):
        return value
    parts = []
    for n, unit in zip(m.groups(), _DUR_UNITS, strict=True):
        if n:
            k = int(n)
            parts.append(f"{k} {unit}{'s' if k != 1 and unit in ('year', 'month', 'week', 'day') else ''}")
    return " ".join(parts)


def _clock(value: str) -> tuple[str, bool]:
    """ "2021-12-30T20:35Z" -> ("20:35", True): the time of day and whether it is UTC."""
    t = value.split("T", 1)[1] if "T" in value else value
    utc = t.endswith("Z") or t.endswith("+00:00")
    return t.rstrip("Z").split("+")[0][:5], utc


def _country_name(doc: Document, country_id: str | None) -> str | None:
    if not country_id:
        return None
    for e in doc.entities:
        if e.kb_id == country_id and e.name_en:
            return e.name_en
    kb = _kb()
    entry = kb.get(country_id) if kb is not None else None
    if entry and entry.get("name_en"):
        return entry["name_en"]
    return country_id.split("/", 1)[-1]


def entity_name(e: Entity) -> str:
    return e.name_en or e.name


def actor_label(doc: Document, entity_id: str) -> str:
    """ "Joe Biden (United States)": the English name and, for people and bodies, their country."""
    e = doc.entity(entity_id)
    if e is None:
        return entity_id
    name = entity_name(e)
    if e.country and e.country != e.kb_id and e.kind not in ("country",):
        country = _country_name(doc, e.country)
        # a KB name that already names its country (Ministry of Health (Lebanon)) keeps it once
        if country and country != name and not name.endswith(f"({country})"):
            return f"{name} ({country})"
    return name


@lru_cache(maxsize=1)
def _mode_labels() -> dict[tuple[str, str], str]:
    """(type, mode) -> English label, from the first lexicon row with that pair."""
    from ..events.lexicon import lexicon

    rows = {}
    for entries in lexicon().heads.values():
        for en in entries:
            t = en.trigger
            if t.mode:
                rows.setdefault((t.type, t.mode), (t.row, t.en))
                if t.row < rows[(t.type, t.mode)][0]:
                    rows[(t.type, t.mode)] = (t.row, t.en)
    return {k: v[1] for k, v in rows.items()}


def _gloss(ev: Event) -> str | None:
    """English gloss of the trigger word from the lexicon (warned, invasion, talks ...)."""
    from ..events.lexicon import lexicon
    from ..text import clitic_forms

    words = ev.trigger.text.split()
    if not words:
        return None
    heads = lexicon().heads
    for _, stem in clitic_forms(words[0]):
        for cand in (stem, stem[2:] if stem.startswith("ال") else None):
            if cand and cand in heads:
                same = [e for e in heads[cand] if e.trigger.type == ev.type]
                return (same or list(heads[cand]))[0].trigger.en
    return None


def event_line(doc: Document, ev: Event) -> str:
    details = []
    label = _mode_labels().get((ev.type, ev.mode)) if ev.mode else None
    label = label or _gloss(ev)
    if label:
        details.append(label)
    if ev.attributes.get("about"):
        details.append(f"over {ev.attributes['about']}")
    if ev.attributes.get("duration"):
        details.append(duration_en(ev.attributes["duration"]))
    start, end = ev.attributes.get("start"), ev.attributes.get("end")
    if start or end:
        s = _clock(start) if start else None
        e = _clock(end) if end else None
        utc = all(x[1] for x in (s, e) if x)
        span = "–".join(x[0] for x in (s, e) if x)
        details.append(f"{span} {'UTC' if utc else 'local time'}".strip())
    head = ev.type + (f" ({', '.join(details)})" if details else "")
    arrow = " ↔ " if ev.symmetric else " → "
    actors = ", ".join(actor_label(doc, i) for i in ev.source) or "?"
    if ev.target:
        actors += arrow + ", ".join(actor_label(doc, i) for i in ev.target)
    date = ev.date or "undated"
    if ev.date and ev.date_source == "published":
        date += "*"
    parts = [date, head, actors]
    if ev.location:
        loc = doc.entity(ev.location)
        if loc is not None:
            parts.append(f"in {entity_name(loc)}")
    if ev.modality != "occurred":
        parts.append(MODALITY_EN.get(ev.modality, ev.modality))
    if ev.quote:
        q = next((q for q in doc.quotes if q.id == ev.quote), None)
        who = doc.entity(q.speaker.entity) if q is not None and q.speaker is not None else None
        if who is not None:
            parts.append(f"according to {entity_name(who)}")
    return " · ".join(parts)


def _quote_lines(doc: Document) -> list[str]:
    scored = []
    for q in doc.quotes:
        if q.parent or q.speaker is None:
            continue
        who = doc.entity(q.speaker.entity) if q.speaker.entity else None
        if who is None and not q.speaker.anonymous:
            continue
        if who is None:
            # keep the source as the article words it (مسؤول في البيت الأبيض, مصادر دبلوماسية), with its
            # affiliation in English when the quotes layer linked one
            aff = doc.entity(q.speaker.affiliation) if q.speaker.affiliation else None
            name = f"an unnamed source ({q.speaker.text}" + (f", {entity_name(aff)})" if aff else ")")
        else:
            name = entity_name(who)
        if who is not None:
            role = next((r.text_en for r in who.roles if r.text_en and r.source == "kb"), None)
            if role:
                name += f", {role}"
        content = " ".join(q.content.text.split())
        # direct words first, then the longer reports
        scored.append(((q.kind != "indirect", len(content)), f"- {name}: «{content}»"))
    scored.sort(key=lambda p: p[0], reverse=True)
    return [line for _, line in scored[:MAX_QUOTES]]


def _names(doc: Document, etype: str, with_country: bool) -> str:
    counts = Counter({e.id: len(e.mentions) for e in doc.entities if e.type == etype})
    names = []
    for eid, _ in counts.most_common(MAX_NAMES):
        label = actor_label(doc, eid) if with_country else entity_name(doc.entity(eid))
        if label not in names:
            names.append(label)
    return ", ".join(names)


def render_digest(doc: Document) -> str:
    lines = [f"# {doc.title or doc.id}" + (f" — published {doc.published}" if doc.published else "")]
    lines.append("")
    lines.append("## Events")
    if doc.events:
        lines.extend(
            event_line(doc, ev) for ev in sorted(doc.events, key=lambda e: (e.sentence, e.trigger.start))
        )
        if any(ev.date_source == "published" for ev in doc.events):
            lines.append("(* no date in the text: the publication date)")
    else:
        lines.append("(none found)")
    quotes = _quote_lines(doc)
    if quotes:
        lines += ["", "## Key quotes (Arabic)"] + quotes
    for title, etype, with_country in (
        ("People", "PER", True),
        ("Places", "LOC", False),
        ("Organizations", "ORG", True),
    ):
        names = _names(doc, etype, with_country)
        if names:
            lines += ["", f"## {title}", names]
    return "\n".join(lines)


def render_summary(doc: Document) -> str:
    """The Arabic extractive summary: the summary's sentences in text order, one per line."""
    from ..events.summary import summarize

    idx = doc.summary or summarize(doc)
    return "\n".join(
        doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in idx if 0 <= i < len(doc.sentences)
    )
