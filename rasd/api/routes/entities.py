"""Entities in the corpus: a profile (mentions over time, roles, quotes by and about, co-mentions)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from ..corpus import get_store
from ..errors import ApiError
from ..pagination import Page, page_params, paginate

router = APIRouter(prefix="/api/entities", tags=["entities"])

Name = Path(..., min_length=1, max_length=200, description="KB id (e.g. Q6279) or Arabic/English name")


def fetch_profile(store, name: str) -> dict:
    profile = store.entity_profile(name)
    if profile is None:
        raise ApiError(404, f"no entity {name!r} in the corpus", "entity_not_found")
    return profile


# Declared first: a name may hold "/" (KB ids like person/vladimir-putin), so the profile route takes paths.
@router.get("/{name:path}/quotes", summary="Quotes by the entity, or about it")
def entity_quotes(
    request: Request,
    name: str = Name,
    role: Literal["by", "about"] = Query("by", description="by: the entity speaks; about: it is mentioned"),
    page: Page = Depends(page_params),
    store=Depends(get_store),
) -> dict:
    who = {"speaker": name} if role == "by" else {"about": name}
    return paginate(request, page, lambda limit, offset: store.quotes(**who, limit=limit, offset=offset))


@router.get("/{name:path}", summary="An entity's profile")
def entity_profile(name: str = Name, store=Depends(get_store)) -> dict:
    return fetch_profile(store, name)
