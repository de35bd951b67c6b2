"""The corpus: ingest articles at scale into SQLite or PostgreSQL, search them, ask analysts' questions, export.

>>> from rasd.corpus import open_store
>>> store = open_store("sqlite:///rasd.db")          # doctest: +SKIP
>>> store.ingest(iter_inputs(["articles/"]))          # doctest: +SKIP
"""

from .ingest import IngestReport
from .store import Store, open_store

__all__ = ["open_store", "Store", "IngestReport"]
