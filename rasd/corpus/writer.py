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


@lru_cache(maxsize=256)
def _band_sql(n: int):
    return text(
        "SELECT band, key, doc_pk FROM lsh_bands WHERE "
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
    def _ensure_entities(self, conn: Connection, entities: list[dict[str, Any]]) -> None:
        """Make sure every entity (of any document of the batch) has a corpus entity id in the cache."""
        keys = [entity_key(e) for e in entities]
        missing = sorted({k for k in keys if k not in self.entity_ids})
        if missing:
            self._load_keys(conn, missing)
            new = [k for k in missing if k not in self.entity_ids]
            if new:
                by_key: dict[str, dict[str, Any]] = {}
                for k, e in zip(keys, entities, strict=True):
                    by_key.setdefault(k, e)
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

    def _load_keys(self, conn: Connection, keys: list[str]) -> None:
        for i in range(0, len(keys), 500):
            for k, eid in conn.execute(
                select(EntityRow.key, EntityRow.id).where(EntityRow.key.in_(keys[i : i + 500]))
            ):
                self.entity_ids[k] = eid

    # -- near-duplicates ---------------------------------------------------------------------------
    def _candidates(
        self, conn: Connection, bands: list[list[tuple[int, int]]]
    ) -> dict[tuple[int, int], list[int]]:
        """Documents in the store sharing each (band, key)."""
        pairs = sorted({bk for doc_bands in bands for bk in doc_bands})
        found: dict[tuple[int, int], list[int]] = {}
        for i in range(0, len(pairs), 200):
            chunk = pairs[i : i + 200]
            params = {f"b{j}": b for j, (b, _) in enumerate(chunk)} | {
                f"k{j}": k for j, (_, k) in enumerate(chunk)
            }
            for band, key, pk in conn.execute(_band_sql(len(chunk)), params):
                found.setdefault((band, key), []).append(pk)
        return found

    def _near_duplicates(
        self, conn: Connection, sigs: list[bytes]
    ) -> list[tuple[int | None, int | None, float]]:
        """For each signature: (group pk in the store, index of an earlier document of the batch, similarity) of
        its best near-duplicate, or (None, None, 0.0)."""
        bands = [dedup.band_keys(s) for s in sigs]
        found = self._candidates(conn, bands)
        cand_pks = sorted({pk for doc_bands in bands for bk in doc_bands for pk in found.get(bk, [])[:200]})
        known: dict[int, tuple[bytes, int | None]] = {}
        for i in range(0, len(cand_pks), 500):
            for pk, mh, group in conn.execute(
                select(DocumentRow.pk, DocumentRow.minhash, DocumentRow.dup_group).where(
                    DocumentRow.pk.in_(cand_pks[i : i + 500])
                )
            ):
                known[pk] = (mh or b"", group)
        out: list[tuple[int | None, int | None, float]] = []
        for i, (sig, doc_bands) in enumerate(zip(sigs, bands, strict=True)):
            best: tuple[int | None, int | None, float] = (None, None, 0.0)
            for pk in sorted({pk for bk in doc_bands for pk in found.get(bk, [])[:200]}):
                sim = dedup.similarity(sig, known[pk][0]) if pk in known else 0.0
                if sim >= dedup.THRESHOLD and sim > best[2]:
                    best = (known[pk][1] or pk, None, sim)
            mine = set(doc_bands)
            for j in range(i):  # earlier documents of this batch are not in lsh_bands yet
                if mine & set(bands[j]):
                    sim = dedup.similarity(sig, sigs[j])
                    if sim >= dedup.THRESHOLD and sim > best[2]:
                        best = (None, j, sim)
            out.append(best)
        return out

    # -- documents ---------------------------------------------------------------------------------
    def write(self, conn: Connection, prepared: dict[str, Any]) -> str:
        """Insert one prepared document; returns ``"known"``, ``"duplicate"`` (near-duplicate) or ``"new"``."""
        return self.write_batch(conn, [prepared])[0]

    def write_batch(self, conn: Connection, batch: list[dict[str, Any]]) -> list[str]:
        """Insert prepared documents with a few statements per table for the whole batch (the caller's
        transaction). Returns each one's outcome, in order: ``known``, ``duplicate`` or ``new``."""
        ids = [p["doc"]["id"] for p in batch]
        present = set(conn.execute(select(DocumentRow.id).where(DocumentRow.id.in_(ids))).scalars())
        outcomes: list[str] = []
        todo: list[dict[str, Any]] = []
        for p, doc_id in zip(batch, ids, strict=True):
            if doc_id in present:
                outcomes.append("known")
            else:
                present.add(doc_id)  # a repeat within the batch is known too
                outcomes.append("")
                todo.append(p)
        if not todo:
            return outcomes
        sigs = [p["minhash"] for p in todo]
        dups = self._near_duplicates(conn, sigs)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        pks = (
            conn.execute(
                insert(DocumentRow).returning(DocumentRow.pk, sort_by_parameter_order=True),
                [
                    {
                        "id": p["doc"]["id"],
                        "title": p["doc"].get("title"),
                        "url": p["doc"].get("url"),
                        "source": p["doc"].get("source"),
                        "published": p["doc"].get("published"),
                        "origin": p.get("origin"),
                        "n_chars": len(p["doc"]["text"]),
                        "dup_group": group,
                        "dup_similarity": round(sim, 4) if sim else None,
                        "minhash": p["minhash"],
                        "body": p.get("body") or pack(p["doc"]),
                        "ingested_at": now,
                    }
                    for p, (group, _, sim) in zip(todo, dups, strict=True)
                ],
            )
            .scalars()
            .all()
        )
        # groups found among the batch's own earlier documents, now that their pks are known
        stories: list[int] = []
        late: list[dict[str, int]] = []
        for k, (group, j, _) in enumerate(dups):
            if j is not None:
                group = stories[j]
                late.append({"p": pks[k], "g": group})
            stories.append(group if group is not None else pks[k])
        if late:
            conn.execute(text("UPDATE documents SET dup_group = :g WHERE pk = :p"), late)
        conn.execute(
            insert(LshBandRow),
            [
                {"band": b, "key": k, "doc_pk": pk}
                for p, pk in zip(todo, pks, strict=True)
                for b, k in dedup.band_keys(p["minhash"])
            ],
        )
        self._write_index(conn, [(pk, p["terms"]) for p, pk in zip(todo, pks, strict=True)])
        self._write_annotations(
            conn, [(pk, p["doc"], story) for p, pk, story in zip(todo, pks, stories, strict=True)]
        )
        it = iter(dups)
        for i, o in enumerate(outcomes):
            if not o:
                group, j, _ = next(it)
                outcomes[i] = "duplicate" if (group is not None or j is not None) else "new"
        return outcomes

    def _write_index(self, conn: Connection, rows: list[tuple[int, str]]) -> None:
        params = [{"pk": pk, "terms": terms} for pk, terms in rows]
        if self.dialect == "sqlite":
            conn.execute(text("INSERT INTO doc_fts(rowid, terms) VALUES (:pk, :terms)"), params)
        else:
            conn.execute(
                text("INSERT INTO doc_search(doc_pk, tsv) VALUES (:pk, to_tsvector('simple', :terms))"),
                params,
            )

    def _write_annotations(self, conn: Connection, docs: list[tuple[int, dict[str, Any], int]]) -> None:
        all_entities = [e for _, doc, _ in docs for e in doc.get("entities", [])]
        self._ensure_entities(conn, all_entities)  # one lookup (and insert) for the batch; cached below
        de_rows: list[dict[str, Any]] = []
        mention_rows: list[dict[str, Any]] = []
        role_rows: list[dict[str, Any]] = []
        timex_rows: list[dict[str, Any]] = []
        quote_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        doc_ids: list[dict[str, int]] = []
        for pk, doc, story in docs:
            ids = {e["id"]: self.entity_ids[entity_key(e)] for e in doc.get("entities", [])}
            doc_ids.append(ids)
            published = doc.get("published")
            per_entity: dict[int, dict[str, Any]] = {}
            mentions: set[tuple[int, int, int]] = set()
            roles: dict[tuple[int, str, str], str | None] = {}
            for e in doc.get("entities", []):
                eid = ids[e["id"]]
                row = per_entity.setdefault(
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
            de_rows.extend(per_entity.values())
            mention_rows.extend(
                {"doc_pk": pk, "start": s, "end": e, "entity_id": eid} for s, e, eid in sorted(mentions)
            )
            role_rows.extend(
                {"doc_pk": pk, "entity_id": eid, "text": t, "text_en": en, "source": src}
                for (eid, t, src), en in roles.items()
            )
            timex_rows.extend(
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
            )
            quote_rows.extend(_quote_row(pk, doc, q, ids) for q in doc.get("quotes", []))
            event_rows.extend(_event_row(pk, doc, ev, ids) | {"story": story} for ev in doc.get("events", []))
        for rows, table in (
            (de_rows, DocEntityRow),
            (mention_rows, MentionRow),
            (role_rows, RoleRow),
            (timex_rows, TimexRow),
        ):
            if rows:
                conn.execute(insert(table), rows)
        if quote_rows:
            qids = iter(
                conn.execute(
                    insert(QuoteRow).returning(QuoteRow.id, sort_by_parameter_order=True), quote_rows
                )
                .scalars()
                .all()
            )
            about: set[tuple[int, int]] = set()
            for (_, doc, _), ids in zip(docs, doc_ids, strict=True):
                quotes = doc.get("quotes", [])
                if quotes:
                    about.update(_quotes_about(doc, quotes, [next(qids) for _ in quotes], ids))
            if about:
                conn.execute(
                    insert(QuoteAboutRow), [{"quote_id": a, "entity_id": b} for a, b in sorted(about)]
                )
        if event_rows:
            evids = iter(
                conn.execute(
                    insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True), event_rows
                )
                .scalars()
                .all()
            )
            actors: set[tuple[int, int, str]] = set()
            for (_, doc, _), ids in zip(docs, doc_ids, strict=True):
                for ev in doc.get("events", []):
                    evid = next(evids)
                    for role in ("source", "target"):
                        actors.update((evid, ids[local], role) for local in ev.get(role, []) if local in ids)
            if actors:
                conn.execute(
                    insert(EventActorRow),
                    [{"event_id": a, "entity_id": b, "role": c} for a, b, c in sorted(actors)],
                )


def _quote_row(pk: int, doc: dict[str, Any], q: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    sp = q.get("speaker") or {}
    return {
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


def _quotes_about(
    doc: dict[str, Any], quotes: list[dict[str, Any]], qids: list[int], ids: dict[str, int]
) -> set[tuple[int, int]]:
    """(quote, entity) pairs: entities mentioned inside a quote's content (not its speaker), and addressees."""
    about: set[tuple[int, int]] = set()
    spans = sorted(
        (m["start"], m["end"], ids[e["id"]]) for e in doc.get("entities", []) for m in e.get("mentions", [])
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
    return about


def _event_row(pk: int, doc: dict[str, Any], ev: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    return {
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
