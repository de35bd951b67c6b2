"""OpenAPI docs at ``/docs`` with Swagger UI served from the installed ``swagger-ui-bundle`` package.

FastAPI's own docs page pulls Swagger UI from a CDN and starts it with an inline script; ours loads the same UI
from this server and starts it from a static file, so it works offline and under the pages' CSP.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rasd API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg"></head>
<body><div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script></body></html>
"""


def swagger_dir() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def install(app: FastAPI) -> None:
    assets = swagger_dir()
    if assets is not None:
        app.mount("/static/swagger", StaticFiles(directory=assets), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if assets is None:
            return HTMLResponse(
                "<p>Swagger UI is not installed (pip install swagger-ui-bundle); "
                "the API description is at <a href='/openapi.json'>/openapi.json</a>.</p>"
            )
        return HTMLResponse(PAGE)
