"""The questions analysts ask of a corpus: entity profiles, quotes, timelines between two actors, top lists.

Counts come in two flavours: documents, and *stories* (near-duplicate groups counted once), so a wire story
republished by ten sites does not weigh ten times.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from ..data import read_tsv
from ..text import normalize
from .writer import unpack


@lru_cache(maxsize=1)
def goldstein() -> dict[str, float]:
    """Cooperation–conflict score per PLOVER event type (``rasd/data/goldstein.tsv``)."""
    return {r["type"]: float(r["score"]) for r in read_tsv("goldstein.tsv")}


def _norm(name: str) -> str:
    return " ".join(normalize(name).split())


def _entity_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "name_en": row.name_en,
        "type": row.type,
        "kb_id": row.kb_id,
        "kind": row.kind,
        "country": row.country,
    }


def resolve_entities(conn: Connection, name_or_id: str | int, limit: int = 10) -> list[int]:
    """Corpus entity ids for a name, KB id or corpus id, most documented first.

    Exact matches (KB id, normalized Arabic name, English name) win; otherwise names containing the query."""
    q = str(name_or_id).strip()
    if not q:
        return []
    if q.isdigit():
        if conn.execute(text("SELECT 1 FROM entities WHERE id = :i"), {"i": int(q)}).first():
            return [int(q)]
    norm = _norm(q)
    exact = (
        conn.execute(
            text("SELECT id FROM entities WHERE kb_id = :q OR norm = :n OR lower(name_en) = lower(:q)"),
            {"q": q, "n": norm},
        )
        .scalars()
        .all()
    )
    ids = list(exact)
    if not ids and norm:
        like = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        ids = (
            conn.execute(
                text(
                    "SELECT id FROM entities WHERE norm LIKE :p ESCAPE '\\' OR lower(name_en) LIKE lower(:p) ESCAPE '\\' LIMIT 200"
                ),
                {"p": f"%{like}%"},
            )
            .scalars()
            .all()
        )
    if len(ids) <= 1:
        return list(ids)
    counts = dict(
        conn.execute(
            text(
                "SELECT entity_id, count(*) FROM doc_entities WHERE entity_id IN ("
                + ",".join(str(int(i)) for i in ids)
                + ") GROUP BY entity_id"
            )
        ).all()
    )
    ranked = sorted(ids, key=lambda i: (-counts.get(i, 0), i))
    # a partial name (بايدن) picks the best-documented entity only; exact matches are all the same name
    return ranked[:limit] if exact else ranked[:1]


def _entities(conn: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = conn.execute(
        text("SELECT * FROM entities WHERE id IN (" + ",".join(str(int(i)) for i in set(ids)) + ")")
    ).all()
    return {r.id: _entity_dict(r) for r in rows}


def _texts(conn: Connection, doc_pks: set[int]) -> dict[int, str]:
    """Document texts by pk (quote contents are read from them, not stored twice)."""
    if not doc_pks:
        return {}
    rows = conn.execute(text("SELECT pk, body FROM documents WHERE pk IN " + _in(sorted(doc_pks)))).all()
    return {pk: unpack(body)["text"] for pk, body in rows}


def _in(ids: list[int]) -> str:
    return "(" + ",".join(str(int(i)) for i in ids) + ")"


_QUOTE_SQL = (
    'SELECT q.id, q.doc_pk, q.start, q."end" AS stop, q.local_id, q.kind, q.cue, q.speaker_text, q.speaker_role, q.speaker_entity_id, '
    "q.anonymous, q.channel, q.cue_class, q.published, d.id AS doc_id, d.title, d.source, d.url "
    "FROM quotes q JOIN documents d ON d.pk = q.doc_pk "
)


def _quote_rows(
    conn: Connection, where: str, params: dict[str, Any], order: str, limit: int, offset: int
) -> list[dict]:
    rows = conn.execute(
        text(_QUOTE_SQL + where + f" ORDER BY {order} LIMIT :limit OFFSET :offset"),
        {**params, "limit": max(0, int(limit)), "offset": max(0, int(offset))},
    ).all()
    about: dict[int, list[int]] = defaultdict(list)
    if rows:
        for qid, eid in conn.execute(
            text("SELECT quote_id, entity_id FROM quote_about WHERE quote_id IN " + _in([r.id for r in rows]))
        ):
            about[qid].append(eid)
    texts = _texts(conn, {r.doc_pk for r in rows})
    ents = _entities(
        conn,
        [e for v in about.values() for e in v] + [r.speaker_entity_id for r in rows if r.speaker_entity_id],
    )
    out = []
    for r in rows:
        sp = ents.get(r.speaker_entity_id) if r.speaker_entity_id else None
        out.append(
            {
                "document": r.doc_id,
                "quote": r.local_id,
                "published": r.published,
                "source": r.source,
                "title": r.title,
                "url": r.url,
                "speaker": sp["name"] if sp else r.speaker_text,
                "speaker_entity": r.speaker_entity_id,
                "speaker_text": r.speaker_text,
                "role": r.speaker_role,
                "anonymous": bool(r.anonymous),
                "kind": r.kind,
                "cue": r.cue,
                "content": texts[r.doc_pk][r.start : r.stop],
                "channel": r.channel,
                "about": [ents[e]["name"] for e in sorted(about.get(r.id, [])) if e in ents],
            }
        )
    return out


def quotes(
    conn: Connection, speaker: str | None = None, about: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict]:
    """Quotes in time order (oldest first) with their documents, by a speaker and/or about an entity."""
    conds, params = [], {}
    if speaker:
        ids = resolve_entities(conn, speaker)
        if ids:
            conds.append("q.speaker_entity_id IN " + _in(ids))
        else:  # unlinked speakers (anonymous sources, unknown names): their words as written
            conds.append("q.speaker_text LIKE :sp")
            params["sp"] = f"%{speaker.strip()}%"
    if about:
        ids = resolve_entities(conn, about)
        if not ids:
            return []
        conds.append("q.id IN (SELECT quote_id FROM quote_about WHERE entity_id IN " + _in(ids) + ")")
    where = "WHERE " + " AND ".join(conds) if conds else ""
    return _quote_rows(conn, where, params, "q.published, q.doc_pk, q.start", limit, offset)


# Co-mentions are counted over an entity's most recent documents, which keeps a profile fast on a big corpus.
CO_MENTION_WINDOW = 1000


def entity_profile(conn: Connection, name_or_id: str | int) -> dict | None:
    ids = resolve_entities(conn, name_or_id)
    if not ids:
        return None
    eid = ids[0]
    entity = _entities(conn, [eid])[eid]
    per_day = conn.execute(
        text(
            "SELECT published AS day, sum(n_mentions) AS mentions, count(*) AS documents, "
            "count(DISTINCT story) AS stories FROM doc_entities WHERE entity_id = :e "
            "GROUP BY published ORDER BY published"
        ),
        {"e": eid},
    ).all()
    entity["documents"] = sum(r.documents for r in per_day)
    entity["mentions"] = sum(r.mentions or 0 for r in per_day)
    entity["stories"] = conn.execute(
        text("SELECT count(DISTINCT story) FROM doc_entities WHERE entity_id = :e"), {"e": eid}
    ).scalar_one()
    roles = conn.execute(
        text(
            "SELECT text, source, max(text_en) AS text_en, count(DISTINCT doc_pk) AS n FROM roles WHERE entity_id = :e "
            "GROUP BY text, source ORDER BY n DESC, text LIMIT 20"
        ),
        {"e": eid},
    ).all()
    co = conn.execute(
        text(
            "SELECT de2.entity_id AS id, count(*) AS n FROM "
            "(SELECT doc_pk FROM doc_entities WHERE entity_id = :e ORDER BY doc_pk DESC LIMIT :w) mine "
            "JOIN doc_entities de2 ON de2.doc_pk = mine.doc_pk "
            "WHERE de2.entity_id != :e GROUP BY de2.entity_id ORDER BY n DESC, de2.entity_id LIMIT 10"
        ),
        {"e": eid, "w": CO_MENTION_WINDOW},
    ).all()
    co_ents = _entities(conn, [r.id for r in co])
    return {
        "entity": entity,
        "mentions_per_day": [
            {"day": r.day, "mentions": int(r.mentions or 0), "documents": r.documents, "stories": r.stories}
            for r in per_day
        ],
        "roles": [
            {"text": r.text, "text_en": r.text_en, "source": r.source, "documents": r.n} for r in roles
        ],
        # the latest quotes by ingestion: the indexes give them without sorting all of a busy speaker's quotes
        "quotes_by": _quote_rows(conn, "WHERE q.speaker_entity_id = :e", {"e": eid}, "q.id DESC", 20, 0),
        "quotes_about": _quote_rows(
            conn,
            "WHERE q.id IN (SELECT quote_id FROM quote_about WHERE entity_id = :e ORDER BY quote_id DESC LIMIT 20)",
            {"e": eid},
            "q.id DESC",
            20,
            0,
        ),
        "co_mentions": [{**co_ents[r.id], "documents": r.n} for r in co if r.id in co_ents],
    }


def period_of(day: str, by: str) -> str:
    """The day itself, or its ISO week as ``2021-W52``."""
    if by == "day":
        return day
    if by == "week":
        y, w, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{y}-W{w:02d}"
    if by == "month":
        return day[:7]
    raise ValueError(f"by must be day, week or month, not {by!r}")


def _with_members(conn: Connection, eid: int) -> set[int]:
    """The entity and, for a country or organization in the KB, the entities that belong to it (its leaders,
    ministries, spokespeople), so that a timeline between two countries includes their officials' events."""
    kb = conn.execute(text("SELECT kb_id FROM entities WHERE id = :e"), {"e": eid}).scalar()
    ids = {eid}
    if kb:
        ids.update(conn.execute(text("SELECT id FROM entities WHERE country = :kb"), {"kb": kb}).scalars())
    return ids


