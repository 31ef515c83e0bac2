"""The store on plain aiosqlite, as it runs without the bot's inline connection factory.

Every other store test runs SQLite the way the bot opens it
(``bot.compat.inline_sqlite.InlineSqliteConnection``); ``store.db.Database`` on its own uses
aiosqlite's worker threads and SQLAlchemy's usual close.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from store import demo, migrate, networks
from store.db import Database, InlineClosingSession


async def test_migrations_demo_data_and_reads_work_on_plain_aiosqlite(tmp_path: Path):
    db = Database(f"sqlite:///{tmp_path / 'plain.sqlite3'}")
    try:
        assert db.sessions.class_ is AsyncSession
        assert not issubclass(db.sessions.class_, InlineClosingSession)
        await migrate.upgrade(db)
        assert await demo.load(db)
        names = {n.name for n in await networks.known_networks(db)}
        assert "Nordic Safe Cities" in names
        async with db.connect() as conn:
            mode = (await conn.execute(text("PRAGMA journal_mode"))).scalar_one()
            fks = (await conn.execute(text("PRAGMA foreign_keys"))).scalar_one()
        assert (mode, fks) == ("wal", 1)
        assert await db.ping()
    finally:
        await db.dispose()


async def test_a_write_waits_for_another_writer_in_aiosqlites_thread(tmp_path: Path):
    path = tmp_path / "lock.sqlite3"
    db = Database(f"sqlite:///{path}")
    async with db.begin() as conn:
        await conn.execute(text("CREATE TABLE t (x INTEGER)"))
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    async def release() -> None:
        await asyncio.sleep(0.3)
        other.execute("COMMIT")

    releaser = asyncio.create_task(release())
    started = time.monotonic()
    try:
        async with db.begin() as conn:
            await conn.execute(text("INSERT INTO t VALUES (1)"))
        waited = time.monotonic() - started
        await releaser
        async with db.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1
    finally:
        other.close()
        await db.dispose()
    assert waited >= 0.25
