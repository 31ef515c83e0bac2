"""Bounded caches that expire; a flood of unknown tenants never pushes out a real one."""

from __future__ import annotations

import uuid

from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials

from bot.compat.connectors import ConnectorPool
from bot.language_cache import LanguageCache
from bot.tenants import OrgCache
from store import orgs
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from tests.support.databases import count_statements as _count_statements


async def test_a_flood_of_unknown_tenants_does_not_evict_a_known_one(demo_db: Database):
    cache = OrgCache(max_entries=20)
    known = await cache.by_tenant(demo_db, STOCKHOLM_TENANT)
    assert known is not None and known.name == "Stockholms stad"
    made_up = [str(uuid.uuid4()) for _ in range(100)]  # five times what the cache holds
    for tenant in made_up:
        assert await cache.by_tenant(demo_db, tenant) is None
    statements = _count_statements(demo_db)
    assert await cache.by_tenant(demo_db, STOCKHOLM_TENANT) == known
    assert statements == []  # still remembered: the store was not asked
    # The made-up ones are bounded and remembered too: the latest are answered from memory.
    assert await cache.by_tenant(demo_db, made_up[-1]) is None
    assert statements == []
    assert await cache.by_tenant(demo_db, made_up[0]) is None  # pushed out: asked again
    assert len(statements) == 1


async def test_known_tenants_are_bounded_and_expire(demo_db: Database):
    small = OrgCache(max_entries=1)
    await small.by_tenant(demo_db, STOCKHOLM_TENANT)
    await small.by_tenant(demo_db, GOTEBORG_TENANT)
    statements = _count_statements(demo_db)
    assert (await small.by_tenant(demo_db, GOTEBORG_TENANT)).name == "Göteborgs Stad"
    assert statements == []
    assert (await small.by_tenant(demo_db, STOCKHOLM_TENANT)).name == "Stockholms stad"
    assert len(statements) == 1  # the least recently used one was let go

    expired = OrgCache(ttl_seconds=0)
    await expired.by_tenant(demo_db, STOCKHOLM_TENANT)
    statements.clear()
    await expired.by_tenant(demo_db, STOCKHOLM_TENANT)
    assert len(statements) == 1


async def test_language_layers_are_kept_per_organisation_bounded_and_expire(demo_db: Database):
    ids = [o.id for o in await orgs.all_organisations(demo_db)]
    cache = LanguageCache(demo_db, max_organisations=2)
    first = await cache.for_organisation(ids[0])
    assert await cache.for_organisation(ids[0]) is first
    await cache.for_organisation(ids[1])
    await cache.for_organisation(ids[2])  # the third pushes out the least recently used
    assert await cache.for_organisation(ids[0]) is not first
    cache.invalidate()
    again = await cache.for_organisation(ids[2])
    assert await cache.for_organisation(ids[2]) is again

    expiring = LanguageCache(demo_db, ttl_seconds=0)
    layer = await expiring.for_organisation(ids[0])
    assert await expiring.for_organisation(ids[0]) is not layer


class _CountingFactory:
    """Builds real connector clients (nothing is sent) and counts how many."""

    def __init__(self) -> None:
        self.built = 0

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        self.built += 1
        return ConnectorClient(MicrosoftAppCredentials(None, None), base_url=service_url)


async def test_connector_clients_are_kept_per_service_url_least_recently_used_out_first():
    pool = ConnectorPool(max_clients=2)
    build = _CountingFactory()
    try:
        a = await pool.client(None, "https://smba.example/emea/", None, build)
        b = await pool.client(None, "https://smba.example/amer/", None, build)
        assert await pool.client(None, "https://smba.example/emea/", None, build) is a
        await pool.client(None, "https://smba.example/apac/", None, build)  # b goes
        assert build.built == 3 and len(pool._clients) == 2
        assert await pool.client(None, "https://smba.example/emea/", None, build) is a
        assert await pool.client(None, "https://smba.example/amer/", None, build) is not b
        assert build.built == 4
    finally:
        await pool.close()
