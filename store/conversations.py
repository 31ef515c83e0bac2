"""Conversation references, stored so that reminders can be sent later by any instance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from store.db import Database
from store.models import ConversationReference


@dataclass(frozen=True)
class ConversationKey:
    """Identifies a conversation across channels."""

    channel_id: str
    conversation_id: str


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
) -> int:
    """Insert or refresh the reference of a conversation; return its id.

    A message from a conversation marked inactive makes it active again (the app is back).
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
    # Every turn comes here, and almost always nothing changed: one SELECT of the columns
    # (no ORM instance), and a write only for what differs. The ``active`` flag is read in the
    # same SELECT, so a conversation the reminder pass marked inactive is reactivated by the
    # next message; an in-process cache could not see that flag change without this read.
    columns = [getattr(ConversationReference, name) for name in values]
    where = (
        ConversationReference.channel_id == key.channel_id,
        ConversationReference.conversation_id == key.conversation_id,
    )
    for _ in range(2):
        try:
            async with db.session() as session, session.begin():
                row = (
                    await session.execute(select(ConversationReference.id, *columns).where(*where))
                ).first()
                if row is None:
                    result = await session.execute(
                        insert(ConversationReference).values(
                            channel_id=key.channel_id,
                            conversation_id=key.conversation_id,
                            **values,
                        )
                    )
                    return int(result.inserted_primary_key[0])
                changed = {
                    name: value
                    for name, value, stored in zip(values, values.values(), row[1:], strict=True)
                    if stored != value
                }
                if changed:
                    await session.execute(
                        update(ConversationReference)
                        .where(ConversationReference.id == row[0])
                        .values(**changed)
                    )
                return int(row[0])
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
