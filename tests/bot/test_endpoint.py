"""The endpoint as Teams meets it: activity JSON over HTTP, replies via a fake connector."""

from __future__ import annotations

import json

import aiohttp
import pytest
from sqlalchemy import select

from bot.keys import DB
from dialogs.common import texts
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from store.models import ConversationReference
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser, teams_message

UNKNOWN_TENANT = "99999999-9999-9999-9999-999999999999"


async def test_healthz_answers_when_the_store_does(server: BotServer):
    async with server.session.get(f"{server.url}/healthz") as resp:
        assert resp.status == 200
        assert (await resp.json())["status"] == "ok"


async def test_greeting_lists_what_the_bot_can_do_in_swedish(server: BotServer):
    [reply] = await server.say(TeamsUser(STOCKHOLM_TENANT), "Hej!")
    assert "Vem ansvarar för ett nätverk?" in reply
    assert "avbryt" in reply


async def test_goteborg_user_gets_who_is_responsible_for_nordic_safe_cities(server: BotServer):
    [reply] = await server.say(TeamsUser(GOTEBORG_TENANT), "Vem ansvarar för Nordic Safe Cities?")
    assert reply.startswith("Ansvarig för Nordic Safe Cities:")
    assert "Avdelningschef Trygghet och Samhälle, Stadsledningskontoret" in reply
    assert "0533/20" in reply
    assert "Göteborgs Stads trygghetsråd" in reply
    assert "onsdag 25 november 2020" in reply


async def test_stockholm_user_sees_no_goteborg_data(server: BotServer):
    [reply] = await server.say(TeamsUser(STOCKHOLM_TENANT), "Vem ansvarar för Nordic Safe Cities?")
    assert "Stockholms stad är inte medlem i Nordic Safe Cities" in reply
    for secret in ("Avdelningschef", "0533/20", "150", "trygghetsråd"):
        assert secret not in reply


async def test_stockholm_user_gets_its_own_membership(server: BotServer):
    [reply] = await server.say(TeamsUser(STOCKHOLM_TENANT), "vem ar ansvarig for strong cities")
    assert reply.startswith("Ansvarig för Strong Cities Network: **Stadsledningskontoret**")
    assert "Alexander Ojanne" in reply
    assert "Medlem sedan 2015" in reply


async def test_an_unknown_network_gets_a_helpful_answer(server: BotServer):
    [reply] = await server.say(TeamsUser(HUDDINGE_TENANT), "Vem ansvarar för Metropolis?")
    assert "Jag känner inte till" in reply
    assert "Metropolis" in reply


async def test_unbound_tenant_is_refused_politely_and_sees_nothing(server: BotServer):
    user = TeamsUser(UNKNOWN_TENANT)
    [reply] = await server.say(user, "Vem ansvarar för Nordic Safe Cities?")
    assert reply == texts.TENANT_REFUSED
    async with server.session.get(f"{server.url}/healthz"):
        pass
    db = server._runner.app[DB]
    async with db.session() as session:
        stored = await session.scalar(
            select(ConversationReference).where(
                ConversationReference.conversation_id == user.conversation_id
            )
        )
    assert stored is None


async def test_allowed_tenants_setting_limits_who_gets_in(sqlite_url, connector):
    settings = demo_settings(sqlite_url, allowed_tenants=frozenset({STOCKHOLM_TENANT}))
    srv = await BotServer(settings, connector).start()
    try:
        [refused] = await srv.say(TeamsUser(GOTEBORG_TENANT), "Vem ansvarar för NSC?")
        assert refused == texts.TENANT_REFUSED
        [ok] = await srv.say(TeamsUser(STOCKHOLM_TENANT), "Vem ansvarar för SCN?")
        assert ok.startswith("Ansvarig för Strong Cities Network")
    finally:
        await srv.stop()


async def test_no_tenant_uses_the_default_tenant(sqlite_url, connector):
    srv = await BotServer(
        demo_settings(sqlite_url, default_tenant=HUDDINGE_TENANT), connector
    ).start()
    try:
        [reply] = await srv.say(TeamsUser(None), "vem är kontaktperson för SSR")
        assert reply.startswith("Ansvarig för Samverkan Stockholmsregionen")
        assert "KS-2023/780.103" in reply
    finally:
        await srv.stop()


async def test_no_tenant_and_no_default_is_refused(server: BotServer):
    [reply] = await server.say(TeamsUser(None), "Hej")
    assert reply == texts.TENANT_REFUSED


async def test_mention_in_a_group_chat_is_stripped(server: BotServer):
    user = TeamsUser(HUDDINGE_TENANT)
    [reply] = await server.say(
        user,
        "<at>Ärendebot</at>&nbsp;vem ansvarar för SSR?",
        conversation={"id": "19:group@thread.v2", "conversationType": "groupChat"},
        entities=[
            {
                "type": "mention",
                "text": "<at>Ärendebot</at>",
                "mentioned": {"id": "28:arendebot", "name": "Ärendebot"},
            }
        ],
    )
    assert reply.startswith("Ansvarig för Samverkan Stockholmsregionen")


