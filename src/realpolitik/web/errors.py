"""Every error as a JSON body with a message and the right status (HTML pages get the same
message on a page). RealpolitikError subclasses map to statuses here and nowhere else."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    NotFoundError,
    RealpolitikError,
    StoreError,
)

log = logging.getLogger("realpolitik.web")


def status_of(exc: RealpolitikError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, StoreError | ConfigError):
        return 503
    return 400  # QueryError, InputError and the rest: the request asked something wrong


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "reason": HTTPStatus(status).phrase,
                      "message": message}}


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get(
            "accept", ""):
        return JSONResponse(error_body(status, message), status_code=status)
    from realpolitik.web.render import render_page

    return render_page(request, "error.html", {"status": status, "message": message, "error": None,
                                               "reason": HTTPStatus(status).phrase},
                       status=status, title=f"{status} {HTTPStatus(status).phrase}")


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    async def on_realpolitik(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RealpolitikError)
        message = str(exc)
        if isinstance(exc, InputError) and exc.location.startswith(("--", "param ")):
            message = f"{exc.location.removeprefix('param ')}: {exc.reason}"
        return error_response(request, status_of(exc), message)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 400, _validation_message(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(request, exc.status_code, detail)

    async def on_crash(request: Request, exc: Exception) -> Response:
        # a bug, not a bad request: logged with its traceback, answered without one
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal error (see the server log)")

    app.add_exception_handler(Exception, on_crash)
    app.add_exception_handler(RealpolitikError, on_realpolitik)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
