"""Conversation references: stored on the first message, refreshed when they change."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update

from store import conversations, orgs
from store.conversations import ConversationKey, RememberedCache
from store.db import Database
from store.models import ConversationReference
from tests.support.databases import count_statements as _count_statements


async def _remember(
    db: Database, key: ConversationKey, cache: RememberedCache | None, **changes: Any
) -> int:
    if "organisation_id" not in changes:
        changes["organisation_id"] = (await orgs.all_organisations(db))[0].id
    values: dict[str, Any] = {
        "reference": {"conversation": {"id": key.conversation_id}, "serviceUrl": "http://x/"},
        "service_url": "http://x/",
        "tenant_id": "t-1",
        "bot_id": "28:bot",
        "user_id": "29:user",
        "aad_object_id": "user",
        "conversation_type": "personal",
    }
    values.update(changes)
    return await conversations.remember(db, key, cache=cache, **values)


async def _row(db: Database, row_id: int) -> ConversationReference:
    async with db.session() as session:
        row = (
            await session.execute(
                select(ConversationReference).where(ConversationReference.id == row_id)
            )
        ).scalar_one()
        return row


async def _mark_inactive(db: Database, row_id: int) -> None:
    # What the reminder pass does when Teams answers 403/404.
    async with db.session("system:test") as session, session.begin():
        await session.execute(
            update(ConversationReference)
            .where(ConversationReference.id == row_id)
            .values(active=False)
        )


async def test_an_unchanged_message_reads_nothing_the_second_time(demo_db: Database):
    key, cache = ConversationKey("msteams", f"a:{uuid.uuid4().hex}"), RememberedCache()
    org_id = (await orgs.all_organisations(demo_db))[0].id
    statements = _count_statements(demo_db)
    first = await _remember(demo_db, key, cache, organisation_id=org_id)
    assert statements  # read, then inserted
    statements.clear()
    assert await _remember(demo_db, key, cache, organisation_id=org_id) == first
    assert statements == []


async def test_a_change_is_written_even_when_remembered(demo_db: Database):
    key, cache = ConversationKey("msteams", f"a:{uuid.uuid4().hex}"), RememberedCache()
    row_id = await _remember(demo_db, key, cache)
    assert await _remember(demo_db, key, cache, service_url="http://y/") == row_id
    assert (await _row(demo_db, row_id)).service_url == "http://y/"


async def test_an_install_event_or_the_ttl_makes_an_inactive_conversation_active(
    demo_db: Database,
):
    key, cache = ConversationKey("msteams", f"a:{uuid.uuid4().hex}"), RememberedCache()
    row_id = await _remember(demo_db, key, cache)
    await _mark_inactive(demo_db, row_id)
    # A message this process has just seen is not read again (see RememberedCache) ...
    await _remember(demo_db, key, cache)
    assert (await _row(demo_db, row_id)).active is False
    # ... but the installationUpdate that comes before the user can write again goes to the store.
    await _remember(demo_db, key, None)
    assert (await _row(demo_db, row_id)).active is True
    # Without such an event, the first message after the cache's time is up does it.
    await _mark_inactive(demo_db, row_id)
    expired = RememberedCache(ttl_seconds=0)
    await _remember(demo_db, key, expired)
    await _remember(demo_db, key, expired)
    assert (await _row(demo_db, row_id)).active is True


def test_the_cache_is_bounded():
    cache = RememberedCache(max_entries=3)
    for i in range(10):
        cache.put(ConversationKey("msteams", str(i)), i, {"x": i})
    assert len(cache._entries) <= 3
    assert cache.known(ConversationKey("msteams", "9"), {"x": 9}) == 9
    assert cache.known(ConversationKey("msteams", "9"), {"x": 8}) is None
