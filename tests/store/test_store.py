"""The case store: migrations, demo data, audit trail and tenant-scoped queries."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from store import demo, migrate, networks, orgs, reference
from store.audit import MissingActorError
from store.cases import new_case, normalize_number
from store.db import Database, normalize_url
from store.models import AuditEvent, Base, Case, Invitation, Network, Remiss
from tests.conftest import DEV_SETS


async def test_migrations_create_exactly_the_models(db):
    assert await migrate.current_revision(db) is not None

    def diff(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    async with db.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_upgrade_twice_is_harmless(db):
    before = await migrate.current_revision(db)
    await migrate.upgrade(db)
    assert await migrate.current_revision(db) == before


def test_plain_urls_get_async_drivers():
    assert normalize_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert normalize_url("postgresql://u@h/d") == "postgresql+asyncpg://u@h/d"
    assert normalize_url(None).startswith("sqlite+aiosqlite:///")


async def test_demo_loads_once_and_only_into_an_empty_store(db):
    assert await demo.load(db) is True
    assert await demo.load(db) is False
    async with db.session() as session:
        # The shared reference networks were there before; the demo adds none.
        assert await session.scalar(select(func.count()).select_from(Network)) == len(
            reference.NETWORKS
        )


def _expected() -> dict:
    return json.loads((DEV_SETS / "seeds_expected.json").read_text(encoding="utf-8"))


async def test_demo_memberships_match_the_seed_facts(demo_db):
    expected = _expected()
    gbg = await orgs.by_tenant(demo_db, demo.GOTEBORG_TENANT)
    [nsc] = await networks.memberships(demo_db, gbg.id)
    facts = expected["003_dba287e3a7b50b34.txt"]
    assert nsc.network.name == facts["network"]
    assert list(nsc.diarienummer) == facts["diarienummer"]
    assert nsc.annual_cost == Decimal(facts["annual_cost"]) and nsc.cost_currency == "SEK"
    assert f"{nsc.responsible_role}, {nsc.responsible_unit.lower()}" == facts["responsible"]
    assert nsc.decided_on.isoformat() == facts["decided_on"]
    assert nsc.revised_on.isoformat() == facts["revised_on"]
    assert nsc.linked_body == facts["linked_body"]
    assert nsc.review_cadence == facts["review"]

    sthlm = await orgs.by_tenant(demo_db, demo.STOCKHOLM_TENANT)
    [scn] = await networks.memberships(demo_db, sthlm.id)
    scn_facts = expected["000_5bd35118a188acad.txt"]["network_facts"]
    assert scn.network.name == "Strong Cities Network"
    assert str(scn.since_year) == scn_facts["member_since"]
    assert scn.decision_reference == scn_facts["membership_decision"]
    assert scn.annual_cost == scn_facts["annual_cost"]
    assert scn.network.organiser == scn_facts["organiser"]
    assert scn.responsible_unit == "Stadsledningskontoret"
    assert scn.political_representative.lower() == scn_facts["political_representative"]

    hud = await orgs.by_tenant(demo_db, demo.HUDDINGE_TENANT)
    [ssr] = await networks.memberships(demo_db, hud.id)
    ssr_facts = expected["004_fd3d600c3345feac.txt"]
    assert ssr.network.aliases == (ssr_facts["alias"],)
    assert list(ssr.diarienummer) == ssr_facts["diarienummer"]
    assert ssr.annual_cost is None
    assert ssr.responsible_role.lower() == ssr_facts["responsible"]


async def test_demo_invitation_and_remiss_match_the_seed_facts(demo_db):
    expected = _expected()
    inv_facts = expected["000_5bd35118a188acad.txt"]
    remiss_facts = expected["001_3f1ee05a6031c391.txt"]
    async with demo_db.session() as session:
        inv = await session.scalar(select(Invitation))
        assert inv.event == inv_facts["event"]
        assert (inv.start_date.isoformat(), inv.end_date.isoformat()) == (
            inv_facts["start"],
            inv_facts["end"],
        )
        assert inv.place == inv_facts["place"] and inv.invited == inv_facts["invited"]
        assert inv.decision == inv_facts["decision"]
        assert inv.representative == inv_facts["representative"]
        assert [n.number for n in inv.case.numbers] == inv_facts["diarienummer"]

        remiss = await session.scalar(select(Remiss))
        assert remiss.title == remiss_facts["title"]
        assert remiss.sender == remiss_facts["sender"]
        assert remiss.deadline.isoformat() == remiss_facts["deadline"]
        assert [r.name for r in remiss.recipients] == remiss_facts["recipients"]
        answered = {r.name for r in remiss.recipients if r.status == "answered"}
        assert answered == {
            remiss_facts["answered_by"],
            expected["002_c5e1540d3d94f93b.txt"]["answered_by"],
        }


async def test_every_change_is_audited_with_its_actor(demo_db):
    async with demo_db.session() as session:
        events = list(await session.scalars(select(AuditEvent)))
    assert events, "loading demo data must leave an audit trail"
    # The reference networks come from the migration, everything else from the demo loader.
    assert {e.actor for e in events} == {demo.DEMO_ACTOR, reference.REFERENCE_ACTOR}
    assert {e.action for e in events} == {"create"}
    assert all(e.occurred_at.tzinfo is not None for e in events)

    async with demo_db.session("teams:karin") as session, session.begin():
        remiss = await session.scalar(select(Remiss))
        remiss.deadline = remiss.deadline.replace(day=18)
    async with demo_db.session() as session:
        update = await session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert update.actor == "teams:karin"
    assert update.entity == "remiss"
    assert update.changes == {"deadline": ["2016-10-17", "2016-10-18"]}
    assert update.organisation_id == remiss.organisation_id


async def test_a_write_without_an_actor_is_refused_and_leaves_nothing(demo_db):
    with pytest.raises(MissingActorError):
        async with demo_db.session() as session, session.begin():
            remiss = await session.scalar(select(Remiss))
            remiss.title = "Ändrad utan att någon står för det"
    async with demo_db.session() as session:
        assert (await session.scalar(select(Remiss))).title != "Ändrad utan att någon står för det"


async def test_memberships_are_scoped_to_the_organisation(demo_db):
    sthlm = await orgs.by_tenant(demo_db, demo.STOCKHOLM_TENANT)
    nsc = await networks.network_by_name(demo_db, "nordic safe cities")
    assert nsc is not None
    assert await networks.membership(demo_db, sthlm.id, nsc.id) is None
    names = [m.network.name for m in await networks.memberships(demo_db, sthlm.id)]
    assert names == ["Strong Cities Network"]


async def test_networks_are_found_by_alias_ignoring_case(demo_db):
    assert (await networks.network_by_name(demo_db, "ssr")).name == "Samverkan Stockholmsregionen"
    assert await networks.network_by_name(demo_db, "Metropolis") is None


async def test_unknown_tenant_has_no_organisation(demo_db):
    assert await orgs.by_tenant(demo_db, "99999999-9999-9999-9999-999999999999") is None
    assert (await orgs.by_tenant(demo_db, demo.HUDDINGE_TENANT.upper())).name == "Huddinge kommun"


async def test_case_references_count_up_per_organisation(demo_db):
    sthlm = await orgs.by_tenant(demo_db, demo.STOCKHOLM_TENANT)
    async with demo_db.session("teams:test") as session, session.begin():
        case = await new_case(
            session,
            sthlm.id,
            kind="other",
            title="Test",
            numbers=["KS 2026/1", "ks  2026/1"],
            actor="teams:test",
        )
        assert [n.number for n in case.numbers] == ["KS 2026/1"]
    async with demo_db.session() as session:
        refs = sorted(
            await session.scalars(select(Case.reference).where(Case.organisation_id == sthlm.id))
        )
    assert len(refs) == len(set(refs)) == 4
    assert normalize_number("ks 2023/886") == "KS2023/886"


async def test_database_ping(db: Database):
    assert await db.ping() is True
