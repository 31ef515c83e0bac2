"""The aiohttp application factory: everything is built inside ``create_app``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from types import SimpleNamespace

from aiohttp import web
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants

from bot import export
from bot.connectors import ReusingBotFrameworkAuthentication, close_connectors
from bot.conversation_state import SqlConversationState
from bot.endpoint import healthz, messages
from bot.errors import turn_error_handler
from bot.keys import ADAPTER, BOT, DB, SETTINGS
from bot.language_cache import LanguageCache
from bot.logs import request_context_middleware
from bot.scheduler import reminders_ctx
from bot.settings import Settings, SettingsError
from bot.teams_bot import ArendeBot
from store import demo, migrate
from store.db import Database
from store.dialog_storage import SqlStorage

log = logging.getLogger(__name__)

PUBLIC_CLOUD = {
    "TO_CHANNEL_FROM_BOT_LOGIN_URL": AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
    "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
    "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
    "OAUTH_URL": AuthenticationConstants.OAUTH_URL,
    "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": (
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
    ),
    "CALLER_ID": CallerIdConstants.public_azure_channel,
}


def bot_framework_config(settings: Settings) -> SimpleNamespace:
    """The attribute names botbuilder's configuration classes read.

    Raises:
        SettingsError: a SingleTenant or UserAssignedMSI registration lacks a required setting
            (botbuilder would raise a bare Exception deep inside the adapter instead).
    """
    app_type = settings.app_type or "MultiTenant"
    needs = {
        "singletenant": ("app_id", "app_password", "app_tenant_id"),
        "userassignedmsi": ("app_id", "app_tenant_id"),
    }.get(app_type.lower(), ())
    names = {
        "app_id": "MicrosoftAppId",
        "app_password": "MicrosoftAppPassword",
        "app_tenant_id": "MicrosoftAppTenantId",
    }
    missing = [names[n] for n in needs if not getattr(settings, n)]
    if missing:
        raise SettingsError(f"MicrosoftAppType={app_type} needs {', '.join(missing)}")
    config = SimpleNamespace(
        APP_ID=settings.app_id or None,
        APP_PASSWORD=settings.app_password or None,
        APP_TYPE=app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    if settings.openid_metadata_url:
        # Any one of these makes botbuilder use its parameterized authentication, which needs
        # all of them: the public cloud's values, with the key source replaced.
        config.__dict__.update(PUBLIC_CLOUD)
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.openid_metadata_url
    return config


async def open_store(settings: Settings) -> Database:
    """Open the database, bring its schema up to date and load demo data if asked."""
    db = Database(settings.database_url)
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
    # Reuse connector clients across turns instead of building them per turn (bot/connectors.py).
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
