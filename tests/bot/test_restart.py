"""Dialog state lives in the database: a restart mid-dialog loses nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from store.demo import GOTEBORG_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser


async def _say_on_a_fresh_server(db_url, connector, user: TeamsUser, text: str) -> list[str]:
    """Start a bot server on ``db_url``, say ``text`` as ``user``, stop it: the replies."""
    srv = await BotServer(demo_settings(db_url), connector).start()
    try:
        return await srv.say(user, text)
    finally:
        await srv.stop()


async def test_a_restart_mid_dialog_keeps_the_conversation(db_url, connector):
    user = TeamsUser(GOTEBORG_TENANT)
    [question] = await _say_on_a_fresh_server(
        db_url, connector, user, "Vem är ansvarig för nätverket?"
    )
    assert question.startswith("Vilket nätverk menar du?")
    [answer] = await _say_on_a_fresh_server(db_url, connector, user, "NSC")
    assert answer.startswith("Ansvarig för Nordic Safe Cities")


async def test_healthz_says_503_when_the_store_is_gone(db_url, connector, backend):
    if backend != "postgres":
        pytest.skip("a SQLite file cannot go away under a running app; PostgreSQL can")
    srv = await BotServer(demo_settings(db_url), connector).start()
    try:
        async with srv.session.get(f"{srv.url}/healthz") as resp:
            assert resp.status == 200
        url = make_url(db_url)
        admin = create_async_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE "{url.database}" WITH (FORCE)'))
        await admin.dispose()
        async with srv.session.get(f"{srv.url}/healthz") as resp:
            assert resp.status == 503
    finally:
        await srv.stop()
