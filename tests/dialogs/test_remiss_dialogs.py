"""Remiss questions and answer recording, turn by turn through TestAdapter and the real bot."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes
from sqlalchemy import select

from dialogs.common import texts
from dialogs.remisser.texts import CARD_BUDGET_BYTES, MESSAGE_BUDGET_BYTES, card_size
from store import orgs, remisser
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.models import AuditEvent, Case, CaseNumber, Remiss, RemissRecipient
from tests.support.cards import adaptive_card as _card
from tests.support.cards import card_text as _card_text
from tests.support.dialogs import ask, bot_adapter

MISSING = (
    "Svar saknas från: Södermalms stadsdelsnämnd, samtliga facknämnder och Stockholms Stadshus AB."
)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


def _adapter(db: Database, today: dt.date, tenant: str = STOCKHOLM_TENANT) -> TestAdapter:
    return bot_adapter(db, tenant, today, reminders=False)


async def _sthlm(db: Database) -> int:
    return next(o.id for o in await orgs.all_organisations(db) if o.name == "Stockholms stad")


async def _add(db: Database, title: str, number: str, deadline: dt.date, answered=(False,)) -> None:
    names = ["Södermalms stadsdelsnämnd", "Stockholms Stadshus AB", "Rinkeby-Kista stadsdelsnämnd"]
    await remisser.add_remiss(
        db,
        await _sthlm(db),
        title=title,
        sender="Kommunstyrelsen",
        numbers=[number],
        deadline=deadline,
        recipients=list(zip(names, answered, strict=False)),
        actor="system:test",
    )


async def test_next_week_gives_the_demo_remiss_in_one_sentence(demo_db):
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 10)), "Vilka remisser går ut nästa vecka?"
    )
    assert not reply.attachments
    assert reply.text.startswith(
        "Sista svarsdag för remissen 171-482/2016 är **måndag 17 oktober 2016, v. 42** "
        "(5 arbetsdagar kvar)."
    )
    assert (
        "*Internationell strategi för Stockholms stad* och kommer från Kommunstyrelsen"
        in reply.text
    )
    assert (
        "Har svarat: Rinkeby-Kista stadsdelsnämnd och Hägersten-Liljeholmens stadsdelsnämnd."
        in reply.text
    )
    assert MISSING in reply.text


async def test_this_week_has_none_and_says_when_the_next_one_is(demo_db):
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 3)), "Vilka remisser går ut den här veckan?"
    )
    assert reply.text.startswith("Ingen remiss har sista svarsdag 3–9 oktober 2016.")
    assert "Nästa sista svarsdag är måndag 17 oktober 2016, v. 42 (171-482/2016" in reply.text


async def test_december_lists_several_in_a_card_with_the_christmas_move(demo_db):
    await _add(demo_db, "Julbelysning", "KS 2016/900", dt.date(2016, 12, 24))
    await _add(demo_db, "Snöröjning", "KS 2016/800", dt.date(2016, 12, 9))
    await _add(demo_db, "Vårplan", "KS 2016/700", dt.date(2017, 1, 20))
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 11, 28)), "Vilka remisser går ut i december?"
    )
    assert reply.text.startswith("Remisser med sista svarsdag 1–31 december 2016: 2 st.")
    card = _card(reply)
    shown = _card_text(card)
    assert shown.index("Snöröjning") < shown.index("Julbelysning")
    assert "Vårplan" not in shown and "Internationell strategi" not in shown
    # 24 december 2016 is julafton (a Saturday); 25 and 26 are holidays: Tuesday 27 applies.
    assert (
        "tisdag 27 december 2016, v. 52 (flyttad från lördag 24 december 2016, v. 51, julafton)"
        in shown
    )
    assert "lag 1930:173" in shown
    assert "fredag 9 december 2016, v. 49" in shown


async def test_a_remiss_due_on_midsommarafton_moves_to_monday(demo_db):
    await _add(demo_db, "Sommarprogram", "KS 2016/300", dt.date(2016, 6, 24))
    [reply] = await ask(_adapter(demo_db, dt.date(2016, 6, 20)), "Remisstid för KS 2016/300")
    assert reply.text.startswith(
        "Sista svarsdag för remissen KS 2016/300 är **måndag 27 juni 2016, v. 26** "
        "(4 arbetsdagar kvar)."
    )
    assert (
        "Remisstiden fredag 24 juni 2016, v. 25 är en midsommarafton, så sista svarsdag flyttas "
        "till nästa vardag, måndag 27 juni 2016, v. 26 (lag 1930:173)."
    ) in reply.text


async def test_a_remiss_due_on_new_years_eve_moves_past_new_years_day(demo_db):
    await _add(demo_db, "Budget", "KS 2016/999", dt.date(2016, 12, 31))
    [reply] = await ask(_adapter(demo_db, dt.date(2016, 12, 30)), "remisstid för ks 2016/999")
    # Saturday nyårsafton, Sunday nyårsdagen: Monday 2 January 2017 (1 working day left).
    assert "**måndag 2 januari 2017, v. 1** (1 arbetsdag kvar)" in reply.text
    assert "nyårsafton" in reply.text


async def test_passed_deadlines_say_how_late(demo_db):
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 20)), "Vilka remisser har passerat sista svarsdag?"
    )
    assert reply.text.startswith(
        "Sista svarsdag för remissen 171-482/2016 var **måndag 17 oktober 2016, v. 42** "
        "(passerad för 3 arbetsdagar sedan)."
    )
    [none] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 17)), "Vilka remisser har passerat sista svarsdag?"
    )
    assert none.text.startswith("Ingen remiss har passerat sista svarsdag")


async def test_deadline_for_one_number_and_an_unknown_number(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 17))
    [reply] = await ask(adapter, "Remisstid för 171-482/2016")
    assert "**måndag 17 oktober 2016, v. 42** (sista svarsdag är i dag)" in reply.text
    [unknown] = await ask(adapter, "Remisstid för 171-999/2016")
    assert unknown.text.startswith(
        "Jag hittar ingen remiss med diarienummer 171-999/2016 hos Stockholms stad."
    )


async def test_goteborg_does_not_see_the_stockholm_remiss(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 10), GOTEBORG_TENANT)
    [reply] = await ask(adapter, "Remisstid för 171-482/2016")
    assert "hos Göteborgs Stad" in reply.text and "Internationell" not in reply.text
    [waiting] = await ask(adapter, "Vilka remisser går ut nästa vecka?")
    assert waiting.text.startswith("Ingen remiss har sista svarsdag")
    assert "171-482" not in waiting.text


async def test_a_unit_that_has_answered_is_told_so(demo_db):
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 10)),
        "Vilka remisser ska Hägersten-Liljeholmen svara på?",
    )
    assert reply.text == (
        "Hägersten-Liljeholmens stadsdelsnämnd har inga remisser kvar att svara på. Svar är "
        "redan lämnat på 171-482/2016 (torsdag 22 september 2016, v. 38)."
    )


async def test_a_unit_that_has_not_answered_gets_its_remiss(demo_db):
    [reply] = await ask(
        _adapter(demo_db, dt.date(2016, 10, 10)), "Vilka remisser ska Södermalm svara på?"
    )
    assert reply.text.startswith("Sista svarsdag för remissen 171-482/2016 är")


async def test_waiting_for_answers_lists_open_ones_upcoming_first(demo_db):
    await _add(demo_db, "Gammal och klar", "KS 2016/100", dt.date(2016, 10, 1), answered=(True,))
    await _add(demo_db, "Gammal och sen", "KS 2016/200", dt.date(2016, 10, 3))
    await _add(demo_db, "Ny", "KS 2016/400", dt.date(2016, 11, 2))
    [reply] = await ask(_adapter(demo_db, dt.date(2016, 10, 10)), "vilka väntar på svar")
    shown = _card_text(_card(reply))
    assert (
        shown.index("Internationell strategi") < shown.index("Ny") < shown.index("Gammal och sen")
    )
    assert "Gammal och klar" not in shown
    assert "passerad för 5 arbetsdagar sedan" in shown
    assert reply.text.startswith("Remisser som väntar på svar: 3 st.")


async def test_recording_an_answer_with_the_ja_button_is_audited(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    [question] = await ask(adapter, "Södermalm har svarat på remissen 171-482/2016")
    assert question.text.startswith(
        "Ska jag notera att Södermalms stadsdelsnämnd svarade på remissen 171-482/2016"
    )
    card = _card(question)
    assert [a["title"] for a in card["actions"]] == ["Ja", "Nej"]
    press = Activity(type=ActivityTypes.message, value=card["actions"][0]["data"])
    [done] = await ask(adapter, press)
    assert done.text == (
        "Klart. Södermalms stadsdelsnämnd har svarat på 171-482/2016. Svar saknas från: "
        "samtliga facknämnder och Stockholms Stadshus AB."
    )
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), "171-482/2016")
    sodermalm = next(r for r in remiss.recipients if r.name.startswith("Södermalm"))
    assert sodermalm.answered and sodermalm.answered_on == dt.date(2016, 10, 12)
    async with demo_db.session() as session:
        actors = list(
            await session.scalars(
                select(AuditEvent.actor).where(
                    AuditEvent.entity == "remiss_recipient", AuditEvent.action == "update"
                )
            )
        )
    assert actors == ["teams:User1"]  # TestAdapter's user
    # The button pressed again, after the dialog ended, starts nothing.
    [stale] = await ask(adapter, press)
    assert stale.text == texts.STALE_SUBMIT


async def test_typed_nej_changes_nothing_and_other_answers_are_asked_again(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    await ask(adapter, "Stadshus AB har svarat på 171-482/2016")
    [again] = await ask(adapter, "kanske")
    assert again.text.startswith(
        "Svara **ja** eller **nej**. Ska jag notera att Stockholms Stadshus AB"
    )
    [no] = await ask(adapter, "nej")
    assert no.text == "Okej, jag ändrar ingenting för 171-482/2016."
    await ask(adapter, "facknämnderna har svarat på 171-482/2016")
    [cancelled] = await ask(adapter, "avbryt")
    assert cancelled.text == texts.CANCELLED
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), "171-482/2016")
    assert len(remiss.pending) == 3


async def test_typed_ja_records_and_an_answered_recipient_is_not_asked(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    await ask(adapter, "facknämnderna har svarat på 171-482/2016")
    [done] = await ask(adapter, "ja")
    assert done.text.startswith("Klart. samtliga facknämnder har svarat på 171-482/2016.")
    [already] = await ask(adapter, "Rinkeby-Kista har svarat på remissen 171-482/2016")
    assert already.text.startswith("Rinkeby-Kista stadsdelsnämnd har redan svarat på 171-482/2016")
    [who] = await ask(adapter, "Kulturnämnden har svarat på 171-482/2016")
    assert who.text.startswith("Vem har svarat? Mottagare av 171-482/2016 är")


async def _many(db: Database, count: int, start: dt.date) -> None:
    """Add ``count`` open remisser with long titles and many recipients, one a day from start."""
    sthlm = await _sthlm(db)
    recipients = [f"Stadsdelsnämnd nummer {i} med ett långt namn" for i in range(8)]
    async with db.session("system:test") as session, session.begin():
        for n in range(count):
            title = f"Remiss {n:03d} om " + "hållbar stadsutveckling och trygghet " * 6
            case = Case(
                organisation_id=sthlm,
                reference=f"T-{n:04d}",
                kind="remiss",
                title=title,
                created_by="system:test",
                numbers=[CaseNumber(number=f"KS 2016/{n + 1000}", normalized=f"KS2016/{n + 1000}")],
            )
            session.add(
                Remiss(
                    case=case,
                    organisation_id=sthlm,
                    title=title,
                    sender="Kommunstyrelsen",
                    deadline=start + dt.timedelta(days=n),
                    recipients=[
                        RemissRecipient(name=name, status="answered" if i == 0 else "pending")
                        for i, name in enumerate(recipients)
                    ],
                )
            )


async def test_a_long_list_is_capped_says_how_many_more_and_shows_more(demo_db):
    await _many(demo_db, 300, dt.date(2016, 10, 20))
    adapter = _adapter(demo_db, dt.date(2016, 10, 10))
    [reply] = await ask(adapter, "Vilka remisser har vi just nu?")
    card = _card(reply)
    [attachment] = reply.attachments
    assert card_size(attachment) <= CARD_BUDGET_BYTES
    assert card_size(attachment) + len(json.dumps(reply.text)) <= MESSAGE_BUDGET_BYTES
    # 300 added and the demo remiss; the soonest deadlines first, the demo remiss (17 October).
    assert reply.text.startswith("Remisser som väntar på svar: 301 st. Här är de ")
    shown = reply.text.count("\n- ")
    assert 1 <= shown <= 15
    assert f"… och {301 - shown} till. Fråga om en period, t.ex. *remisser nästa vecka*" in (
        reply.text
    )
    assert "171-482/2016" in reply.text.splitlines()[1]
    [more] = card["actions"]
    assert more["title"] == "Visa fler"
    assert more["data"] == {"intent": "remiss_deadlines", "list": "waiting", "offset": shown}
    # The button brings the next page, through the router like a typed question.
    [page2] = await ask(adapter, Activity(type=ActivityTypes.message, value=more["data"]))
    assert page2.text.startswith(f"Remisser som väntar på svar: 301 st. Här är nummer {shown + 1}–")
    assert "Remiss 000 " not in page2.text and f"Remiss {shown - 1:03d} " in page2.text
    assert card_size(page2.attachments[0]) <= CARD_BUDGET_BYTES


async def test_a_long_period_and_a_units_list_are_capped_with_their_filters(demo_db):
    await _many(demo_db, 200, dt.date(2016, 11, 1))
    adapter = _adapter(demo_db, dt.date(2016, 10, 10))
    [reply] = await ask(adapter, "Vilka remisser går ut i december?")
    # 1–31 December, but 31 December 2016 is nyårsafton on a Saturday: it moves to 2 January.
    assert reply.text.startswith("Remisser med sista svarsdag 1–31 december 2016: 30 st.")
    card = _card(reply)
    assert card_size(reply.attachments[0]) <= CARD_BUDGET_BYTES
    [more] = card["actions"]
    assert more["data"]["list"] == "span"
    assert (more["data"]["start"], more["data"]["end"]) == ("2016-12-01", "2016-12-31")
    [page2] = await ask(adapter, Activity(type=ActivityTypes.message, value=more["data"]))
    assert page2.text.startswith("Remisser med sista svarsdag 1–31 december 2016: 30 st. Här")


async def test_a_question_at_ja_nej_is_answered_and_asked_again(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    [question] = await ask(adapter, "Södermalm har svarat på remissen 171-482/2016")
    *answer, again = await ask(adapter, "vilka inbjudningar har vi?")
    assert answer and texts.OTHER_REQUEST not in (answer[0].text or "")
    assert again.attachments == question.attachments
    [hint, again] = await ask(adapter, "registrera en ny inbjudan")
    assert hint.text == texts.OTHER_REQUEST
    assert again.text.startswith("Svara **ja** eller **nej**.")
    # A word that is neither gets only the question again.
    [again] = await ask(adapter, "kanske")
    assert again.text.startswith("Svara **ja** eller **nej**.")
    [done] = await ask(adapter, "ja")
    assert done.text.startswith("Klart. Södermalms stadsdelsnämnd har svarat på 171-482/2016.")


async def test_asking_whether_a_unit_has_answered_gets_yes_or_no_first(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    [no] = await ask(adapter, "Har Södermalm svarat på remissen 171-482/2016?")
    assert no.text.startswith(
        "Nej, Södermalms stadsdelsnämnd har inte svarat på remissen 171-482/2016 än.\n\n"
        "Sista svarsdag för remissen 171-482/2016"
    )
    # A question records nothing and starts no confirmation: "ja" is not an answer to it.
    [after] = await ask(adapter, "ja")
    assert not after.text.startswith("Klart")
    [yes] = await ask(adapter, "har rinkeby-kista svarat pa 171-482/2016")
    assert yes.text.startswith("Ja, Rinkeby-Kista stadsdelsnämnd har svarat på remissen")


async def test_a_statement_typed_without_swedish_letters_is_recorded_after_ja(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    [question] = await ask(adapter, "sodermalm har svarat pa remissen 171-482/2016")
    assert question.text.startswith(
        "Ska jag notera att Södermalms stadsdelsnämnd svarade på remissen 171-482/2016"
    )
    [done] = await ask(adapter, "ja")
    assert done.text.startswith("Klart. Södermalms stadsdelsnämnd har svarat på 171-482/2016.")


async def test_the_day_the_answer_came_is_the_day_the_message_names(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 10))  # a Monday
    [question] = await ask(adapter, "Sodermalm har svarat pa remissen 171-482/2016 i fredags")
    assert "fredag 7 oktober 2016" in question.text
    await ask(adapter, "ja")
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), "171-482/2016")
    sodermalm = next(r for r in remiss.recipients if r.name.startswith("Södermalm"))
    assert sodermalm.answered_on == dt.date(2016, 10, 7)


async def test_an_answer_recorded_by_mistake_is_taken_back(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    await ask(adapter, "Södermalm har svarat på remissen 171-482/2016")
    await ask(adapter, "ja")
    [question] = await ask(adapter, "Södermalm har inte svarat på 171-482/2016, det blev fel")
    assert question.text.startswith(
        "Ska jag ta bort att Södermalms stadsdelsnämnd har svarat på remissen 171-482/2016"
    )
    [done] = await ask(adapter, "ja")
    assert "tog bort svaret" in done.text
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), "171-482/2016")
    sodermalm = next(r for r in remiss.recipients if r.name.startswith("Södermalm"))
    assert not sodermalm.answered and sodermalm.answered_on is None


async def test_taking_back_an_answer_never_given_changes_nothing(demo_db):
    adapter = _adapter(demo_db, dt.date(2016, 10, 12))
    [reply] = await ask(adapter, "Södermalm har inte svarat på 171-482/2016")
    assert reply.text.startswith("Det stämmer: Södermalms stadsdelsnämnd har inte svarat")
    remiss = await remisser.by_number(demo_db, await _sthlm(demo_db), "171-482/2016")
    assert not next(r for r in remiss.recipients if r.name.startswith("Södermalm")).answered
