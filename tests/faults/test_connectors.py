"""Pooled connector clients: built once per service URL, and a throttled reply is sent again."""

from __future__ import annotations

import time

from aiohttp import web

from bot.keys import ADAPTER
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser, teams_message
from tests.support.net import serve_connector


async def test_turns_reuse_one_connector_client_per_service_url(tmp_path, connector):
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    srv = await BotServer(demo_settings(url, reminders=False), connector).start()
    try:
        pool = srv._runner.app[ADAPTER].bot_framework_authentication.pool
        await srv.say(TeamsUser(STOCKHOLM_TENANT), "hjälp")
        [first] = pool._clients.values()
        for tenant in (STOCKHOLM_TENANT, GOTEBORG_TENANT):
            [reply] = await srv.say(TeamsUser(tenant), "Vem ansvarar för NSC?")
            assert "Nordic Safe Cities" in reply
        assert list(pool._clients.values()) == [first]
    finally:
        await srv.stop()
    assert pool._session is None  # closed with the app


class ThrottlingConnector:
    """Answers the first reply with 429 and Retry-After, then accepts."""

    def __init__(self) -> None:
        self.posts: list[tuple[float, int]] = []
        self.url = ""

    async def start(self) -> ThrottlingConnector:
        self._runner, self.url = await serve_connector(self._post, self._post)
        return self

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def _post(self, request: web.Request) -> web.Response:
        await request.read()
        status = 429 if not self.posts else 200
        self.posts.append((time.monotonic(), status))
        if status == 429:
            return web.json_response({}, status=429, headers={"Retry-After": "0.3"})
        return web.json_response({"id": "sent"})


async def test_a_throttled_reply_waits_for_retry_after_and_is_sent_once(tmp_path):
    fake = await ThrottlingConnector().start()
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    srv = await BotServer(demo_settings(url, reminders=False), fake).start()
    try:
        resp = await srv.post(teams_message(TeamsUser(STOCKHOLM_TENANT), "hjälp", fake.url))
        assert resp.status == 200
    finally:
        await srv.stop()
        await fake.stop()
    assert [status for _, status in fake.posts] == [429, 200]
    assert fake.posts[1][0] - fake.posts[0][0] >= 0.3
