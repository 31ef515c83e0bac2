"""Conversation references, stored so that reminders can be sent later by any instance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from cachetools import TTLCache
from sqlalchemy import CursorResult, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from store.db import Database
from store.models import ConversationReference


@dataclass(frozen=True)
class ConversationKey:
    """Identifies a conversation across channels."""

    channel_id: str
    conversation_id: str


_REMEMBERED_COLUMNS = (
    "reference",
    "service_url",
    "tenant_id",
    "organisation_id",
    "bot_id",
    "user_id",
    "aad_object_id",
    "conversation_type",
    "active",
)
# Built once: constructing the select and its WHERE clause per turn cost as much as running it.
_REMEMBERED = select(
    ConversationReference.id,
    *(getattr(ConversationReference, name) for name in _REMEMBERED_COLUMNS),
).where(
    ConversationReference.channel_id == bindparam("channel_id"),
    ConversationReference.conversation_id == bindparam("conversation_id"),
)


class RememberedCache:
    """What this process last stored per conversation, so an unchanged message reads nothing.

    Every message came with a SELECT of its conversation's reference to find out that nothing
    had changed (nearly always). Here a message whose reference, user and tenant are the ones
    this process stored or read a moment ago skips it. That is safe for messages only: the
    reminder pass marks a conversation inactive when Teams answers 403/404 (the app was removed
    or blocked), and a user can only write again after adding the app back, which Teams
    announces with a conversationUpdate or installationUpdate. Those always go to the store and
    make the conversation active again. Entries expire after ``ttl_seconds``, so even a
    conversation marked inactive without such an event (a block lifted in Teams) is active
    again with the first message after that. The cache is bounded: when it is full, the least
    recently used conversation is forgotten (its next message reads the store again).
    """

    def __init__(self, ttl_seconds: float = 120.0, max_entries: int = 10_000) -> None:
        self._entries: TTLCache[ConversationKey, tuple[int, dict[str, Any]]] = TTLCache(
            maxsize=max_entries, ttl=ttl_seconds
        )

    def known(self, key: ConversationKey, values: dict[str, Any]) -> int | None:
        """The row id when ``values`` are what was stored for ``key`` a moment ago."""
        hit = self._entries.get(key)
        if hit is None:
            return None
        row_id, stored = hit
        if stored != values:
            self._entries.pop(key, None)
            return None
        return row_id

    def put(self, key: ConversationKey, row_id: int, values: dict[str, Any]) -> None:
        """Remember what the store now holds for ``key``."""
        self._entries[key] = (row_id, values)


async def remember(
    db: Database,
    key: ConversationKey,
    *,
    reference: dict[str, Any],
    service_url: str,
    tenant_id: str | None,
    organisation_id: int | None,
    bot_id: str | None,
    user_id: str | None,
    aad_object_id: str | None,
    conversation_type: str | None,
    cache: RememberedCache | None = None,
) -> int:
    """Insert or refresh the reference of a conversation; return its id.

    A message from a conversation marked inactive makes it active again (the app is back).
    With ``cache`` (messages only, see :class:`RememberedCache`) an unchanged reference that
    this process has just stored or read is not read again.
    """
    values: dict[str, Any] = {
        "reference": reference,
        "service_url": service_url,
        "tenant_id": tenant_id,
        "organisation_id": organisation_id,
        "bot_id": bot_id,
        "user_id": user_id,
        "aad_object_id": aad_object_id,
        "conversation_type": conversation_type,
        "active": True,
    }
    if cache is not None:
        known = cache.known(key, values)
        if known is not None:
            return known
    row_id = await _store(db, key, values)
    if cache is not None:
        cache.put(key, row_id, values)
    return row_id


async def _store(db: Database, key: ConversationKey, values: dict[str, Any]) -> int:
    # One SELECT of the columns on a bare connection with a statement built once (no ORM
    # session, no transaction to begin), and a write only of what differs. The ``active`` flag
    # is read in the same SELECT, so a conversation the reminder pass marked inactive is made
    # active again.
    params = {"channel_id": key.channel_id, "conversation_id": key.conversation_id}
    for _ in range(3):
        async with db.connect() as conn:
            row = (await conn.execute(_REMEMBERED, params)).first()
        changed: dict[str, Any] = {}
        if row is not None:
            changed = {
                name: values[name]
                for name, stored in zip(_REMEMBERED_COLUMNS, row[1:], strict=True)
                if stored != values[name]
            }
            if not changed:
                return int(row[0])
        try:
            async with db.session() as session, session.begin():
                # INSERT and UPDATE give a CursorResult; Session.execute is typed as a plain Result.
                if row is None:
                    inserted = await session.execute(
                        insert(ConversationReference).values(
                            channel_id=key.channel_id,
                            conversation_id=key.conversation_id,
                            **values,
                        )
                    )
                    new_key = cast(CursorResult[Any], inserted).inserted_primary_key
                    assert new_key is not None  # a single-row INSERT always has one
                    return int(new_key[0])
                updated = await session.execute(
                    update(ConversationReference)
                    .where(ConversationReference.id == row[0])
                    .values(**changed)
                )
                if cast(CursorResult[Any], updated).rowcount:
                    return int(row[0])
                # The row went away since the SELECT: read again (and insert it).
        except IntegrityError:
            # Another instance inserted the same conversation at the same moment: update it.
            continue
    raise RuntimeError("could not store the conversation reference")


async def load(db: Database, key: ConversationKey) -> dict[str, Any] | None:
    """Return the stored reference of a conversation, if any."""
    async with db.session() as session:
        row = await session.scalar(
            select(ConversationReference).where(
                ConversationReference.channel_id == key.channel_id,
                ConversationReference.conversation_id == key.conversation_id,
            )
        )
        return dict(row.reference) if row else None
