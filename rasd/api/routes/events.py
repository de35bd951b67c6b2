"""Events across the corpus: the most active actors and event types."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query

from ..corpus import get_store

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/top", summary="The most mentioned entities, speakers and event types")
def top(
    since: date | None = Query(None, description="count from this date on"),
    limit: int = Query(10, ge=1, le=100),
    store=Depends(get_store),
) -> dict:
    return store.top(since=since.isoformat() if since else None, limit=limit)
