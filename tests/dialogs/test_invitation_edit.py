"""One fact of a registered invitation is changed by chat, after a ja; audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dialogs.invitations.edit_dialog import HOW
from store import invitations
from store.invitations import NewInvitation
from store.models import AuditEvent
from tests.conversations.script import User
from tests.dialogs.test_invitation_dialog import _stockholm

D = dt.date


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def _add(db) -> invitations.InvitationView:
    new = NewInvitation(
        event="Eurocities årsmöte", start_date=D(2027, 6, 9), end_date=D(2027, 6, 11),
        place="Lissabon", invited="KSO",
    )  # fmt: skip
    return await invitations.register(db, await _stockholm(db), new, actor="teams:bo")


async def test_the_dates_of_an_invitation_are_changed_by_reference(demo_db):
    view = await _add(demo_db)
    user = User(demo_db)
    asked = await user.says(f"ändra datumet för {view.reference} till 3-5 juni 2027")
    assert asked.startswith(f"Vill du ändra datum för Eurocities årsmöte ({view.reference})")
    assert "från 9–11 juni 2027" in asked and "till 3–5 juni 2027" in asked
    done = await user.says("ja")
    assert done.startswith("Klart! Jag uppdaterade inbjudan till Eurocities årsmöte")
    after = await invitations.get(demo_db, await _stockholm(demo_db), view.id)
    assert after is not None
    assert (after.start_date, after.end_date, after.place) == (
        D(2027, 6, 3),
        D(2027, 6, 5),
        "Lissabon",
    )
    async with demo_db.session() as session:
        changes = list(
            await session.scalars(
                select(AuditEvent.changes).where(
                    AuditEvent.actor == "teams:User1", AuditEvent.entity == "invitation"
                )
            )
        )
    assert changes == [
        {"start_date": ["2027-06-09", "2027-06-03"], "end_date": ["2027-06-11", "2027-06-05"]}
    ]


async def test_the_place_is_changed_by_event_name_and_nej_keeps_it(demo_db):
    view = await _add(demo_db)
    user = User(demo_db)
    asked = await user.says("byt plats på inbjudan till eurocities arsmote till Malmö")
    assert "från Lissabon till Malmö" in asked
    assert await user.says("nej") == f"Okej, inbjudan {view.reference} är oförändrad."
    after = await invitations.get(demo_db, await _stockholm(demo_db), view.id)
    assert after is not None and after.place == "Lissabon"


async def test_a_value_of_the_wrong_kind_changes_nothing(demo_db):
    view = await _add(demo_db)
    user = User(demo_db)
    reply = await user.says(f"ändra datum för {view.reference} till snart")
    assert reply.endswith(HOW)
    after = await invitations.get(demo_db, await _stockholm(demo_db), view.id)
    assert after is not None and after.start_date == D(2027, 6, 9)


async def test_a_correction_inside_the_registration_is_still_the_dialogs(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon")
    reply = await user.says("ändra plats till Porto")
    assert "Vem är inbjuden?" in reply
