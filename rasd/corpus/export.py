"""Exports: JSONL documents in the contract, CSV events, CoNLL entities and brat standoff files."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..text import tokenize

EVENT_COLUMNS = [
    "date",
    "source",
    "source_country",
    "type",
    "mode",
    "target",
    "target_country",
    "location",
    "modality",
    "document",
    "sentence",
]


def export_jsonl(docs: Iterable[dict], out: TextIO) -> int:
    n = 0
    for d in docs:
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        n += 1
    return n


def _country_name(doc: dict, ents: dict[str, dict], e: dict) -> str:
    """The entity's country: itself when it is a country, else its country's name in the document, else its id."""
    if e.get("kind") == "country":
        return e.get("name") or ""
    c = e.get("country")
    if not c:
        return ""
    for other in ents.values():
        if other.get("kb_id") == c or other.get("id") == c:
            return other.get("name") or c
    return c


def event_rows(doc: dict) -> list[dict[str, str]]:
    """One row per event of the document, with actors by name and the sentence's text."""
    ents = {e["id"]: e for e in doc.get("entities", [])}
    text = doc["text"]
    sentences = doc.get("sentences", [])
    rows = []
    for ev in doc.get("events", []):
        src = [ents[i] for i in ev.get("source", []) if i in ents]
        tgt = [ents[i] for i in ev.get("target", []) if i in ents]
        loc = ents.get(ev.get("location") or "")
        si = ev.get("sentence", 0)
        sent = sentences[si] if 0 <= si < len(sentences) else None
        rows.append(
            {
                "date": ev.get("date") or doc.get("published") or "",
                "source": "; ".join(e["name"] for e in src),
                "source_country": "; ".join(
                    dict.fromkeys(c for e in src if (c := _country_name(doc, ents, e)))
                ),
                "type": ev["type"],
                "mode": ev.get("mode") or "",
                "target": "; ".join(e["name"] for e in tgt),
                "target_country": "; ".join(
                    dict.fromkeys(c for e in tgt if (c := _country_name(doc, ents, e)))
                ),
                "location": loc["name"] if loc else "",
                "modality": ev.get("modality", "occurred"),
                "document": doc["id"],
                "sentence": " ".join(text[sent["start"] : sent["end"]].split()) if sent else "",
            }
        )
    return rows


def export_csv_events(docs: Iterable[dict], out: TextIO) -> int:
    w = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for d in docs:
        for row in event_rows(d):
            w.writerow(row)
            n += 1
    return n


def _mention_spans(doc: dict) -> list[tuple[int, int, str]]:
    spans = [
        (m["start"], m["end"], e["type"]) for e in doc.get("entities", []) for m in e.get("mentions", [])
    ]
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, str]] = []
    for s in spans:  # nested or overlapping mentions: the first, longest one wins
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def conll_lines(doc: dict) -> list[str]:
    """``token TAG`` lines (BIO over the text layer's tokens), a blank line after each sentence."""
    text = doc["text"]
    spans = _mention_spans(doc)
    lines = [f"-DOCSTART- {doc['id']}", ""]
    sentences = doc.get("sentences") or [{"start": 0, "end": len(text)}]
    j = 0
    for s in sentences:
        toks = [t for t in tokenize(text, s["start"], s["end"])]
        if not toks:
            continue
        prev_span = None
        for t in toks:
            while j < len(spans) and spans[j][1] <= t.start:
                j += 1
            tag = "O"
            if j < len(spans) and spans[j][0] < t.end and t.start < spans[j][1]:
                tag = ("I-" if prev_span == j else "B-") + spans[j][2]
                prev_span = j
            else:
                prev_span = None
            lines.append(f"{t.text} {tag}")
        lines.append("")
    return lines


def export_conll(docs: Iterable[dict], out: TextIO) -> int:
    n = 0
    for d in docs:
        out.write("\n".join(conll_lines(d)) + "\n")
        n += 1
    return n


def _fragments(text: str, start: int, end: int) -> str:
    """brat offsets; a span crossing a line break becomes several fragments."""
    parts, s = [], start
    for i in range(start, end):
        if text[i] == "\n":
            if i > s:
                parts.append(f"{s} {i}")
            s = i + 1
    if end > s:
        parts.append(f"{s} {end}")
    return ";".join(parts) or f"{start} {end}"


