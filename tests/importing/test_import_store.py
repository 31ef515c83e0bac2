"""Writing imported documents to the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dialogs.documents import extract, to_facts
from store.db import Database
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from store.importer import DocumentFacts, ImportRefusedError, find_case, save
from store.importer import writer as writer_module
from store.models import (
    AuditEvent,
    Case,
    Invitation,
    Membership,
    Network,
    Organisation,
    OrgUnit,
    Remiss,
    RemissRecipient,
)
from store.reference import NETWORKS as REFERENCE_NETWORKS
from store.reference import REFERENCE_ACTOR
from tests.importing.documents import seed_path, seed_text

MODELS = (Case, Invitation, Remiss, RemissRecipient, Membership, Network, OrgUnit)
ORGS = {
    "Stockholms stad": STOCKHOLM_TENANT,
    "Göteborgs Stad": GOTEBORG_TENANT,
    "Huddinge kommun": HUDDINGE_TENANT,
}
SEED_ORG = {
    "000": "Stockholms stad",
    "001": "Stockholms stad",
    "002": "Stockholms stad",
    "003": "Göteborgs Stad",
    "004": "Huddinge kommun",
}


async def _orgs(db: Database) -> dict[str, int]:
    async with db.session("test:setup") as session, session.begin():
        rows = [Organisation(name=n, tenant_id=t) for n, t in ORGS.items()]
        session.add_all(rows)
        await session.flush()
        return {o.name: o.id for o in rows}


async def _import(db: Database, org_id: int, seed: str, text: str | None = None, **kw):
    facts = to_facts(extract(text if text is not None else seed_text(seed)))
    return await save(db, org_id, facts, actor=f"import:{seed_path(seed).name}", **kw)


async def _counts(db: Database) -> dict[str, int]:
    async with db.session() as session:
        return {
            m.__name__: await session.scalar(select(func.count()).select_from(m)) for m in MODELS
        }


async def _membership(db: Database, network: str) -> Membership:
    async with db.session() as session:
        return await session.scalar(select(Membership).join(Network).where(Network.name == network))


async def test_membership_document_creates_network_unit_case_and_membership(db):
    org = (await _orgs(db))["Göteborgs Stad"]
    result = await _import(db, org, "003")
    assert result.action == "created"
    m = await _membership(db, "Nordic Safe Cities")
    assert m.organisation_id == org
    assert m.annual_cost == Decimal(150000)
    assert m.cost_currency == "SEK"
    assert m.responsible_role == "Avdelningschef Trygghet och Samhälle"
    assert m.responsible_unit.name == "Stadsledningskontoret"
    assert m.responsible_unit.kind == "förvaltning"
    assert m.linked_body == "Göteborgs Stads trygghetsråd"
    assert m.review_cadence == "årligen till trygghetsrådet, vart tredje år till kommunstyrelsen"
    assert (m.decided_by, m.decided_on, m.decision_paragraph) == (
        "Kommunstyrelsen",
        dt.date(2020, 11, 25),
        "§984",
    )
    assert m.revised_on == dt.date(2023, 2, 21)
    assert m.since_year == 2020
    async with db.session() as session:
        case = await session.get(Case, m.case_id)
        assert case.kind == "membership"
        assert [n.number for n in case.numbers] == ["0533/20", "0044/22"]
        net = await session.get(Network, m.network_id)
        assert net.organiser == "Nordic Safe Cities (initierat av Nordiska ministerrådet)"
        assert net.founded == "2016"


async def test_membership_with_an_alias_and_no_cost(db):
    org = (await _orgs(db))["Huddinge kommun"]
    await _import(db, org, "004")
    m = await _membership(db, "Samverkan Stockholmsregionen")
    assert [a.alias for a in m.network.aliases] == ["SSR"]
    assert m.annual_cost is None
    assert m.period == "2023–2026"
    assert m.decision_paragraph == "§ 13"
    assert m.cost_note == "Ägs, drivs, bekostas och förvaltas gemensamt av medlemmarna."


async def test_invitation_document_creates_invitation_and_the_membership_it_mentions(db):
    org = (await _orgs(db))["Stockholms stad"]
    await _import(db, org, "000")
    async with db.session() as session:
        inv = await session.scalar(select(Invitation))
        assert (inv.event, inv.start_date, inv.end_date) == (
            "Strong Cities Network Global Summit",
            dt.date(2023, 9, 19),
            dt.date(2023, 9, 21),
        )
        assert (inv.decision, inv.presenter, inv.decided_on) == (
            "accept",
            "Karin Wanngård",
            dt.date(2023, 9, 6),
        )
        assert inv.network_id is not None
    m = await _membership(db, "Strong Cities Network")
    assert (m.since_year, m.decision_reference, m.annual_cost) == (2015, "155-1302/2015", 0)


async def test_remiss_answer_creates_the_remiss_and_a_later_remiss_merges_into_it(db):
    org = (await _orgs(db))["Stockholms stad"]
    first = await _import(db, org, "002")
    assert first.action == "created"
    second = await _import(db, org, "001")
    assert (second.action, second.case_id) == ("updated", first.case_id)
    async with db.session() as session:
        remiss = await session.scalar(select(Remiss))
        assert (remiss.sender, remiss.deadline) == ("Kommunstyrelsen", dt.date(2016, 10, 17))
        status = {r.name: (r.status, r.answered_on) for r in remiss.recipients}
    assert status == {
        "Hägersten-Liljeholmens stadsdelsnämnd": ("answered", dt.date(2016, 9, 22)),
        "Rinkeby-Kista stadsdelsnämnd": ("answered", None),
        "Södermalms stadsdelsnämnd": ("pending", None),
        "samtliga facknämnder": ("pending", None),
        "Stockholms Stadshus AB": ("pending", None),
    }


async def test_importing_twice_updates_and_never_duplicates(db):
    ids = await _orgs(db)
    for seed, org in SEED_ORG.items():
        await _import(db, ids[org], seed)
    before = await _counts(db)
    again = [await _import(db, ids[org], seed) for seed, org in SEED_ORG.items()]
    assert {r.action for r in again} == {"unchanged"}
    assert await _counts(db) == before
    assert before["Case"] == 5  # invitation, SCN membership, remiss, NSC and SSR memberships


async def test_changed_document_updates_the_same_case(db):
    org = (await _orgs(db))["Göteborgs Stad"]
    first = await _import(db, org, "003")
    before = await _counts(db)
    changed = seed_text("003").replace("ca 150 000 kr årligen", "ca 175 000 kr årligen")
    second = await _import(db, org, "003", text=changed)
    assert (second.action, second.case_id) == ("updated", first.case_id)
    assert (await _membership(db, "Nordic Safe Cities")).annual_cost == Decimal(175000)
    assert await _counts(db) == before


async def test_the_case_is_found_by_its_normalized_diarienummer(demo_db):
    async with demo_db.session() as session:
        sthlm = await session.scalar(
            select(Organisation.id).where(Organisation.name == "Stockholms stad")
        )
    before = await _counts(demo_db)
    text = seed_text("000").replace("Dnr KS 2023/886", "Dnr ks  2023/886")
    result = await _import(demo_db, sthlm, "000", text=text)
    assert result.action in ("unchanged", "updated")
    assert await _counts(demo_db) == before
    async with demo_db.session() as session:
        found = await find_case(session, sthlm, "invitation", ("ks2023/886",), "en annan rubrik")
    assert found is not None and found.id == result.case_id


async def test_demo_facts_survive_importing_their_own_seeds(demo_db):
    async with demo_db.session() as session:
        ids = dict((await session.execute(select(Organisation.name, Organisation.id))).all())
    before = await _counts(demo_db)
    actions = {
        seed: (await _import(demo_db, ids[org], seed)).action for seed, org in SEED_ORG.items()
    }
    assert await _counts(demo_db) == before
    assert [s for s, a in actions.items() if a == "created"] == []


async def test_every_write_is_audited_with_the_import_actor(db):
    org = (await _orgs(db))["Göteborgs Stad"]
    await _import(db, org, "003")
    async with db.session() as session:
        events = list(
            await session.scalars(select(AuditEvent).where(AuditEvent.actor.like("import:%")))
        )
        others = await session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.actor.not_in(["test:setup", REFERENCE_ACTOR]),
                AuditEvent.actor.not_like("import:%"),
            )
        )
    assert {e.actor for e in events} == {f"import:{seed_path('003').name}"}
    # Nordic Safe Cities is a reference network already in the store: the import links to it.
    assert {"case", "case_number", "membership", "org_unit"} <= {e.entity for e in events}
    assert others == 0


async def test_a_failing_write_leaves_nothing_behind(db, monkeypatch):
    org = (await _orgs(db))["Göteborgs Stad"]

    async def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer_module, "person_for", broken)
    with pytest.raises(RuntimeError):
        await _import(db, org, "003")
    counts = await _counts(db)
    assert counts["Case"] == counts["Membership"] == 0
    assert counts["Network"] == len(REFERENCE_NETWORKS)
    async with db.session() as session:
        audited = await session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.actor.like("import:%"))
        )
    assert audited == 0


async def test_a_remiss_without_deadline_is_refused(db):
    org = (await _orgs(db))["Stockholms stad"]
    facts = to_facts(extract(seed_text("001")))
    with pytest.raises(ImportRefusedError, match="remisstid"):
        await save(db, org, dataclasses.replace(facts, deadline=None), actor="import:test")
    assert (await _counts(db))["Case"] == 0


async def test_dry_run_reports_without_writing(db):
    org = (await _orgs(db))["Göteborgs Stad"]
    result = await _import(db, org, "003", dry_run=True)
    assert result.action == "created"
    counts = await _counts(db)
    assert counts["Case"] == 0 and counts["Network"] == len(REFERENCE_NETWORKS)


async def test_unknown_kind_is_refused_by_the_facts():
    with pytest.raises(ValueError):
        DocumentFacts(kind="protokoll", title="x")
