"""Engine and sessions for the case store, on SQLite (default) or PostgreSQL.

On SQLite the driver is aiosqlite, through SQLAlchemy's ``sqlite+aiosqlite`` dialect. Whoever
opens the store may hand :class:`Database` a :class:`SqliteConnect` factory for those
connections instead (the bot passes ``bot.compat.inline_sqlite.InlineSqliteConnection``, which
runs aiosqlite's calls on the event loop's own thread); the store itself imports no shim.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

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


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite; WAL lets readers and a writer work at once.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL loses no committed data on a crash of the process (only, at worst, the
    # last transactions on a power cut) and spares an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class SqliteConnect(Protocol):
    """Opens one SQLite connection for the ``sqlite+aiosqlite`` dialect.

    Called with the database's file name (or ``":memory:"``), it returns what
    ``aiosqlite.connect`` returns: an awaitable ``aiosqlite.Connection``, or one with its API.
    """

    #: True when closing a connection never waits (no thread to stop, no network): sessions and
    #: bare connections are then closed in the caller's task (:class:`InlineClosingSession`).
    closes_inline: bool

    def __call__(self, database: str) -> aiosqlite.Connection:
        """Open the connection (it connects when awaited)."""
        ...


class InlineClosingSession(AsyncSession):
    """An AsyncSession that closes in the caller's task when its connection runs inline.

    SQLAlchemy's ``async with session`` closes in a task of its own, shielded, so that a
    cancellation cannot abandon a close that waits on the network. With a connection whose
    close never waits (:attr:`SqliteConnect.closes_inline`) the extra task only costs: the
    caller's turn goes to the back of the loop's queue while the session still holds its
    connection. Under load that kept 6–15 connections checked out at once, past the pool's
    size, so connections were opened and closed again about every second turn.
    """

    async def __aexit__(self, type_: Any, value: Any, traceback: Any) -> None:
        await self.close()


class Database:
    """One engine and its session factory; opened by the app and closed in ``cleanup_ctx``."""

    def __init__(
        self,
        url: str | None = None,
        *,
        echo: bool = False,
        sqlite_connect: SqliteConnect | None = None,
    ) -> None:
        """Create the engine (nothing connects yet).

        Args:
            url: The database URL (see :func:`normalize_url`).
            echo: Log every statement.
            sqlite_connect: Opens the SQLite connections instead of ``aiosqlite.connect``;
                ignored on PostgreSQL.
        """
        self.url = normalize_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        # Whether a close never waits, so that it may run in the caller's task.
        self._closes_inline = False
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            database = parsed.database or ":memory:"
            if database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            if sqlite_connect is not None:
                kwargs["async_creator"] = lambda: sqlite_connect(database)
                self._closes_inline = bool(getattr(sqlite_connect, "closes_inline", False))
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
            class_=InlineClosingSession if self._closes_inline else AsyncSession,
            expire_on_commit=False,
            sync_session_class=AuditedSession,
        )

    def session(self, actor: str | None = None) -> AsyncSession:
        """Open a session; writes need ``actor``, the user or process that makes them."""
        session = self.sessions()
        if actor:
            session.info[audit.ACTOR_KEY] = actor
            session.info[audit.WRITE_KEY] = uuid.uuid4().hex
        return session

    @contextlib.asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """A bare connection for reads (Core statements, no ORM session), pooled.

        On PostgreSQL it runs in autocommit: each statement sees what is committed (as in
        PostgreSQL's default READ COMMITTED anyway) without the BEGIN and ROLLBACK round trips
        that the driver would put around every read. Writes go through :meth:`begin` or a
        session. On inline SQLite it is closed in the caller's task (see
        :class:`InlineClosingSession`).
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
        if not self._closes_inline:
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
