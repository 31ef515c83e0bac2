"""Following invitations up: the list, and a decision recorded in chat (TestAdapter, real bot)."""

from __future__ import annotations

import datetime as dt

import pytest
from botbuilder.core import ConversationState, MemoryStorage
from sqlalchemy import select

from dialogs.common import texts
from dialogs.invitations.texts import NOTHING_SAVED, REPRESENTATIVE_QUESTION
from dialogs.lang import LanguageLayer
from dialogs.router import Conversation
from store import invitations, orgs
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.invitations import InvitationView, NewInvitation
from store.models import AuditEvent
from tests.dialogs.test_invitation_dialog import Chat

D = dt.date
ACTOR = "teams:registrator"


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


async def _org(db: Database, tenant: str = STOCKHOLM_TENANT) -> int:
    org = await orgs.by_tenant(db, tenant)
    assert org is not None
    return org.id


async def _add(db: Database, event: str, start: D, respond_by: D | None = None, **kw) -> int:
    new = NewInvitation(event=event, start_date=start, end_date=start, respond_by=respond_by, **kw)
    view = await invitations.register(db, await _org(db), new, actor=ACTOR)
    return view.id


async def _get(db: Database, invitation_id: int) -> InvitationView:
    view = await invitations.get(db, await _org(db), invitation_id)
    assert view is not None
    return view


def _card_titles(card: dict) -> list[str]:
    return [b["text"] for b in card["body"] if b.get("weight") == "Bolder"][1:]


# --- the list -----------------------------------------------------------------------------------


async def test_the_list_shows_newest_event_first_with_a_summary(demo_db):
    await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9), D(2027, 1, 15), place="Lissabon")
    await _add(demo_db, "Nordiskt trygghetsforum", D(2027, 3, 3), D(2026, 12, 2))
    chat = Chat(demo_db)
    [reply] = await chat.say("Vilka inbjudningar har vi?")
    assert reply.text.startswith(
        "Jag hittar 3 inbjudningar för Stockholms stad, 2 väntar på beslut."
    )
    assert "Eurocities årsmöte, 9 juni 2027" not in reply.text  # a single day is written out
    assert "Eurocities årsmöte, onsdag 9 juni 2027, v. 23, Lissabon: väntar på beslut" in reply.text
    card = reply.attachments[0].content
    assert card["version"] == "1.5"
    assert _card_titles(card) == [
        "Eurocities årsmöte",
        "Nordiskt trygghetsforum",
        "Strong Cities Network Global Summit",
    ]


async def test_the_list_filters_by_decision_and_by_dates(demo_db):
    await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9), D(2027, 1, 15))
    await _add(demo_db, "Nordiskt trygghetsforum", D(2027, 3, 3), D(2026, 12, 2))
    chat = Chat(demo_db)
    [pending] = await chat.say("Vilka inbjudningar väntar på beslut?")
    assert _card_titles(pending.attachments[0].content) == [
        "Eurocities årsmöte",
        "Nordiskt trygghetsforum",
    ]
    [due] = await chat.say("Vilka inbjudningar har svar senast nästa vecka?")
    assert _card_titles(due.attachments[0].content) == ["Nordiskt trygghetsforum"]
    [june] = await chat.say("Vilka inbjudningar har vi i juni?")
    assert _card_titles(june.attachments[0].content) == ["Eurocities årsmöte"]
    [accepted] = await chat.say("Vilka inbjudningar har vi tackat ja till?")
    assert _card_titles(accepted.attachments[0].content) == ["Strong Cities Network Global Summit"]
    [none] = await chat.texts("Vilka inbjudningar har svar senast i mars?")
    assert none == "Jag hittar inga inbjudningar för Stockholms stad som passar frågan."


async def test_another_organisation_does_not_see_the_invitations(demo_db):
    await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    [reply] = await Chat(demo_db, GOTEBORG_TENANT).texts("Vilka inbjudningar har vi?")
    assert reply.startswith("Göteborgs Stad har inga registrerade inbjudningar.")
    assert "Eurocities" not in reply and "Strong Cities" not in reply


# --- decisions ------------------------------------------------------------------------------------


def test_decision_sentences_are_routed_as_decisions():
    layer = LanguageLayer()
    router = Conversation(ConversationState(MemoryStorage()))

    def route(text: str) -> str:
        u = layer.understand(text, D(2026, 11, 23))
        return router.handler_for(u, u.intent)

    assert route("Vi tackar ja till Eurocities, kommunstyrelsens ordförande representerar") == (
        "register_invitation:decision"
    )
    assert route("Vi avböjer inbjudan till Nordic Safe Cities årskonferens") == (
        "register_invitation:decision"
    )
    assert route("avbryt") == "cancel"
    assert route("Vilka inbjudningar har vi tackat ja till?") == "list_invitations"
    assert route("Vem ansvarar för SCN?") == "network_responsible"


