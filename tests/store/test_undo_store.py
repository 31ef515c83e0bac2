"""Undo from the audit trail, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from store import invitations, orgs, undo
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.invitations import NewInvitation
from store.models import Case, CaseNumber

D = dt.date
ANNA = "teams:aad-anna"
NEW = NewInvitation(
    event="Eurocities årsmöte",
    start_date=D(2027, 6, 9),
    end_date=D(2027, 6, 11),
    diarienummer=("KS 2027/55",),
)


async def _org(db, tenant: str) -> int:
    org = await orgs.by_tenant(db, tenant)
    assert org is not None
    return org.id


async def _count(db, model) -> int:
    async with db.session() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_registration_is_undone_whole(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    cases, numbers = await _count(demo_db, Case), await _count(demo_db, CaseNumber)
    view = await invitations.register(demo_db, sthlm, NEW, actor=ANNA)
    write = await undo.last_write(demo_db, sthlm, ANNA)
    assert write is not None and write.created("invitation") is not None
    await undo.undo(demo_db, sthlm, write, ANNA)
    assert await invitations.get(demo_db, sthlm, view.id) is None
    assert (await _count(demo_db, Case), await _count(demo_db, CaseNumber)) == (cases, numbers)
    assert await undo.last_write(demo_db, sthlm, ANNA) is None


async def test_a_decision_is_undone_to_what_it_was(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, NEW, actor="teams:aad-bo")
    await invitations.record_decision(
        demo_db, sthlm, view.id, decision="accept", representative="KSO",
        decided_on=D(2026, 11, 23), actor=ANNA,
    )  # fmt: skip
    write = await undo.last_write(demo_db, sthlm, ANNA)
    assert write is not None and write.updated("invitation") is not None
    await undo.undo(demo_db, sthlm, write, ANNA)
    back = await invitations.get(demo_db, sthlm, view.id)
    assert back is not None
    assert (back.decision, back.representative, back.decided_on) == ("pending", None, None)


async def test_a_row_changed_since_is_not_undone(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    view = await invitations.register(demo_db, sthlm, NEW, actor="teams:aad-bo")
    await invitations.record_decision(
        demo_db, sthlm, view.id, decision="accept", representative="KSO",
        decided_on=D(2026, 11, 23), actor=ANNA,
    )  # fmt: skip
    write = await undo.last_write(demo_db, sthlm, ANNA)
    assert write is not None
    await invitations.record_decision(
        demo_db, sthlm, view.id, decision="decline", representative=None,
        decided_on=D(2026, 11, 24), actor="teams:aad-bo",
    )  # fmt: skip
    with pytest.raises(undo.UndoRefusedError):
        await undo.undo(demo_db, sthlm, write, ANNA)
    after = await invitations.get(demo_db, sthlm, view.id)
    assert after is not None and after.decision == "decline"


async def test_only_recent_writes_in_the_own_organisation(demo_db):
    sthlm = await _org(demo_db, STOCKHOLM_TENANT)
    gbg = await _org(demo_db, GOTEBORG_TENANT)
    await invitations.register(demo_db, sthlm, NEW, actor=ANNA)
    assert await undo.last_write(demo_db, gbg, ANNA) is None
    later = dt.datetime.now(dt.UTC) + undo.WINDOW + dt.timedelta(minutes=1)
    assert await undo.last_write(demo_db, sthlm, ANNA, now=later) is None
