"""Subscribing to and stopping reminders, turn by turn, plus the lead-time reader."""

from __future__ import annotations

import datetime as dt

import pytest
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity

from dialogs.reminders.leads import describe_leads, lead_days_in, leads_or_default
from store import orgs, reminders, remisser
from store.db import Database
from store.demo import HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.support.dialogs import bot_adapter


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _adapter(db: Database, tenant: str = STOCKHOLM_TENANT) -> TestAdapter:
    return bot_adapter(db, tenant, dt.date(2016, 10, 10), reminders=False)


async def _ask(adapter: TestAdapter, text: str) -> list[Activity]:
    await adapter.receive_activity(text)
    replies = list(adapter.activity_buffer)
    adapter.activity_buffer.clear()
    return replies


async def _org(db: Database, name: str) -> int:
    return next(o.id for o in await orgs.all_organisations(db) if o.name == name)


async def test_remind_me_subscribes_with_the_default_lead_times(demo_db):
    adapter = _adapter(demo_db)
    [reply] = await _ask(adapter, "Påminn mig om remisstider")
    assert reply.text.startswith(
        "Klart. Jag påminner dig om remisstider och svarsdatum för inbjudningar 10, 5 och 1 "
        "arbetsdagar före sista svarsdag och på själva dagen."
    )
    assert "kl. 8 på vardagar" in reply.text
    [sub] = await reminders.subscriptions(demo_db, await _org(demo_db, "Stockholms stad"))
    assert (sub.lead_days, sub.case_id, sub.unit_id, sub.user_aad_id) == (
        (10, 5, 1, 0),
        None,
        None,
        "User1",
    )


async def test_chosen_lead_times_change_the_existing_subscription(demo_db):
    adapter = _adapter(demo_db)
    await _ask(adapter, "Påminn mig om remisstider")
    [reply] = await _ask(adapter, "påminn mig tre dagar innan")
    assert "3 arbetsdagar före sista svarsdag." in reply.text
    [sub] = await reminders.subscriptions(demo_db, await _org(demo_db, "Stockholms stad"))
    assert sub.lead_days == (3,)


async def test_one_case_or_one_unit_can_be_watched(demo_db):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    [one] = await _ask(adapter, "Påminn mig om 171-482/2016")
    assert "remissen 171-482/2016 (Internationell strategi för Stockholms stad)" in one.text
    [unit] = await _ask(adapter, "påminn mig om remisser till Södermalm")
    assert "remisser som Södermalms stadsdelsnämnd ska svara på" in unit.text
    [unknown] = await _ask(adapter, "Påminn mig om 999-1/2016")
    assert unknown.text.startswith("Jag hittar inget ärende med diarienummer 999-1/2016")
    subs = await reminders.subscriptions(demo_db, sthlm)
    case = await reminders.case_by_number(demo_db, sthlm, "171-482/2016")
    unit_id = await remisser.unit_id(demo_db, sthlm, "Södermalms stadsdelsnämnd")
    assert [(s.case_id, s.unit_id) for s in subs] == [(case.id, None), (None, unit_id)]


async def test_stop_one_case_then_all(demo_db):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    await _ask(adapter, "Påminn mig om remisstider")
    await _ask(adapter, "Påminn mig om 171-482/2016")
    [one] = await _ask(adapter, "sluta påminna mig om 171-482/2016")
    assert one.text == "Klart. Jag slutar påminna dig om 171-482/2016."
    assert len(await reminders.subscriptions(demo_db, sthlm)) == 1
    [everything] = await _ask(adapter, "sluta påminna mig")
    assert everything.text == "Klart. Jag skickar inga fler påminnelser till dig."
    [nothing] = await _ask(adapter, "sluta påminna mig")
    assert nothing.text == "Du har inga påminnelser att stänga av."
    assert await reminders.subscriptions(demo_db, sthlm) == []


async def test_a_huddinge_user_cannot_watch_a_stockholm_case(demo_db):
    [reply] = await _ask(_adapter(demo_db, HUDDINGE_TENANT), "Påminn mig om 171-482/2016")
    assert reply.text.startswith(
        "Jag hittar inget ärende med diarienummer 171-482/2016 hos Huddinge kommun."
    )


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        ("Påminn mig om remisstider", None),
        ("påminn mig tre dagar innan", (3,)),
        ("påminn mig 5 och 2 arbetsdagar före", (5, 2)),
        ("påminn mig tio, fem och en dag innan", (10, 5, 1)),
        ("påminn mig en vecka innan och på dagen", (5, 0)),
        ("påminn mig dagen innan", (1,)),
        ("påminn mig samma dag", (0,)),
        ("påminn mig 99 dagar innan", None),
    ],
)
def test_lead_times_are_read_from_the_text(text, leads):
    assert lead_days_in(text) == leads
    assert leads_or_default(text) == (leads or (10, 5, 1, 0))


