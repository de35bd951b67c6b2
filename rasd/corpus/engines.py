"""Where the per-article analysis runs: in this process, or on a Dask cluster.

Both engines return results in input order, so the writer (always this process) stores documents in the
same order and the database ends up identical whichever engine analyzed them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class LocalEngine:
    name = "local"

    def map(self, fn: Callable[..., Any], items: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        for item in items:
            yield fn(item, **kwargs)

    def close(self) -> None:
        pass


class DaskEngine:
    """Runs ``fn`` on a Dask cluster with at most ``window`` articles in flight, yielding results in order."""

    name = "dask"

    def __init__(self, scheduler: str | Any, window: int = 256) -> None:
        from distributed import Client

        self._own = not hasattr(scheduler, "submit")
        self.client = Client(scheduler) if self._own else scheduler
        self.window = window

    def map(self, fn: Callable[..., Any], items: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        pending: deque = deque()
        for item in items:
            pending.append((item, self.client.submit(fn, item, pure=False, **kwargs)))
            if len(pending) >= self.window:
                yield self._take(pending)
        while pending:
            yield self._take(pending)

    @staticmethod
    def _take(pending: deque) -> Any:
        item, fut = pending.popleft()
        try:
            return fut.result()
        except Exception as e:  # noqa: BLE001 - a worker lost or unable to run the task: report the article
            origin = item.get("origin", "?") if isinstance(item, dict) else "?"
            return {"error": f"dask: {type(e).__name__}: {e}", "origin": origin, "id": None}
        finally:
            fut.release()

    def close(self) -> None:
        if self._own:
            self.client.close()


def make_engine(name: str = "local", scheduler: str | None = None) -> LocalEngine | DaskEngine:
    if name == "local":
        return LocalEngine()
    if name == "dask":
        if not scheduler:
            raise ValueError("--engine dask needs --scheduler tcp://HOST:PORT")
        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r} (local or dask)")
