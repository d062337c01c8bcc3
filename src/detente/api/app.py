"""The FastAPI application: the JSON API under ``/api``, the dashboard, and static files.

One DuckDB connection is opened when the app is made (read-only unless the server also runs
the watcher, which writes through the same database instance); each request works on its own
cursor of it. Errors come back as ``{"code": "D080", "message": "..."}`` with status 422
(bad value), 404 (not found), 401 (token), or 501 (a feature not installed).
"""

from __future__ import annotations

import hmac
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from detente import __version__
from detente.errors import DetenteError, StoreError, UsageError

__all__ = ["STATIC", "TOKEN_COOKIE", "create_app", "plotly_js"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TOKEN_COOKIE = "detente_token"


def plotly_js() -> Path:
    """The ``plotly.min.js`` bundled in the installed plotly package (never a CDN).

    Raises:
        StoreError: D060 when the plotly package holds no bundle.
    """
    import plotly

    root = Path(plotly.__file__).resolve().parent
    for candidate in (root / "package_data" / "plotly.min.js", *root.rglob("plotly.min.js")):
        if candidate.is_file():
            return candidate
    raise StoreError("D060", f"no plotly.min.js inside the plotly package at {root}", "reinstall plotly")


def _status(error: DetenteError) -> int:
    if error.code == "D060":
        return 404
    if isinstance(error, UsageError):
        return 422
    return 500


def _wants_html(request: Request) -> bool:
    return not (request.url.path.startswith("/api") or request.url.path.startswith("/openapi"))


def _error_response(request: Request, status: int, code: str, message: str, **extra: Any) -> Response:
    if _wants_html(request):
        from detente.api.web import render

        return render(request, "error.html", {"status": status, "code": code, "message": message}, status_code=status)
    return JSONResponse({"code": code, "message": message, **extra}, status_code=status)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        text = f"{where}: {error.get('msg', 'invalid value')}"
        if "input" in error and error["input"] is not None and not isinstance(error["input"], dict):
            text += f" (got {str(error['input'])[:60]!r})"
        parts.append(text)
    return "; ".join(parts)


def _authorised(request: Request, token: str) -> tuple[bool, bool]:
    """(the request carries the token, it came as ``?token=``)."""
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else None
    from_query = False
    if not given and request.query_params.get("token"):
        given, from_query = request.query_params["token"], True
    if not given:
        given = request.cookies.get(TOKEN_COOKIE)
    ok = bool(given) and hmac.compare_digest(str(given).encode(), token.encode())
    return ok, ok and from_query


def create_app(db_path: str | Path, token: str | None = None, read_only: bool = True) -> FastAPI:
    """The API and dashboard over the detente database at ``db_path``.

    Args:
        db_path: a DuckDB file made by ``detente run``.
        token: when given, every request must carry it (``Authorization: Bearer``,
            ``?token=``, or the cookie a ``?token=`` visit sets).
        read_only: open the file read-only (False only when this process also writes it,
            as ``detente serve --watch`` does; the API itself never writes).

    Raises:
        StoreError: D050 when the file is missing or cannot be opened.
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError("D050", f"database {str(path)!r} does not exist", "build it first with 'detente run FILES --db F'")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise StoreError("D050", f"cannot open {str(path)!r}: {error}") from None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        con.close()

    app = FastAPI(
        title="detente", version=__version__, lifespan=lifespan,
        description="Read-only access to a detente record: articles, events, statements, actors, issues, "
                    "dyad series, the negotiation ledger and alerts. See docs/api.md.",
    )
    app.state.con = con
    app.state.db_path = str(path)
    app.state.token = token

    @app.middleware("http")
    async def require_token(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if not token:
            return await call_next(request)
        ok, from_query = _authorised(request, token)
        if not ok:
            response = _error_response(request, 401, "D080", "a valid token is required: send 'Authorization: Bearer "
                                       "TOKEN' or add ?token=TOKEN (the server's DETENTE_TOKEN)")
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        response = await call_next(request)
        if from_query:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [dict(e) for e in exc.errors()]
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
        return _error_response(request, 422, "D080", _validation_message(errors), errors=detail)

    @app.exception_handler(DetenteError)
    async def on_detente_error(request: Request, exc: DetenteError) -> Response:
        return _error_response(request, _status(exc), exc.code, exc.message)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from detente.api import routes, web

    app.include_router(routes.router)
    app.include_router(web.router)

    @app.get("/health", include_in_schema=False)
    def health() -> HTMLResponse:
        return HTMLResponse("ok")

    return app


def env_token() -> str | None:
    """The token from ``DETENTE_TOKEN``, or None when unset or empty."""
    return os.environ.get("DETENTE_TOKEN") or None
