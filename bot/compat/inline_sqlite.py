"""SQLite for the case store on the event loop's own thread: aiosqlite's API without its thread.

Shim over private parts of **aiosqlite**, checked against aiosqlite 0.22.1 (pinned
``>=0.22,<0.23`` in pyproject.toml) with SQLAlchemy 2.1.9's ``sqlite+aiosqlite`` dialect.

Private names it relies on: ``aiosqlite.Connection.__init__(connector, iter_chunk_size)``, the
attributes ``_tx`` (the queue to the worker thread, replaced by :class:`_InlineQueue`; SQLAlchemy's
adapter puts its isolation-level calls on it directly), ``_running``, ``_connection``,
``_connector`` and ``_conn``, and the methods ``_execute``, ``_connect`` and ``stop`` (SQLAlchemy
calls ``stop`` to terminate a connection). A new aiosqlite release may rename any of them: check
this module and ``tests/bot/test_inline_sqlite.py`` before moving the pin.

Why: ``bench/bench_load.py``. aiosqlite runs every call on a worker thread per connection; a
short-answer turn made about 30 such round trips, which cost more CPU than the queries. Running
them inline took the light mix from 14.0 to 8.6 ms of CPU a turn (README, Performance,
"Thread hops to SQLite"); closing sessions and connections in the caller's task, which only an
inline close allows, then took a quick full-mix run from 1.80x to 2.39x the echo bot's
throughput (README, "Session 2", "Connections opened about every second turn").

The store does not import this (``store/`` imports nothing from ``bot/``):
:class:`store.db.Database` takes it as its ``sqlite_connect`` factory, and the bot passes it
where it opens the store (``bot/app.py``, ``bot/cli.py``, ``bot/scheduler.py``). Without it the
store runs on plain aiosqlite.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any, ClassVar

import aiosqlite

BUSY_TIMEOUT_MS = 5000


def _is_busy(error: BaseException) -> bool:
    """True for SQLite's "another connection holds the lock" (SQLITE_BUSY / SQLITE_LOCKED)."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    message = str(error).lower()
    return "locked" in message or "busy" in message


class _InlineQueue:
    """Stands in for aiosqlite's queue to its worker thread: runs each call at once.

    SQLAlchemy's aiosqlite adapter puts a few calls (setting the isolation level) on the
    queue directly; they run here on the caller's thread and settle their future.
    """

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        """Run the call and settle its future."""
        future, function = item
        try:
            result = function()
        except BaseException as exc:  # handed to the caller that waits on the future
            if future is not None and not future.done():
                future.set_exception(exc)
            return
        if future is not None and not future.done():
            future.set_result(result)


class InlineSqliteConnection(aiosqlite.Connection):
    """aiosqlite's API on the event loop's own thread, without a worker thread per connection.

    aiosqlite sends every call (cursor, execute, fetch, close, commit) to a thread and back:
    a short read of this store made about 30 such round trips per turn, each a queue hand-off,
    a thread wake-up, a GIL hand-over and a self-pipe write to wake the loop, which cost more
    than the queries themselves (a local WAL file answers in microseconds). Calls run inline
    instead, with SQLite's busy wait off: when another connection or process holds the write
    lock, the call is tried again in a worker thread that waits up to
    :data:`BUSY_TIMEOUT_MS`, so the event loop never sleeps on a lock.
    """

    #: Closing never waits (there is no worker thread to stop): :class:`store.db.Database`
    #: then closes sessions and bare connections in the caller's task.
    closes_inline: ClassVar[bool] = True

    def __init__(self, database: str) -> None:
        def connector() -> sqlite3.Connection:
            # Used from the loop and, while waiting for a lock, from one worker thread at a
            # time (the caller awaits it), never concurrently.
            return sqlite3.connect(database, check_same_thread=False, timeout=0)

        super().__init__(connector, iter_chunk_size=64)
        self._tx = _InlineQueue()  # type: ignore[assignment]

    def __await__(self) -> Any:
        return self._connect().__await__()

    async def _connect(self) -> InlineSqliteConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        # Nothing ran: SQLite refused before changing anything. Wait for the lock off-loop.
        return await asyncio.to_thread(self._with_busy_wait, fn, args, kwargs)

    def _with_busy_wait(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            return fn(*args, **kwargs)
        finally:
            conn.execute("PRAGMA busy_timeout=0")

    def stop(self) -> asyncio.Future[Any] | None:
        """Close the connection now (there is no worker thread to stop)."""
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        return None

    async def close(self) -> None:
        """Close the connection."""
        self.stop()