def timeline(
    conn: Connection, a: str, b: str, by: str = "day", *, all_modalities: bool = False, members: bool = True
) -> dict:
    """Events between ``a`` and ``b`` per period and type, with the cooperation–conflict score of each type.

    An event is *between* them when one is among its sources and the other among its targets, or when it is
    symmetric and both take part; with ``members``, an actor stands also for the entities that belong to it
    (KB ``country``), so ``--between`` two countries counts their officials' events. Counts are given in events and in stories (near-duplicates once); the score
    of a row is the type's score times its stories. Only events that occurred count unless ``all_modalities``.
    """
    period_of("2000-01-01", by)  # validates ``by``
    ia, ib = resolve_entities(conn, a), resolve_entities(conn, b)
    ents = _entities(conn, ia[:1] + ib[:1])
    result: dict[str, Any] = {
        "a": ents.get(ia[0]) if ia else None,
        "b": ents.get(ib[0]) if ib else None,
        "by": by,
        "rows": [],
        "periods": [],
        "scale": goldstein(),
    }
    if not ia or not ib:
        return result
    ea, eb = ia[0], ib[0]
    sa = _with_members(conn, ea) if members else {ea}
    sb = _with_members(conn, eb) if members else {eb}
    sa, sb = sa - sb, sb - sa  # an entity belonging to both sides stands for neither
    if not sa or not sb:
        return result
    rows = conn.execute(
        text(
            "SELECT e.id, e.type, e.date, e.symmetric, e.modality, e.story, "
            "ea.entity_id AS ent, ea.role FROM events e JOIN event_actors ea ON ea.event_id = e.id "
            "WHERE e.date IS NOT NULL AND e.id IN (SELECT event_id FROM event_actors WHERE entity_id IN "
            + _in(sorted(sa))
            + ") AND e.id IN (SELECT event_id FROM event_actors WHERE entity_id IN "
            + _in(sorted(sb))
            + ")"
        )
    ).all()
    events: dict[int, dict[str, Any]] = {}
    for r in rows:
        ev = events.setdefault(
            r.id,
            {
                "type": r.type,
                "date": r.date,
                "symmetric": r.symmetric,
                "modality": r.modality,
                "story": r.story,
                "source": set(),
                "target": set(),
            },
        )
        ev[r.role].add(r.ent)
    scale = goldstein()
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in events.values():
        if not all_modalities and ev["modality"] != "occurred":
            continue
        src_a, src_b = bool(ev["source"] & sa), bool(ev["source"] & sb)
        tgt_a, tgt_b = bool(ev["target"] & sa), bool(ev["target"] & sb)
        a_to_b, b_to_a = src_a and tgt_b, src_b and tgt_a
        both = (src_a or tgt_a) and (src_b or tgt_b)
        if not (a_to_b or b_to_a or (ev["symmetric"] and both)):
            continue
        key = (period_of(ev["date"], by), ev["type"])
        cell = cells.setdefault(key, {"events": 0, "stories": set(), "a_to_b": 0, "b_to_a": 0})
        cell["events"] += 1
        cell["stories"].add(ev["story"])
        cell["a_to_b"] += int(a_to_b)
        cell["b_to_a"] += int(b_to_a)
    per_period: dict[str, dict[str, float]] = defaultdict(lambda: {"events": 0, "stories": 0, "score": 0.0})
    for (period, etype), cell in sorted(cells.items()):
        s = scale.get(etype, 0.0)
        stories = len(cell["stories"])
        result["rows"].append(
            {
                "period": period,
                "type": etype,
                "events": cell["events"],
                "stories": stories,
                "a_to_b": cell["a_to_b"],
                "b_to_a": cell["b_to_a"],
                "type_score": s,
                "score": round(s * stories, 2),
            }
        )
        p = per_period[period]
        p["events"] += cell["events"]
        p["stories"] += stories
        p["score"] = round(p["score"] + s * stories, 2)
    result["periods"] = [
        {"period": k, **v, "mean": round(v["score"] / v["stories"], 2) if v["stories"] else 0.0}
        for k, v in sorted(per_period.items())
    ]
    return result