async def test_accepting_with_a_representative_after_a_yes(demo_db):
    invitation_id = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9), D(2027, 1, 15))
    chat = Chat(demo_db)
    [question] = await chat.say(
        "Vi tackar ja till Eurocities, kommunstyrelsens ordförande representerar"
    )
    assert question.text.startswith(
        "Ska jag registrera att ni tackar ja till Eurocities årsmöte (onsdag 9 juni 2027, v. 23)?"
    )
    assert "Representant: kommunstyrelsens ordförande." in question.text
    assert question.attachments[0].content["version"] == "1.5"
    assert (await _get(demo_db, invitation_id)).decision == "pending"  # nothing before the yes

    [done] = await chat.texts("ja")
    assert done.startswith("Klart! Jag har registrerat att ni tackar ja till Eurocities årsmöte")
    assert "Beslutsdatum: måndag 23 november 2026, v. 48." in done
    view = await _get(demo_db, invitation_id)
    assert (view.decision, view.representative, view.decided_on) == (
        "accept",
        "kommunstyrelsens ordförande",
        D(2026, 11, 23),
    )
    async with demo_db.session() as session:
        changes = await session.scalar(
            select(AuditEvent.changes).where(
                AuditEvent.entity == "invitation",
                AuditEvent.entity_id == invitation_id,
                AuditEvent.action == "update",
                AuditEvent.actor == "teams:User1",
            )
        )
    assert changes["decision"] == ["pending", "accept"]


async def test_declining_and_then_saying_no_saves_nothing(demo_db):
    invitation_id = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    chat = Chat(demo_db)
    [question] = await chat.texts("tacka nej till Eurocities årsmöte")
    assert "tackar nej till Eurocities årsmöte" in question and "Representant" not in question
    assert await chat.texts("nej") == [NOTHING_SAVED]
    assert (await _get(demo_db, invitation_id)).decision == "pending"


async def test_declining_with_the_button(demo_db):
    invitation_id = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    chat = Chat(demo_db)
    await chat.say("Vi tackar nej till Eurocities årsmöte")
    card = chat.card
    [done] = [r.text for r in await chat.press("decide", card)]
    assert done.startswith("Klart! Jag har registrerat att ni tackar nej till Eurocities årsmöte")
    view = await _get(demo_db, invitation_id)
    assert (view.decision, view.representative) == ("decline", None)
    # The same button once more: the dialog is over.
    assert [r.text for r in await chat.press("decide", card)] == [texts.STALE_SUBMIT]


async def test_a_missing_representative_is_asked_for_once(demo_db):
    invitation_id = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    chat = Chat(demo_db)
    assert await chat.texts("Vi tackar ja till Eurocities") == [REPRESENTATIVE_QUESTION]
    help_text, again = await chat.texts("hjälp")
    assert "hoppa över" in help_text and again == REPRESENTATIVE_QUESTION
    [question] = await chat.texts("hoppa över")
    assert "Representant: inte angivet." in question
    await chat.say("ja")
    view = await _get(demo_db, invitation_id)
    assert (view.decision, view.representative) == ("accept", None)


async def test_several_matching_invitations_are_listed_to_choose_from(demo_db):
    await _add(demo_db, "Eurocities årsmöte", D(2026, 6, 9))
    second = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    chat = Chat(demo_db)
    [which] = await chat.texts("Vi tackar nej till Eurocities årsmöte")
    assert which.startswith("Flera inbjudningar passar. Vilken menar du?")
    assert await chat.texts("7") == ["Skriv numret i listan, till exempel *1*, eller namnet."]
    [question] = await chat.texts("1")  # the list is newest event first
    assert "(onsdag 9 juni 2027, v. 23)" in question
    await chat.say("ja")
    assert (await _get(demo_db, second)).decision == "decline"


async def test_an_unknown_name_lists_the_pending_invitations(demo_db):
    invitation_id = await _add(demo_db, "Eurocities årsmöte", D(2027, 6, 9))
    chat = Chat(demo_db)
    [which] = await chat.texts("Vi tackar nej till Almedalen")
    assert which.startswith("Jag hittar ingen inbjudan som heter Almedalen. Vilken menar du?")
    assert "1. Eurocities årsmöte" in which and "Strong Cities" not in which
    await chat.say("Eurocities")
    await chat.say("ja")
    assert (await _get(demo_db, invitation_id)).decision == "decline"


async def test_a_decision_can_name_the_diarienummer(demo_db):
    chat = Chat(demo_db)
    [question] = await chat.texts(
        "Vi tackar ja till inbjudan KS 2023/886, representeras av finansborgarrådet"
    )
    assert "Strong Cities Network Global Summit" in question
    assert "Just nu står det *tackat ja*" in question
    await chat.say("avbryt")


async def test_no_invitations_means_nothing_to_decide(demo_db):
    [reply] = await Chat(demo_db, GOTEBORG_TENANT).texts("Vi tackar ja till Eurocities")
    assert reply.startswith("Det finns inga registrerade inbjudningar")
