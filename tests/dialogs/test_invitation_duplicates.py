"""An invitation registered again is pointed out, and the user updates it or saves a new one."""

from __future__ import annotations

import datetime as dt

import pytest
from botbuilder.schema import Activity, ActivityTypes

from dialogs.invitations.texts import DUPLICATE_CHOICE
from store import invitations
from store.invitations import NewInvitation
from tests.dialogs.test_invitation_dialog import SENTENCE, Chat, _registered, _stockholm

D = dt.date
ACTOR = "teams:someone-else"


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def _existing(db, **kw) -> invitations.InvitationView:
    new = NewInvitation(
        event=kw.pop("event", "Metropolis årsmöte"),
        start_date=kw.pop("start", D(2027, 6, 9)),
        end_date=kw.pop("end", D(2027, 6, 11)),
        **kw,
    )
    return await invitations.register(db, await _stockholm(db), new, actor=ACTOR)


def _card_text(card: dict) -> str:
    return " ".join(b.get("text", "") for b in card["body"] if b["type"] == "TextBlock")


def _press(card: dict, action: str) -> Activity:
    [data] = [a["data"] for a in card["actions"] if a["data"].get("invitation") == action]
    return Activity(type=ActivityTypes.message, value=dict(data))


async def test_the_card_points_out_the_invitation_the_store_has(demo_db):
    old = await _existing(demo_db, place="Lissabon")
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert chat.card is not None
    text = _card_text(chat.card)
    assert "Det finns redan en liknande inbjudan" in text and old.reference in text
    titles = [a["title"] for a in chat.card["actions"]]
    assert titles == [f"Uppdatera {old.reference}", "Spara som ny", "Ändra", "Avbryt"]


async def test_spara_with_a_duplicate_asks_which(demo_db):
    await _existing(demo_db)
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert await chat.texts("spara") == [DUPLICATE_CHOICE]
    assert len(await _registered(demo_db)) == 1


async def test_uppdatera_brings_the_old_one_up_to_date(demo_db):
    old = await _existing(demo_db, place="Porto")
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    [reply] = await chat.texts("uppdatera")
    assert reply.startswith("Klart! Jag uppdaterade inbjudan") and old.reference in reply
    [only] = await _registered(demo_db)
    assert only.id == old.id
    assert (only.place, only.invited) == ("Lissabon", "kommunstyrelsens ordförande")
    assert only.respond_by == D(2027, 1, 15)
    assert only.decision == "pending"


async def test_spara_ny_saves_a_second_case(demo_db):
    await _existing(demo_db)
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    [reply] = await chat.texts("spara ny")
    assert reply.startswith("Klart! Inbjudan till Metropolis årsmöte är sparad")
    assert len(await _registered(demo_db)) == 2


async def test_the_buttons_do_the_same(demo_db):
    old = await _existing(demo_db)
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert chat.card is not None
    [reply] = await chat.say(_press(chat.card, "update"))
    assert old.reference in (reply.text or "")
    assert len(await _registered(demo_db)) == 1


async def test_the_same_diarienummer_is_a_duplicate_whatever_the_name(demo_db):
    old = await _existing(demo_db, event="Konferens i Lissabon", diarienummer=("KS 2027/55",))
    chat = Chat(demo_db)
    await chat.say(SENTENCE + ", dnr KS 2027/55")
    assert chat.card is not None and old.reference in _card_text(chat.card)


async def test_another_year_is_no_duplicate(demo_db):
    await _existing(demo_db, start=D(2026, 6, 10), end=D(2026, 6, 12))
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert chat.card is not None and "liknande" not in _card_text(chat.card)
    await chat.say("spara")
    assert len(await _registered(demo_db)) == 2


async def test_update_adds_the_new_diarienummer(demo_db):
    old = await _existing(demo_db)
    chat = Chat(demo_db)
    await chat.say(SENTENCE + ", dnr KS 2027/99")
    await chat.say("uppdatera den")
    view = await invitations.get(demo_db, await _stockholm(demo_db), old.id)
    assert view is not None and view.diarienummer == ("KS 2027/99",)
