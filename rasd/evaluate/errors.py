"""The errors behind a gold score: one record per miss, false alarm or wrong value, with its sentence.

``rasd evaluate --errors`` prints them, so whoever fixes a layer works from the same list the score counts
(the matching rules are the scorers' own in :mod:`rasd.evaluate.gold`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..document import Document
from .gold import _names, _overlap, _speaker_ok, event_key, resolve

Error = dict[str, Any]


def _sentence(doc: Document, pos: int) -> str:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return doc.text[s.start : s.end].replace("\n", " ")
    return ""


def _err(layer: str, kind: str, doc: Document, pos: int, **fields: Any) -> Error:
    return {"layer": layer, "kind": kind, **fields, "sentence": _sentence(doc, pos)}


def entity_errors(gold: dict, text: str, doc: Document) -> list[Error]:
    pred = {(m.start, m.end, e.type): e for e in doc.entities for m in e.mentions}
    out: list[Error] = []
    gold_spans = set()
    for ge in gold.get("entities", []):
        for m in ge["mentions"]:
            s, e = resolve(text, m)
            gold_spans.add((s, e, ge["type"]))
            ent = pred.get((s, e, ge["type"]))
            if ent is None:
                got = [
                    f"{x.text} ({en.type})"
                    for en in doc.entities
                    for x in en.mentions
                    if _overlap((s, e), (x.start, x.end))
                ]
                out.append(_err("entities", "miss", doc, s, gold=f"{text[s:e]} ({ge['type']})", got=got))
            elif ge.get("name_en") and (ent.name_en or "").lower() != ge["name_en"].lower():
                out.append(_err("entities", "link", doc, s, gold=ge["name_en"], got=ent.name_en))
    for (s, e, t), ent in pred.items():
        if (s, e, t) not in gold_spans:
            out.append(_err("entities", "false", doc, s, got=f"{text[s:e]} ({t})", name_en=ent.name_en))
    return out


def timex_errors(gold: dict, text: str, doc: Document) -> list[Error]:
    out: list[Error] = []
    spans = []
    for g in gold.get("timexes", []):
        span = resolve(text, g)
        spans.append(span)
        match = [x for x in doc.timexes if _overlap((x.start, x.end), span)]
        want = f"{g.get('type')} {g.get('value')}"
        if not match:
            out.append(_err("timexes", "miss", doc, span[0], gold=f"{text[span[0] : span[1]]} = {want}"))
        elif not any(
            x.value == g.get("value") and (g.get("type") is None or x.type == g["type"]) for x in match
        ):
            got = [f"{x.text} = {x.type} {x.value}" for x in match]
            out.append(
                _err("timexes", "value", doc, span[0], gold=f"{text[span[0] : span[1]]} = {want}", got=got)
            )
    for x in doc.timexes:
        if not any(_overlap((x.start, x.end), s) for s in spans):
            out.append(_err("timexes", "false", doc, x.start, got=f"{x.text} = {x.type} {x.value}"))
    return out


def quote_errors(gold: dict, text: str, doc: Document) -> list[Error]:
    out: list[Error] = []
    used: set[str] = set()
    for g in gold.get("quotes", []):
        cue = resolve(text, g["cue"])
        cands = [q for q in doc.quotes if q.id not in used and _overlap((q.cue.start, q.cue.end), cue)]
        if not cands:
            out.append(
                _err("quotes", "miss", doc, cue[0], gold=f"{text[cue[0] : cue[1]]} ({g.get('speaker')})")
            )
            continue
        q = cands[0]
        used.add(q.id)
        if not _speaker_ok(doc, q, g.get("speaker")):
            ent = doc.entity(q.speaker.entity) if q.speaker else None
            got = None if q.speaker is None else (ent.name_en or ent.name) if ent else q.speaker.text
            out.append(_err("quotes", "speaker", doc, cue[0], cue=q.cue.text, gold=g.get("speaker"), got=got))
    for q in doc.quotes:
        if q.id not in used:
            spk = q.speaker.text if q.speaker else None
            out.append(_err("quotes", "false", doc, q.cue.start, got=q.cue.text, speaker=spk))
    return out


def _event_line(type_: str, src, tgt, sym: bool, date: str | None) -> str:
    arrow = "<->" if sym else "->"
    return f"{type_} {' + '.join(sorted(src)) or '?'} {arrow} {' + '.join(sorted(tgt)) or '?'} @ {date}"


def event_errors(gold: dict, text: str, doc: Document) -> list[Error]:
    """Unmatched gold and predicted events, keyed as :func:`score_events` keys them."""

    key = event_key
    preds = [(ev, _names(doc, ev.source), _names(doc, ev.target)) for ev in doc.events]
    left = list(range(len(preds)))
    out: list[Error] = []
    for g in gold.get("events", []):
        src = frozenset(s.lower() for s in g.get("source", []))
        tgt = frozenset(s.lower() for s in g.get("target", []))
        sym = bool(g.get("symmetric", False))
        want = key(g["type"], src, tgt, g.get("date"), sym)
        hit = next(
            (
                i
                for i in left
                if key(
                    preds[i][0].type, preds[i][1], preds[i][2], preds[i][0].date, sym or preds[i][0].symmetric
                )
                == want
            ),
            None,
        )
        if hit is None:
            out.append(
                {
                    "layer": "events",
                    "kind": "miss",
                    "gold": _event_line(g["type"], src, tgt, sym, g.get("date")),
                }
            )
        else:
            left.remove(hit)
    for i in left:
        ev, src, tgt = preds[i]
        out.append(
            _err(
                "events",
                "false",
                doc,
                ev.trigger.start,
                got=_event_line(ev.type, src, tgt, ev.symmetric, ev.date),
                trigger=ev.trigger.text,
                date_source=ev.date_source,
                modality=ev.modality,
            )
        )
    return out


def gold_errors(gold: dict, text: str, doc: Document) -> list[Error]:
    out: list[Error] = []
    for layer, fn in (
        ("entities", entity_errors),
        ("timexes", timex_errors),
        ("quotes", quote_errors),
        ("events", event_errors),
    ):
        if gold.get(layer):
            out.extend(fn(gold, text, doc))
    return out


def format_errors(errors: list[Error]) -> str:
    lines = []
    for e in errors:
        fields = " ".join(
            f"{k}={v!r}"
            for k, v in e.items()
            if k not in ("layer", "kind", "sentence") and v not in (None, [])
        )
        line = f"  {e['layer']:<8} {e['kind']:<7} {fields}"
        if e.get("sentence"):
            line += f"\n           | {e['sentence'][:200]}"
        lines.append(line)
    return "\n".join(lines)


def error_counts(errors: list[Error]) -> Counter:
    return Counter((e["layer"], e["kind"]) for e in errors)
