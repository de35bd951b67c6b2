"""The application factory: API routes under ``/api``, pages at ``/``, docs at ``/docs``."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from .. import __version__
from ..document import Document
from . import docs, errors
from .corpus import StoreHolder
from .limits import BodyLimitMiddleware
from .routes import analyze, documents, entities, events, quotes, search, timelines
from .routes.analyze import AnalyzeRequest
from .security import SecurityHeadersMiddleware
from .service import Analyzer
from .settings import Settings

DESCRIPTION = """Arabic news articles in, structured records out: entities linked to a knowledge base, quotes
and their speakers, time expressions as ISO values, political events. Documents follow the `rasd.document/1`
contract (schema `Document`). Lists are paginated with `limit` and `offset`; errors are JSON objects
`{"error": {"status", "code", "message"}}`. Writing to the corpus needs the server's bearer token."""


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    *,
    cors_origins: list[str] | tuple[str, ...] = (),
    max_body_bytes: int | None = None,
    cache_size: int = 256,
    settings: Settings | None = None,
) -> FastAPI:
    """A configured app. Without ``db_url`` the corpus endpoints answer 503; without ``token`` writes are off."""
    if settings is None:
        settings = Settings(
            db_url=db_url, token=token or None, cors_origins=tuple(cors_origins), cache_size=cache_size
        )
        if max_body_bytes is not None:
            settings = Settings(**{**settings.__dict__, "max_body_bytes": max_body_bytes})
    store = StoreHolder(settings.db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="rasd",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        default_response_class=JSONResponse,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.analyzer = Analyzer(settings.cache_size)

    errors.install(app)
    for module in (analyze, documents, entities, quotes, events, search, timelines):
        app.include_router(module.router)

    @app.get("/api/health", tags=["meta"], summary="Liveness, version and configuration")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "corpus": settings.db_url is not None,
            "writes": settings.token is not None,
        }

    from ..web import views

    docs.install(app)  # before the pages: its /static/swagger mount must come before /static
    views.install(app)
    app.openapi = lambda: _openapi(app)

    # Outermost first: the body cap runs before anything reads the body.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated description plus the document contract's schema, which responses refer to."""
    if app.openapi_schema is None:
        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        doc_schema = Document.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        for name, sub in doc_schema.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        schemas["Document"] = doc_schema
        schemas["AnalyzeRequest"] = AnalyzeRequest.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        app.openapi_schema = spec
    return app.openapi_schema


def create_app_from_env() -> FastAPI:
    """For worker processes started by uvicorn itself (``rasd serve --workers N``)."""
    return create_app(settings=Settings.from_env())
