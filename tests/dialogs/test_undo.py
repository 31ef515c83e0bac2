"""'ångra' takes back the user's own last write, after asking; the audit trail drives it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dialogs.undo import texts
from store import orgs, reminders
from store.demo import STOCKHOLM_TENANT
from store.models import AuditEvent
from tests.conversations.script import User
from tests.dialogs.test_invitation_dialog import SENTENCE

D = dt.date


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def test_angra_takes_back_a_registration_after_asking(demo_db):
    user = User(demo_db)
    await user.says(SENTENCE)
    await user.says("spara")
    [saved] = [i for i in await user.invitations() if i.event == "Metropolis årsmöte"]
    asked = await user.says("ångra")
    assert asked.startswith("Vill du ångra registreringen av inbjudan till Metropolis årsmöte")
    assert saved.reference in asked
    done = await user.says("ja")
    assert done.startswith("Klart. Jag har ångrat registreringen")
    assert [i for i in await user.invitations() if i.event == "Metropolis årsmöte"] == []
    async with demo_db.session() as session:
        actors = set(
            await session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "delete"))
        )
    assert actors == {"teams:User1 (ångra)"}


async def test_nej_keeps_the_write(demo_db):
    user = User(demo_db)
    await user.says(SENTENCE)
    await user.says("spara")
    await user.says("ångra")
    assert await user.says("nej") == texts.KEPT
    assert await user.invitation("Metropolis") is not None


async def test_nothing_to_undo_says_so(demo_db):
    user = User(demo_db)
    assert await user.says("ångra") == texts.NOTHING


async def test_a_second_angra_does_not_undo_the_undo(demo_db):
    user = User(demo_db)
    await user.says(SENTENCE)
    await user.says("spara")
    await user.says("ångra")
    await user.says("ja")
    assert await user.says("ångra") == texts.NOTHING


async def test_someone_elses_write_is_not_undone(demo_db):
    other = User(demo_db, conversation="other-conversation")
    await other.says(SENTENCE)
    await other.says("spara")
    # The TestAdapter's user is the same in both conversations; a write by another actor is
    # written to the store directly.
    async with demo_db.session() as session:
        rows = list(await session.scalars(select(AuditEvent)))
        for row in rows:
            row.actor = "teams:someone-else"
        await session.commit()
    user = User(demo_db)
    assert await user.says("ångra") == texts.NOTHING
    assert await user.invitation("Metropolis") is not None


async def test_a_reminder_subscription_can_be_undone(demo_db):
    user = User(demo_db, today=D(2016, 10, 10))
    await user.says("Påminn mig om remisstider")
    org = await orgs.by_tenant(demo_db, STOCKHOLM_TENANT)
    assert org is not None and len(await reminders.subscriptions(demo_db, org.id)) == 1
    asked = await user.says("ångra")
    assert "påminnelsen du startade" in asked
    await user.says("ja")
    assert await reminders.subscriptions(demo_db, org.id) == []


async def test_angra_after_a_decision_takes_back_the_decision_only(demo_db):
    user = User(demo_db)
    await user.says(SENTENCE)
    await user.says("spara")
    await user.says(
        "vi tackar ja till Metropolis årsmöte, kommunstyrelsens ordförande representerar"
    )
    await user.says("ja")
    saved = await user.invitation("Metropolis")
    assert saved is not None and saved.decision == "accept"
    asked = await user.says("ångra")
    assert asked.startswith("Vill du ångra beslutet om inbjudan")
    await user.says("ja")
    back = await user.invitation("Metropolis")
    assert back is not None and back.decision == "pending"


async def test_angra_after_stopping_reminders_turns_them_on_again(demo_db):
    user = User(demo_db, today=D(2016, 10, 10))
    await user.says("Påminn mig om remisstider")
    await user.says("sluta påminna mig")
    org = await orgs.by_tenant(demo_db, STOCKHOLM_TENANT)
    assert org is not None and await reminders.subscriptions(demo_db, org.id) == []
    asked = await user.says("ångra")
    assert "ändringen av dina påminnelser" in asked
    await user.says("ja")
    assert len(await reminders.subscriptions(demo_db, org.id)) == 1