async def test_a_dialog_asks_for_the_missing_network_with_help_and_cancel(server: BotServer):
    user = TeamsUser(GOTEBORG_TENANT)
    [question] = await server.say(user, "Vem är ansvarig för nätverket?")
    assert question.startswith("Vilket nätverk menar du?")
    help_reply, again = await server.say(user, "hjälp")
    assert "vilket nätverk" in help_reply.lower()
    assert again.startswith("Vilket nätverk menar du?")
    [answer] = await server.say(user, "nordic safe city")
    assert answer.startswith("Ansvarig för Nordic Safe Cities")
    # A follow-up about "nätverket" means the one just talked about.
    [again] = await server.say(user, "och vem är kontaktperson där?")
    assert again.startswith("Ansvarig för Nordic Safe Cities")

    other = TeamsUser(GOTEBORG_TENANT)
    await server.say(other, "vem ansvarar för nätverket")
    [cancelled] = await server.say(other, "avbryt")
    assert cancelled == texts.CANCELLED
    [nothing] = await server.say(other, "avbryt")
    assert nothing == texts.NOTHING_TO_CANCEL


async def test_conversation_reference_is_stored_for_proactive_messages(server: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    await server.say(user, "hej")
    await server.say(user, "hjälp")
    db = server._runner.app[DB]
    async with db.session() as session:
        rows = list(
            await session.scalars(
                select(ConversationReference).where(
                    ConversationReference.conversation_id == user.conversation_id
                )
            )
        )
    assert len(rows) == 1
    ref = rows[0]
    assert ref.tenant_id == STOCKHOLM_TENANT
    assert ref.aad_object_id == user.aad_object_id
    assert ref.service_url == server.connector.url
    assert ref.reference["conversation"]["id"] == user.conversation_id
    assert ref.reference["bot"]["id"] == "28:arendebot"


async def test_welcome_when_the_bot_is_added_to_a_personal_chat(server: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    body = teams_message(
        user,
        None,
        server.connector.url,
        type="conversationUpdate",
        membersAdded=[{"id": "28:arendebot"}],
    )
    resp = await server.post(body)
    assert resp.status < 300
    assert server.connector.texts(user.conversation_id) == [texts.WELCOME]


async def test_a_stale_card_submit_gets_a_clear_answer(server: BotServer):
    [reply] = await server.say(TeamsUser(STOCKHOLM_TENANT), None, value={"action": "spara"})
    assert "knappen" in reply


async def test_a_failing_turn_answers_in_swedish_and_clears_the_dialog(server, monkeypatch):
    from store import networks

    user = TeamsUser(GOTEBORG_TENANT)
    await server.say(user, "vem ansvarar för nätverket?")

    async def broken(*args, **kwargs):
        raise RuntimeError("the store broke")

    monkeypatch.setattr(networks, "network_and_membership", broken)
    [reply] = await server.say(user, "Nordic Safe Cities")
    assert reply == texts.ERROR
    monkeypatch.undo()
    [fresh] = await server.say(user, "hej")
    assert "Vem ansvarar för ett nätverk?" in fresh  # no dialog left waiting for a network


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"{not json", {"Content-Type": "application/json"}, 400),
        (b"\xff\xfe", {"Content-Type": "application/json"}, 400),
        (b"[1, 2]", {"Content-Type": "application/json"}, 400),
        (b'"message"', {"Content-Type": "application/json"}, 400),
        (b'{"text": "hej"}', {"Content-Type": "application/json"}, 400),
        (b'{"type": ""}', {"Content-Type": "application/json"}, 400),
        (b'{"type": 5}', {"Content-Type": "application/json"}, 400),
        (b'{"type": "message"}', {"Content-Type": "application/json"}, 400),
        (b'{"type": "message"}', {"Content-Type": "text/plain"}, 415),
        (b'{"type": "message"}', {}, 415),
    ],
)
async def test_malformed_requests_get_a_4xx(server: BotServer, body, headers, status):
    async with server.session.post(
        f"{server.url}/api/messages", data=body, headers=headers
    ) as resp:
        assert resp.status == status
        assert "error" in json.loads(await resp.text())


@pytest.mark.parametrize(
    "change",
    [
        {"serviceUrl": "ftp://example"},
        {"serviceUrl": None},
        {"conversation": "a:1"},
        {"from": "someone"},
        {"text": ["hej"]},
        {"entities": {"type": "mention"}},
        {"channelData": "tenant"},
        {"channelId": ""},
        {"channelId": "   "},
        {"channelId": None},
        {"channelId": 7},
        {"channelId": ["msteams"]},
    ],
)
async def test_activities_with_wrong_field_types_get_400(server: BotServer, change):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "hej", server.connector.url)
    body.update(change)
    resp = await server.post(body)
    assert resp.status == 400


async def test_an_oversized_body_gets_413(server: BotServer):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), "x" * 600_000, server.connector.url)
    resp = await server.post(body)
    assert resp.status == 413


async def test_get_on_the_messages_endpoint_is_405(server: BotServer):
    async with server.session.get(f"{server.url}/api/messages") as resp:
        assert resp.status == 405


async def test_unknown_activity_types_are_accepted_quietly(server: BotServer):
    body = teams_message(TeamsUser(STOCKHOLM_TENANT), None, server.connector.url, type="typing")
    resp = await server.post(body)
    assert resp.status == 200
    assert server.connector.sent == []


async def test_a_connection_that_is_not_http_json_is_handled(server: BotServer):
    # A body that claims JSON and is cut short.
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{server.url}/api/messages",
            data=b'{"type": "mess',
            headers={"Content-Type": "application/json"},
        ) as resp,
    ):
        assert resp.status == 400
