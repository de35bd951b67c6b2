"""The event timeline between two actors: events per period and type with a cooperation–conflict score."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from ..corpus import get_store
from ..errors import ApiError

router = APIRouter(prefix="/api", tags=["timelines"])

Period = Literal["day", "week", "month"]


def fetch_timeline(store, a: str, b: str, by: str) -> dict:
    a, b = a.strip(), b.strip()
    if not a or not b:
        raise ApiError(422, "name two actors: a and b", "invalid_request")
    return store.timeline(a, b, by=by)


@router.get("/timeline", summary="Events between actors a and b, per period")
def timeline(
    a: str = Query(..., min_length=1, max_length=200, description="first actor: name or KB id"),
    b: str = Query(..., min_length=1, max_length=200, description="second actor: name or KB id"),
    by: Period = Query("day", description="the period rows are grouped by"),
    store=Depends(get_store),
) -> dict:
    return fetch_timeline(store, a, b, by)
