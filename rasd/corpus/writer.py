"""Writing one prepared document into the store's tables, inside the caller's transaction."""

from __future__ import annotations

import json
import re
import zlib
from bisect import bisect_left, bisect_right
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ..text import normalize
from . import dedup
from .models import (
    DocEntityRow,
    DocumentRow,
    EntityRow,
    EventActorRow,
    EventRow,
    LshBandRow,
    MentionRow,
    QuoteAboutRow,
    QuoteRow,
    RoleRow,
    TimexRow,
)


def entity_key(e: dict[str, Any]) -> str:
    """Corpus identity of an entity: its knowledge-base id, else its type and normalized name."""
    if e.get("kb_id"):
        return f"kb:{e['kb_id']}"
    return f"nt:{e.get('type', 'MISC')}:{' '.join(normalize(e.get('name') or '').split())}"[:400]


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def event_day(date: str | None, published: str | None) -> str | None:
    """The event's day: its own date when that is a whole day, else the publication day."""
    for d in (date, published):
        if d and _DAY.match(d):
            return d[:10]
    return None


@lru_cache(maxsize=4)
def _band_sql(n: int):
    return text(
        "SELECT doc_pk FROM lsh_bands WHERE "
        + " OR ".join(f"(band = :b{i} AND key = :k{i})" for i in range(n))
    )


