"""The aiohttp application factory: everything is built inside ``create_app``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)

from bot import export
from bot.compat.connectors import ReusingBotFrameworkAuthentication, close_connectors
from bot.compat.conversation_state import SqlConversationState
from bot.compat.inline_sqlite import InlineSqliteConnection
from bot.endpoint import healthz, messages
from bot.errors import turn_error_handler
from bot.framework_config import bot_framework_config
from bot.keys import ADAPTER, BOT, DB, SETTINGS
from bot.language_cache import LanguageCache
from bot.logs import request_context_middleware
from bot.scheduler import reminders_ctx
from bot.settings import Settings
from bot.state_storage import SqlStorage
from bot.teams_bot import ArendeBot
from store import demo, migrate
from store.db import Database

log = logging.getLogger(__name__)


async def open_store(settings: Settings) -> Database:
    """Open the database, bring its schema up to date and load demo data if asked."""
    db = Database(settings.database_url, sqlite_connect=InlineSqliteConnection)
    await migrate.upgrade(db)
    if settings.demo and await demo.load(db):
        log.info("demo data loaded")
    return db


async def _store_ctx(app: web.Application) -> AsyncIterator[None]:
    db = await open_store(app[SETTINGS])
    app[DB] = db
    yield
    await db.dispose()


async def _bot_ctx(app: web.Application) -> AsyncIterator[None]:
    settings, db = app[SETTINGS], app[DB]
    adapter, bot = build_bot(settings, db)
    app[ADAPTER] = adapter
    app[BOT] = bot
    yield
    await close_connectors(adapter)


def build_bot(settings: Settings, db: Database) -> tuple[CloudAdapter, ArendeBot]:
    """Build the adapter and the bot on a store; used by ``serve`` and by tests."""
    storage = SqlStorage(db)
    conversation_state = SqlConversationState(storage)
    auth = ConfigurationBotFrameworkAuthentication(bot_framework_config(settings))
    # Reuse connector clients across turns instead of building them per turn
    # (bot/compat/connectors.py).
    reusing = ReusingBotFrameworkAuthentication(
        auth, channel_metadata_url=settings.openid_metadata_url or None
    )
    adapter = CloudAdapter(reusing)
    adapter.on_turn_error = turn_error_handler(conversation_state)
    bot = ArendeBot(db, settings, conversation_state, LanguageCache(db))
    return adapter, bot


def create_app(settings: Settings) -> web.Application:
    """Create the web application; resources open on startup and close on cleanup."""
    app = web.Application(
        client_max_size=settings.max_body_bytes, middlewares=[request_context_middleware]
    )
    app[SETTINGS] = settings
    app.cleanup_ctx.append(_store_ctx)
    app.cleanup_ctx.append(_bot_ctx)
    app.cleanup_ctx.append(reminders_ctx)  # the reminder scheduler, after the store
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    export.setup(app)
    return app