def test_lead_times_are_described_in_swedish():
    assert describe_leads((10, 5, 1, 0)) == (
        "10, 5 och 1 arbetsdagar före sista svarsdag och på själva dagen"
    )
    assert describe_leads((1,)) == "1 arbetsdag före sista svarsdag"
    assert describe_leads((0,)) == "på sista svarsdagen"


async def test_avbevaka_stops_instead_of_starting(demo_db):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    await _ask(adapter, "Påminn mig om remisstider")
    await _ask(adapter, "Påminn mig om 171-482/2016")
    [one] = await _ask(adapter, "Avbevaka 171-482/2016")
    assert one.text == "Klart. Jag slutar påminna dig om 171-482/2016."
    [everything] = await _ask(adapter, "avbevaka remisserna")
    assert everything.text == "Klart. Jag skickar inga fler påminnelser till dig."
    assert await reminders.subscriptions(demo_db, sthlm) == []


async def test_asking_which_reminders_there_are_lists_them_and_subscribes_nothing(demo_db):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    [none] = await _ask(adapter, "vilka paminnelser har jag")
    assert none.text.startswith("Du har inga påminnelser.")
    assert await reminders.subscriptions(demo_db, sthlm) == []
    await _ask(adapter, "påminn mig om remisser till Södermalm")
    await _ask(adapter, "påminn mig om 171-482/2016 tre dagar innan")
    [listed] = await _ask(adapter, "har jag några påminnelser?")
    assert listed.text.splitlines()[:3] == [
        "Du har 2 påminnelser:",
        "- remisser som Södermalms stadsdelsnämnd ska svara på: 10, 5 och 1 arbetsdagar före "
        "sista svarsdag och på själva dagen",
        "- remissen 171-482/2016 (Internationell strategi för Stockholms stad): 3 arbetsdagar "
        "före sista svarsdag",
    ]
    assert len(await reminders.subscriptions(demo_db, sthlm)) == 2


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("vilka påminnelser har jag", True),
        ("har jag några bevakningar?", True),
        ("visa mina påminnelser", True),
        ("påminn mig om remisstider", False),
        ("påminn mig vad som går ut", False),
        ("kan du påminna mig om remisser?", False),
    ],
)
def test_questions_about_reminders_are_told_from_orders(text: str, asks: bool):
    from dialogs.reminders.listing import asks_for_reminders

    assert asks_for_reminders(text) is asks


async def test_stopping_one_units_reminders_keeps_the_others(demo_db):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    await _ask(adapter, "Påminn mig om remisstider")
    await _ask(adapter, "påminn mig om remisser till Södermalm")
    assert len(await reminders.subscriptions(demo_db, sthlm)) == 2
    [reply] = await _ask(adapter, "jag vill inte bli påmind om Södermalm längre")
    assert "Södermalms stadsdelsnämnd" in reply.text and "andra påminnelser är kvar" in reply.text
    [left] = await reminders.subscriptions(demo_db, sthlm)
    assert (left.case_id, left.unit_id) == (None, None)


@pytest.mark.parametrize("word", ["sluta", "påminnelser", "påminnelser?"])
async def test_one_word_stops_nothing(demo_db, word):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    await _ask(adapter, "Påminn mig om remisstider")
    [reply] = await _ask(adapter, word)
    assert "Klart" not in reply.text
    assert len(await reminders.subscriptions(demo_db, sthlm)) == 1


@pytest.mark.parametrize(
    "text", ["jag vill inte ha påminnelser längre", "reminders off pls", "no more reminders"]
)
async def test_a_negated_wish_never_subscribes(demo_db, text):
    adapter = _adapter(demo_db)
    sthlm = await _org(demo_db, "Stockholms stad")
    replies = await _ask(adapter, text)
    assert not any("Jag påminner dig" in (r.text or "") for r in replies)
    assert await reminders.subscriptions(demo_db, sthlm) == []
