"""The real bot on a test store behind botbuilder's TestAdapter, for every dialog test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from bot.app import build_bot
from bot.settings import Settings
from store.db import Database
from store.demo import STOCKHOLM_TENANT

TODAY = dt.date(2026, 11, 23)


def bot_adapter(
    db: Database,
    tenant: str = STOCKHOLM_TENANT,
    today: dt.date = TODAY,
    conversation: str | None = None,
    **settings: Any,
) -> TestAdapter:
    """A TestAdapter that runs the real bot (router, dialogs, state in the store) for a tenant.

    Args:
        db: The store.
        tenant: The tenant the activities come from (the default tenant of the settings).
        today: The bot's "today".
        conversation: A conversation id of its own, for tests that need several at once.
        **settings: Further :class:`Settings` fields (``reminders=False`` …).
    """
    config = Settings(database_url=db.url, default_tenant=tenant, today=today, **settings)
    _, bot = build_bot(config, db)
    template = None
    if conversation is not None:
        # An Activity, not a ConversationReference: TestAdapter 4.17 takes only the channel id
        # from a reference and keeps its own "Convo1".
        template = Activity(
            channel_id="test",
            service_url="https://test.com",
            from_property=ChannelAccount(id="User1", name="user"),
            recipient=ChannelAccount(id="bot", name="Bot"),
            conversation=ConversationAccount(id=conversation),
        )
    return TestAdapter(bot.on_turn, template)


async def ask(adapter: TestAdapter, activity: str | Activity) -> list[Activity]:
    """Send one message; return every activity the bot answered with."""
    await adapter.receive_activity(activity)
    replies, adapter.activity_buffer = list(adapter.activity_buffer), []
    return replies
