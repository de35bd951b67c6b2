"""Errors as JSON with a clear message: ``{"error": {"status": 404, "code": "not_found", "message": ...}}``.

Web pages (paths outside ``/api``) get the same message as an HTML page instead.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .service import AnalysisError, InputError

log = logging.getLogger("rasd.api")


class ApiError(Exception):
    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _code(status)
        self.headers = headers


def _code(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def error_body(status: int, message: str, code: str | None = None, details: Any = None) -> dict:
    err: dict[str, Any] = {"status": status, "code": code or _code(status), "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


def error_response(
    request: Request | None,
    status: int,
    message: str,
    code: str | None = None,
    details: Any = None,
    headers=None,
) -> Response:
    if request is not None and wants_html(request):
        from ..web.views import render_error

        return render_error(request, status, message)
    return JSONResponse(error_body(status, message, code, details), status_code=status, headers=headers)


def wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path in ("/openapi.json",)) and request.method in ("GET", "POST")


def _validation_message(errors: list[dict]) -> tuple[str, list[dict]]:
    details = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path", "form")]
        details.append({"field": ".".join(loc) or None, "message": e.get("msg", "invalid")})
    first = details[0] if details else {"field": None, "message": "invalid request"}
    where = f"{first['field']}: " if first["field"] else ""
    more = f" (and {len(details) - 1} more problem(s))" if len(details) > 1 else ""
    return f"invalid request: {where}{first['message']}{more}", details


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message, exc.code, headers=exc.headers)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        return error_response(request, 422, str(exc), "invalid_input")

    @app.exception_handler(AnalysisError)
    async def _analysis_error(request: Request, exc: AnalysisError) -> Response:
        return error_response(request, 500, str(exc)[:500], "analysis_failed")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else _code(exc.status_code).replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        message, details = _validation_message(list(exc.errors()))
        return error_response(request, 422, message, "invalid_request", details)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); see the server log")
