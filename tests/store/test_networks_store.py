"""Network and membership queries, on SQLite and PostgreSQL, including a store of hundreds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from store import demo, networks, orgs
from store.db import Database
from store.models import Membership, Network, NetworkAlias, Organisation, OrgUnit

BIG_TENANT = "44444444-4444-4444-4444-444444444444"
GENERATOR = "test:generator"
_CADENCES = (
    "årligen",
    "vartannat år",
    "vart tredje år",
    "vart fjärde år",
    "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen",
    None,
)


async def generate_memberships(db: Database, count: int) -> int:
    """An organisation with ``count`` memberships in as many new networks; returns its id.

    Everything is written through an audited store session, the way real data arrives. Names
    and roles are long on purpose: the card must stay small even when the rows are heavy.
    """
    async with db.session(GENERATOR) as session, session.begin():
        org = Organisation(name="Storstads kommun", tenant_id=BIG_TENANT, kind="kommun")
        session.add(org)
        await session.flush()
        unit = OrgUnit(
            organisation_id=org.id,
            name="Stadsledningskontorets avdelning för internationellt samarbete",
            kind="förvaltning",
        )
        session.add(unit)
        await session.flush()
        for i in range(count):
            net = Network(
                name=f"Europeiskt nätverk för hållbara och trygga städer nr {i:03d}",
                organiser="Sekretariatet för europeiska städers samarbete, Bryssel",
                aliases=[NetworkAlias(alias=f"ENHTS{i:03d}")],
            )
            session.add(net)
            await session.flush()
            currency, cost = [("SEK", Decimal(25000 + i)), ("EUR", Decimal(1200)), ("SEK", 0)][
                i % 3
            ]
            session.add(
                Membership(
                    organisation_id=org.id,
                    network_id=net.id,
                    since_year=2000 + i % 25,
                    decision_reference=f"KS-{2000 + i % 25}/{100 + i}.103",
                    decided_by="Kommunstyrelsen",
                    decided_on=dt.date(2000 + i % 25, 1 + i % 12, 1 + i % 28),
                    annual_cost=None if i % 7 == 6 else cost,
                    cost_currency=currency,
                    responsible_unit_id=unit.id,
                    responsible_role="Avdelningschef för internationellt samarbete och omvärld",
                    review_cadence=_CADENCES[i % len(_CADENCES)],
                )
            )
        return org.id


async def test_memberships_are_the_organisations_own(demo_db):
    sthlm = await orgs.by_tenant(demo_db, demo.STOCKHOLM_TENANT)
    gbg = await orgs.by_tenant(demo_db, demo.GOTEBORG_TENANT)
    nsc = await networks.network_by_name(demo_db, "Nordic Safe Cities")
    assert [m.network.name for m in await networks.memberships(demo_db, sthlm.id)] == [
        "Strong Cities Network"
    ]
    assert await networks.membership(demo_db, sthlm.id, nsc.id) is None
    mine = await networks.membership(demo_db, gbg.id, nsc.id)
    assert mine is not None and mine.annual_cost == Decimal(150000)


async def test_network_by_name_takes_canonical_names_aliases_and_any_case(demo_db):
    for written in ("Nordic Safe Cities", "nordic safe cities", "NSC", "nsc"):
        found = await networks.network_by_name(demo_db, written)
        assert found is not None and found.name == "Nordic Safe Cities", written
    assert await networks.network_by_name(demo_db, "Metropolis") is None


async def test_network_and_membership_reads_what_the_two_lookups_read(demo_db):
    sthlm = await orgs.by_tenant(demo_db, demo.STOCKHOLM_TENANT)
    gbg = await orgs.by_tenant(demo_db, demo.GOTEBORG_TENANT)
    for written in ("Nordic Safe Cities", "nordic safe cities", "NSC", "nsc"):
        for org in (sthlm, gbg):
            found = await networks.network_and_membership(demo_db, org.id, written)
            network = await networks.network_by_name(demo_db, written)
            assert found is not None and network is not None, written
            assert found[0] == network
            assert found[1] == await networks.membership(demo_db, org.id, network.id)
    # Göteborg is a member, Stockholm is not: never another organisation's membership.
    mine = await networks.network_and_membership(demo_db, gbg.id, "NSC")
    theirs = await networks.network_and_membership(demo_db, sthlm.id, "NSC")
    assert mine is not None and mine[1] is not None and mine[1].annual_cost == Decimal(150000)
    assert theirs is not None and theirs[1] is None
    assert await networks.network_and_membership(demo_db, gbg.id, "Metropolis") is None


async def test_networks_matching_finds_every_network_a_word_fits(demo_db):
    healthy = [n.name for n in await networks.networks_matching(demo_db, "healthy cities")]
    assert healthy == ["Healthy Cities Sverige", "WHO Healthy Cities"]
    cities = [n.name for n in await networks.networks_matching(demo_db, "cities", limit=30)]
    assert {"Nordic Safe Cities", "Strong Cities Network"} <= set(cities)
    assert cities == sorted(cities)
    safe = [n.name for n in await networks.networks_matching(demo_db, "Safe Cities")]
    assert safe == ["Nordic Safe Cities"]
    assert [n.name for n in await networks.networks_matching(demo_db, "ssr")] == [
        "Samverkan Stockholmsregionen"
    ]
    assert await networks.networks_matching(demo_db, "Metropolis") == []
    assert await networks.networks_matching(demo_db, "  ") == []


async def test_networks_matching_is_capped(db):
    await generate_memberships(db, 30)
    assert len(await networks.networks_matching(db, "nätverk", limit=7)) == 7


async def test_a_store_of_hundreds_of_memberships_reads_whole_and_isolated(demo_db):
    org_id = await generate_memberships(demo_db, 300)
    rows = await networks.memberships(demo_db, org_id)
    assert len(rows) == 300
    assert {m.responsible_unit for m in rows} == {
        "Stadsledningskontorets avdelning för internationellt samarbete"
    }
    assert all(m.network.aliases for m in rows)
    # The demo organisations still see only their own one membership each.
    for tenant in (demo.STOCKHOLM_TENANT, demo.GOTEBORG_TENANT, demo.HUDDINGE_TENANT):
        org = await orgs.by_tenant(demo_db, tenant)
        assert len(await networks.memberships(demo_db, org.id)) == 1
