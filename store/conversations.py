"""Conversation references, stored so that reminders can be sent later by any instance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
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
    values = {
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
    for _ in range(2):
        async with db.session() as session, session.begin():
            row = await session.scalar(
                select(ConversationReference).where(
                    ConversationReference.channel_id == key.channel_id,
                    ConversationReference.conversation_id == key.conversation_id,
                )
            )
            if row is None:
                row = ConversationReference(
                    channel_id=key.channel_id, conversation_id=key.conversation_id, **values
                )
                session.add(row)
            else:
                changed = {k: v for k, v in values.items() if getattr(row, k) != v}
                for k, v in changed.items():
                    setattr(row, k, v)
            try:
                await session.flush()
            except IntegrityError:
                # Another instance inserted the same conversation at the same moment: update it.
                await session.rollback()
                continue
            return row.id
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
