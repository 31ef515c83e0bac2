"""The language layer knows the shared reference networks, with a store and without one."""

from __future__ import annotations

import datetime as dt
import io
import json

from bot.language_cache import LanguageCache
from bot.nlu_command import run_nlu
from store import demo, orgs, reference
from store.db import Database

TODAY = dt.date(2026, 11, 23)
EVERY_NETWORK = {n.name for n in reference.NETWORKS}


async def _nlu(lines: list[str], db_url: str | None) -> list[dict]:
    out = io.StringIO()
    assert await run_nlu(None, TODAY, db_url, io.StringIO("\n".join(lines) + "\n"), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


async def test_nlu_without_a_database_knows_the_reference_list():
    found = await _nlu(["vem ansvarar för iclei?", "vem är kontaktperson för eurocitys"], None)
    assert [f["entities"]["network"] for f in found] == ["ICLEI", "Eurocities"]


async def test_nlu_on_a_store_knows_the_reference_list(db: Database):
    found = await _nlu(["UBC:s styrelse", "Klimatkommunernas årsmöte"], db.url)
    assert [f["entities"]["network"] for f in found] == [
        "Union of the Baltic Cities",
        "Klimatkommunerna",
    ]


async def test_the_cached_layer_of_an_organisation_knows_every_reference_network(demo_db):
    huddinge = await orgs.by_tenant(demo_db, demo.HUDDINGE_TENANT)
    layer = await LanguageCache(demo_db).for_organisation(huddinge.id)
    assert set(layer.network_names) >= EVERY_NETWORK
    u = layer.understand("WHO:s nätverk Healthy Cities, vem har det?", TODAY)
    assert (u.network, u.network_known) == ("WHO Healthy Cities", True)
