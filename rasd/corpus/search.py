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
        for t in tokenize(text):
            if t.kind != "punct" and any(stem in want for _, stem in t.forms):
                hit_at = (t.start, t.end)
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
    out = text[start:end].replace("\n", " ")
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    hit = None
    if hit_at is not None and hit_at[1] <= end:
        hit = [len(prefix) + hit_at[0] - start, len(prefix) + hit_at[1] - start]
    return {"snippet": prefix + out + suffix, "hit": hit}


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

    from .queries import resolve_entities
    from .writer import unpack

    terms = query_terms(query)
    params: dict[str, Any] = {"limit": max(0, int(limit)), "offset": max(0, int(offset))}
    conds: list[str] = []
    if terms and dialect == "sqlite":
        frm = "doc_fts f JOIN documents d ON d.pk = f.rowid"
        conds.append("doc_fts MATCH :q")
        params["q"] = fts5_query(terms)
        score, order = "-bm25(doc_fts)", "bm25(doc_fts)"
    elif terms:
        frm = "doc_search s JOIN documents d ON d.pk = s.doc_pk"
        conds.append("s.tsv @@ plainto_tsquery('simple', :q)")
        params["q"] = " ".join(terms)
        score = "ts_rank(s.tsv, plainto_tsquery('simple', :q))"
        order = score + " DESC"
    else:
        frm, score, order = "documents d", "0.0", "d.published DESC"
    if since:
        conds.append("d.published >= :since")
        params["since"] = since
    if until:
        conds.append("d.published <= :until")
        params["until"] = until
    if source:
        conds.append("d.source = :source")
        params["source"] = source
    if event_type:
        conds.append("d.pk IN (SELECT doc_pk FROM events WHERE type = :etype)")
        params["etype"] = event_type.upper()
    for key, value, sub in (
        ("ent", entity, "SELECT doc_pk FROM doc_entities WHERE entity_id IN ({ids})"),
        ("spk", speaker, "SELECT doc_pk FROM quotes WHERE speaker_entity_id IN ({ids})"),
    ):
        if value:
            ids = resolve_entities(conn, value)
            if not ids:
                return []
            names = []
            for i, eid in enumerate(ids):
                params[f"{key}{i}"] = eid
                names.append(f":{key}{i}")
            conds.append("d.pk IN (" + sub.format(ids=", ".join(names)) + ")")
    where = " WHERE " + " AND ".join(conds) if conds else ""
    rows = conn.execute(
        sql(
            f"SELECT d.pk, d.id, d.title, d.published, d.source, d.url, g.id AS dup, {score} AS score "  # noqa: S608
            f"FROM {frm} LEFT JOIN documents g ON g.pk = d.dup_group{where} "
            f"ORDER BY {order}, d.pk DESC LIMIT :limit OFFSET :offset"
        ),
        params,
    ).all()
    if not rows:
        return []
    bodies = dict(
        conn.execute(
            sql("SELECT pk, body FROM documents WHERE pk IN (" + ",".join(str(r.pk) for r in rows) + ")")
        ).all()
    )
    out = []
    for r in rows:
        doc_text = unpack(bodies[r.pk])["text"]
        snip = snippet(doc_text, terms)
        out.append(
            {
                "id": r.id,
                "title": r.title,
                "published": r.published,
                "source": r.source,
                "url": r.url,
                "snippet": snip["snippet"],
                "hit": snip["hit"],
                "score": round(float(r.score or 0.0), 4),
                "near_duplicate_of": r.dup,
            }
        )
    return out
