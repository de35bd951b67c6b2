"""The corpus store behind the corpus endpoints: opened once per process, on first use."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Request

from .errors import ApiError


class StoreHolder:
    def __init__(self, url: str | None) -> None:
        self.url = url
        self._store: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self.url is None:
            raise ApiError(503, "no corpus is configured: start the server with --db URL", "no_corpus")
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from ..corpus.store import open_store

                    self._store = open_store(self.url)
        return self._store

    def close(self) -> None:
        store, self._store = self._store, None
        close = getattr(store, "close", None)
        if callable(close):
            close()


class LazyStore:
    """Stands for the store in route signatures; opens it (or answers 503) only when a method is used, so
    that a request's own mistakes are reported first."""

    def __init__(self, holder: StoreHolder) -> None:
        self._holder = holder

    def __getattr__(self, name: str) -> Any:
        return getattr(self._holder.get(), name)


def get_store(request: Request) -> Any:
    return LazyStore(request.app.state.store)