def pack(doc: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(body: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(body).decode("utf-8"))


class Writer:
    """Writes documents; caches entity ids by key (the cache is dropped when a transaction rolls back)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.entity_ids: dict[str, int] = {}

    def reset(self) -> None:
        self.entity_ids.clear()

    # -- entities ----------------------------------------------------------------------------------
    def _entity_ids(self, conn: Connection, entities: list[dict[str, Any]]) -> dict[str, int]:
        """Map the document's local entity ids to corpus entity ids, creating corpus entities as needed."""
        keys = {e["id"]: entity_key(e) for e in entities}
        missing = sorted({k for k in keys.values() if k not in self.entity_ids})
        if missing:
            self._load_keys(conn, missing)
            new = [k for k in missing if k not in self.entity_ids]
            if new:
                by_key = {}
                for e in entities:
                    by_key.setdefault(keys[e["id"]], e)
                rows = [
                    {
                        "key": k,
                        "kb_id": by_key[k].get("kb_id"),
                        "type": by_key[k].get("type", "MISC"),
                        "name": by_key[k].get("name") or "",
                        "norm": " ".join(normalize(by_key[k].get("name") or "").split())[:400],
                        "name_en": by_key[k].get("name_en"),
                        "kind": by_key[k].get("kind"),
                        "country": by_key[k].get("country"),
                    }
                    for k in new
                ]
                ins = (postgresql if self.dialect == "postgresql" else sqlite).insert(EntityRow)
                conn.execute(ins.on_conflict_do_nothing(index_elements=["key"]), rows)
                self._load_keys(conn, new)
        return {local: self.entity_ids[k] for local, k in keys.items()}

    def _load_keys(self, conn: Connection, keys: list[str]) -> None:
        for i in range(0, len(keys), 500):
            for k, eid in conn.execute(
                select(EntityRow.key, EntityRow.id).where(EntityRow.key.in_(keys[i : i + 500]))
            ):
                self.entity_ids[k] = eid

    # -- near-duplicates ---------------------------------------------------------------------------
    def _near_duplicate(
        self, conn: Connection, sig: bytes, bands: list[tuple[int, int]]
    ) -> tuple[int, float] | None:
        params = {f"b{i}": b for i, (b, _) in enumerate(bands)} | {
            f"k{i}": k for i, (_, k) in enumerate(bands)
        }
        cands = sorted({r[0] for r in conn.execute(_band_sql(len(bands)), params)})
        best: tuple[int, float, int] | None = None
        if not cands:
            return None
        rows = conn.execute(
            select(DocumentRow.pk, DocumentRow.minhash, DocumentRow.dup_group).where(
                DocumentRow.pk.in_(cands[:200])
            )
        )
        for pk, other, group in rows:
            sim = dedup.similarity(sig, other or b"")
            if sim >= dedup.THRESHOLD and (best is None or sim > best[1]):
                best = (group or pk, sim, pk)
        return (best[0], best[1]) if best else None

    # -- the document ------------------------------------------------------------------------------
    def write(self, conn: Connection, prepared: dict[str, Any]) -> str:
        """Insert a prepared document; returns ``"known"``, ``"duplicate"`` (near-duplicate) or ``"new"``."""
        doc = prepared["doc"]
        if conn.execute(select(DocumentRow.pk).where(DocumentRow.id == doc["id"])).first():
            return "known"
        sig: bytes = prepared["minhash"]
        bands = dedup.band_keys(sig)
        dup = self._near_duplicate(conn, sig, bands)
        published = doc.get("published")
        pk = conn.execute(
            insert(DocumentRow).returning(DocumentRow.pk),
            {
                "id": doc["id"],
                "title": doc.get("title"),
                "url": doc.get("url"),
                "source": doc.get("source"),
                "published": published,
                "origin": prepared.get("origin"),
                "n_chars": len(doc["text"]),
                "dup_group": dup[0] if dup else None,
                "dup_similarity": round(dup[1], 4) if dup else None,
                "minhash": sig,
                "body": prepared.get("body") or pack(doc),
                "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
        ).scalar_one()
        conn.execute(insert(LshBandRow), [{"band": b, "key": k, "doc_pk": pk} for b, k in bands])
        self._write_index(conn, pk, prepared["terms"])
        self._write_annotations(conn, pk, doc, story=dup[0] if dup else pk)
        return "duplicate" if dup else "new"

    def _write_index(self, conn: Connection, pk: int, terms: str) -> None:
        if self.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO doc_fts(rowid, terms) VALUES (:pk, :terms)"), {"pk": pk, "terms": terms}
            )
        else:
            conn.execute(
                text("INSERT INTO doc_search(doc_pk, tsv) VALUES (:pk, to_tsvector('simple', :terms))"),
                {"pk": pk, "terms": terms},
            )

    def _write_annotations(self, conn: Connection, pk: int, doc: dict[str, Any], story: int) -> None:
        published = doc.get("published")
        entities = doc.get("entities", [])
        ids = self._entity_ids(conn, entities) if entities else {}
        de_rows: dict[int, dict[str, Any]] = {}
        mentions: set[tuple[int, int, int]] = set()
        roles: dict[tuple[int, str, str], str | None] = {}
        for e in entities:
            eid = ids[e["id"]]
            row = de_rows.setdefault(
                eid,
                {
                    "doc_pk": pk,
                    "entity_id": eid,
                    "local_id": e["id"],
                    "n_mentions": 0,
                    "published": published,
                    "story": story,
                },
            )
            row["n_mentions"] += len(e.get("mentions", []))
            mentions.update((m["start"], m["end"], eid) for m in e.get("mentions", []))
            for r in e.get("roles", []):
                roles.setdefault((eid, r["text"], r["source"]), r.get("text_en"))
        mention_rows = [
            {"doc_pk": pk, "start": s, "end": e, "entity_id": eid} for s, e, eid in sorted(mentions)
        ]
        role_rows = [
            {"doc_pk": pk, "entity_id": eid, "text": t, "text_en": en, "source": src}
            for (eid, t, src), en in roles.items()
        ]
        for rows, table in (
            (list(de_rows.values()), DocEntityRow),
            (mention_rows, MentionRow),
            (role_rows, RoleRow),
        ):
            if rows:
                conn.execute(insert(table), rows)
        self._write_quotes(conn, pk, doc, ids)
        timexes = [
            {
                "doc_pk": pk,
                "local_id": t["id"],
                "type": t["type"],
                "value": (t.get("value") or None) and t["value"][:100],
                "mod": t.get("mod"),
                "start": t["start"],
                "end": t["end"],
                "text": t["text"],
            }
            for t in doc.get("timexes", [])
        ]
        if timexes:
            conn.execute(insert(TimexRow), timexes)
        self._write_events(conn, pk, doc, ids)

    def _write_quotes(self, conn: Connection, pk: int, doc: dict[str, Any], ids: dict[str, int]) -> None:
        quotes = doc.get("quotes", [])
        if not quotes:
            return
        rows = []
        for q in quotes:
            sp = q.get("speaker") or {}
            rows.append(
                {
                    "doc_pk": pk,
                    "local_id": q["id"],
                    "kind": q["kind"],
                    "cue": q["cue"]["text"],
                    "start": q["content"]["start"],
                    "end": q["content"]["end"],
                    "speaker_text": sp.get("text"),
                    "speaker_role": sp.get("role"),
                    "speaker_entity_id": ids.get(sp.get("entity") or ""),
                    "anonymous": bool(sp.get("anonymous")),
                    "channel": q.get("channel"),
                    "cue_class": q.get("cue_class"),
                    "sentence": q.get("sentence"),
                    "published": doc.get("published"),
                }
            )
        qids = (
            conn.execute(insert(QuoteRow).returning(QuoteRow.id, sort_by_parameter_order=True), rows)
            .scalars()
            .all()
        )
        about: set[tuple[int, int]] = set()
        spans = sorted(
            (m["start"], m["end"], ids[e["id"]])
            for e in doc.get("entities", [])
            for m in e.get("mentions", [])
        )
        starts = [s[0] for s in spans]
        for q, qid in zip(quotes, qids, strict=True):
            cs, ce = q["content"]["start"], q["content"]["end"]
            speaker = ids.get((q.get("speaker") or {}).get("entity") or "")
            for _ms, me, eid in spans[bisect_left(starts, cs) : bisect_right(starts, ce)]:
                if me <= ce and eid != speaker:
                    about.add((qid, eid))
            if q.get("addressee") in ids:
                about.add((qid, ids[q["addressee"]]))
        if about:
            conn.execute(insert(QuoteAboutRow), [{"quote_id": a, "entity_id": b} for a, b in sorted(about)])

    def _write_events(self, conn: Connection, pk: int, doc: dict[str, Any], ids: dict[str, int]) -> None:
        events = doc.get("events", [])
        if not events:
            return
        rows = [
            {
                "doc_pk": pk,
                "local_id": ev["id"],
                "type": ev["type"],
                "mode": ev.get("mode"),
                "date": event_day(ev.get("date"), doc.get("published")),
                "modality": ev.get("modality", "occurred"),
                "symmetric": bool(ev.get("symmetric")),
                "location_entity_id": ids.get(ev.get("location") or ""),
                "trigger": ev["trigger"]["text"],
                "sentence": ev["sentence"],
                "quote": ev.get("quote"),
            }
            for ev in events
        ]
        evids = (
            conn.execute(insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True), rows)
            .scalars()
            .all()
        )
        actors = set()
        for ev, evid in zip(events, evids, strict=True):
            for role in ("source", "target"):
                for local in ev.get(role, []):
                    if local in ids:
                        actors.add((evid, ids[local], role))
        if actors:
            conn.execute(
                insert(EventActorRow),
                [{"event_id": a, "entity_id": b, "role": c} for a, b, c in sorted(actors)],
            )
