"""SqlStorage keeps botbuilder's storage contract, on SQLite and PostgreSQL.

The contract tests run on every backend with botbuilder's own ``MemoryStorage`` as the
reference: what holds there must hold on SQL too. Atomic batches, refusing an empty eTag and
the class allowlist are promises of SqlStorage beyond the contract, tested on SQL only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botbuilder.core import ConversationState, MemoryStorage, Storage, StoreItem, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogSet, DialogTurnStatus, PromptOptions, TextPrompt
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from bot.compat.inline_sqlite import InlineSqliteConnection
from bot.state_storage import SqlStorage
from store import migrate
from store.db import Database
from store.dialog_state import EtagConflictError, UnsafeStateError
from store.models import DialogState
from tests.support.databases import fresh_database

CONTRACT_BACKENDS = [
    pytest.param("memory", id="memory-reference"),
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=CONTRACT_BACKENDS)
async def storage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Storage]:
    """Every backend of the storage contract: botbuilder's MemoryStorage and SqlStorage."""
    if request.param == "memory":
        yield MemoryStorage()
        return
    async with fresh_database(request.param, tmp_path) as url:
        database = Database(url, sqlite_connect=InlineSqliteConnection)
        await migrate.upgrade(database)
        yield SqlStorage(database)
        await database.dispose()


async def test_read_of_missing_keys_is_empty(storage):
    assert await storage.read(["nope", "also-nope"]) == {}
    assert await storage.read([]) == {}


def _field(item: object, name: str) -> object:
    """A stored item's field: MemoryStorage gives back what was written, SqlStorage a dict."""
    return item[name] if isinstance(item, dict) else getattr(item, name)


async def _primed(storage: Storage, key: str, value: dict) -> None:
    """Write twice: MemoryStorage (as botbuilder's C# storage) sets an eTag only on an item
    that already had one."""
    await storage.write({key: {**value, "e_tag": "*"}})
    await storage.write({key: {**value, "e_tag": "*"}})


async def test_write_then_read_round_trip(storage):
    await storage.write({"a": {"count": 1, "name": "Åsa"}, "b": StoreItem(topic="remiss")})
    got = await storage.read(["a", "b", "c"])
    assert set(got) == {"a", "b"}
    assert _field(got["a"], "count") == 1 and _field(got["a"], "name") == "Åsa"
    assert _field(got["b"], "topic") == "remiss"


async def test_sql_gives_every_item_an_etag_on_its_first_write(db):
    storage = SqlStorage(db)
    await storage.write({"a": {"count": 1}, "b": StoreItem(topic="remiss")})
    got = await storage.read(["a", "b"])
    assert got["a"]["e_tag"] and got["a"]["e_tag"] != got["b"]["e_tag"]


async def test_write_with_current_etag_succeeds_and_changes_etag(storage):
    await _primed(storage, "k", {"v": 1})
    first = (await storage.read(["k"]))["k"]
    first["v"] = 2
    await storage.write({"k": first})
    second = (await storage.read(["k"]))["k"]
    assert second["v"] == 2
    assert second["e_tag"] != first["e_tag"]


async def test_stale_etag_raises_and_keeps_the_newer_value(storage):
    await _primed(storage, "k", {"v": 1})
    reader_one = (await storage.read(["k"]))["k"]
    reader_two = (await storage.read(["k"]))["k"]
    reader_one["v"] = "one"
    await storage.write({"k": reader_one})
    reader_two["v"] = "two"
    with pytest.raises(KeyError):  # MemoryStorage raises KeyError; EtagConflictError is one
        await storage.write({"k": reader_two})
    assert (await storage.read(["k"]))["k"]["v"] == "one"


async def test_star_etag_overwrites_unconditionally(storage):
    await storage.write({"k": {"v": 1}})
    await storage.write({"k": {"v": 2, "e_tag": "*"}})
    assert (await storage.read(["k"]))["k"]["v"] == 2
    await storage.write({"new": {"v": 3, "e_tag": "*"}})
    assert (await storage.read(["new"]))["new"]["v"] == 3


async def test_a_stale_etag_is_an_etag_conflict_on_sql(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"v": 1}})
    stale = (await storage.read(["k"]))["k"]
    await storage.write({"k": {"v": 2, "e_tag": "*"}})
    with pytest.raises(EtagConflictError):
        await storage.write({"k": stale})


async def test_a_failed_batch_writes_nothing(db):
    storage = SqlStorage(db)
    await storage.write({"k": {"v": 1}})
    with pytest.raises(EtagConflictError):
        await storage.write({"fresh": {"v": 9}, "k": {"v": 2, "e_tag": "stale"}})
    assert await storage.read(["fresh"]) == {}


async def test_delete_of_missing_keys_is_fine(storage):
    await storage.write({"k": {"v": 1}})
    await storage.delete(["k", "missing"])
    await storage.delete([])
    assert await storage.read(["k"]) == {}


async def test_empty_etag_is_refused(db):
    storage = SqlStorage(db)
    with pytest.raises(ValueError):
        await storage.write({"k": {"v": 1, "e_tag": ""}})


async def test_state_naming_a_foreign_class_is_refused(db):
    storage = SqlStorage(db)
    async with db.session() as session, session.begin():
        session.add(DialogState(key="evil", data={"x": {"py/object": "os.system"}}, etag="1"))
    with pytest.raises(UnsafeStateError):
        await storage.read(["evil"])


def _message(text: str) -> Activity:
    return Activity(
        type=ActivityTypes.message,
        text=text,
        channel_id="test",
        conversation=ConversationAccount(id="conv-1"),
        from_property=ChannelAccount(id="user-1"),
        recipient=ChannelAccount(id="bot"),
    )


async def test_a_dialog_waiting_on_a_prompt_survives_a_new_storage_object(db):
    """Two bot instances (or a restart) share the dialog stack through the database."""

    def make_turn(state: ConversationState):
        dialogs = DialogSet(state.create_property("DialogState"))
        dialogs.add(TextPrompt("ask"))

        async def turn(context: TurnContext) -> None:
            dc = await dialogs.create_context(context)
            result = await dc.continue_dialog()
            if result.status == DialogTurnStatus.Empty:
                await dc.prompt("ask", PromptOptions(prompt=Activity(type="message", text="Namn?")))
            elif result.status == DialogTurnStatus.Complete:
                await context.send_activity(f"Tack, {result.result}")
            await state.save_changes(context)

        return turn

    first = TestAdapter(make_turn(ConversationState(SqlStorage(db))))
    await first.send(_message("hej"))
    replies = [first.get_next_activity()]
    assert replies[0].text == "Namn?"

    second = TestAdapter(make_turn(ConversationState(SqlStorage(db))))
    await second.send(_message("Karin"))
    assert second.get_next_activity().text == "Tack, Karin"
