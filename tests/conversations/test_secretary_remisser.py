"""A secretary on remisser: deadlines, who has answered, recording answers, reminders.

The demo remiss 171-482/2016 (Internationell strategi för Stockholms stad) has its remisstid on
Monday 17 October 2016; Rinkeby-Kista and Hägersten-Liljeholmen have answered, Södermalm,
samtliga facknämnder and Stockholms Stadshus AB have not. "Today" is Monday 10 October 2016.
"""

from __future__ import annotations

import datetime as dt

import pytest

from store import remisser
from store.demo import GOTEBORG_TENANT
from tests.conversations.script import User

TODAY = dt.date(2016, 10, 10)
NUMBER = "171-482/2016"


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _pending(remiss: remisser.RemissView) -> list[str]:
    return [r.name for r in remiss.pending]


async def test_next_week_then_remind_me_about_that_one(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("vilka remisser gar ut nasta vecka?")
    assert "måndag 17 oktober 2016" in reply and "5 arbetsdagar kvar" in reply
    assert "Svar saknas från: Södermalms stadsdelsnämnd" in reply
    reply = await user.says("paminn mig om 171-482/2016")
    assert "remissen 171-482/2016 (Internationell strategi för Stockholms stad)" in reply
    assert "kl. 8 på vardagar" in reply
    reply = await user.says("vilka paminnelser har jag")
    assert reply.startswith("Du har 1 påminnelse:")
    remiss = await user.remiss(NUMBER)
    [sub] = await user.subscriptions()
    assert (sub.case_id, sub.unit_id, sub.lead_days) == (remiss.case_id, None, (10, 5, 1, 0))
    assert sub.user_aad_id == "User1"


async def test_sodermalm_has_answered_ja_records_it_with_todays_date(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("Sodermalm har svarat pa remissen 171-482/2016")
    assert "Ska jag notera att Södermalms stadsdelsnämnd svarade" in reply
    assert "Södermalms stadsdelsnämnd" in _pending(await user.remiss(NUMBER))  # not before ja
    reply = await user.says("ja")
    assert "Svar saknas från: samtliga facknämnder och Stockholms Stadshus AB." in reply
    reply = await user.says("remisstid for 171-482/2016")
    assert "Har svarat: Rinkeby-Kista stadsdelsnämnd, Hägersten-Liljeholmens" in reply
    assert "och Södermalms stadsdelsnämnd." in reply
    remiss = await user.remiss(NUMBER)
    sodermalm = next(r for r in remiss.recipients if r.name == "Södermalms stadsdelsnämnd")
    assert (sodermalm.answered, sodermalm.answered_on) == (True, TODAY)
    assert _pending(remiss) == ["samtliga facknämnder", "Stockholms Stadshus AB"]


async def test_nej_at_the_answer_question_records_nothing(demo_db):
    user = User(demo_db, today=TODAY)
    await user.says("Sodermalm har svarat pa remissen 171-482/2016")
    reply = await user.says("nej")
    assert "ändrar ingenting" in reply
    reply = await user.says("har sodermalm svarat pa 171-482/2016?")
    assert reply.startswith("Nej, Södermalms stadsdelsnämnd har inte svarat")
    remiss = await user.remiss(NUMBER)
    assert _pending(remiss) == [
        "Södermalms stadsdelsnämnd",
        "samtliga facknämnder",
        "Stockholms Stadshus AB",
    ]


async def test_everyone_answers_one_by_one_and_nothing_waits_any_more(demo_db):
    user = User(demo_db, today=TODAY)
    await user.says("sodermalm har svarat pa remissen 171-482/2016")
    await user.says("ja")
    reply = await user.says("facknamnderna har svarat pa remissen 171-482/2016")
    assert "samtliga facknämnder" in reply
    await user.says("ja")
    reply = await user.says("stadshuset har svarat pa remissen 171-482/2016")
    assert "Stockholms Stadshus AB" in reply
    reply = await user.presses("Ja")
    assert "Nu har alla mottagare svarat." in reply
    reply = await user.says("vilka vantar pa svar?")
    assert reply.startswith("Inga remisser väntar på svar")
    remiss = await user.remiss(NUMBER)
    assert not remiss.is_open
    assert {r.name: r.answered_on for r in remiss.recipients if r.answered_on} == {
        "Hägersten-Liljeholmens stadsdelsnämnd": dt.date(2016, 9, 22),
        "Södermalms stadsdelsnämnd": TODAY,
        "samtliga facknämnder": TODAY,
        "Stockholms Stadshus AB": TODAY,
    }


async def test_what_a_unit_still_has_to_answer_before_and_after(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("vilka remisser ska sodermalm svara pa")
    assert "171-482/2016" in reply and "måndag 17 oktober 2016" in reply
    await user.says("sodermalm har svarat pa remissen 171-482/2016")
    await user.says("ja")
    reply = await user.says("vilka remisser ska sodermalm svara pa")
    assert reply.startswith("Södermalms stadsdelsnämnd har inga remisser kvar att svara på.")
    assert "måndag 10 oktober 2016" in reply
    assert "Södermalms stadsdelsnämnd" not in _pending(await user.remiss(NUMBER))


async def test_reminders_started_changed_to_three_days_and_stopped_with_a_negation(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("paminn mig om remisstider")
    assert "10, 5 och 1 arbetsdagar före sista svarsdag och på själva dagen" in reply
    reply = await user.says("paminn mig tre dagar innan istallet")
    assert "3 arbetsdagar före sista svarsdag" in reply
    [sub] = await user.subscriptions()
    assert (sub.case_id, sub.unit_id, sub.lead_days) == (None, None, (3,))
    reply = await user.says("vilka paminnelser har jag?")
    assert "alla remisstider och svarsdatum för inbjudningar: 3 arbetsdagar" in reply
    reply = await user.says("jag vill inte ha fler paminnelser")
    assert "inga fler påminnelser" in reply
    assert await user.subscriptions() == []


async def test_asking_twice_for_reminders_keeps_one_subscription(demo_db):
    user = User(demo_db, today=TODAY)
    await user.says("paminn mig om remisstider")
    await user.says("Påminn mig om remisstider")
    reply = await user.says("har jag nagra paminnelser?")
    assert reply.startswith("Du har 1 påminnelse:")
    assert len(await user.subscriptions()) == 1


async def test_a_unit_is_watched_then_all_reminders_stopped(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("paminn mig om remisser till sodermalm")
    assert "remisser som Södermalms stadsdelsnämnd ska svara på" in reply
    unit = await remisser.unit_id(demo_db, await user.org_id(), "Södermalms stadsdelsnämnd")
    [sub] = await user.subscriptions()
    assert (sub.case_id, sub.unit_id) == (None, unit)
    reply = await user.says("sluta paminna mig")
    assert "inga fler påminnelser" in reply
    reply = await user.says("sluta paminna mig")
    assert reply.startswith("Du har inga påminnelser att stänga av.")
    assert await user.subscriptions() == []


async def test_stopping_one_case_keeps_the_other_reminders(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("paminn mig om 171-482/2016 dagen innan")
    assert "1 arbetsdag före sista svarsdag" in reply
    await user.says("paminn mig om remisstider")
    assert "Du har 2 påminnelser:" in await user.says("vilka paminnelser har jag")
    reply = await user.says("sluta paminna mig om 171-482/2016")
    assert reply == "Klart. Jag slutar påminna dig om 171-482/2016."
    [left] = await user.subscriptions()
    assert (left.case_id, left.lead_days) == (None, (10, 5, 1, 0))


async def test_after_the_deadline_it_says_passed_and_a_late_answer_gets_its_date(demo_db):
    late = dt.date(2016, 10, 20)
    user = User(demo_db, today=late)
    reply = await user.says("vilka remisser har passerat sista svarsdag?")
    assert "var **måndag 17 oktober 2016" in reply
    assert "passerad för 3 arbetsdagar sedan" in reply
    await user.says("Sodermalm har svarat pa remissen 171-482/2016")
    await user.says("ja")
    remiss = await user.remiss(NUMBER)
    sodermalm = next(r for r in remiss.recipients if r.name == "Södermalms stadsdelsnämnd")
    assert sodermalm.answered_on == late


async def test_a_deadline_on_julafton_moves_and_a_reminder_the_day_before(demo_db):
    user = User(demo_db, today=dt.date(2016, 12, 12))
    await remisser.add_remiss(
        demo_db,
        await user.org_id(),
        title="Julbelysning i innerstaden",
        sender="Kommunstyrelsen",
        numbers=["KS 2016/900"],
        deadline=dt.date(2016, 12, 24),
        recipients=[("Södermalms stadsdelsnämnd", False), ("Stockholms Stadshus AB", True)],
        actor="system:test",
    )
    reply = await user.says("remisstid for ks 2016/900")
    assert "**tisdag 27 december 2016, v. 52**" in reply
    assert "julafton" in reply and "lag 1930:173" in reply
    reply = await user.says("paminn mig om ks 2016/900 dagen innan")
    assert "KS 2016/900" in reply and "1 arbetsdag före sista svarsdag" in reply
    reply = await user.says("vilka paminnelser har jag?")
    assert "KS 2016/900 (Julbelysning i innerstaden): 1 arbetsdag före sista svarsdag" in reply
    remiss = await user.remiss("KS 2016/900")
    [sub] = await user.subscriptions()
    assert (sub.case_id, sub.lead_days) == (remiss.case_id, (1,))
    assert remiss.deadline == dt.date(2016, 12, 24)  # the store keeps the remisstid as decided


async def test_goteborg_cannot_see_or_watch_the_stockholm_remiss(demo_db):
    user = User(demo_db, GOTEBORG_TENANT, today=TODAY)
    reply = await user.says("remisstid for 171-482/2016")
    assert "ingen remiss med diarienummer 171-482/2016 hos Göteborgs Stad" in reply
    reply = await user.says("paminn mig om 171-482/2016")
    assert "inget ärende med diarienummer 171-482/2016 hos Göteborgs Stad" in reply
    reply = await user.says("vilka remisser gar ut nasta vecka?")
    assert "Ingen remiss" in reply and "Internationell strategi" not in reply
    assert await user.subscriptions() == []
    assert await user.remiss(NUMBER) is None
    stockholm = User(demo_db, today=TODAY)
    assert len((await stockholm.remiss(NUMBER)).pending) == 3


async def test_har_sodermalm_svarat_follows_the_remiss_just_shown(demo_db):
    user = User(demo_db, today=TODAY)
    reply = await user.says("vilka remisser gar ut nasta vecka?")
    assert "171-482/2016" in reply
    reply = await user.says("har sodermalm svarat?")
    assert "Södermalms stadsdelsnämnd har inte svarat" in reply
    await user.says("ok, paminn mig om 171-482/2016")
    assert len((await user.remiss(NUMBER)).pending) == 3
    [sub] = await user.subscriptions()
    assert sub.case_id == (await user.remiss(NUMBER)).case_id


async def test_har_stadshuset_svarat_is_answered(demo_db):
    user = User(demo_db, today=TODAY)
    assert "Stockholms Stadshus AB" in await user.says("vilka vantar pa svar?")
    reply = await user.says("har stadshuset svarat pa 171-482/2016?")
    assert reply.startswith("Nej, Stockholms Stadshus AB har inte svarat")
    assert "Stockholms Stadshus AB" in _pending(await user.remiss(NUMBER))  # a question only
    await user.says("stadshuset har svarat pa remissen 171-482/2016")
    await user.says("ja")
    assert "Stockholms Stadshus AB" not in _pending(await user.remiss(NUMBER))


async def test_har_nagon_svarat_names_who_has_answered(demo_db):
    user = User(demo_db, today=TODAY)
    await user.says("remisstid 171-482/2016")
    reply = await user.says("har nagon svarat pa 171-482/2016?")
    assert "Rinkeby-Kista stadsdelsnämnd" in reply
    assert "Strong Cities Network Global Summit" not in reply
    await user.says("paminn mig om 171-482/2016")
    assert len((await user.remiss(NUMBER)).answered) == 2
    assert [s.case_id for s in await user.subscriptions()] == [(await user.remiss(NUMBER)).case_id]


async def test_remind_me_about_stadshuset_watches_that_unit_only(demo_db):
    user = User(demo_db, today=TODAY)
    assert "171-482/2016" in await user.says("vilka remisser ska stadshuset svara pa?")
    reply = await user.says("paminn mig om remisser till stadshuset")
    assert "remisser som Stockholms Stadshus AB ska svara på" in reply
    reply = await user.says("vilka paminnelser har jag")
    assert "alla remisstider" not in reply
    unit = await remisser.unit_id(demo_db, await user.org_id(), "Stockholms Stadshus AB")
    [sub] = await user.subscriptions()
    assert (sub.case_id, sub.unit_id) == (None, unit)


async def test_jag_vill_inte_ha_nagra_paminnelser_stops_them(demo_db):
    user = User(demo_db, today=TODAY)
    await user.says("paminn mig om 171-482/2016")
    assert len(await user.subscriptions()) == 1
    reply = await user.says("jag vill inte ha nagra paminnelser")
    assert "Du har 1 påminnelse" not in reply
    assert await user.subscriptions() == []
    reply = await user.says("vilka paminnelser har jag?")
    assert reply.startswith("Du har inga påminnelser.")
