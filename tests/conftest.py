"""Shared fixtures: real DuckDB files in tmp_path, the real spaCy model, ../shared data."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles in ../shared (skips when ../shared is absent)."""
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is not beside the repository ({SEEDS} missing): seed-corpus tests skipped")
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The English spaCy model, loaded once."""
    from detente.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def coder():  # type: ignore[no-untyped-def]
    """The coder with our packaged dictionaries, loaded once (test files with dictionaries of
    their own define their own ``coder``)."""
    from detente.events import load_coder

    return load_coder()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@pytest.fixture
def http_server() -> Iterator[Callable[[dict[str, Handler]], str]]:
    """A real HTTP server on a free loopback port; routes map a path to a handler
    function that writes the response. Returns the base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(routes: dict[str, Handler]) -> str:
        class RequestHandler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                route = routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                route(self)

            def log_message(self, *args: object) -> None:
                return None

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        host, port = server.server_address[:2]
        return f"http://{host}:{port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