def _one_line(s: str) -> str:
    return " ".join(s.split())


def brat_ann(doc: dict) -> str:
    """The ``.ann`` standoff for a document: entities, time expressions, quotes with speakers, events."""
    text = doc["text"]
    lines: list[str] = []
    counters = {"T": 0, "E": 0, "R": 0, "#": 0, "A": 0}

    def new(kind: str) -> str:
        counters[kind] += 1
        return f"{kind}{counters[kind]}"

    def tb(label: str, start: int, end: int) -> str:
        tid = new("T")
        lines.append(f"{tid}\t{label} {_fragments(text, start, end)}\t{_one_line(text[start:end])}")
        return tid

    first_mention: dict[str, str] = {}
    for e in doc.get("entities", []):
        for m in e.get("mentions", []):
            tid = tb(e["type"], m["start"], m["end"])
            first_mention.setdefault(e["id"], tid)
            note = e.get("kb_id") or e.get("name")
            if note:
                lines.append(f"{new('#')}\tAnnotatorNotes {tid}\t{_one_line(note)}")
    for t in doc.get("timexes", []):
        tid = tb("TIMEX", t["start"], t["end"])
        if t.get("value"):
            lines.append(f"{new('#')}\tAnnotatorNotes {tid}\t{t['type']} {t['value']}")
    for q in doc.get("quotes", []):
        qid = tb("Quote", q["content"]["start"], q["content"]["end"])
        cid = tb("Cue", q["cue"]["start"], q["cue"]["end"])
        lines.append(f"{new('R')}\tCue Arg1:{qid} Arg2:{cid}")
        sp = q.get("speaker")
        if sp and sp["end"] > sp["start"]:
            sid = first_mention.get(sp.get("entity") or "") if sp.get("implicit") else None
            sid = sid or tb("Speaker", sp["start"], sp["end"])
            lines.append(f"{new('R')}\tSpeaker Arg1:{qid} Arg2:{sid}")
    for ev in doc.get("events", []):
        trig = tb(ev["type"], ev["trigger"]["start"], ev["trigger"]["end"])
        args = [f"{ev['type']}:{trig}"]
        for role, label in (("source", "Source"), ("target", "Target")):
            for k, eid in enumerate(ev.get(role, [])):
                if eid in first_mention:
                    args.append(f"{label}{k + 1 if k else ''}:{first_mention[eid]}")
        if ev.get("location") in first_mention:
            args.append(f"Location:{first_mention[ev['location']]}")
        eid = new("E")
        lines.append(f"{eid}\t{' '.join(args)}")
        if ev.get("modality", "occurred") != "occurred":
            lines.append(f"{new('A')}\tModality {eid} {ev['modality']}")
    return "\n".join(lines) + ("\n" if lines else "")


def _annotation_conf(types: set[str]) -> str:
    events = "\n".join(
        f"{t}\tSource*:PER|ORG|LOC|MISC, Target*:PER|ORG|LOC|MISC, Location?:LOC" for t in sorted(types)
    )
    return (
        "[entities]\nPER\nORG\nLOC\nMISC\nTIMEX\nQuote\nCue\nSpeaker\n\n"
        "[relations]\nCue\tArg1:Quote, Arg2:Cue\nSpeaker\tArg1:Quote, Arg2:PER|ORG|Speaker\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n"
        f"[events]\n{events}\n\n"
        "[attributes]\nModality\tArg:<EVENT>, Value:planned|hypothetical|conditional|negated|denied\n"
    )


def export_brat(docs: Iterable[dict], outdir: str | Path) -> int:
    """``DOCID.txt`` and ``DOCID.ann`` per document, plus an ``annotation.conf`` for the brat server."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    n, types = 0, set()
    for d in docs:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in d["id"])
        (out / f"{safe}.txt").write_text(d["text"], encoding="utf-8", newline="")
        (out / f"{safe}.ann").write_text(brat_ann(d), encoding="utf-8", newline="")
        types.update(ev["type"] for ev in d.get("events", []))
        n += 1
    (out / "annotation.conf").write_text(_annotation_conf(types), encoding="utf-8")
    return n


EXPORTERS: dict[str, Any] = {
    "jsonl": export_jsonl,
    "csv-events": export_csv_events,
    "conll": export_conll,
}
