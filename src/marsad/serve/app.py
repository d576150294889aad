"""The server: ``create_app(catalog, settings)`` builds the FastAPI app of the API and the desk.

Cross-cutting rules live here, once:

- errors are JSON ``{"error": {"code": ..., "message": ...}}`` (HTML pages for the desk), and bad
  input is a 4xx: the one 500 handler is a last resort that names no internals;
- request bodies are limited (:class:`BodyLimit`, an ASGI middleware that refuses by
  ``Content-Length`` and also counts a streamed body, so a chunked upload cannot dodge it);
- who is asking (:func:`principal`): a bearer token (API clients) or a signed session cookie
  (reviewers in the desk); writes need one of them, reads need one only when
  ``ServeSettings.read_token_required``;
- the desk's pages are served with a Content-Security-Policy that allows scripts from the host
  only, so even an escaping bug could not run an article's ``<script>``.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.errors import StoreError
from marsad.review import ReviewError
from marsad.serve.auth import Principal, SessionSigner
from marsad.serve.catalog import Catalog
from marsad.serve.query import QueryError

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
SESSION_COOKIE = "marsad_session"
log = logging.getLogger("marsad.serve")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeSettings:
    """How the server runs (``marsad serve`` flags; tests build their own)."""

    read_token_required: bool = False
    # an article is at most a few hundred KB of text; 2 MB leaves room for HTML and JSON escaping
    max_body_bytes: int = 2_000_000
    secure_cookies: bool = False  # set behind HTTPS so the session cookie never travels in clear
    # signs session cookies; None draws one at start (sessions then end with the process).
    # `marsad serve` reads $MARSAD_SECRET_KEY so that several workers or a restart share it.
    secret_key: bytes | None = None


class ApiError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether announced or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_large = error_response(413, "E_BODY_TOO_LARGE", f"request bodies are limited to {self.limit:,} bytes")
        if declared is not None:
            if not declared.isdigit():
                await error_response(400, "E_BAD_LENGTH", "Content-Length is not a number")(scope, receive, send)
                return
            if int(declared) > self.limit:
                await too_large(scope, receive, send)
                return
        seen = 0
        exceeded = replaced = False

        async def limited_receive() -> Message:
            nonlocal seen, exceeded
            if exceeded:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # stop reading here; whatever the app answers is replaced by the 413 below
                    exceeded = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        async def replacing_send(message: Message) -> None:
            nonlocal replaced
            if not exceeded:
                await send(message)
            elif not replaced and message["type"] == "http.response.start":
                replaced = True
                await too_large(scope, receive, send)

        await self.app(scope, limited_receive, replacing_send)


def principal(request: Request, scope: str = "read") -> Principal | None:
    """The owner of a bearer token with ``scope``, or the signed-in reviewer, behind a request; or None."""
    catalog: Catalog = request.app.state.catalog
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        token = auth[7:].strip()
        owner = catalog.token_owner(token, scope) if token else None
        return Principal(name=owner, via="token") if owner else None
    signer: SessionSigner = request.app.state.signer
    return signer.check(request.cookies.get(SESSION_COOKIE))


def create_app(catalog: Catalog, settings: ServeSettings | None = None) -> FastAPI:
    """The API (``/events``, ``/incidents``, ``/documents``, ``/deleted``, ``/extract``) and the desk (``/desk``)."""
    from marsad.serve import api, desk  # the routes import this module's helpers

    settings = settings or ServeSettings()
    app = FastAPI(title="marsad", version=__version__,
                  description="ACLED-style events from Arabic news, with their sources and evidence; "
                              "and the review desk where people correct them.")
    app.state.catalog = catalog
    app.state.settings = settings
    app.state.signer = SessionSigner(settings.secret_key or secrets.token_bytes(32))

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if err.status == 401 else None
        return error_response(err.status, err.code, err.message, headers)

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, err: QueryError) -> Response:
        return error_response(400, err.code, str(err))

    @app.exception_handler(ReviewError)
    async def _review_error(request: Request, err: ReviewError) -> Response:
        return error_response(422, "E_BAD_EDIT", str(err))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, err: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                             for e in err.errors()[:5])
        return error_response(422, "E_BAD_REQUEST", problems or "the request is not valid")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException) -> Response:
        codes = {404: "E_NOT_FOUND", 405: "E_METHOD_NOT_ALLOWED", 401: "E_UNAUTHORIZED", 403: "E_FORBIDDEN"}
        return error_response(err.status_code, codes.get(err.status_code, f"E_HTTP_{err.status_code}"),
                              str(err.detail))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, err: StoreError) -> Response:
        # the database is unreachable or failing: the request may be retried, nothing was half-done
        log.error("store error on %s %s: %s", request.method, request.url.path, err)
        return error_response(503, "E_STORE", "the store is not available; retry later",
                              {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _internal(request: Request, err: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "E_INTERNAL", "the server failed; the error is logged")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    app.include_router(api.router)
    app.include_router(desk.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app
