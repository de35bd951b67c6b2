"""Documents in the corpus: list, read, ingest (token), delete (token), and each one's layers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from ..corpus import get_store
from ..errors import ApiError
from ..pagination import Page, page_params, paginate
from ..security import require_token
from .analyze import AnalyzeRequest

router = APIRouter(prefix="/api/documents", tags=["documents"])

DocId = Path(..., min_length=1, max_length=200, description="the document's id")
MAX_INGEST = 100


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[AnalyzeRequest] = Field(..., min_length=1, max_length=MAX_INGEST)


def fetch_document(store: Any, doc_id: str) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    if doc is None:
        raise ApiError(404, f"no document with id {doc_id!r} in the corpus", "document_not_found")
    return doc


@router.get("", summary="List the corpus's documents, newest first")
def list_documents(request: Request, page: Page = Depends(page_params), store=Depends(get_store)) -> dict:
    return paginate(request, page, lambda limit, offset: store.list_documents(limit=limit, offset=offset))


@router.get("/{doc_id}", summary="One stored document, in the document contract")
def get_document(doc_id: str = DocId, store=Depends(get_store)) -> dict:
    return fetch_document(store, doc_id)


@router.get("/{doc_id}/entities", summary="The document's entities")
def document_entities(doc_id: str = DocId, store=Depends(get_store)) -> dict:
    return {"items": fetch_document(store, doc_id).get("entities", [])}


@router.get("/{doc_id}/quotes", summary="The document's quotes")
def document_quotes(doc_id: str = DocId, store=Depends(get_store)) -> dict:
    return {"items": fetch_document(store, doc_id).get("quotes", [])}


@router.get("/{doc_id}/events", summary="The document's events")
def document_events(doc_id: str = DocId, store=Depends(get_store)) -> dict:
    return {"items": fetch_document(store, doc_id).get("events", [])}


@router.post(
    "",
    status_code=201,
    summary="Analyze and store articles (needs the server's token)",
    dependencies=[Depends(require_token)],
)
async def ingest(body: IngestRequest, request: Request, store=Depends(get_store)) -> dict:
    analyzer = request.app.state.analyzer
    docs = []
    for item in body.documents:
        fields = item.model_dump()
        docs.append((await run_in_threadpool(lambda f=fields: analyzer.analyze_input(**f))).doc)
    report = await run_in_threadpool(lambda: store.ingest(docs))
    to_dict = getattr(report, "to_dict", None)
    return {"ids": [d.id for d in docs], "report": to_dict() if callable(to_dict) else _jsonable(report)}


@router.delete(
    "/{doc_id}",
    summary="Delete a stored document (needs the server's token)",
    dependencies=[Depends(require_token)],
)
def delete_document(doc_id: str = DocId, store=Depends(get_store)) -> dict:
    if not store.delete_document(doc_id):
        raise ApiError(404, f"no document with id {doc_id!r} in the corpus", "document_not_found")
    return {"deleted": doc_id}


def _jsonable(value: Any) -> Any:
    """Whatever the store reports about an ingest, in a JSON-safe form."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "__dict__"):
        return {k: _jsonable(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)
