"""Loopback ports and servers for tests and benchmarks."""

from __future__ import annotations

import socket
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def serve_connector(proactive: Handler, reply: Handler) -> tuple[web.AppRunner, str]:
    """A Bot Connector's two activity routes on a free loopback port: its runner and base URL."""
    app = web.Application()
    app.router.add_post("/v3/conversations/{conv}/activities", proactive)
    app.router.add_post("/v3/conversations/{conv}/activities/{reply_to}", reply)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/"
