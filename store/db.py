"""Engine and sessions for the case store, on SQLite (default) or PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from store import audit

DEFAULT_URL = "sqlite+aiosqlite:///arendebot.sqlite3"


class AuditedSession(Session):
    """The sync session behind every AsyncSession of the store; it writes the audit trail."""


audit.install(AuditedSession)


def normalize_url(url: str | None) -> str:
    """Turn a plain database URL into one for an async driver.

    Args:
        url: ``sqlite:///file.db``, ``postgresql://…`` or an already async URL; None for the
            default SQLite file in the working directory.

    Returns:
        A URL with the ``aiosqlite`` or ``asyncpg`` driver.
    """
    if not url:
        return DEFAULT_URL
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.drivername != "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif backend == "postgresql" and parsed.drivername != "postgresql+asyncpg":
        parsed = parsed.set(drivername="postgresql+asyncpg")
    return parsed.render_as_string(hide_password=False)


BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite; WAL lets readers and a writer work at once.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL loses no committed data on a crash of the process (only, at worst, the
    # last transactions on a power cut) and spares an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


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


class InlineClosingSession(AsyncSession):
    """An AsyncSession that closes in the caller's task when its connection runs inline.

    SQLAlchemy's ``async with session`` closes in a task of its own, shielded, so that a
    cancellation cannot abandon a close that waits on the network. With
    :class:`InlineSqliteConnection` a close never waits, and the extra task only costs: the
    caller's turn goes to the back of the loop's queue while the session still holds its
    connection. Under load that kept 6–15 connections checked out at once, past the pool's
    size, so connections were opened and closed again about every second turn.
    """

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        await self.close()


class Database:
    """One engine and its session factory; opened by the app and closed in ``cleanup_ctx``."""

    def __init__(self, url: str | None = None, *, echo: bool = False) -> None:
        self.url = normalize_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            database = parsed.database
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["async_creator"] = lambda: InlineSqliteConnection(database or ":memory:")
        else:
            # Survive a database restart: test pooled connections before use.
            kwargs.update(pool_pre_ping=True, pool_size=10, max_overflow=10)
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        # The same pool; on PostgreSQL its connections run reads without a transaction.
        self._reads = (
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessions = async_sessionmaker(
            self.engine,
            class_=InlineClosingSession if self.is_sqlite else AsyncSession,
            expire_on_commit=False,
            sync_session_class=AuditedSession,
        )

    def session(self, actor: str | None = None) -> AsyncSession:
        """Open a session; writes need ``actor``, the user or process that makes them."""
        session = self.sessions()
        if actor:
            session.info[audit.ACTOR_KEY] = actor
        return session

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """A bare connection for reads (Core statements, no ORM session), pooled.

        On PostgreSQL it runs in autocommit: each statement sees what is committed (as in
        PostgreSQL's default READ COMMITTED anyway) without the BEGIN and ROLLBACK round trips
        that the driver would put around every read. Writes go through :meth:`begin` or a
        session. On SQLite it is closed in the caller's task (see :class:`InlineClosingSession`).
        """
        async with self._bare(self._reads) as conn:
            yield conn

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        """A bare connection in a transaction: committed on exit, rolled back on an error."""
        async with self._bare(self.engine) as conn, conn.begin():
            yield conn

    @contextlib.asynccontextmanager
    async def _bare(self, engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
        if not self.is_sqlite:
            async with engine.connect() as conn:
                yield conn
            return
        conn = await engine.connect().start()
        try:
            yield conn
        finally:
            await conn.close()

    async def ping(self) -> bool:
        """Return True when the database answers a trivial query."""
        try:
            async with self.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()
