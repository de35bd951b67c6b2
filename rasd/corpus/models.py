"""The corpus tables (SQLAlchemy 2). Alembic migrations in ``migrations/`` create them; keep the two in step.

A document's full contract JSON is kept zlib-compressed in ``documents.body``; the other tables hold what the
analyst queries need, each row pointing back to its document by ``doc_pk``. Corpus entities are merged across
documents by knowledge-base id, else by normalized name and type (``entities.key``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True, nullable=False, doc="content hash")
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    origin: Mapped[str | None] = mapped_column(Text)
    n_chars: Mapped[int] = mapped_column(Integer, default=0)
    dup_group: Mapped[int | None] = mapped_column(
        Integer, index=True, doc="pk of the first document of its near-duplicate group"
    )
    dup_similarity: Mapped[float | None] = mapped_column(Float)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    body: Mapped[bytes] = mapped_column(LargeBinary, nullable=False, doc="zlib-compressed contract JSON")
    ingested_at: Mapped[str] = mapped_column(String(32))


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), unique=True, nullable=False)
    kb_id: Mapped[str | None] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(Text)
    norm: Mapped[str] = mapped_column(String(400), index=True, doc="normalized name, for lookups")
    name_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(50))
    country: Mapped[str | None] = mapped_column(String(200))


class DocEntityRow(Base):
    """One row per entity per document: what co-mentions, top lists and per-day counts read."""

    __tablename__ = "doc_entities"

    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    local_id: Mapped[str] = mapped_column(String(64))
    n_mentions: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[str | None] = mapped_column(String(10))
    story: Mapped[int] = mapped_column(
        Integer, doc="the document's near-duplicate group (its own pk if none)"
    )

    # covering: an entity's profile counts mentions, documents and stories per day from this index alone
    __table_args__ = (
        Index("ix_doc_entities_entity", "entity_id", "published", "story", "n_mentions"),
        {"sqlite_with_rowid": False},
    )


class MentionRow(Base):
    __tablename__ = "mentions"

    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), primary_key=True)
    start: Mapped[int] = mapped_column(Integer, primary_key=True)
    end: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


class RoleRow(Base):
    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(8))


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), index=True)
    local_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))
    cue: Mapped[str] = mapped_column(Text)
    # the content's offsets in the document's text: the words themselves are read from documents.body
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    speaker_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str | None] = mapped_column(String(50))
    cue_class: Mapped[str | None] = mapped_column(String(20))
    sentence: Mapped[int | None] = mapped_column(Integer)
    published: Mapped[str | None] = mapped_column(String(10))


class QuoteAboutRow(Base):
    """Entities mentioned inside a quote's content, or addressed by it: the quotes *about* them."""

    __tablename__ = "quote_about"

    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True, index=True)

    __table_args__ = ({"sqlite_with_rowid": False},)


class TimexRow(Base):
    __tablename__ = "timexes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), index=True)
    local_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(10))
    value: Mapped[str | None] = mapped_column(String(100))
    mod: Mapped[str | None] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), index=True)
    local_id: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(40))
    mode: Mapped[str | None] = mapped_column(String(40))
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    modality: Mapped[str] = mapped_column(String(20))
    symmetric: Mapped[bool] = mapped_column(Boolean, default=False)
    location_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    trigger: Mapped[str] = mapped_column(Text)
    sentence: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(String(64))
    story: Mapped[int] = mapped_column(
        Integer, doc="the document's near-duplicate group (its own pk if none)"
    )

    # covering for counts of events and stories per type
    __table_args__ = (Index("ix_events_type", "type", "date", "story"),)


class EventActorRow(Base):
    __tablename__ = "event_actors"

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(6), primary_key=True, doc="source or target")

    __table_args__ = (Index("ix_event_actors_entity", "entity_id", "role"), {"sqlite_with_rowid": False})


class LshBandRow(Base):
    """MinHash LSH bands kept in the database, so near-duplicates are found across runs and processes."""

    __tablename__ = "lsh_bands"

    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    doc_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), primary_key=True)

    __table_args__ = (Index("ix_lsh_bands_doc", "doc_pk"), {"sqlite_with_rowid": False})
