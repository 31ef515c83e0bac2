"""A registered invitation is removed by chat, after a ja; audited; nothing else goes."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dialogs.invitations.delete_dialog import NOT_FOUND
from store import invitations
from store.invitations import NewInvitation
from store.models import AuditEvent
from tests.conversations.script import User
from tests.dialogs.test_invitation_dialog import _stockholm

D = dt.date


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def _add(db, event: str, start: dt.date) -> invitations.InvitationView:
    new = NewInvitation(event=event, start_date=start, end_date=start)
    return await invitations.register(db, await _stockholm(db), new, actor="teams:bo")


async def test_ta_bort_by_reference_asks_then_removes(demo_db):
    view = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    other = await _add(demo_db, "ICLEI World Congress", D(2027, 9, 1))
    user = User(demo_db)
    asked = await user.says(f"ta bort inbjudan {view.reference}")
    assert (
        asked.startswith("Vill du ta bort inbjudan Eurocities årsmöte") and view.reference in asked
    )
    done = await user.says("ja")
    assert done == f"Klart. Jag tog bort inbjudan till Eurocities årsmöte ({view.reference})."
    events = {i.event for i in await user.invitations()}
    assert "Eurocities årsmöte" not in events and other.event in events
    async with demo_db.session() as session:
        deleted = set(
            await session.scalars(
                select(AuditEvent.entity).where(
                    AuditEvent.action == "delete", AuditEvent.actor == "teams:User1"
                )
            )
        )
    assert {"invitation", "case"} <= deleted


async def test_radera_by_event_name_and_nej_keeps_it(demo_db):
    view = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    user = User(demo_db)
    asked = await user.says("radera inbjudan till eurocities arsmote")
    assert view.reference in asked
    assert await user.says("nej") == f"Okej, inbjudan {view.reference} är kvar."
    assert await user.invitation("Eurocities årsmöte") is not None


async def test_several_matches_are_listed_and_nothing_is_removed(demo_db):
    await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    await _add(demo_db, "Eurocities årsmöte", D(2028, 6, 7))
    user = User(demo_db)
    reply = await user.says("ta bort inbjudan till Eurocities årsmöte")
    assert reply.startswith("Flera inbjudningar passar")
    assert len([i for i in await user.invitations() if i.event == "Eurocities årsmöte"]) == 2


async def test_an_unknown_invitation_is_said_so(demo_db):
    user = User(demo_db)
    assert await user.says("ta bort inbjudan ÄB-2099-0001") == NOT_FOUND


async def test_another_organisations_invitation_cannot_be_removed(demo_db):
    view = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    from store.demo import GOTEBORG_TENANT

    user = User(demo_db, tenant=GOTEBORG_TENANT)
    assert await user.says(f"ta bort inbjudan {view.reference}") == NOT_FOUND
    assert await invitations.get(demo_db, await _stockholm(demo_db), view.id) is not None
