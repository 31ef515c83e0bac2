"""Fixtures for fault tests: a recording fake Bot Connector on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.connector import FakeConnector


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.stop()
