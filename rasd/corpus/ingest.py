"""Ingest: inputs -> analysis (local or Dask) -> store, idempotent and crash-safe.

A document is identified by the hash of its text. Known documents are skipped before analysis. Documents are
written in small batches, each in one transaction: a kill -9 loses at most the batch in flight, which the next
run analyzes again (it was never committed, so nothing is duplicated). If a batch fails, its documents are
written one by one so that only the bad one is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..inputs import InputError
from .engines import LocalEngine
from .prepare import job_from_item, load_kb, prepare


@dataclass
class IngestReport:
    ingested: int = 0
    known: int = 0
    near_duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "skipped_known": self.known,
            "near_duplicates": self.near_duplicates,
            "failed": [{"origin": o, "reason": r} for o, r in self.failed],
        }


def _jobs(
    store: Any, items: Iterable[Any], report: IngestReport, tick: Callable[[str, str], None]
) -> Iterator[dict]:
    """Jobs for documents not yet in the store; input errors and known documents are counted on the way."""
    seen: set[str] = set()
    chunk: list[dict] = []

    def flush() -> Iterator[dict]:
        known = store.known_ids([j["id"] for j in chunk])
        for j in chunk:
            if j["id"] in known or j["id"] in seen:
                report.known += 1
                tick("known", j["origin"])
            else:
                seen.add(j["id"])
                yield j
        chunk.clear()

    for item in items:
        if isinstance(item, InputError):  # bad input: reported and skipped, as in rasd analyze
            report.failed.append((item.origin, item.message))
            tick("failed", item.origin)
            continue
        try:
            chunk.append(job_from_item(item))
        except (TypeError, ValueError) as e:
            origin = getattr(item, "origin", None) or type(item).__name__
            report.failed.append((origin, str(e)))
            tick("failed", origin)
            continue
        if len(chunk) >= 64:
            yield from flush()
    if chunk:
        yield from flush()


def ingest(
    store: Any,
    items: Iterable[Any],
    *,
    kb: Any = None,
    kb_paths: tuple[str, ...] = (),
    engine: Any = None,
    batch_size: int = 32,
    progress: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest ``items`` into ``store``; ``progress(outcome, origin)`` is called once per item with outcome
    ``new``, ``duplicate``, ``known`` or ``failed``."""
    report = IngestReport()
    tick = progress or (lambda outcome, origin: None)
    engine = engine or LocalEngine()
    if engine.name == "local":
        if kb is None and kb_paths:
            kb = load_kb(tuple(kb_paths))
        results = engine.map(prepare, _jobs(store, items, report, tick), kb=kb)
    else:  # workers load the knowledge base themselves, from the same paths
        results = engine.map(prepare, _jobs(store, items, report, tick), kb_paths=tuple(kb_paths))
    batch: list[dict] = []
    for res in results:
        if "error" in res:
            report.failed.append((res["origin"], res["error"]))
            tick("failed", res["origin"])
            continue
        batch.append(res)
        if len(batch) >= batch_size:
            _write_batch(store, batch, report, tick)
            batch = []
    if batch:
        _write_batch(store, batch, report, tick)
    return report


def _record(report: IngestReport, tick: Callable[[str, str], None], res: dict, outcome: str) -> None:
    if outcome == "known":
        report.known += 1
    else:
        report.ingested += 1
        report.ids.append(res["id"])
        report.near_duplicates += outcome == "duplicate"
    tick(outcome, res["origin"])


def _write_batch(
    store: Any, batch: list[dict], report: IngestReport, tick: Callable[[str, str], None]
) -> None:
    try:
        with store.engine.begin() as conn:
            outcomes = store.writer.write_batch(conn, batch)
    except Exception:  # noqa: BLE001 - isolate the document that fails, below
        store.writer.reset()
        for res in batch:
            try:
                with store.engine.begin() as conn:
                    outcome = store.writer.write(conn, res)
            except Exception as e:  # noqa: BLE001 - reported per document
                store.writer.reset()
                if store.known_ids([res["id"]]):  # another process stored it meanwhile: known, not failed
                    _record(report, tick, res, "known")
                    continue
                report.failed.append((res["origin"], f"store: {type(e).__name__}: {e}"))
                tick("failed", res["origin"])
                continue
            _record(report, tick, res, outcome)
        return
    for res, outcome in zip(batch, outcomes, strict=True):
        _record(report, tick, res, outcome)
