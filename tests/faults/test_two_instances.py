"""Two bot instances on one PostgreSQL database, as behind a load balancer.

A conversation may hop between instances in the middle of a dialog and still complete, and two
turns of the same conversation saving at the same moment on different instances are caught by the
eTag check: the later one tells the user, nothing is overwritten or lost without a word.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.errors import CONCURRENT_CHANGE
from bot.keys import BOT, DB
from store.demo import GOTEBORG_TENANT
from store.models import DialogState
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser, teams_message
from tests.support.connector import FakeConnector


@pytest.fixture
def backend() -> str:
    return "postgres"  # two processes' worth of instances share one server database


@pytest.fixture
async def pair(db_url: str, connector: FakeConnector) -> AsyncIterator[tuple[BotServer, BotServer]]:
    a = await BotServer(demo_settings(db_url, reminders=False), connector).start()
    b = await BotServer(demo_settings(db_url, reminders=False), connector).start()
    try:
        yield a, b
    finally:
        await a.stop()
        await b.stop()


async def test_a_conversation_hops_between_instances_mid_dialog(pair, connector):
    a, b = pair
    user = TeamsUser(GOTEBORG_TENANT)
    [question] = await a.say(user, "Vem är ansvarig för nätverket?")
    assert question.startswith("Vilket nätverk menar du?")
    [answer] = await b.say(user, "NSC")
    assert answer.startswith("Ansvarig för Nordic Safe Cities:")
    # And back again: the dialog ended on B, so A starts afresh.
    [again] = await a.say(user, "Vem ansvarar för NSC?")
    assert again.startswith("Ansvarig för Nordic Safe Cities:")


def _hold_reads_until_both_have_read(server: BotServer, key_part: str, meet: asyncio.Barrier):
    """Make the instance wait after reading the conversation's state until the other has too."""
    storage = server._runner.app[BOT]._conversation_state._storage
    original = storage.read_one  # how the conversation state is loaded
    armed = True

    async def read_one(key: str):
        nonlocal armed
        item = await original(key)
        if armed and key_part in key:
            armed = False
            await asyncio.wait_for(meet.wait(), timeout=10)
        return item

    storage.read_one = read_one


async def test_simultaneous_turns_on_two_instances_are_caught_not_lost(pair, connector):
    a, b = pair
    user = TeamsUser(GOTEBORG_TENANT)
    await a.say(user, "Hej")  # the conversation has stored state, with an eTag
    meet = asyncio.Barrier(2)
    for server in (a, b):
        _hold_reads_until_both_have_read(server, user.conversation_id, meet)
    before = len(connector.sent)

    ask = "Vem är ansvarig för nätverket?"
    first, second = await asyncio.gather(
        a.post(teams_message(user, ask, connector.url)),
        b.post(teams_message(user, ask, connector.url)),
    )

    assert first.status < 300 and second.status < 300
    said = [s.text for s in connector.sent[before:]]
    # Both asked; the turn that saved second was refused by the eTag check and said so.
    assert said.count(CONCURRENT_CHANGE) == 1, said
    assert sum(t.startswith("Vilket nätverk menar du?") for t in said) == 2, said
    # The state that won is intact (not cleared as a failed turn's would be): the dialog
    # waits for the network on either instance.
    [answer] = await b.say(user, "NSC")
    assert answer.startswith("Ansvarig för Nordic Safe Cities:")
    async with a._runner.app[DB].session() as session:
        rows = await session.scalar(
            select(func.count())
            .select_from(DialogState)
            .where(DialogState.key.contains(user.conversation_id))
        )
    assert rows == 1


async def test_simultaneous_first_turns_of_a_new_conversation_are_caught_not_lost(pair, connector):
    # Nothing is stored yet, so there is no eTag to check: the first state is written only if
    # no other instance stored one meanwhile.
    a, b = pair
    user = TeamsUser(GOTEBORG_TENANT)
    meet = asyncio.Barrier(2)
    for server in (a, b):
        _hold_reads_until_both_have_read(server, user.conversation_id, meet)
    ask = "Vem är ansvarig för nätverket?"
    first, second = await asyncio.gather(
        a.post(teams_message(user, ask, connector.url)),
        b.post(teams_message(user, ask, connector.url)),
    )
    assert first.status < 300 and second.status < 300
    said = [s.text for s in connector.sent]
    assert said.count(CONCURRENT_CHANGE) == 1, said
    [answer] = await a.say(user, "NSC")
    assert answer.startswith("Ansvarig för Nordic Safe Cities:")
