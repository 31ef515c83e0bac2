"""An official registers invitations: step by step, in one line, corrected on the card, decided.

Written the way officials type in Teams: no å/ä/ö, abbreviations (kso), English words, typos.
Every conversation checks what was saved (or that nothing was).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conversations.script import User
from tests.support.cards import card_facts, card_text

EUROCITIES = (
    "Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon, "
    "inbjuden är kommunstyrelsens ordförande"
)


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def test_step_by_step_without_a_o_saves_every_answer(demo_db):
    user = User(demo_db)
    assert "Vad heter evenemanget?" in await user.says("ny inbjudan")
    assert "När är det?" in await user.says("eurocities arsmote")
    assert "Var hålls det?" in await user.says("9-11 juni 2027")
    assert "Vem är inbjuden?" in await user.says("lissabon")
    # Eurocities is a known network: the organiser is not asked for.
    assert "svara senast" in await user.says("kso")
    assert "diarienummer" in await user.says("15 jan 2027")
    await user.says("nej")
    facts = card_facts(user.turn_card)
    assert facts["Datum"].startswith("9–11 juni 2027")
    assert facts["Svar senast"].startswith("fredag 15 januari 2027")
    assert facts["Arrangör"] == "Eurocities"
    reply = await user.says("spara")
    assert "sparad som ärende **ÄB-" in reply
    saved = await user.invitation("eurocities")
    assert saved is not None
    assert (saved.start_date, saved.end_date) == (dt.date(2027, 6, 9), dt.date(2027, 6, 11))
    assert saved.place.casefold() == "lissabon"
    assert saved.invited == "kso"
    assert saved.respond_by == dt.date(2027, 1, 15)
    assert (saved.organiser, saved.network) == ("Eurocities", "Eurocities")
    assert saved.diarienummer == ()
    assert saved.decision == "pending"
    assert saved.created_by == "teams:User1"
    assert saved.reference in reply


async def test_one_line_with_everything_goes_to_the_card_and_ja_saves(demo_db):
    user = User(demo_db)
    reply = await user.says(
        "Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon, inbjuden är kso, "
        "svar senast 15 januari 2027, dnr KS 2026/2001"
    )
    assert "Vem är inbjuden?" not in reply and "När är det?" not in reply
    facts = card_facts(user.turn_card)
    assert facts["Diarienummer"] == "KS 2026/2001"
    assert facts["Inbjuden"] == "kso"
    reply = await user.says("ja")
    assert "Diarienummer: KS 2026/2001." in reply
    assert "fredag 15 januari 2027" in reply
    reply = await user.says("vilka inbjudningar har vi")
    assert "Eurocities årsmöte, 9–11 juni 2027, Lissabon: väntar på beslut" in reply
    assert "svar senast fredag 15 januari 2027" in reply
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None
    assert saved.diarienummer == ("KS 2026/2001",)
    assert saved.respond_by == dt.date(2027, 1, 15)
    assert saved.place == "Lissabon"


async def test_andra_plats_till_malmo_on_the_card_changes_only_the_place(demo_db):
    user = User(demo_db)
    await user.says(EUROCITIES)
    assert card_facts(user.turn_card)["Plats"] == "Lissabon"
    await user.says("ändra plats till Malmö")
    facts = card_facts(user.turn_card)
    assert facts["Plats"] == "Malmö"
    assert facts["Datum"].startswith("9–11 juni 2027")
    await user.says("spara")
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None
    assert saved.place == "Malmö"
    assert (saved.start_date, saved.end_date) == (dt.date(2027, 6, 9), dt.date(2027, 6, 11))
    assert saved.invited == "kommunstyrelsens ordförande"


async def test_three_corrections_on_the_card_typed_without_a_o(demo_db):
    user = User(demo_db)
    await user.says(EUROCITIES)
    await user.says("andra inbjuden till finansborgarradet")
    assert card_facts(user.turn_card)["Inbjuden"] == "finansborgarradet"
    await user.says("andra svar senast till 1 mars 2027")
    assert card_facts(user.turn_card)["Svar senast"].startswith("måndag 1 mars 2027")
    await user.says("nej, platsen ar Goteborg")
    assert card_facts(user.turn_card)["Plats"] == "Goteborg"
    reply = await user.says("spara")
    assert "måndag 1 mars 2027" in reply
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None
    assert (saved.invited, saved.place) == ("finansborgarradet", "Goteborg")
    assert saved.respond_by == dt.date(2027, 3, 1)
    assert saved.start_date == dt.date(2027, 6, 9)


async def test_andra_then_plats_asks_the_place_again(demo_db):
    user = User(demo_db)
    await user.says(EUROCITIES)
    assert "Vad vill du ändra?" in await user.says("ändra")
    assert "Var hålls det?" in await user.says("plats")
    await user.says("Porto")
    assert card_facts(user.turn_card)["Plats"] == "Porto"
    await user.says("spara")
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None and saved.place == "Porto"
    assert saved.invited == "kommunstyrelsens ordförande"


async def test_avbryt_on_the_card_saves_nothing(demo_db):
    user = User(demo_db)
    before = await user.invitations()
    await user.says(EUROCITIES)
    reply = await user.says("avbryt")
    assert "avbryter" in reply
    reply = await user.says("vilka inbjudningar har vi?")
    assert "Strong Cities Network Global Summit" in reply
    assert "Eurocities årsmöte" not in reply
    assert await user.invitations() == before
    assert await user.invitation("Eurocities") is None


async def test_avbryt_halfway_then_ja_does_not_bring_the_draft_back(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("ICLEI world congress")
    assert "avbryter" in await user.says("avbryt")
    reply = await user.says("ja")
    assert "sparad" not in reply
    assert await user.invitation("ICLEI") is None


async def test_the_spara_button_of_an_older_card_does_not_save(demo_db):
    user = User(demo_db)
    await user.says(EUROCITIES)
    old_card = user.turn_card
    await user.says("ändra plats till Malmö")
    reply = await user.presses("Spara", card=old_card)
    assert "gäller inte längre" in reply
    assert await user.invitation("Eurocities") is None
    reply = await user.presses("Spara")
    assert "sparad som ärende" in reply
    saved = await user.invitation("Eurocities")
    assert saved is not None and saved.place == "Malmö"


async def test_hjalp_at_two_questions_explains_them_and_the_registration_goes_on(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("ICLEI world congress")
    reply = await user.says("hjalp")
    assert "När är det?" in reply and "vecka 23" in reply
    await user.says("3-5 juni 2027")
    reply = await user.says("hjälp")
    assert "digitalt" in reply and "Var hålls det?" in reply
    assert "Vem är inbjuden?" in await user.says("Malmo")
    for answer in ("kso", "hoppa over", "hoppa over"):  # ICLEI is known: no organiser question
        await user.says(answer)
    assert card_facts(user.turn_card)["Arrangör"] == "ICLEI"
    await user.says("spara")
    saved = await user.invitation("ICLEI")
    assert saved is not None
    assert (saved.start_date, saved.end_date) == (dt.date(2027, 6, 3), dt.date(2027, 6, 5))
    assert (saved.place, saved.invited) == ("Malmo", "kso")
    assert saved.respond_by is None and saved.diarienummer == ()
    assert all("hj" not in str(v).casefold() for v in (saved.place, saved.invited, saved.event))


async def test_one_day_a_named_invitee_and_a_diarienummer_in_lower_case(demo_db):
    user = User(demo_db)
    for answer in ("ny inbjudan", "Nordiska trygghetskonferensen", "15 mars 2027", "Oslo"):
        await user.says(answer)
    assert "Vem arrangerar?" in await user.says("inbjuden ar Anna Berg")
    await user.says("hoppa over")
    await user.says("1 feb")
    await user.says("ks 2027/88")
    facts = card_facts(user.turn_card)
    assert facts["Datum"].startswith("måndag 15 mars 2027")
    assert facts["Inbjuden"] == "Anna Berg"
    await user.says("spara")
    saved = await user.invitation("trygghetskonferensen")
    assert saved is not None
    assert saved.start_date == saved.end_date == dt.date(2027, 3, 15)
    assert saved.invited == "Anna Berg"
    assert saved.organiser is None
    assert saved.respond_by == dt.date(2027, 2, 1)
    assert saved.diarienummer == ("ks 2027/88",)


async def test_a_digital_webinar_with_the_organiser_named_at_its_question(demo_db):
    user = User(demo_db)
    for answer in ("ny inbjudan", "Webinar om trygghet i staden", "8 feb 2027", "digitalt"):
        await user.says(answer)
    assert "Vem arrangerar?" in await user.says("trygghetsborgarradet")
    await user.says("Nordic Safe Cities")
    await user.says("hoppa over")
    await user.says("nej")
    assert card_facts(user.turn_card)["Plats"] == "Digitalt"
    await user.says("spara")
    saved = await user.invitation("Webinar")
    assert saved is not None
    assert saved.place == "Digitalt"
    assert (saved.organiser, saved.network) == ("Nordic Safe Cities", "Nordic Safe Cities")
    assert saved.start_date == dt.date(2027, 2, 8)


async def test_english_week_and_ok_save_it(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    await user.says("Metropolis annual meeting")
    assert "Var hålls det?" in await user.says("week 23 2027")
    for answer in ("Barcelona", "kso", "hoppa over", "hoppa over", "nej"):
        await user.says(answer)
    assert "v. 23" in card_facts(user.turn_card)["Datum"]
    reply = await user.says("ok, save it")
    assert "sparad" in reply
    saved = await user.invitation("Metropolis")
    assert saved is not None
    assert (saved.start_date, saved.end_date) == (dt.date(2027, 6, 7), dt.date(2027, 6, 13))
    assert saved.place == "Barcelona"


async def test_two_invitations_then_one_accepted_leaves_one_waiting(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon, inbjuden är kso"
    )
    await user.says("spara")
    await user.says(
        "Registrera inbjudan till ICLEI World Congress 3-5 maj 2027 i Malmö, "
        "inbjuden är finansborgarrådet"
    )
    await user.says("spara")
    reply = await user.says("vilka inbjudningar vantar pa beslut?")
    assert "Eurocities årsmöte" in reply and "ICLEI World Congress" in reply
    assert "Strong Cities Network Global Summit" not in reply
    reply = await user.says("vi tackar ja till iclei, finansborgarradet representerar")
    assert "tackar ja till ICLEI World Congress" in reply
    assert "Eurocities" not in reply
    reply = await user.says("ja")
    assert "registrerat att ni tackar ja" in reply
    reply = await user.says("vilka inbjudningar vantar pa beslut?")
    assert "Eurocities årsmöte" in reply and "ICLEI" not in reply
    iclei = await user.invitation("ICLEI")
    assert iclei is not None
    assert (iclei.decision, iclei.representative) == ("accept", "finansborgarradet")
    assert iclei.decided_on == dt.date(2026, 11, 23)
    eurocities = await user.invitation("Eurocities årsmöte")
    assert eurocities is not None and eurocities.decision == "pending"


async def test_tacka_nej_is_confirmed_saved_and_listed_as_tackat_nej(demo_db):
    user = User(demo_db)
    await user.says(EUROCITIES)
    await user.says("spara")
    reply = await user.says("tacka nej till eurocities")
    assert "tackar nej till Eurocities årsmöte" in reply
    assert card_facts(user.turn_card)["Beslut"] == "Tacka nej"
    assert (await user.invitation("Eurocities")).decision == "pending"  # not before ja
    await user.says("ja")
    reply = await user.says("vilka inbjudningar har vi?")
    assert "Eurocities årsmöte, 9–11 juni 2027, Lissabon: tackat nej" in reply
    saved = await user.invitation("Eurocities")
    assert saved is not None
    assert (saved.decision, saved.representative) == ("decline", None)


async def test_no_at_the_invitee_question_is_not_the_invitee(demo_db):
    user = User(demo_db)
    await user.says("Registrera inbjudan till C40 World Mayors Summit 2-4 oktober 2027 i Den Haag")
    reply = await user.says("no")
    assert "Vem är inbjuden?" in reply
    for answer in ("borgmastaren", "hoppa over", "nej"):
        await user.says(answer)
    await user.says("spara")
    saved = await user.invitation("C40")
    assert saved is not None and saved.invited == "borgmastaren"


async def test_a_place_with_de_in_its_name_is_kept_whole(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till C40 World Mayors Summit 2-4 oktober 2027 i Rio de Janeiro, "
        "inbjuden ar borgmastaren"
    )
    assert user.turn_card is not None
    assert "Rio de Janeiro" in card_text(user.turn_card)
    await user.says("spara")
    reply = await user.says("vilka inbjudningar har vi?")
    assert "C40 World Mayors Summit, 2–4 oktober 2027, Rio de Janeiro" in reply
    saved = await user.invitation("C40")
    assert saved is not None and saved.place == "Rio de Janeiro"


async def test_ny_inbjudan_colon_keeps_the_event_named_after_it(demo_db):
    user = User(demo_db)
    reply = await user.says("ny inbjudan: C40 World Mayors Summit 2-4 okt 2027 i Den Haag")
    assert "Vad heter evenemanget?" not in reply
    assert "Vem är inbjuden?" in reply
    for answer in ("borgmastaren", "hoppa over", "nej"):
        await user.says(answer)
    await user.says("spara")
    saved = await user.invitation("C40")
    assert saved is not None
    assert saved.event == "C40 World Mayors Summit"
    assert (saved.start_date, saved.place) == (dt.date(2027, 10, 2), "Den Haag")
