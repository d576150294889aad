"""Fixtures of the ingest tests: the fixture folder and a local HTTP server in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# path -> (status, content type or None, body); "/slow" answers after SLOW_SECONDS
Routes = dict[str, tuple[int, str | None, bytes]]
SLOW_SECONDS = 1.0


@pytest.fixture()
def fixtures_dir() -> Path:
    return FIXTURES


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[Routes] = {}
    seen_agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out and went away

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


class LocalServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``routes``."""

    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {"routes": {}, "seen_agents": []})
        self.handler = handler
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    @property
    def routes(self) -> Routes:
        return self.handler.routes  # type: ignore[no-any-return]

    @property
    def seen_agents(self) -> list[str]:
        return self.handler.seen_agents  # type: ignore[no-any-return]

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"


@pytest.fixture()
def http_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        server.thread.join(timeout=5)
