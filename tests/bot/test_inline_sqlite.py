"""SQLite calls run on the loop's thread, and a locked database is waited for off the loop."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from sqlalchemy import event, text

from bot.compat.inline_sqlite import InlineSqliteConnection
from store.db import Database


async def test_a_write_waits_for_another_writer_without_blocking_the_loop(tmp_path: Path):
    path = tmp_path / "lock.sqlite3"
    db = Database(f"sqlite:///{path}", sqlite_connect=InlineSqliteConnection)
    async with db.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (x INTEGER)"))
    # Another process (here: another connection) holds the write lock for a while.
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    async def release() -> None:
        await asyncio.sleep(0.3)
        other.execute("COMMIT")

    ticker = asyncio.create_task(tick())
    releaser = asyncio.create_task(release())
    started = time.monotonic()
    async with db.engine.begin() as conn:
        await conn.execute(text("INSERT INTO t VALUES (1)"))
    waited = time.monotonic() - started
    ticker.cancel()
    await releaser
    other.close()
    async with db.engine.connect() as conn:
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1
    await db.dispose()
    assert waited >= 0.25  # it did wait for the lock ...
    assert ticks >= 10  # ... while the loop went on serving others


async def test_calls_run_inline_and_close_cleanly(tmp_path: Path):
    conn = await InlineSqliteConnection(str(tmp_path / "x.sqlite3"))
    async with conn.execute("SELECT 41 + 1") as cursor:
        assert await cursor.fetchone() == (42,)
    await conn.close()
    await conn.close()  # closing twice is harmless, as SQLAlchemy expects


async def test_busy_turns_share_pooled_connections_instead_of_opening_new_ones(tmp_path: Path):
    # SQLAlchemy closes an ``async with`` session or connection in a task of its own: under
    # load the caller's turn waits at the back of the loop's queue while the connection is
    # still checked out, the pool overflows and connections are opened and closed again.
    # On inline SQLite both close in the caller's task, so one connection serves everyone.
    db = Database(f"sqlite:///{tmp_path / 'pool.sqlite3'}", sqlite_connect=InlineSqliteConnection)
    opened = 0

    def count(*_: object) -> None:
        nonlocal opened
        opened += 1

    event.listen(db.engine.sync_engine, "connect", count)

    async def turn(k: int) -> None:
        for _ in range(3):
            async with db.connect() as conn:
                assert (await conn.execute(text("SELECT :k"), {"k": k})).scalar_one() == k
            async with db.session() as session:
                assert (await session.execute(text("SELECT :k"), {"k": k})).scalar_one() == k
            async with db.begin() as conn:
                await conn.execute(text("SELECT 1"))
            await asyncio.sleep(0)  # other turns run here, as they do between a turn's reads

    await asyncio.gather(*(turn(k) for k in range(40)))
    assert db.engine.sync_engine.pool.checkedout() == 0
    await db.dispose()
    assert opened == 1
