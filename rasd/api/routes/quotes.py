"""Quotes across the corpus, by speaker and/or about an entity."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ..corpus import get_store
from ..pagination import Page, page_params, paginate

router = APIRouter(prefix="/api", tags=["quotes"])


@router.get("/quotes", summary="Quotes, newest first")
def quotes(
    request: Request,
    speaker: str | None = Query(None, max_length=200, description="the speaker's name or KB id"),
    about: str | None = Query(None, max_length=200, description="an entity the quote mentions"),
    page: Page = Depends(page_params),
    store=Depends(get_store),
) -> dict:
    return paginate(
        request,
        page,
        lambda limit, offset: store.quotes(
            speaker=speaker or None, about=about or None, limit=limit, offset=offset
        ),
    )
