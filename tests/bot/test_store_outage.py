"""The database goes away and comes back: Swedish answer, 503 health, no restart needed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.keys import DB
from dialogs.common import texts
from store.demo import GOTEBORG_TENANT
from store.models import AuditEvent
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser
from tests.support.tcpproxy import TcpProxy


@pytest.fixture
def backend() -> str:
    return "postgres"  # a SQLite file cannot go away under a running app


async def test_store_outage_is_told_in_swedish_and_recovers(db_url, connector):
    url = make_url(db_url)
    proxy = await TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    via_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    srv = await BotServer(demo_settings(via_proxy), connector).start()
    user = TeamsUser(GOTEBORG_TENANT)
    try:
        [answer] = await srv.say(user, "Vem ansvarar för NSC?")
        assert answer.startswith("Ansvarig för Nordic Safe Cities")
        async with srv._runner.app[DB].session() as session:
            audits_before = await session.scalar(select(func.count()).select_from(AuditEvent))

        await proxy.cut()
        async with srv.session.get(f"{srv.url}/healthz") as resp:
            assert resp.status == 503
        resp = await srv.post(
            {
                "type": "message",
                "text": "Vem ansvarar för NSC?",
                "serviceUrl": connector.url,
                "channelId": "msteams",
                "from": {"id": "29:x", "aadObjectId": user.aad_object_id},
                "recipient": {"id": "28:arendebot"},
                "conversation": {"id": user.conversation_id, "conversationType": "personal"},
                "channelData": {"tenant": {"id": GOTEBORG_TENANT}},
            }
        )
        assert resp.status < 500
        assert connector.texts()[-1] == texts.STORE_DOWN

        await proxy.restore()
        async with srv.session.get(f"{srv.url}/healthz") as resp:
            assert resp.status == 200
        [again] = await srv.say(user, "Vem ansvarar för NSC?")
        assert again.startswith("Ansvarig för Nordic Safe Cities")
        async with srv._runner.app[DB].session() as session:
            audits_after = await session.scalar(select(func.count()).select_from(AuditEvent))
        assert audits_after == audits_before  # nothing half-written while it was away
    finally:
        await srv.stop()
        await proxy.stop()
