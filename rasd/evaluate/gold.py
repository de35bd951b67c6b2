"""Scoring rasd against our gold JSON (format ``rasd.gold/1``, documented in the README).

Gold spans are written as ``{"text": "...", "n": k}``: the k-th occurrence (1-based, default 1) of the string in
the article, so annotators never count offsets by hand. :func:`resolve` turns them into offsets.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..document import Document


class GoldError(ValueError):
    pass


def resolve(text: str, span: dict[str, Any] | str) -> tuple[int, int]:
    if isinstance(span, str):
        span = {"text": span}
    if "start" in span and "end" in span:
        return int(span["start"]), int(span["end"])
    s, n = span["text"], int(span.get("n", 1))
    pos = -1
    for _ in range(n):
        pos = text.find(s, pos + 1)
        if pos < 0:
            raise GoldError(f"gold span {s!r} (occurrence {n}) not found in the text")
    return pos, pos + len(s)


def load_gold(path: str | Path) -> tuple[dict[str, Any], str]:
    path = Path(path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    if gold.get("schema") != "rasd.gold/1":
        raise GoldError(f"{path}: not a rasd.gold/1 file")
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(100 * p, 1),
        "recall": round(100 * r, 1),
        "f1": round(100 * f, 1),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def _timex_prf(found: int, matched_pred: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Detection by overlap: recall counts gold expressions found, precision predicted ones that hit a gold one.
    The two counts differ when one prediction covers two gold expressions (or the reverse), so precision is not
    ``found / n_pred`` (which could pass 100)."""
    out = _prf(found, n_pred, n_gold)
    p = matched_pred / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    out["precision"] = round(100 * p, 1)
    out["f1"] = round(100 * (2 * p * r / (p + r)), 1) if p + r else 0.0
    out["matched_pred"] = matched_pred
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_entities(gold: dict, text: str, doc: Document) -> dict[str, Any]:
    pred = {(m.start, m.end, e.type): e for e in doc.entities for m in e.mentions}
    gold_m = []
    for gi, ge in enumerate(gold.get("entities", [])):
        for m in ge["mentions"]:
            s, e = resolve(text, m)
            gold_m.append((s, e, ge["type"], gi))
    tp = sum(1 for s, e, t, _ in gold_m if (s, e, t) in pred)
    res: dict[str, Any] = {"mentions": _prf(tp, len(pred), len(gold_m))}
    # grouping: a gold entity's found mentions should all sit in the one predicted entity most of them sit in
    grouped = found = linked = linkable = 0
    for gi, ge in enumerate(gold.get("entities", [])):
        ents = [pred[(s, e, t)].id for s, e, t, g in gold_m if g == gi and (s, e, t) in pred]
        if ents:
            top, count = Counter(ents).most_common(1)[0]
            grouped += count
            found += len(ents)
        if ge.get("name_en"):
            linkable += 1
            if ents and (doc.entity(top).name_en or "").lower() == ge["name_en"].lower():
                linked += 1
    res["grouping"] = round(100 * grouped / found, 1) if found else 0.0
    res["linked"] = round(100 * linked / linkable, 1) if linkable else 0.0
    res["n"] = {"grouped": grouped, "found": found, "linked": linked, "linkable": linkable}
    return res


def score_timexes(gold: dict, text: str, doc: Document) -> dict[str, Any]:
    gold_t = [(resolve(text, g), g) for g in gold.get("timexes", [])]
    found = exact_value = 0
    for span, g in gold_t:
        match = [x for x in doc.timexes if _overlap((x.start, x.end), span)]
        if match:
            found += 1
            if any(
                x.value == g.get("value") and (g.get("type") is None or x.type == g["type"]) for x in match
            ):
                exact_value += 1
    matched_pred = sum(1 for x in doc.timexes if any(_overlap((x.start, x.end), s) for s, _ in gold_t))
    det = _timex_prf(found, matched_pred, len(doc.timexes), len(gold_t))
    return {
        "detection": det,
        "value_accuracy": round(100 * exact_value / len(gold_t), 1) if gold_t else 0.0,
        "exact_values": exact_value,
        "gold": len(gold_t),
    }


def _speaker_ok(doc: Document, q, want: str | None) -> bool:
    if want is None:
        return q.speaker is None
    if q.speaker is None:
        return False
    ent = doc.entity(q.speaker.entity)
    names = {q.speaker.text}
    if ent:
        names |= {ent.name, ent.name_en or ""}
    want_l = want.lower()
    return any(want_l == n.lower() or (n and want in n) for n in names)


