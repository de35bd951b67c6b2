"""The corpus store: open (and migrate) a database, ingest documents, read them back, ask questions.

``open_store()`` opens ``sqlite:///rasd.db`` (WAL mode) unless given a URL such as
``postgresql+psycopg://user:pass@host/db``. Alembic migrations run on open, so a new or older database is
brought to the current schema before anything else happens.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, delete, event, func, select, text, update

from . import queries
from . import search as search_mod
from .models import (
    Base,
    DocEntityRow,
    DocumentRow,
    EventActorRow,
    EventRow,
    LshBandRow,
    MentionRow,
    QuoteAboutRow,
    QuoteRow,
    RoleRow,
    TimexRow,
)
from .writer import Writer, unpack

DEFAULT_URL = "sqlite:///rasd.db"
MIGRATIONS = Path(__file__).parent / "migrations"


@lru_cache(maxsize=1)
def _alembic() -> tuple[Config, str | None]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg, ScriptDirectory.from_config(cfg).get_current_head()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web app) never block the ingest, nor it them
    cur.execute("PRAGMA synchronous=NORMAL")  # a committed batch survives kill -9 of the process
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (no-op when it is there already)."""
    cfg, head = _alembic()
    with engine.begin() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, "head")
        finally:
            cfg.attributes.pop("connection", None)


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        self.engine = create_engine(url, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.dialect = self.engine.dialect.name
        migrate(self.engine)
        self.writer = Writer(self.dialect)
        self._top_cache: dict[tuple, tuple[tuple, dict]] = {}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------------------
    def ingest(
        self,
        items: Iterable[Any],
        *,
        kb: Any = None,
        kb_paths: Iterable[str] = (),
        engine: Any = None,
        batch_size: int = 32,
        progress: Callable[[str, str], None] | None = None,
    ):
        """Ingest articles (``rasd.inputs.Article``), Documents, contract dicts or strings.

        Returns an :class:`rasd.corpus.ingest.IngestReport`. See :mod:`rasd.corpus.ingest`."""
        from .ingest import ingest

        self._top_cache.clear()
        return ingest(
            self,
            items,
            kb=kb,
            kb_paths=tuple(kb_paths),
            engine=engine,
            batch_size=batch_size,
            progress=progress,
        )

    def known_ids(self, ids: list[str]) -> set[str]:
        out: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                out.update(conn.execute(select(DocumentRow.id).where(DocumentRow.id.in_(chunk))).scalars())
        return out

    # -- documents -----------------------------------------------------------------------------------
    def get_document(self, doc_id: str) -> dict | None:
        """The document in the ``rasd.document/1`` contract, or ``None``."""
        with self.engine.connect() as conn:
            body = conn.execute(select(DocumentRow.body).where(DocumentRow.id == doc_id)).scalar()
        return unpack(body) if body is not None else None

    def iter_documents(self, **filters: Any) -> Iterable[dict]:
        """All documents (optionally filtered by since/until/source), oldest first, in the contract."""
        q = select(DocumentRow.body).order_by(DocumentRow.pk)
        if filters.get("since"):
            q = q.where(DocumentRow.published >= filters["since"])
        if filters.get("until"):
            q = q.where(DocumentRow.published <= filters["until"])
        if filters.get("source"):
            q = q.where(DocumentRow.source == filters["source"])
        with self.engine.connect() as conn:
            for (body,) in conn.execute(q.execution_options(yield_per=200)):
                yield unpack(body)

    def list_documents(self, limit: int = 20, offset: int = 0) -> list[dict]:
        """Newest first: id, title, published, source, url and the near-duplicate group's first document."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT d.id, d.title, d.published, d.source, d.url, g.id AS dup "
                    "FROM documents d LEFT JOIN documents g ON g.pk = d.dup_group "
                    "ORDER BY d.published DESC, d.pk DESC LIMIT :limit OFFSET :offset"
                ),
                {"limit": int(limit), "offset": int(offset)},
            ).all()
        return [
            {
                "id": r.id,
                "title": r.title,
                "published": r.published,
                "source": r.source,
                "url": r.url,
                "near_duplicate_of": r.dup,
            }
            for r in rows
        ]

    def count(self, table: str = "documents") -> int:
        """Rows in one of the corpus tables."""
        if table not in Base.metadata.tables:
            raise ValueError(f"no corpus table {table!r}")
        with self.engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()  # noqa: S608 - checked above

    def delete_document(self, doc_id: str) -> bool:
        self._top_cache.clear()
        with self.engine.begin() as conn:
            row = conn.execute(
                select(DocumentRow.pk, DocumentRow.body).where(DocumentRow.id == doc_id)
            ).first()
            if row is None:
                return False
            pk = row.pk
            doc = unpack(row.body)
            qids = select(QuoteRow.id).where(QuoteRow.doc_pk == pk)
            conn.execute(delete(QuoteAboutRow).where(QuoteAboutRow.quote_id.in_(qids)))
            evids = select(EventRow.id).where(EventRow.doc_pk == pk)
            conn.execute(delete(EventActorRow).where(EventActorRow.event_id.in_(evids)))
            for t in (QuoteRow, EventRow, MentionRow, RoleRow, DocEntityRow, TimexRow, LshBandRow):
                conn.execute(delete(t).where(t.doc_pk == pk))
            if self.dialect == "sqlite":
                from ..document import Document

                d = Document.from_dict(doc)
                terms = search_mod.index_terms(search_mod.doc_tokens(d), d.title)
                conn.execute(
                    text("INSERT INTO doc_fts(doc_fts, rowid, terms) VALUES ('delete', :pk, :terms)"),
                    {"pk": pk, "terms": terms},
                )
            else:
                conn.execute(text("DELETE FROM doc_search WHERE doc_pk = :pk"), {"pk": pk})
            conn.execute(delete(DocumentRow).where(DocumentRow.pk == pk))
            # the group lives on under its next member
            members = (
                conn.execute(
                    select(DocumentRow.pk).where(DocumentRow.dup_group == pk).order_by(DocumentRow.pk)
                )
                .scalars()
                .all()
            )
            if members:
                conn.execute(update(DocumentRow).where(DocumentRow.pk == members[0]).values(dup_group=None))
                if len(members) > 1:
                    conn.execute(
                        update(DocumentRow)
                        .where(DocumentRow.pk.in_(members[1:]))
                        .values(dup_group=members[0])
                    )
                for table in (DocEntityRow, EventRow):
                    conn.execute(update(table).where(table.doc_pk.in_(members)).values(story=members[0]))
        return True

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            docs = conn.execute(select(func.count()).select_from(DocumentRow)).scalar_one()
            groups = conn.execute(
                select(func.count(func.distinct(func.coalesce(DocumentRow.dup_group, DocumentRow.pk))))
            ).scalar_one()
        return {"documents": docs, "stories": groups}

    # -- questions -----------------------------------------------------------------------------------
    def search(
        self,
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
    ) -> list[dict]:
        """Documents matching every word of ``query`` (Arabic-aware) and the filters, best first; with no
        query words, the filtered documents newest first. Each: id, title, published, source, url, snippet,
        hit (offsets of the matched word in the snippet), score, near_duplicate_of."""
        with self.engine.connect() as conn:
            return search_mod.run_search(
                conn,
                self.dialect,
                query,
                since=since,
                until=until,
                entity=entity,
                speaker=speaker,
                event_type=event_type,
                source=source,
                limit=limit,
                offset=offset,
            )

    def entity_profile(self, name_or_id: str | int) -> dict | None:
        with self.engine.connect() as conn:
            return queries.entity_profile(conn, name_or_id)

    def quotes(
        self, speaker: str | None = None, about: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[dict]:
        with self.engine.connect() as conn:
            return queries.quotes(conn, speaker=speaker, about=about, limit=limit, offset=offset)

    def timeline(
        self, a: str, b: str, by: str = "day", *, all_modalities: bool = False, members: bool = True
    ) -> dict:
        with self.engine.connect() as conn:
            return queries.timeline(conn, a, b, by=by, all_modalities=all_modalities, members=members)

    def top(self, since: str | None = None, limit: int = 10, *, until: str | None = None) -> dict:
        """Top lists (see :func:`queries.top`). They scan whole tables, so a result is kept until the corpus
        changes: this store's own ingests and deletes, or another process's (seen in the documents' count and
        highest pk)."""
        key = (since, until, int(limit))
        with self.engine.connect() as conn:
            version = tuple(conn.execute(text("SELECT count(*), max(pk) FROM documents")).one())
            cached = self._top_cache.get(key)
            if cached is None or cached[0] != version:
                cached = (version, queries.top(conn, since=since, until=until, limit=limit))
                self._top_cache[key] = cached
        return copy.deepcopy(cached[1])


def open_store(url: str | None = None) -> Store:
    """Open the corpus at ``url`` (default ``$RASD_DB`` or ``sqlite:///rasd.db``), creating/migrating it."""
    return Store(url or os.environ.get("RASD_DB") or DEFAULT_URL)
