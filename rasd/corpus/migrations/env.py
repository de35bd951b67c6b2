"""Alembic environment: migrations run programmatically from :func:`rasd.corpus.store.open_store`, which passes
an open connection in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context

from rasd.corpus.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs the alembic CLI by hand
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///rasd.db"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