def top(conn: Connection, since: str | None = None, until: str | None = None, limit: int = 10) -> dict:
    """The most mentioned entities, the most quoted speakers and the most frequent event types."""
    p: dict[str, Any] = {"limit": max(0, int(limit))}
    date_cond = ""
    if since:
        date_cond += " AND {col} >= :since"
        p["since"] = since
    if until:
        date_cond += " AND {col} <= :until"
        p["until"] = until
    ents = conn.execute(
        text(
            "SELECT entity_id AS id, count(*) AS documents, sum(n_mentions) AS mentions FROM doc_entities "
            "WHERE 1=1" + date_cond.format(col="published") + " GROUP BY entity_id "
            "ORDER BY documents DESC, mentions DESC, entity_id LIMIT :limit"
        ),
        p,
    ).all()
    speakers = conn.execute(
        text(
            "SELECT speaker_entity_id AS id, count(*) AS quotes FROM quotes "
            "WHERE speaker_entity_id IS NOT NULL"
            + date_cond.format(col="published")
            + " GROUP BY speaker_entity_id "
            "ORDER BY quotes DESC, speaker_entity_id LIMIT :limit"
        ),
        p,
    ).all()
    types = conn.execute(
        text(
            "SELECT e.type, count(*) AS events, count(DISTINCT e.story) AS stories FROM events e WHERE 1=1"
            + date_cond.format(col="e.date")
            + " GROUP BY e.type "
            "ORDER BY events DESC, e.type LIMIT :limit"
        ),
        p,
    ).all()
    # documents per top speaker, for those few only (a count of distinct documents for every speaker is slow)
    spk_docs = {}
    if speakers:
        spk_docs = dict(
            conn.execute(
                text(
                    "SELECT speaker_entity_id, count(DISTINCT doc_pk) FROM quotes WHERE speaker_entity_id IN "
                    + _in([r.id for r in speakers])
                    + date_cond.format(col="published")
                    + " GROUP BY speaker_entity_id"
                ),
                p,
            ).all()
        )
    info = _entities(conn, [r.id for r in ents] + [r.id for r in speakers])
    scale = goldstein()
    return {
        "since": since,
        "until": until,
        "entities": [
            {**info[r.id], "documents": r.documents, "mentions": int(r.mentions or 0)} for r in ents
        ],
        "speakers": [
            {**info[r.id], "quotes": r.quotes, "documents": spk_docs.get(r.id, 0)} for r in speakers
        ],
        "event_types": [
            {"type": r.type, "events": r.events, "stories": r.stories, "score": scale.get(r.type, 0.0)}
            for r in types
        ],
    }
