"""Shared fixtures: every store test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.compat.inline_sqlite import InlineSqliteConnection
from store import demo, migrate
from store.db import Database
from tests.support.databases import fresh_database, postgres_url

REPO = Path(__file__).resolve().parents[1]
# The material the tests read ships with them: a clone needs nothing beside it.
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"
DEV_SETS = FIXTURES / "dev-sets"

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
async def db_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    # SQLite as the bot runs it (tests/store/test_plain_aiosqlite.py covers the store alone).
    database = Database(db_url, sqlite_connect=InlineSqliteConnection)
    await migrate.upgrade(database)
    yield database
    await database.dispose()


@pytest.fixture
async def demo_db(db: Database) -> Database:
    assert await demo.load(db)
    return db


def pytest_sessionstart(session: pytest.Session) -> None:
    """In CI the PostgreSQL tests must run: refuse to start without a server to run them on."""
    if os.environ.get("ARENDEBOT_REQUIRE_POSTGRES") == "1" and not postgres_url():
        raise pytest.UsageError(
            "ARENDEBOT_REQUIRE_POSTGRES=1 but ARENDEBOT_TEST_POSTGRES_URL is not set"
        )


def pytest_report_header(config: pytest.Config) -> str:
    url = postgres_url()
    shown = make_url(url).render_as_string(hide_password=True) if url else None
    return f"PostgreSQL for store tests: {shown or 'none (those tests skip)'}"
