"""What users typed at the invitation questions in a trial, and what the store must hold after.

Each conversation failed before: a sentence was stored as a date, a request as the invitee, a
"ja" as the event; a change of mind was refused; a field named at another question was lost;
"inget" after "ändra" trapped the user.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conversations.script import User

D = dt.date


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def test_an_out_of_scope_sentence_is_no_event_date(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Eurocities Environment Forum")
    reply = await user.says("jag slutar jobba kl 16 idag")
    assert "När är det?" in reply and "mening" in reply
    assert "Var hålls det?" in await user.says("22-23 april 2027")
    await user.says("Tallinn")
    await user.says("miljöborgarrådet")  # Eurocities is known: the organiser is not asked
    await user.says("hoppa över")
    await user.says("nej")
    await user.says("spara")
    saved = await user.invitation("Environment Forum")
    assert saved is not None and (saved.start_date, saved.end_date) == (
        D(2027, 4, 22),
        D(2027, 4, 23),
    )


async def test_nej_vanta_changes_the_dates_given_before(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Nordic Safe Cities arskonferens")
    await user.says("12-13 maj 2027")
    reply = await user.says("nej vänta, det var i juni, 12-13 juni")
    assert "Var hålls det?" in reply
    await user.says("Köpenhamn")
    await user.says("trygghetsborgarrådet")
    await user.says("hoppa över")
    await user.says("nej")
    await user.says("spara")
    saved = await user.invitation("arskonferens")
    assert saved is not None and (saved.start_date, saved.end_date) == (
        D(2027, 6, 12),
        D(2027, 6, 13),
    )


async def test_a_change_of_mind_to_a_month_keeps_the_days(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Klimatforum Väst")
    await user.says("12-13 maj 2027")
    reply = await user.says("nej vänta, det var i september")
    assert "Ändrat: datum." in reply and "Var hålls det?" in reply
    for answer in ("Göteborg", "kso", "hoppa över", "hoppa över", "nej", "spara"):
        await user.says(answer)
    saved = await user.invitation("Klimatforum")
    assert saved is not None
    assert (saved.start_date, saved.end_date) == (D(2027, 9, 12), D(2027, 9, 13))


async def test_a_change_of_mind_to_a_month_without_days_to_keep_asks_again(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Klimatforum Väst")
    await user.says("30 maj-2 juni 2027")  # across two months: no days to move
    reply = await user.says("nej vänta, det var i september")
    assert "frågar jag om datum igen" in reply and "När är det?" in reply
    assert "Var hålls det?" in await user.says("8-9 september 2027")


async def test_a_request_at_the_invited_question_is_not_the_invitee(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon")
    reply = await user.says("jag vill ändra en inbjudan")
    assert "Vem är inbjuden?" in reply
    await user.says("kso")
    await user.says("hoppa över")  # respond by
    await user.says("nej")  # diarienummer
    await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None and saved.invited == "kso"


async def test_ja_is_no_event_name(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    reply = await user.says("ja")
    assert "Vad heter evenemanget?" in reply
    assert "När är det?" in await user.says("Metropolis kongress")


async def test_svar_senast_at_the_diarienummer_question_is_kept(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    for answer in ("Metropolis kongress", "9-11 juni 2027", "Lissabon", "kso", "hoppa över"):
        await user.says(answer)
    assert "diarienummer" in await user.says("hoppa över")  # the respond-by question skipped
    await user.says("svar senast 1 april 2027")
    await user.says("nej")
    await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None and saved.respond_by == D(2027, 4, 1)


async def test_inget_after_andra_shows_the_card_again(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon, inbjuden är kso"
    )
    assert "Vad vill du ändra?" in await user.says("ändra")
    await user.says("inget, det stämmer")
    assert user.card is not None and user.card["body"][0]["text"] == "Ny inbjudan"
    await user.says("spara")
    assert await user.invitation("Metropolis") is not None


async def test_dates_alone_after_andra_change_the_dates(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon, inbjuden är kso"
    )
    await user.says("ändra")
    await user.says("9-11 maj 2027")
    await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None and (saved.start_date, saved.end_date) == (
        D(2027, 5, 9),
        D(2027, 5, 11),
    )


async def test_spara_at_an_optional_question_goes_to_the_card(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon")
    await user.says("kso")
    reply = await user.says("spara")  # at "När ska ni svara senast?"
    assert "saknas" not in reply
    assert user.card is not None and user.card["body"][0]["text"] == "Ny inbjudan"
    await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None and (saved.invited, saved.respond_by) == ("kso", None)


async def test_the_invitee_told_in_a_sentence_is_the_name_alone(demo_db):
    user = User(demo_db)
    await user.says(
        "Vi har fått en inbjudan till Strong Cities Network Global Summit 19-21 september 2027 "
        "i New York"
    )
    reply = await user.says("och vem är kontaktperson där?")
    assert "Stadsledningskontoret" in reply and "Vem är inbjuden?" in reply
    await user.says("förresten, det är trygghetsborgarrådet som är inbjuden")
    await user.says("spara")
    await user.says("spara")
    saved = [i for i in await user.invitations() if i.start_date == D(2027, 9, 19)]
    assert [i.invited for i in saved] == ["trygghetsborgarrådet"]


async def test_a_request_that_writes_offers_to_leave_the_draft(demo_db):
    from botbuilder.schema import Activity, ActivityTypes

    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Metropolis kongress")
    await user.says("påminn mig om remisstider")  # at "När är det?"
    assert user.card is not None
    text = user.card["body"][0]["text"]
    assert text.startswith("Vill du lämna registreringen av inbjudan till Metropolis kongress")
    assert "När är det?" in text
    # Answering goes on with the draft.
    assert "Var hålls det?" in await user.says("9-11 juni 2027")
    await user.says("påminn mig om remisstider")  # at "Var hålls det?"
    [leave] = [a["data"] for a in user.card["actions"]]
    reply = await user.says(Activity(type=ActivityTypes.message, value=dict(leave)))
    assert "Jag påminner dig om" in reply
    assert await user.invitation("Metropolis") is None
