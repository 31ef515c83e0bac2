"""Dialog state is flattened once a turn, and a turn that changes nothing writes nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import event

from bot.compat.conversation_state import _DigestedState
from bot.keys import DB
from bot.state_storage import SqlStorage
from store.demo import STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser
from tests.support.connector import FakeConnector

# Each leaves a dialog waiting with its own kind of state: a text prompt, a choice, a card with
# a per-card token, a Ja/Nej confirmation with the remiss it is about.
WAITING = [
    ["Ny inbjudan"],
    ["Vem är ansvarig för nätverket?"],
    [
        "Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon, inbjuden är "
        "kommunstyrelsens ordförande, svar senast 15 januari 2027"
    ],
    ["Södermalm har svarat på remissen 171-482/2016"],
    ["Ny inbjudan", "Nordiskt forum 2027"],
    ["hjälp"],
]


@pytest.fixture
async def bot(db_url: str, connector: FakeConnector) -> AsyncIterator[BotServer]:
    running = await BotServer(demo_settings(db_url), connector).start()
    yield running
    await running.stop()


def _key(user: TeamsUser) -> str:
    return f"msteams/conversations/{user.conversation_id}"


@pytest.mark.parametrize("texts", WAITING, ids=[t[0][:30] for t in WAITING])
async def test_the_stored_digest_is_the_digest_of_the_state_read_back(bot: BotServer, texts):
    user = TeamsUser(STOCKHOLM_TENANT)
    for text in texts:
        await bot.say(user, text)
    storage = SqlStorage(bot._runner.app[DB])
    value, digest = await storage.read_one(_key(user))
    assert value is not None and digest is not None
    # If the state read back flattened differently from what is stored, every turn would be
    # taken for a change and written.
    assert not _DigestedState(value, digest).is_changed


async def test_a_turn_that_changes_no_state_writes_none(bot: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    await bot.say(user, "hjälp")  # the first turn stores the (empty) dialog stack
    writes: list[str] = []

    def record(conn, cursor, statement, *_: object) -> None:
        if "dialog_state" in statement and not statement.lstrip().upper().startswith("SELECT"):
            writes.append(statement)

    engine = bot._runner.app[DB].engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert await bot.say(user, "hjälp")
        assert writes == []
        # A turn that starts a dialog does write, once.
        await bot.say(user, "Ny inbjudan")
        assert len(writes) == 1
    finally:
        event.remove(engine, "before_cursor_execute", record)
