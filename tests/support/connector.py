"""A fake Bot Connector on loopback that records what the bot sends, as Teams would receive it."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Sent:
    """One activity the bot posted to the connector."""

    conversation_id: str
    reply_to: str | None
    activity: dict[str, Any]

    @property
    def text(self) -> str:
        return self.activity.get("text") or ""


@dataclass
class FakeConnector:
    """Records POSTs to /v3/conversations/…/activities[/replyTo] and answers like the connector."""

    sent: list[Sent] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> FakeConnector:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conv}/activities", self._post)
        app.router.add_post("/v3/conversations/{conv}/activities/{reply_to}", self._post)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.sent.append(Sent(request.match_info["conv"], request.match_info.get("reply_to"), body))
        self._arrived.set()
        return web.json_response({"id": f"sent-{next(self._ids)}"})

    def texts(self, conversation_id: str | None = None) -> list[str]:
        return [
            s.text
            for s in self.sent
            if conversation_id is None or s.conversation_id == conversation_id
        ]

    def clear(self) -> None:
        self.sent.clear()
