"""Invitations in the case store, on SQLite and PostgreSQL: register, list, decide, audit, scope."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select

from store import invitations, networks, orgs
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.invitations import (
    InvitationFilter,
    InvitationNotFoundError,
    NewInvitation,
)
from store.models import AuditEvent, Case, CaseNumber

D = dt.date
ACTOR = "teams:aad-anna"
EUROCITIES = NewInvitation(
    event="Eurocities årsmöte",
    start_date=D(2027, 6, 9),
    end_date=D(2027, 6, 11),
    place="Lissabon",
    invited="kommunstyrelsens ordförande",
    organiser="Eurocities",
    respond_by=D(2027, 1, 15),
    diarienummer=("KS 2027/55", "ks  2027/55"),
)


async def _org(db: Database, tenant: str) -> int:
    org = await orgs.by_tenant(db, tenant)
    assert org is not None
    return org.id


async def _decide(db, org_id, invitation_id, decision, representative, decided_on, actor):
    return await invitations.record_decision(
        db,
        org_id,
        invitation_id,
        decision=decision,
        representative=representative,
        decided_on=decided_on,
        actor=actor,
    )


async def test_register_creates_the_case_and_the_invitation_with_audit(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    assert view.reference.startswith("ÄB-") and view.title == "Inbjudan till Eurocities årsmöte"
    assert view.diarienummer == ("KS 2027/55",)  # the same number written twice is one
    assert (view.start_date, view.end_date, view.respond_by) == (
        D(2027, 6, 9),
        D(2027, 6, 11),
        D(2027, 1, 15),
    )
    assert (view.decision, view.created_by) == ("pending", ACTOR)
    async with demo_db.session() as session:
        case = await session.get(Case, view.case_id)
        assert (case.kind, case.organisation_id) == ("invitation", sthlm)
        number = await session.scalar(select(CaseNumber).where(CaseNumber.case_id == case.id))
        assert number.normalized == "KS2027/55"
        events = (
            await session.execute(
                select(AuditEvent.entity, AuditEvent.action, AuditEvent.organisation_id).where(
                    AuditEvent.actor == ACTOR
                )
            )
        ).all()
    # A case number has no organisation of its own; its case and the invitation name theirs.
    assert set(events) == {
        ("case", "create", sthlm),
        ("case_number", "create", None),
        ("invitation", "create", sthlm),
    }


async def test_a_known_network_is_linked(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    scn = await networks.network_by_name(demo_db, "SCN")
    new = NewInvitation(event="SCN Global Summit", network_id=scn.id, organiser=scn.name)
    view = await invitations.register(demo_db, sthlm, new, actor=ACTOR)
    assert view.network == "Strong Cities Network"
    assert (view.start_date, view.end_date) == (None, None)


async def test_a_single_day_event_ends_the_day_it_starts(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    new = NewInvitation(event="Seminarium", start_date=D(2027, 3, 3))
    view = await invitations.register(demo_db, sthlm, new, actor=ACTOR)
    assert view.end_date == D(2027, 3, 3)


@pytest.mark.parametrize(
    "bad",
    [
        NewInvitation(event="  "),
        NewInvitation(event="Möte", start_date=D(2027, 6, 11), end_date=D(2027, 6, 9)),
    ],
)
async def test_register_refuses_what_cannot_be_an_invitation(demo_db, bad):
    with pytest.raises(ValueError):
        await invitations.register(demo_db, await _org(demo_db, STOCKHOLM_TENANT), bad, actor=ACTOR)


async def test_list_is_newest_event_first_and_filters(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    early = await invitations.register(
        demo_db,
        sthlm,
        NewInvitation(event="Vinterforum", start_date=D(2027, 2, 1), respond_by=D(2026, 12, 1)),
        actor=ACTOR,
    )
    late = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    undated = await invitations.register(demo_db, sthlm, NewInvitation(event="Okänt"), actor=ACTOR)
    everything = await invitations.list_invitations(demo_db, sthlm)
    assert [v.event for v in everything] == [
        "Eurocities årsmöte",
        "Vinterforum",
        "Strong Cities Network Global Summit",
        "Okänt",
    ]
    pending = await invitations.list_invitations(demo_db, sthlm, InvitationFilter("pending"))
    assert {v.id for v in pending} == {early.id, late.id, undated.id}
    june = InvitationFilter(event_within=(D(2027, 6, 10), D(2027, 6, 30)))
    assert [v.id for v in await invitations.list_invitations(demo_db, sthlm, june)] == [late.id]
    due = InvitationFilter(respond_by_within=(D(2026, 11, 30), D(2026, 12, 6)))
    assert [v.id for v in await invitations.list_invitations(demo_db, sthlm, due)] == [early.id]


async def test_each_organisation_sees_only_its_own(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    gbg = await _org(demo_db, GOTEBORG_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    assert await invitations.list_invitations(demo_db, gbg) == []
    assert await invitations.get(demo_db, gbg, view.id) is None
    with pytest.raises(InvitationNotFoundError):
        await _decide(
            demo_db, gbg, view.id, "decline", None, D(2026, 11, 23), "teams:someone-in-goteborg"
        )
    assert (await invitations.get(demo_db, sthlm, view.id)).decision == "pending"


async def test_record_decision_updates_with_audit(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    decided = await _decide(
        demo_db,
        sthlm,
        view.id,
        "accept",
        "kommunstyrelsens ordförande",
        D(2026, 11, 23),
        "teams:aad-bo",
    )
    assert (decided.decision, decided.representative, decided.decided_on) == (
        "accept",
        "kommunstyrelsens ordförande",
        D(2026, 11, 23),
    )
    declined = await _decide(
        demo_db, sthlm, view.id, "decline", "ignored", D(2026, 11, 24), "teams:aad-bo"
    )
    assert (declined.decision, declined.representative) == ("decline", None)
    async with demo_db.session() as session:
        changes = list(
            await session.scalars(
                select(AuditEvent.changes)
                .where(
                    AuditEvent.entity == "invitation",
                    AuditEvent.entity_id == view.id,
                    AuditEvent.action == "update",
                    AuditEvent.actor == "teams:aad-bo",
                )
                .order_by(AuditEvent.id)
            )
        )
    assert changes[0]["decision"] == ["pending", "accept"]
    assert changes[0]["decided_on"] == [None, "2026-11-23"]
    assert changes[1]["representative"] == ["kommunstyrelsens ordförande", None]


async def test_an_unknown_decision_is_refused(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    with pytest.raises(ValueError):
        await _decide(demo_db, sthlm, view.id, "maybe", None, D(2026, 11, 23), ACTOR)


async def test_registrations_at_the_same_time_get_their_own_references(demo_db, backend):
    if backend != "postgres":
        pytest.skip("SQLite serialises writers; concurrent inserts meet on PostgreSQL")
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    views = await asyncio.gather(
        *(
            invitations.register(demo_db, sthlm, NewInvitation(event=f"Möte {i}"), actor=ACTOR)
            for i in range(4)
        )
    )
    assert len({v.reference for v in views}) == 4


async def test_update_from_keeps_what_the_new_one_lacks_and_is_audited(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    again = NewInvitation(
        event="Eurocities årsmöte", place="Porto", diarienummer=("KS 2027/55", "KS 2027/77")
    )
    updated = await invitations.update_from(demo_db, sthlm, view.id, again, actor="teams:aad-bo")
    assert updated.place == "Porto"
    assert (updated.start_date, updated.invited) == (D(2027, 6, 9), "kommunstyrelsens ordförande")
    assert updated.diarienummer == ("KS 2027/55", "KS 2027/77")
    async with demo_db.session() as session:
        rows = list(
            await session.execute(
                select(AuditEvent.entity, AuditEvent.action, AuditEvent.changes).where(
                    AuditEvent.actor == "teams:aad-bo"
                )
            )
        )
    assert ("invitation", "update", {"place": ["Lissabon", "Porto"]}) in [tuple(r) for r in rows]
    assert any(r.entity == "case_number" and r.action == "create" for r in rows)


async def test_update_from_is_scoped_to_the_organisation(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    gbg = await _org(demo_db, GOTEBORG_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    with pytest.raises(InvitationNotFoundError):
        await invitations.update_from(demo_db, gbg, view.id, EUROCITIES, actor=ACTOR)


async def test_duplicates_of_finds_the_same_event_in_the_same_organisation_only(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    gbg = await _org(demo_db, GOTEBORG_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    again = NewInvitation(event="eurocities arsmote", start_date=D(2027, 6, 10))
    assert [v.id for v in await invitations.duplicates_of(demo_db, sthlm, again)] == [view.id]
    assert await invitations.duplicates_of(demo_db, gbg, again) == []


async def test_delete_removes_the_invitation_and_its_case_with_audit(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    gbg = await _org(demo_db, GOTEBORG_TENANT)
    view = await invitations.register(demo_db, sthlm, EUROCITIES, actor=ACTOR)
    with pytest.raises(InvitationNotFoundError):
        await invitations.delete(demo_db, gbg, view.id, actor=ACTOR)
    await invitations.delete(demo_db, sthlm, view.id, actor="teams:aad-bo")
    assert await invitations.get(demo_db, sthlm, view.id) is None
    async with demo_db.session() as session:
        assert await session.get(Case, view.case_id) is None
        entities = set(
            await session.scalars(
                select(AuditEvent.entity).where(
                    AuditEvent.action == "delete", AuditEvent.actor == "teams:aad-bo"
                )
            )
        )
    assert entities == {"invitation", "case", "case_number"}
