"""Alembic migrations, applied from code (``serve`` and ``arendebot db upgrade``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, inspect

from store.db import Database
from store.reference import ensure_reference_networks

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """Build an Alembic config that points at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# Any constant will do; it only has to be the same for every instance of the bot.
_MIGRATION_LOCK = 0x41524245


def _upgrade(connection: Connection, revision: str) -> None:
    if connection.dialect.name == "postgresql":
        # Two instances starting at once must not both create the schema.
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
    command.upgrade(alembic_config(connection), revision)
    if revision == "head":
        # Shared reference data belongs in every store; see store/reference.py for why here.
        ensure_reference_networks(connection)


def _current(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None


async def upgrade(db: Database, revision: str = "head") -> None:
    """Apply every migration up to ``revision`` in one transaction.

    At the head revision the same transaction then adds the shared reference networks the
    store lacks (:func:`store.reference.ensure_reference_networks`).
    """
    async with db.engine.begin() as conn:
        await conn.run_sync(_upgrade, revision)


async def current_revision(db: Database) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    async with db.engine.connect() as conn:
        return await conn.run_sync(_current)
