"""``detente serve``: the HTTP API, the dashboard and (with ``--watch``) the watcher, in one
process, which owns the DuckDB file (DuckDB refuses a second process)."""

from __future__ import annotations

import ipaddress
import os
import threading
from pathlib import Path

import typer

from detente.cli.render import DB_OPTION, err, fail, guarded, out
from detente.errors import UsageError

__all__ = ["check_bind", "is_loopback", "register", "serve"]


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine.

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token.

    Raises:
        UsageError: D080 when ``host`` is not loopback and ``token`` is empty.
    """
    if not token and not is_loopback(host):
        raise UsageError("D080", f"refusing to listen on {host!r} without a token",
                         "set DETENTE_TOKEN to a secret (clients send 'Authorization: Bearer TOKEN'), "
                         "or bind to 127.0.0.1")


def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs DETENTE_TOKEN."),
    port: int = typer.Option(8321, "--port", min=0, max=65535, help="Port to listen on."),
    watch: str | None = typer.Option(None, "--watch", help="A watch file: also re-read its sources and raise alerts."),
) -> None:
    """Serve the HTTP API (/api, /docs) and the dashboard; with --watch, run the watcher too.

    Beyond loopback every request must carry the token in $DETENTE_TOKEN (Bearer header,
    ?token=, or the cookie a ?token= visit sets); a token set on loopback is required too.

    Example: detente serve --db x.duckdb --port 8321 --watch watch.toml
    """
    import uvicorn

    from detente.api import create_app

    token = os.environ.get("DETENTE_TOKEN") or None
    with guarded():
        check_bind(host, token)
        spec = None
        watch_forever = None
        if watch:
            try:
                from detente.watch import load_watch, watch_forever
            except ImportError:
                fail(UsageError("D080", "--watch is not available in this build (detente.watch is missing)"))
            spec = load_watch(watch)
        app = create_app(db, token=token, read_only=spec is None)
    stop = threading.Event()
    watcher: threading.Thread | None = None
    if spec is not None and watch_forever is not None:
        watcher = threading.Thread(target=watch_forever, args=(spec, str(Path(db)), stop), name="detente-watch", daemon=True)
        watcher.start()
    shown = f"[{host}]" if ":" in host else host
    out.print(f"detente dashboard: http://{shown}:{port}/  (API: /api, schema: /openapi.json)"
              + ("  [token required]" if token else "") + (f"  [watching {watch}]" if watcher else ""))
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        stop.set()
        if watcher is not None:
            watcher.join(timeout=30)
            if watcher.is_alive():
                err.print("the watcher is still finishing a round; exiting anyway", style="yellow")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve)
