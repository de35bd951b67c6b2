"""Paginated lists: ``{"items": [...], "limit": L, "offset": O, "next": url or null}``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Query, Request
from pydantic import BaseModel

MAX_LIMIT = 100


class Page(BaseModel):
    limit: int = 20
    offset: int = 0


def page_params(
    limit: int = Query(20, ge=1, le=MAX_LIMIT, description=f"items per page (1–{MAX_LIMIT})"),
    offset: int = Query(0, ge=0, le=1_000_000, description="items to skip"),
) -> Page:
    return Page(limit=limit, offset=offset)


def paginate(request: Request, page: Page, fetch: Callable[[int, int], list[Any]]) -> dict[str, Any]:
    """Ask the store for one item more than the page holds, to know whether a next page exists."""
    items = list(fetch(page.limit + 1, page.offset))
    more = len(items) > page.limit
    items = items[: page.limit]
    nxt = str(request.url.include_query_params(offset=page.offset + page.limit)) if more else None
    prev = None
    if page.offset > 0:
        prev = str(request.url.include_query_params(offset=max(page.offset - page.limit, 0)))
    return {"items": items, "limit": page.limit, "offset": page.offset, "next": nxt, "previous": prev}
