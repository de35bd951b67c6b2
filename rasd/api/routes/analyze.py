"""Analyze one article, given as text or as an HTML page; the answer is the document contract's JSON."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..service import Analysis, Analyzer, check_published, decode_upload

router = APIRouter(prefix="/api", tags=["analyze"])

DOC_SCHEMA = {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}
Format = Literal["json", "digest"]


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="an HTML page; its main text, title and date are extracted")
    published: str | None = Field(None, description="ISO publication date, e.g. 2021-12-30")
    title: str | None = None
    url: str | None = None
    source: str | None = None


def digest_of(analysis: Analysis) -> str:
    from ...render.digest import render_digest

    return render_digest(analysis.doc)


async def _run(analyzer: Analyzer, fields: dict[str, Any]) -> Analysis:
    text = fields.get("text")
    if text is not None and fields.get("html") is None:
        # Analyzed before: answer from the cache without a trip to the thread pool.
        published = check_published(fields.get("published"))
        meta = {k: fields.get(k) for k in ("title", "url", "source")}
        key = analyzer.key(text, published=published, published_source="given" if published else None, **meta)
        hit = analyzer.cached(key)
        if hit is not None:
            return hit
    return await run_in_threadpool(lambda: analyzer.analyze_input(**fields))


def _answer(analysis: Analysis, fmt: Format) -> Response:
    if fmt == "digest":
        return PlainTextResponse(digest_of(analysis))
    return Response(analysis.body, media_type="application/json")


REQUEST_SCHEMA = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/AnalyzeRequest"}},
        "text/plain": {
            "schema": {"type": "string", "description": "the article (any common Arabic encoding)"}
        },
        "text/html": {"schema": {"type": "string", "description": "an HTML page"}},
    },
}


def _parse_json(raw: bytes) -> dict[str, Any]:
    try:
        # json.loads, not pydantic's parser: JSON may carry lone surrogates, which the service scrubs.
        return AnalyzeRequest.model_validate(json.loads(raw or b"null")).model_dump()
    except json.JSONDecodeError as exc:
        raise RequestValidationError([{"loc": ("body",), "msg": f"JSON decode error: {exc.msg}"}]) from None
    except UnicodeDecodeError:
        raise RequestValidationError([{"loc": ("body",), "msg": "the body is not UTF-8"}]) from None
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None


@router.post(
    "/analyze",
    summary="Analyze an article (JSON with text or html, or the article itself as text/plain or text/html)",
    responses={200: {"content": {**DOC_SCHEMA, "text/plain": {}}, "description": "the analyzed document"}},
    response_class=Response,
    openapi_extra={"requestBody": REQUEST_SCHEMA},
)
async def analyze(
    request: Request,
    format: Format = Query("json", description="json: the document; digest: the English digest as text"),
    published: str | None = Query(None, description="for a text/plain or text/html body: ISO date"),
    title: str | None = Query(None, max_length=1000, description="for a text/plain or text/html body"),
) -> Response:
    # The body is read and hashed as bytes first: the same request again (the common case under load) is
    # answered from the cache without parsing it at all.
    analyzer: Analyzer = request.app.state.analyzer
    raw = await request.body()
    ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    raw_key = "raw:" + hashlib.sha256(f"{ctype}\x00{published}\x00{title}\x00".encode() + raw).hexdigest()
    analysis = analyzer.cached(raw_key)
    if analysis is None:
        if ctype in (
            "text/plain",
            "text/html",
        ):  # curl --data-binary @article.txt -H 'Content-Type: text/plain'
            text, html = decode_upload(raw, None, "html" if ctype == "text/html" else "text")
            fields = {"text": text, "html": html, "published": published, "title": title}
        else:
            fields = _parse_json(raw)
        analysis = await _run(analyzer, fields)
        analyzer.remember(raw_key, analysis)
    return _answer(analysis, format)


@router.post(
    "/analyze/file",
    summary="Analyze an uploaded file (.txt or .html, any common Arabic encoding)",
    responses={200: {"content": DOC_SCHEMA, "description": "the analyzed document"}},
    response_class=Response,
)
async def analyze_file(
    request: Request,
    file: UploadFile = File(..., description="the article"),
    kind: Literal["auto", "text", "html"] = Form("auto"),
    published: str | None = Form(None),
    title: str | None = Form(None),
    format: Format = Query("json"),
) -> Response:
    data = await file.read()
    text, html = decode_upload(data, file.filename, kind)
    fields = {"text": text, "html": html, "published": published, "title": title or None}
    analysis = await _run(request.app.state.analyzer, fields)
    return _answer(analysis, format)
