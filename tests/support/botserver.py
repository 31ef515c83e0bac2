"""Run the real aiohttp app on a free loopback port and post Teams-shaped activities to it."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from bot.app import create_app
from bot.settings import Settings
from tests.support.connector import FakeConnector

_ids = itertools.count(1)


@dataclass
class TeamsUser:
    """A user in a tenant, talking to the bot in a personal chat."""

    tenant_id: str | None
    name: str = "Anna Andersson"
    aad_object_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    conversation_id: str = field(default_factory=lambda: f"a:{uuid.uuid4().hex}")


def teams_message(
    user: TeamsUser, text: str | None, service_url: str, **extra: Any
) -> dict[str, Any]:
    """A message activity shaped like the ones Teams posts to a bot."""
    channel_data: dict[str, Any] = {}
    if user.tenant_id is not None:
        channel_data["tenant"] = {"id": user.tenant_id}
    body: dict[str, Any] = {
        "type": "message",
        "id": f"1700000000{next(_ids):06d}",
        "timestamp": "2026-11-23T08:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {
            "id": f"29:{user.aad_object_id}",
            "name": user.name,
            "aadObjectId": user.aad_object_id,
        },
        "conversation": {
            "id": user.conversation_id,
            "conversationType": "personal",
            "tenantId": user.tenant_id,
        },
        "recipient": {"id": "28:arendebot", "name": "Ärendebot"},
        "locale": "en-US",
        "channelData": channel_data,
    }
    if text is not None:
        body["text"] = text
        body["textFormat"] = "plain"
    body.update(extra)
    return body


class BotServer:
    """The app from ``create_app`` served on 127.0.0.1 with a free port."""

    def __init__(self, settings: Settings, connector: FakeConnector) -> None:
        self.settings = settings
        self.connector = connector
        self._runner: web.AppRunner | None = None
        self.url = ""
        self.session: aiohttp.ClientSession | None = None

    async def start(self) -> BotServer:
        self._runner = web.AppRunner(create_app(self.settings), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        self.session = aiohttp.ClientSession()
        return self

    async def stop(self) -> None:
        if self.session:
            await self.session.close()
        if self._runner:
            await self._runner.cleanup()

    async def post(self, body: Any, **kwargs: Any) -> aiohttp.ClientResponse:
        assert self.session is not None
        async with self.session.post(f"{self.url}/api/messages", json=body, **kwargs) as resp:
            await resp.read()
            return resp

    async def say(self, user: TeamsUser, text: str | None, **extra: Any) -> list[str]:
        """Send a message as the user; return the texts the bot sent back during that turn."""
        before = len(self.connector.sent)
        resp = await self.post(teams_message(user, text, self.connector.url, **extra))
        assert resp.status < 300, f"{resp.status} for {text!r}"
        return [s.text for s in self.connector.sent[before:]]

    async def replies(self, user: TeamsUser, text: str | None, **extra: Any) -> list[dict]:
        """Like :meth:`say` but return the whole activities sent back."""
        before = len(self.connector.sent)
        resp = await self.post(teams_message(user, text, self.connector.url, **extra))
        assert resp.status < 300
        return [s.activity for s in self.connector.sent[before:]]
