"""Typed keys for what the aiohttp application holds."""

from __future__ import annotations

from aiohttp import web
from botbuilder.core import ActivityHandler
from botbuilder.integration.aiohttp import CloudAdapter

from bot.settings import Settings
from store.db import Database

SETTINGS = web.AppKey("settings", Settings)
DB = web.AppKey("db", Database)
ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", ActivityHandler)
