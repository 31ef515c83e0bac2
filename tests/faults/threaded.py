"""Loopback HTTP servers in their own threads, for tests that must not share the bot's loop.

botbuilder fetches signing keys with blocking ``requests`` calls; a fake key server on the
bot's own event loop could never answer them. A server in a thread always can.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Route = Callable[[str, bytes], tuple[int, Any]]


class ThreadedJsonServer:
    """Answers GET and POST with JSON from ``route(path, body)``; records every request."""

    def __init__(self, route: Route, *, delay_s: float = 0.0) -> None:
        self.requests: list[tuple[str, str, bytes]] = []
        self.delay_s = delay_s
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append((self.command, self.path, body))
                if outer.delay_s:
                    time.sleep(outer.delay_s)
                status, payload = route(self.path, body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> ThreadedJsonServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
