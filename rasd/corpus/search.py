"""Arabic-aware full-text search.

The index holds the text layer's token readings, not the raw text: every word contributes all of its
normalized, clitic-stripped forms (``Token.forms``), so ``اوكرانيا`` finds ``لأوكرانيا`` and diacritized or
hamza-variant spellings are found without them. A query word is matched by its full normalized form, which is
among the forms indexed for the same word with or without clitics. SQLite keeps the forms in an FTS5 table,
PostgreSQL in a GIN-indexed ``tsvector`` (``simple`` configuration: no stemming of its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..document import Document
from ..text import tokenize
from ..text.normalize import normalize_word
from ..text.tokens import TOKEN_RE, clitic_forms


def doc_tokens(doc: Document) -> list:
    """Tokens of the content (boilerplate left out); reuses the text layer's tokens when the doc has them."""
    if doc.tokens:
        return doc.tokens
    if doc.blocks:
        toks: list = []
        for b in doc.content_blocks():
            toks.extend(tokenize(doc.text, b.start, b.end))
        return toks
    return tokenize(doc.text)


def index_terms(tokens: Iterable, title: str | None = None) -> str:
    """The space-joined terms indexed for a document: every form of every word, numbers as they are."""
    out: list[str] = []
    all_tokens = list(tokens)
    if title:
        all_tokens = tokenize(title) + all_tokens
    for t in all_tokens:
        if t.kind == "punct":
            continue
        for _, stem in t.forms:
            if stem:
                out.append(stem)
    return " ".join(out)


def query_terms(query: str) -> list[str]:
    """Terms a query must match, all of them: each word's full normalized form."""
    terms = []
    for t in tokenize(query or ""):
        if t.kind != "punct" and t.norm and t.norm not in terms:
            terms.append(t.norm)
    return terms


def fts5_query(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def snippet(text: str, terms: list[str], width: int = 160) -> dict[str, Any]:
    """A window of ``text`` around the first word matching a term; ``hit`` gives its offsets in the snippet."""
    want = set(terms)
    hit_at: tuple[int, int] | None = None
    if want:
        for m in TOKEN_RE.finditer(text):  # lazily: stop at the first matching word
            word = m.group()
            forms = (
                clitic_forms(word) if (word[0].isalpha() or len(word) > 1) else ((0, normalize_word(word)),)
            )
            if any(stem in want for _, stem in forms):
                hit_at = (m.start(), m.end())
                break
    if hit_at is None:
        start = 0
    else:
        start = max(0, hit_at[0] - width // 3)
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if start > 0 and sp >= 0 and hit_at[0] - sp < width // 2 else start
    end = min(len(text), start + width)
    sp = text.find(" ", end)
    end = sp if 0 <= sp < end + 20 else end
    out = text[start:end].replace("\n", " ").rstrip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    hit = None
    if hit_at is not None and hit_at[1] <= end:
        hit = [len(prefix) + hit_at[0] - start, len(prefix) + hit_at[1] - start]
    return {"snippet": prefix + out + suffix, "hit": hit}


# Ranking reads the most recently ingested matches only: bm25 over every match of a word found in most of
# 100,000 documents costs more than the whole search may take, and the newest matches are what monitors read.
CANDIDATES = 1000


def _filters(conn, params: dict[str, Any], **f: Any) -> list[str] | None:
    """SQL conditions on ``d`` (documents) for the filters; ``None`` when an entity filter matches nothing."""
    from .queries import resolve_entities

    conds: list[str] = []
    if f.get("since"):
        conds.append("d.published >= :since")
        params["since"] = f["since"]
    if f.get("until"):
        conds.append("d.published <= :until")
        params["until"] = f["until"]
    if f.get("source"):
        conds.append("d.source = :source")
        params["source"] = f["source"]
    if f.get("event_type"):
        conds.append("d.pk IN (SELECT doc_pk FROM events WHERE type = :etype)")
        params["etype"] = f["event_type"].upper()
    for key, sub in (
        ("entity", "SELECT doc_pk FROM doc_entities WHERE entity_id IN ({ids})"),
        ("speaker", "SELECT doc_pk FROM quotes WHERE speaker_entity_id IN ({ids})"),
    ):
        if f.get(key):
            ids = resolve_entities(conn, f[key])
            if not ids:
                return None
            conds.append("d.pk IN (" + sub.format(ids=", ".join(str(int(i)) for i in ids)) + ")")
    return conds


def run_search(
    conn,
    dialect: str,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    speaker: str | None = None,
    event_type: str | None = None,
    source: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    from sqlalchemy import text as sql

    from .writer import unpack

    terms = query_terms(query)
    params: dict[str, Any] = {"limit": max(0, int(limit)), "offset": max(0, int(offset)), "k": CANDIDATES}
    conds = _filters(
        conn,
        params,
        since=since,
        until=until,
        entity=entity,
        speaker=speaker,
        event_type=event_type,
        source=source,
    )
    if conds is None:
        return []
    where = "".join(" AND " + c for c in conds)
    if terms and dialect == "sqlite":
        params["q"] = fts5_query(terms)
        # the FTS index is walked newest first and stops after CANDIDATES matches passing the filters
        ranked = (
            "SELECT pk, score FROM (SELECT f.rowid AS pk, -bm25(doc_fts) AS score FROM doc_fts f "
            f"JOIN documents d ON d.pk = f.rowid WHERE doc_fts MATCH :q{where} ORDER BY f.rowid DESC LIMIT :k) "
            "ORDER BY score DESC, pk DESC LIMIT :limit OFFSET :offset"
        )
    elif terms:
        params["q"] = " ".join(terms)
        ranked = (
            "SELECT pk, ts_rank(tsv, plainto_tsquery('simple', :q)) AS score FROM (SELECT s.doc_pk AS pk, s.tsv "
            "FROM doc_search s JOIN documents d ON d.pk = s.doc_pk "
            f"WHERE s.tsv @@ plainto_tsquery('simple', :q){where} ORDER BY s.doc_pk DESC LIMIT :k) c "
            "ORDER BY score DESC, pk DESC LIMIT :limit OFFSET :offset"
        )
    else:
        ranked = (
            "SELECT d.pk AS pk, 0.0 AS score FROM documents d WHERE 1=1"
            f"{where} ORDER BY d.published DESC, d.pk DESC LIMIT :limit OFFSET :offset"
        )
    hits = conn.execute(sql(ranked), params).all()
    if not hits:
        return []
    pks = ",".join(str(int(h.pk)) for h in hits)
    rows = {
        r.pk: r
        for r in conn.execute(
            sql(
                "SELECT d.pk, d.id, d.title, d.published, d.source, d.url, d.body, g.id AS dup FROM documents d "
                f"LEFT JOIN documents g ON g.pk = d.dup_group WHERE d.pk IN ({pks})"  # noqa: S608 - integers
            )
        )
    }
    out = []
    for h in hits:
        r = rows[h.pk]
        snip = snippet(unpack(r.body)["text"], terms)
        out.append(
            {
                "id": r.id,
                "title": r.title,
                "published": r.published,
                "source": r.source,
                "url": r.url,
                "snippet": snip["snippet"],
                "hit": snip["hit"],
                "score": round(float(h.score or 0.0), 4),
                "near_duplicate_of": r.dup,
            }
        )
    return out
