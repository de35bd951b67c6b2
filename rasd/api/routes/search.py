"""Full-text search over the corpus, with its filters."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query, Request

from ..corpus import get_store
from ..pagination import Page, page_params, paginate

router = APIRouter(prefix="/api", tags=["search"])


def search_filters(
    q: str = Query("", max_length=500, description="words to find; Arabic is matched after normalization"),
    since: date | None = Query(None, description="published on or after (ISO date)"),
    until: date | None = Query(None, description="published on or before (ISO date)"),
    entity: str | None = Query(None, max_length=200, description="mentions this entity (name or KB id)"),
    speaker: str | None = Query(None, max_length=200, description="quotes this speaker"),
    event_type: str | None = Query(None, max_length=40, description="has an event of this PLOVER type"),
    source: str | None = Query(None, max_length=200, description="from this source"),
) -> dict:
    return {
        "query": q.strip(),
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "entity": entity or None,
        "speaker": speaker or None,
        "event_type": event_type or None,
        "source": source or None,
    }


def run_search(store, filters: dict, limit: int, offset: int) -> list[dict]:
    query = filters["query"]
    rest = {k: v for k, v in filters.items() if k != "query"}
    return store.search(query, **rest, limit=limit, offset=offset)


@router.get("/search", summary="Search the corpus; filters combine with AND")
def search(
    request: Request,
    filters: dict = Depends(search_filters),
    page: Page = Depends(page_params),
    store=Depends(get_store),
) -> dict:
    result = paginate(request, page, lambda limit, offset: run_search(store, filters, limit, offset))
    return {"filters": filters, **result}
