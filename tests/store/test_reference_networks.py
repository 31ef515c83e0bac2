"""The shared reference list of networks: in every store, never duplicated, never overwriting."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import delete, func, select

from store import demo, migrate, networks, orgs, reference
from store.db import Database
from store.models import AuditEvent, Membership, Network, NetworkAlias
from tests.support.databases import SKIP_REASON, fresh_postgres, postgres_url

EDITOR = "test:editor"


async def _counts(db: Database) -> tuple[int, int]:
    async with db.session() as session:
        nets = await session.scalar(select(func.count()).select_from(Network))
        aliases = await session.scalar(select(func.count()).select_from(NetworkAlias))
    return nets, aliases


async def _replace_networks(db: Database, *nets: Network) -> None:
    """Stand in for a store that had networks before the reference list existed."""
    async with db.session(EDITOR) as session, session.begin():
        await session.execute(delete(NetworkAlias))
        await session.execute(delete(Network))
        session.add_all(nets)


def test_the_reference_list_is_the_23_networks_with_unique_names() -> None:
    assert len(reference.NETWORKS) == 23
    keys = [reference.fold_name(n) for net in reference.NETWORKS for n in (net.name, *net.aliases)]
    assert len(keys) == len(set(keys)), "a name or alias given to two networks"
    for net in reference.NETWORKS:
        assert net.organiser and net.description
        assert len(net.description) <= 200 and "\n" not in net.description


async def test_every_store_holds_the_reference_list_after_upgrade(db: Database):
    known = {n.name: n for n in await networks.known_networks(db)}
    assert set(known) == {n.name for n in reference.NETWORKS}
    ubc = known["Union of the Baltic Cities"]
    assert ubc.aliases == ("UBC", "Baltiska städers förbund")
    assert ubc.organiser and ubc.description and ubc.founded == "1991"
    assert (await networks.network_by_name(db, "borgmästaravtalet")).name == "Covenant of Mayors"
    assert (await networks.network_by_name(db, "c40")).name == "C40 Cities"


async def test_upgrading_again_adds_nothing(db: Database):
    before = await _counts(db)
    await migrate.upgrade(db)
    await migrate.upgrade(db)
    assert await _counts(db) == before
    async with db.session() as session:
        actors = set(await session.scalars(select(AuditEvent.actor).distinct()))
    assert actors == {reference.REFERENCE_ACTOR}


async def test_a_network_already_in_the_store_is_neither_overwritten_nor_duplicated(db: Database):
    await _replace_networks(
        db,
        # Edited by an organisation: its organiser and description stay; founded was empty.
        Network(name="EUROCITIES", organiser="Eget", description="Vår egen text.", aliases=[]),
        # Known under an alias only (e.g. from an import): it stays one network, and gets the
        # reference name as an alias.
        Network(name="UBC", aliases=[]),
        # An alias spelt another way is the same alias.
        Network(
            name="Borgmästaravtalet för klimat",
            aliases=[NetworkAlias(alias="borgmastaravtalet")],
        ),
    )
    await migrate.upgrade(db)

    known = {n.name: n for n in await networks.known_networks(db)}
    assert len(known) == 23
    assert "Eurocities" not in known and "Union of the Baltic Cities" not in known
    assert "Covenant of Mayors" not in known
    euro = known["EUROCITIES"]
    assert (euro.organiser, euro.description, euro.founded) == ("Eget", "Vår egen text.", "1986")
    assert euro.aliases == ("Euro Cities",)
    ubc = known["UBC"]
    assert ubc.aliases == ("Union of the Baltic Cities", "Baltiska städers förbund")
    assert ubc.description == next(
        n.description for n in reference.NETWORKS if n.name == "Union of the Baltic Cities"
    )
    mayors = known["Borgmästaravtalet för klimat"]
    assert "Borgmästaravtalet" not in mayors.aliases
    assert {"Covenant of Mayors", "Global Covenant of Mayors"} <= set(mayors.aliases)

    before = await _counts(db)
    await migrate.upgrade(db)
    assert await _counts(db) == before


async def test_the_demo_data_keeps_its_three_memberships_on_the_shared_networks(demo_db):
    async with demo_db.session() as session:
        rows = (
            await session.execute(select(Network.name).join(Membership).order_by(Network.name))
        ).all()
    assert [r[0] for r in rows] == [
        "Nordic Safe Cities",
        "Samverkan Stockholmsregionen",
        "Strong Cities Network",
    ]
    assert len(await networks.known_networks(demo_db)) == 23
    huddinge = await orgs.by_tenant(demo_db, demo.HUDDINGE_TENANT)
    found = await networks.network_and_membership(demo_db, huddinge.id, "ICLEI")
    assert found is not None
    iclei, membership = found
    assert iclei.organiser.startswith("ICLEI") and membership is None


@pytest.mark.postgres
async def test_two_instances_starting_at_once_add_the_list_once():
    # SQLite serialises writers anyway; on PostgreSQL the migration's advisory lock does.
    base = postgres_url()
    if base is None:
        pytest.skip(SKIP_REASON)
    async with fresh_postgres(base) as url:
        first, second = Database(url), Database(url)
        try:
            await asyncio.gather(migrate.upgrade(first), migrate.upgrade(second))
            aliases = sum(len(n.aliases) for n in reference.NETWORKS)
            assert await _counts(first) == (len(reference.NETWORKS), aliases)
        finally:
            await first.dispose()
            await second.dispose()
