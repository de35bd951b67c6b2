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


def _run_chunk(fn: Callable[..., Any], chunk: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    return [fn(item, **kwargs) for item in chunk]


class DaskEngine:
    """Runs ``fn`` on a Dask cluster, ``chunk`` articles per task (a task costs the scheduler about as much as
    analyzing a short article) and at most ``window`` tasks in flight, yielding results in input order."""

    name = "dask"

    def __init__(self, scheduler: str | Any, window: int = 32, chunk: int = 8) -> None:
        from distributed import Client

        self._own = not hasattr(scheduler, "submit")
        self.client = Client(scheduler) if self._own else scheduler
        self.window = window
        self.chunk = max(1, chunk)

    def map(self, fn: Callable[..., Any], items: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        pending: deque = deque()
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.chunk:
                pending.append((chunk, self.client.submit(_run_chunk, fn, chunk, kwargs, pure=False)))
                chunk = []
                if len(pending) >= self.window:
                    yield from self._take(pending)
        if chunk:
            pending.append((chunk, self.client.submit(_run_chunk, fn, chunk, kwargs, pure=False)))
        while pending:
            yield from self._take(pending)

    @staticmethod
    def _take(pending: deque) -> list[Any]:
        chunk, fut = pending.popleft()
        try:
            return fut.result()
        except Exception as e:  # noqa: BLE001 - a worker lost or unable to run the task: report its articles
            return [
                {
                    "error": f"dask: {type(e).__name__}: {e}",
                    "origin": item.get("origin", "?") if isinstance(item, dict) else "?",
                    "id": None,
                }
                for item in chunk
            ]
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
