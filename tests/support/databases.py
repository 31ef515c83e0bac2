"""Throwaway databases for tests: a SQLite file, or a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy import event
from sqlalchemy.engine import make_url

from store.db import Database

POSTGRES_ENV = "ARENDEBOT_TEST_POSTGRES_URL"
SKIP_REASON = (
    f"no PostgreSQL configured: set {POSTGRES_ENV}, e.g. "
    "postgresql+asyncpg://postgres@127.0.0.1:5432/test (.ci/run sets it)"
)


def postgres_url() -> str | None:
    """The server URL the PostgreSQL tests use, or None when none is configured."""
    return os.environ.get(POSTGRES_ENV) or None


def _asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def fresh_postgres(base_url: str) -> AsyncIterator[str]:
    """Create an empty database on the server of ``base_url``; drop it afterwards."""
    name = f"arendebot_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(base_url))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(_asyncpg_dsn(base_url))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def fresh_database(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database URL of the given kind ("sqlite" or "postgres")."""
    if kind == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'arendebot.sqlite3'}"
        return
    base = postgres_url()
    if base is None:
        import pytest

        pytest.skip(SKIP_REASON)
    async with fresh_postgres(base) as url:
        yield url


def count_statements(db: Database) -> list[str]:
    """A list that collects every SQL statement ``db`` executes from now on."""
    seen: list[str] = []

    def record(conn, cursor, statement, *_: object) -> None:
        seen.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    return seen
