"""What a second user trial found; each conversation failed before its fix.

Commands were stored as facts ("ändra" as the event, "plats" as the place), a correction that
began with "nej" was read as a skip, an answer date in words was replaced by today, a change of
mind on the card was lost, one word started reminders, and "ångra" took back more than one write.
"""

from __future__ import annotations

import datetime as dt

import pytest

from store import orgs, reminders, remisser
from store.demo import STOCKHOLM_TENANT
from tests.conversations.script import User

D = dt.date
NUMBER = "171-482/2016"


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def _sthlm(db) -> int:
    org = await orgs.by_tenant(db, STOCKHOLM_TENANT)
    assert org is not None
    return org.id


async def test_andra_and_plats_typed_at_questions_are_no_facts(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    reply = await user.says("ändra")
    assert "Vad heter evenemanget?" in reply and "Skriv till exempel" in reply
    await user.says("C40 World Mayors Summit")
    await user.says("2-4 nov 2027")
    reply = await user.says("plats")
    assert "Var hålls det?" in reply
    await user.says("Rio de Janeiro")
    await user.says("borgmästaren")
    for answer in ("hoppa över", "nej", "spara"):
        await user.says(answer)
    saved = await user.invitation("C40")
    assert saved is not None
    assert (saved.event, saved.place, saved.invited) == (
        "C40 World Mayors Summit",
        "Rio de Janeiro",
        "borgmästaren",
    )


async def test_nej_forresten_names_the_invitee_instead_of_skipping(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till Metropolis kongress 9-11 juni 2027 i Lissabon, inbjuden är "
        "borgmästaren"
    )
    await user.says("nej förresten inbjuden är stadsdirektören, inte borgmästaren")  # at the card
    assert user.card is not None
    facts = {f["title"]: f["value"] for f in user.card["body"][1]["facts"]}
    assert facts["Inbjuden"] == "stadsdirektören"
    await user.says("spara")
    saved = await user.invitation("Metropolis")
    assert saved is not None and saved.invited == "stadsdirektören"


async def test_a_change_of_mind_on_the_card_is_applied(demo_db):
    user = User(demo_db)
    await user.says(
        "Registrera inbjudan till Eurocities årsmöte 9-11 juni 2027 i Lissabon, inbjuden är kso"
    )
    await user.says("nej vänta, det var i maj, 12-14 maj")
    await user.says("spara")
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None and (saved.start_date, saved.end_date) == (
        D(2027, 5, 12),
        D(2027, 5, 14),
    )


async def test_the_answer_date_in_words_is_the_day_before_today(demo_db):
    user = User(demo_db, today=D(2016, 10, 10))
    reply = await user.says(f"Södermalm har svarat på remissen {NUMBER} den 3 oktober")
    assert "måndag 3 oktober 2016" in reply
    await user.says("ja")
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), NUMBER)
    assert remiss is not None
    sodermalm = next(r for r in remiss.recipients if r.name.startswith("Södermalm"))
    assert sodermalm.answered_on == D(2016, 10, 3)


async def test_one_word_starts_no_reminders(demo_db):
    user = User(demo_db, today=D(2016, 10, 10))
    reply = await user.says("påminnelse")
    assert "Jag påminner dig" not in reply
    assert await reminders.subscriptions(demo_db, await _sthlm(demo_db)) == []


async def test_nej_forresten_at_a_question_corrects_the_field_it_names(demo_db):
    user = User(demo_db)
    await user.says("ny inbjudan")
    for answer in ("Metropolis kongress", "9-11 juni 2027", "Lissabon", "borgmästaren"):
        await user.says(answer)
    reply = await user.says("nej förresten inbjuden är stadsdirektören, inte borgmästaren")
    assert "Ändrat: inbjuden." in reply
    for answer in ("hoppa över", "hoppa över", "nej", "spara"):
        await user.says(answer)
    saved = await user.invitation("Metropolis")
    assert saved is not None and saved.invited == "stadsdirektören"
