"""The guide's migration step, as an operator runs it: `arendebot db upgrade` on PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from tests.support.databases import SKIP_REASON, fresh_postgres, postgres_url

pytestmark = pytest.mark.postgres


def _upgrade(url: str) -> subprocess.CompletedProcess[str]:
    arendebot = Path(sys.executable).with_name("arendebot")
    env = {k: v for k, v in os.environ.items() if k != "ARENDEBOT_DATABASE_URL"}
    return subprocess.run(
        [str(arendebot), "db", "upgrade", "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


async def _tables(url: str) -> set[str]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await conn.close()
    return {r["tablename"] for r in rows}


async def test_db_upgrade_migrates_a_fresh_postgresql_database_and_can_run_again():
    base = postgres_url()
    if base is None:
        pytest.skip(SKIP_REASON)
    async with fresh_postgres(base) as url:
        # The plain postgresql:// form the deployment guide and compose file use.
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        first = await asyncio.to_thread(_upgrade, plain)
        assert first.returncode == 0, first.stderr
        assert "Databasen är uppdaterad" in first.stdout
        tables = await _tables(plain)
        assert {"alembic_version", "organisation", "audit_event"} <= tables
        again = await asyncio.to_thread(_upgrade, plain)
        assert again.returncode == 0, again.stderr
        assert again.stdout == first.stdout
