"""``detente serve``: the HTTP API, the dashboard and (with ``--watch``) the watcher, in one
process, which owns the DuckDB file (DuckDB refuses a second process)."""

from __future__ import annotations

import ipaddress
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

import typer

from detente.cli.render import DB_OPTION, err, fail, guarded, out
from detente.errors import UsageError

if TYPE_CHECKING:
    import uvicorn

    from detente.store import Store
    from detente.watch import WatchSpec

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


def _open_watch(watch: str, db: str) -> tuple[WatchSpec, Store]:
    """The checked watch file and the :class:`~detente.store.Store` its watcher writes through.

    The store is opened (created and migrated if need be) here, before the API opens the file,
    so the API never reads a schema the watcher is still upgrading.

    Raises:
        UsageError: D080 for a bad watch file; StoreError: D050 when the file cannot be opened.
    """
    try:
        from detente.watch import load_watch
    except ImportError:
        fail(UsageError("D080", "--watch is not available in this build (detente.watch is missing)"))
    from detente.store import Store

    spec = load_watch(watch)
    return spec, Store(db)


def _log_rounds() -> None:
    """Let the watcher's round reports (``detente.watch`` at INFO) reach stderr."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("detente.watch").setLevel(logging.INFO)


@contextmanager
def _stop_on_signals(server: uvicorn.Server, stop: threading.Event, what: str) -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM stop ``server`` and set ``stop`` (for the watcher);
    ``what`` names what stops, in the line printed to stderr.

    uvicorn puts its own handlers in place while it serves; on its way out it restores these and
    raises the signal again, which lands here instead of killing the process (the default
    action), so the watcher is stopped and joined and the command exits 0.
    """
    def handle(signum: int, frame: FrameType | None) -> None:
        if not stop.is_set():
            err.print(f"{signal.Signals(signum).name}: stopping {what}", markup=False)
        stop.set()
        server.should_exit = True

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _start_watcher(spec: WatchSpec, store: Store, stop: threading.Event) -> threading.Thread:
    """``watch_forever`` in a daemon thread, writing through ``store``."""
    from detente.watch import watch_forever

    thread = threading.Thread(target=watch_forever, args=(spec, store.path, stop), kwargs={"store": store},
                              name="detente-watch", daemon=True)
    thread.start()
    return thread


def _stop_watcher(watcher: threading.Thread, store: Store, timeout: float = 30) -> None:
    """Wait for the watcher's current round to end, then close its store (left open if it is
    still writing: closing a connection under a running query is not safe)."""
    watcher.join(timeout=timeout)
    if watcher.is_alive():
        err.print("the watcher is still finishing a round; exiting anyway", style="yellow")
        return
    store.close()


def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs DETENTE_TOKEN."),
    port: int = typer.Option(8321, "--port", min=0, max=65535, help="Port to listen on."),
    watch: str | None = typer.Option(None, "--watch", help="A watch file: also re-read its sources and raise alerts."),
) -> None:
    """Serve the HTTP API (/api, /docs) and the dashboard; with --watch, run the watcher too.

    Beyond loopback every request must carry the token in $DETENTE_TOKEN (Bearer header,
    ?token=, or the cookie a ?token= visit sets); a token set on loopback is required too.
    With --watch the database is created if it does not exist yet. SIGINT and SIGTERM stop
    the server and the watcher (after its current round) and exit 0.

    Example: detente serve --db x.duckdb --port 8321 --watch watch.toml
    """
    import uvicorn

    from detente.api import create_app

    token = os.environ.get("DETENTE_TOKEN") or None
    spec: WatchSpec | None = None
    store: Store | None = None
    with guarded():
        check_bind(host, token)
        if watch:
            spec, store = _open_watch(watch, db)
        try:
            app = create_app(db, token=token, read_only=store is None)
        except BaseException:
            if store is not None:
                store.close()
            raise
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    stop = threading.Event()
    watcher: threading.Thread | None = None
    shown = f"[{host}]" if ":" in host else host
    what = "the server and the watcher (after its current round)" if spec is not None else "the server"
    with _stop_on_signals(server, stop, what):
        try:
            if spec is not None and store is not None:
                _log_rounds()
                watcher = _start_watcher(spec, store, stop)
            out.print(f"detente dashboard: http://{shown}:{port}/  (API: /api, schema: /openapi.json)"
                      + ("  [token required]" if token else "") + (f"  [watching {watch}]" if watcher else ""),
                      markup=False)
            server.run()
        finally:
            stop.set()
            if watcher is not None and store is not None:
                _stop_watcher(watcher, store)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the app."""
    app.command("serve")(serve)
