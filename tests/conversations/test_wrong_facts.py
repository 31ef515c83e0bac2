"""Answers that are not values are never stored as field values: no wrong fact is written."""

from __future__ import annotations

import pytest
from botbuilder.schema import Activity, ActivityTypes

from tests.conversations.script import User


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def test_spara_at_the_event_question_is_not_the_event(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    reply = await user.says("spara")
    assert "Evenemang: Spara" not in reply
    assert "inte klar" in reply.lower() or "heter evenemanget" in reply
    reply = await user.says("Eurocities årsmöte")
    assert "När är det?" in reply


async def test_spara_at_the_invited_question_is_not_the_invitee(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon")
    reply = await user.says("spara")
    assert "Vem är inbjuden?" in reply
    await user.says("avbryt")
    assert all(i.invited != "spara" for i in await user.invitations())


async def test_a_correction_at_another_question_changes_that_field(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan till Metropolis world congress 3-5 juni 2027")
    reply = await user.says("ändra datum till 4-6 juni 2027")
    assert "Var hålls det?" in reply
    await user.says("Lissabon")
    await user.says("kso")
    await user.says("hoppa över")
    await user.says("hoppa över")
    await user.says("nej")
    reply = await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None, reply
    assert saved.place == "Lissabon"
    assert (saved.start_date.day, saved.end_date.day) == (4, 6)


async def test_a_date_at_the_diarienummer_question_is_not_a_diarienummer(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    for answer in ("Eurocities årsmöte", "9–11 juni 2027", "Lissabon", "KSO", "vet inte"):
        await user.says(answer)
    await user.says("15 januari 2027")
    reply = await user.says("12-14 mars 2027")
    assert "Har ärendet ett diarienummer" in reply or "diarienummer" in reply.lower()
    assert "12-14 mars 2027" not in str(user.card or "")


async def test_a_decision_sentence_at_a_name_question_is_not_the_name(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon")
    reply = await user.says("Vi tackar ja till Eurocities, KSO representerar")
    assert "Vem är inbjuden?" in reply


async def test_a_decision_sentence_is_not_saved_as_the_representative(demo_db):
    user = User(demo_db)
    reply = await user.says("Vi tackar ja till Strong Cities Network Global Summit")
    assert "Vem representerar er?" in reply
    reply = await user.says("Vi tackar nej till Eurocities årsmöte")
    assert "Vem representerar er?" in reply
    reply = await user.says("finansborgarrådet")
    assert "finansborgarrådet" in reply


async def test_a_picker_that_cannot_read_the_answer_shows_buttons_and_the_way_out(demo_db):
    user = User(demo_db)
    reply = await user.says("Vi tackar ja till konferensen i Berlin")
    assert "Skriv numret" in reply or "vilken" in reply.lower()
    await user.says("den där")
    reply = await user.says("öhh")
    assert "avbryt" in reply
    assert user.card is not None and any(
        a.get("data", {}).get("pick") for a in user.card.get("actions", [])
    )
    pick = next(a["data"] for a in user.card["actions"])
    reply = await user.says(Activity(type=ActivityTypes.message, value=pick))
    assert "Vem representerar er?" in reply or "Stämmer det" in reply or "tacka" in reply.lower()