def score_quotes(gold: dict, text: str, doc: Document) -> dict[str, Any]:
    gold_q = [(resolve(text, g["cue"]), g) for g in gold.get("quotes", [])]
    tp = speakers = contents = with_content = 0
    used: set[str] = set()
    for cue, g in gold_q:
        cands = [q for q in doc.quotes if q.id not in used and _overlap((q.cue.start, q.cue.end), cue)]
        if not cands:
            continue
        q = cands[0]
        used.add(q.id)
        tp += 1
        speakers += _speaker_ok(doc, q, g.get("speaker"))
        if g.get("content"):
            cs, ce = resolve(text, g["content"])
            contents += (q.content.start, q.content.end) == (cs, ce)
    with_content = sum(1 for _, g in gold_q if g.get("content"))
    res = {"detection": _prf(tp, len(doc.quotes), len(gold_q))}
    # a gold quote rasd missed counts as a wrong speaker; content spans are scored where the gold gives one
    res["speaker_accuracy"] = round(100 * speakers / len(gold_q), 1) if gold_q else 0.0
    res["content_exact"] = round(100 * contents / with_content, 1) if with_content else None
    res["n"] = {"speakers": speakers, "gold": len(gold_q), "contents": contents, "with_content": with_content}
    return res


def _names(doc: Document, ids: list[str]) -> frozenset[str]:
    """Actors as gold writes them: the KB's English name, else the Arabic name (a romanization rasd made up for
    an unknown person can never be what an annotator wrote)."""
    out = set()
    for i in ids:
        e = doc.entity(i)
        if e:
            out.add((e.name if e.name_en_source == "romanized" else e.name_en or e.name).lower())
    return frozenset(out)


def event_key(type_: str, src: frozenset[str], tgt: frozenset[str], date: str | None, sym: bool) -> tuple:
    """What an event is matched on: a symmetric event's two sides are one set of actors."""
    return (type_, frozenset([src | tgt]) if sym else (src, tgt), date)


def _event_tp(gold: dict, doc: Document, keep_actors: bool, keep_date: bool) -> int:
    """Gold events matched one to one by predicted ones on the (type, actors, date) key, or on a part of it.
    A symmetric gold event matches a prediction's actors in either order; each prediction is used once."""

    def key(type_, src, tgt, date, sym):
        if not keep_actors:
            src = tgt = frozenset()
        return event_key(type_, src, tgt, date if keep_date else None, sym)

    preds = [(ev, _names(doc, ev.source), _names(doc, ev.target)) for ev in doc.events]
    left = list(range(len(preds)))
    tp = 0
    for g in gold.get("events", []):
        src = frozenset(s.lower() for s in g.get("source", []))
        tgt = frozenset(s.lower() for s in g.get("target", []))
        sym = bool(g.get("symmetric", False))
        want = key(g["type"], src, tgt, g.get("date"), sym)
        for i in left:
            ev, ps, pt = preds[i]
            if key(ev.type, ps, pt, ev.date, sym or ev.symmetric) == want:
                left.remove(i)
                tp += 1
                break
    return tp


def score_events(gold: dict, text: str, doc: Document) -> dict[str, Any]:
    """The tuple score, and three looser ones that tell where tuples are lost: type and actors (date ignored),
    type and date (actors ignored), type alone."""
    n_pred, n_gold = len(doc.events), len(gold.get("events", []))
    out = {"tuples": _prf(_event_tp(gold, doc, True, True), n_pred, n_gold)}
    for name, actors, date in (
        ("type_actors", True, False),
        ("type_date", False, True),
        ("type_only", False, False),
    ):
        out[name] = _prf(_event_tp(gold, doc, actors, date), n_pred, n_gold)
    return out


def evaluate_gold(path: str | Path, analyze_fn=None, errors: bool = False) -> dict[str, Any]:
    """Score one gold file; with ``errors`` also list every miss, false alarm and wrong value (``errors``)."""
    from ..pipeline import analyze

    gold, text = load_gold(path)
    doc = (analyze_fn or analyze)(text, published=gold.get("published"))
    out: dict[str, Any] = {"file": str(path)}
    for layer, fn in (
        ("entities", score_entities),
        ("timexes", score_timexes),
        ("quotes", score_quotes),
        ("events", score_events),
    ):
        if gold.get(layer):
            out[layer] = fn(gold, text, doc)
    if errors:
        from .errors import gold_errors

        out["errors"] = gold_errors(gold, text, doc)
    return out
