"""Answers that are not values are never stored as field values: no wrong fact is written."""

from __future__ import annotations

import pytest

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
    await user.says("ny inbjudan till ICLEI world congress 3-5 juni 2027")
    reply = await user.says("ändra datum till 4-6 juni 2027")
    assert "Var hålls det?" in reply
    await user.says("Lissabon")
    await user.says("kso")
    await user.says("hoppa över")
    await user.says("hoppa över")
    await user.says("nej")
    reply = await user.says("spara")
    saved = await user.invitation("ICLEI")
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
