"""Fixtures for endpoint tests: the real app on loopback and a recording fake connector."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.support.botserver import BotServer
from tests.support.connector import FakeConnector

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"


def demo_settings(url: str, **overrides) -> Settings:
    return Settings(database_url=url, demo=True, today=TODAY, **overrides)


@pytest.fixture
async def server(sqlite_url: str, connector: FakeConnector) -> AsyncIterator[BotServer]:
    running = await BotServer(demo_settings(sqlite_url), connector).start()
    yield running
    await running.stop()
