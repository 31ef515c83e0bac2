"""Registering an invitation, turn by turn through botbuilder's TestAdapter and the real bot."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from botbuilder.schema import Activity, ActivityTypes
from sqlalchemy import select

from dialogs.common import texts
from dialogs.invitations.texts import CANCELLED_BUTTON, PROBLEMS, QUESTIONS, STALE_CARD
from store import invitations, orgs
from store.db import Database
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from store.models import AuditEvent, Case
from tests.support.dialogs import ask, bot_adapter

TODAY = dt.date(2026, 11, 23)
SENTENCE = (
    "Registrera inbjudan till Metropolis årsmöte 9–11 juni 2027 i Lissabon, inbjuden är "
    "kommunstyrelsens ordförande, svar senast 15 januari 2027"
)
# "Metropolis" is no network the store knows (Eurocities is one of the reference networks): the
# organiser is asked for, and a sentence's "till Metropolis årsmöte" is kept as written.
# Answers to the questions of a bare "Ny inbjudan", in the order they are asked.
STEPWISE = [
    ("event", "Metropolis årsmöte"),
    ("dates", "9–11 juni 2027"),
    ("place", "Lissabon"),
    ("invited", "kommunstyrelsens ordförande"),
    ("organiser", "vet inte"),
    ("respond_by", "15 januari 2027"),
    ("diarienummer", "KS 2027/55"),
]


class Chat:
    """One user talking to the real bot through a TestAdapter; remembers the last card."""

    def __init__(self, db: Database, tenant: str = STOCKHOLM_TENANT) -> None:
        self.adapter = bot_adapter(db, tenant, TODAY)
        self.card: dict[str, Any] | None = None

    async def _turn(self, activity: Activity | str) -> list[Activity]:
        replies = await ask(self.adapter, activity)
        for reply in replies:
            for attachment in reply.attachments or []:
                self.card = attachment.content
        return replies

    async def say(self, text: str) -> list[Activity]:
        """Type a message; return the bot's replies of this turn."""
        return await self._turn(text)

    async def press(self, action: str, card: dict[str, Any] | None = None) -> list[Activity]:
        """Press a button (by its data's action) on the last card, or on an older one."""
        card = card or self.card
        assert card is not None, "no card to press"
        [data] = [a["data"] for a in card["actions"] if a["data"].get("invitation") == action]
        return await self._turn(Activity(type=ActivityTypes.message, value=dict(data)))

    async def texts(self, text: str) -> list[str]:
        """Type a message; return the texts of the replies."""
        return [r.text or "" for r in await self.say(text)]


def facts(card: dict[str, Any]) -> dict[str, str]:
    """The card's facts as title → value, with the markdown escapes taken out."""
    found = [f for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]]
    return {f["title"]: f["value"].replace("\\", "") for f in found}


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


async def _stockholm(db: Database) -> int:
    org = await orgs.by_tenant(db, STOCKHOLM_TENANT)
    assert org is not None
    return org.id


async def _registered(db: Database, event: str = "Metropolis årsmöte") -> list:
    views = await invitations.list_invitations(db, await _stockholm(db))
    return [v for v in views if v.event == event]


async def _walk_to_card(chat: Chat) -> None:
    assert await chat.texts("Ny inbjudan") == [QUESTIONS["event"]]
    for i, (_, answer) in enumerate(STEPWISE):
        replies = await chat.say(answer)
        if i + 1 < len(STEPWISE):
            assert [r.text for r in replies] == [QUESTIONS[STEPWISE[i + 1][0]]]
        else:
            assert len(replies) == 1 and replies[0].attachments


# --- the two ways in ----------------------------------------------------------------------------


async def _answer_the_rest_and_save(chat: Chat, steps_done: int) -> None:
    """Answer the stepwise questions from ``steps_done`` on, then say "spara"."""
    for _, answer in STEPWISE[steps_done:]:
        await chat.say(answer)
    await chat.say("spara")


async def test_a_complete_sentence_needs_only_the_confirmation(demo_db):
    chat = Chat(demo_db)
    [card_reply] = await chat.say(SENTENCE)
    card = card_reply.attachments[0].content
    assert card_reply.attachments[0].content_type == "application/vnd.microsoft.card.adaptive"
    assert card["version"] == "1.5"
    assert facts(card) == {
        "Evenemang": "Metropolis årsmöte",
        "Datum": "9–11 juni 2027 (onsdag–fredag, v. 23)",
        "Plats": "Lissabon",
        "Inbjuden": "kommunstyrelsens ordförande",
        "Arrangör": "Metropolis",
        "Svar senast": "fredag 15 januari 2027, v. 2",
        "Diarienummer": "inte angivet",
    }
    assert [a["title"] for a in card["actions"]] == ["Spara", "Ändra", "Avbryt"]
    assert all(a["type"] == "Action.Submit" and a["data"]["token"] for a in card["actions"])

    [saved] = await chat.texts("ja")
    assert saved.startswith("Klart! Inbjudan till Metropolis årsmöte är sparad som ärende")
    [view] = await _registered(demo_db)
    assert saved.count(view.reference) == 1
    assert (view.start_date, view.end_date) == (dt.date(2027, 6, 9), dt.date(2027, 6, 11))
    assert (view.place, view.invited) == ("Lissabon", "kommunstyrelsens ordförande")
    assert view.respond_by == dt.date(2027, 1, 15)
    assert view.decision == "pending"
    assert view.created_by == "teams:User1"
    assert view.title == "Inbjudan till Metropolis årsmöte"
    async with demo_db.session() as session:
        case = await session.get(Case, view.case_id)
        assert case.kind == "invitation"
        actors = await session.scalars(
            select(AuditEvent.actor).where(
                AuditEvent.entity == "invitation", AuditEvent.entity_id == view.id
            )
        )
        assert list(actors) == ["teams:User1"]


async def test_a_bare_new_invitation_is_asked_for_step_by_step(demo_db):
    chat = Chat(demo_db)
    await _walk_to_card(chat)
    card_facts = facts(chat.card)
    assert card_facts["Arrangör"] == "inte angivet"
    assert card_facts["Diarienummer"] == "KS 2027/55"
    [saved] = [r.text for r in await chat.press("save")]
    [view] = await _registered(demo_db, "Metropolis årsmöte")
    assert view.reference in saved and "KS 2027/55" in saved
    assert view.diarienummer == ("KS 2027/55",)
    assert view.organiser is None


async def test_an_event_named_after_a_reference_network_needs_no_organiser_question(demo_db):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    await chat.say("Eurocities årsmöte")
    await chat.say("9–11 juni 2027")
    await chat.say("Lissabon")
    # Eurocities is a network every store knows: it is the organiser, and not asked for.
    assert await chat.texts("kommunstyrelsens ordförande") == [QUESTIONS["respond_by"]]
    await chat.say("15 januari 2027")
    await chat.say("KS 2027/55")
    assert facts(chat.card)["Arrangör"] == "Eurocities"


async def test_an_answer_may_give_several_facts_at_once(demo_db):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    assert await chat.texts("Metropolis årsmöte 9–11 juni 2027 i Lissabon") == [
        QUESTIONS["invited"]
    ]


async def test_a_known_network_is_linked_to_the_invitation(demo_db):
    chat = Chat(demo_db)
    replies = await chat.say(
        "Vi har fått en inbjudan till Strong Cities Network Global Summit 19–21 september i "
        "New York, inbjuden är finansborgarrådet"
    )
    assert facts(chat.card)["Arrangör"] == "Strong Cities Network" and len(replies) == 1
    await chat.say("spara")
    views = await _registered(demo_db, "Strong Cities Network Global Summit")
    [view] = [v for v in views if v.start_date == dt.date(2027, 9, 19)]
    assert (view.network, view.organiser) == ("Strong Cities Network", "Strong Cities Network")


# --- validation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slot", "bad", "problem"),
    [
        ("event", "vet inte", "Den uppgiften behöver jag"),
        ("event", "menar du namnet på mötet?", "Det låter som en fråga."),
        ("dates", "snart", "Det datumet förstod jag inte."),
        ("dates", "den 31 september", "Det datumet förstod jag inte."),
        ("dates", "11–9 juni 2027", "Slutdatumet ligger före startdatumet."),
        ("place", "10 juni", "Det ser ut som ett datum"),
        ("respond_by", "20 juni 2027", "Svarsdatumet ligger efter att evenemanget börjar"),
        ("respond_by", "nästa vecka", "Skriv en enda dag."),
        ("respond_by", "när det passar", "Det datumet förstod jag inte."),
        ("diarienummer", "det vet registraturen", "Det ser inte ut som ett diarienummer."),
    ],
)
async def test_a_bad_answer_is_explained_and_asked_again(demo_db, slot, bad, problem):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    for asked, answer in STEPWISE:
        if asked == slot:
            break
        await chat.say(answer)
    [reply] = await chat.texts(bad)
    assert reply.startswith(problem)
    assert reply.endswith(QUESTIONS[slot])
    # The good answer is taken after the bad one: the dialog stayed at the same step.
    answers = dict(STEPWISE)
    replies = await chat.say(answers[slot])
    assert replies and not (replies[0].text or "").startswith(problem)
    assert await _registered(demo_db) == []


async def test_a_respond_by_date_after_the_event_in_the_first_message_is_asked_again(demo_db):
    chat = Chat(demo_db)
    replies = await chat.texts(SENTENCE.replace("15 januari 2027", "20 juni 2027"))
    assert replies[0].startswith("Svarsdatumet ligger efter att evenemanget börjar (onsdag 9 juni")
    assert replies[1] == QUESTIONS["respond_by"]
    [card] = await chat.say("1 maj 2027")
    assert facts(card.attachments[0].content)["Svar senast"] == "lördag 1 maj 2027, v. 17"


# --- changing what the card shows ----------------------------------------------------------------


async def test_typed_changes_with_a_value_show_a_new_card(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    [reply] = await chat.say("ändra plats till Porto")
    assert facts(reply.attachments[0].content)["Plats"] == "Porto"
    [reply] = await chat.say("ändra datum till 10–12 juni")
    assert facts(chat.card)["Datum"] == "10–12 juni 2027 (torsdag–lördag, v. 23)"
    [reply] = await chat.say("ändra diarienummer till KS 2027/12")
    assert facts(chat.card)["Diarienummer"] == "KS 2027/12"
    await chat.say("spara")
    [view] = await _registered(demo_db)
    assert (view.place, view.start_date, view.diarienummer) == (
        "Porto",
        dt.date(2027, 6, 10),
        ("KS 2027/12",),
    )


async def test_a_change_without_a_value_asks_for_that_field(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert await chat.texts("nej") == [QUESTIONS["edit"]]
    assert await chat.texts("platsen") == [QUESTIONS["place"]]
    await chat.say("Porto")
    assert facts(chat.card)["Plats"] == "Porto"
    await chat.press("edit")
    assert await chat.texts("hmm") == ["Jag vet inte vilken uppgift du menar. " + QUESTIONS["edit"]]
    await chat.say("datum")
    await chat.say("1–2 juni 2027")
    # The respond-by date is still before the new dates, so nothing more is asked.
    assert facts(chat.card)["Datum"].startswith("1–2 juni 2027")


async def test_new_dates_before_the_respond_by_date_make_it_asked_again(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    replies = await chat.texts("ändra datum till 10 januari 2027")
    assert replies[0].startswith("Svarsdatumet ligger efter att evenemanget börjar")
    assert replies[1] == QUESTIONS["respond_by"]


async def test_a_bad_new_value_keeps_the_card(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    [reply] = await chat.texts("ändra datum till snart")
    assert (
        reply == "Det datumet förstod jag inte. Skriv till exempel *ändra datum till 10–12 juni*."
    )
    [reply] = await chat.texts("kanske")
    assert reply.startswith("Det förstod jag inte.")
    await chat.say("spara")
    assert len(await _registered(demo_db)) == 1


# --- cancel, help, buttons ------------------------------------------------------------------------


@pytest.mark.parametrize("steps_done", range(len(STEPWISE) + 1))
@pytest.mark.parametrize("word", ["avbryt", "glöm det"])
async def test_cancel_ends_the_dialog_at_any_step(demo_db, steps_done, word):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    for _, answer in STEPWISE[:steps_done]:
        await chat.say(answer)
    assert await chat.texts(word) == [texts.CANCELLED]
    assert await _registered(demo_db) == []
    # The next message is routed afresh, not taken as an answer.
    [listing] = await chat.texts("Vilka inbjudningar har vi?")
    assert listing.startswith("Jag hittar 1 inbjudan för Stockholms stad")


async def test_the_cancel_button_saves_nothing(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert [r.text for r in await chat.press("cancel")] == [CANCELLED_BUTTON]
    assert await _registered(demo_db) == []


@pytest.mark.parametrize("steps_done", range(len(STEPWISE)))
@pytest.mark.parametrize("asked", ["hjälp", "vad ska jag skriva?", "hur menar du"])
async def test_help_explains_the_current_step_and_asks_again(demo_db, steps_done, asked):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    for _, answer in STEPWISE[:steps_done]:
        await chat.say(answer)
    slot = STEPWISE[steps_done][0]
    help_text, question = await chat.texts(asked)
    assert "avbryt" in help_text and help_text != texts.HELP
    assert question == QUESTIONS[slot]
    await _answer_the_rest_and_save(chat, steps_done)
    assert len(await _registered(demo_db)) == 1


async def test_help_at_the_card_shows_the_card_again(demo_db):
    chat = Chat(demo_db)
    [first] = await chat.say(SENTENCE)
    help_reply, again = await chat.say("hjälp")
    assert "spara" in help_reply.text and "ändra plats till Porto" in help_reply.text
    assert again.attachments[0].content == first.attachments[0].content


async def test_a_button_from_an_older_card_is_stale(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    old_card = chat.card
    await chat.say("ändra plats till Porto")
    [reply] = await chat.press("save", old_card)
    assert reply.text == f"{STALE_CARD} {QUESTIONS['confirm']}"
    assert await _registered(demo_db) == []
    await chat.press("save")
    [view] = await _registered(demo_db)
    assert view.place == "Porto"
    # After the dialog has ended, the same button again is stale too and saves nothing more.
    [reply] = await chat.press("save")
    assert reply.text == texts.STALE_SUBMIT
    assert len(await _registered(demo_db)) == 1


async def test_a_button_pressed_while_a_question_waits_is_stale(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    old_card = chat.card
    await chat.say("ändra plats")
    [reply] = await chat.press("save", old_card)
    assert reply.text == f"{STALE_CARD} {QUESTIONS['place']}"
    await chat.say("Porto")
    assert facts(chat.card)["Plats"] == "Porto"


async def test_the_edit_button_asks_what_to_change(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    assert [r.text for r in await chat.press("edit")] == [QUESTIONS["edit"]]
    [reply] = await chat.say("ändra inbjuden till finansborgarrådet")
    assert facts(reply.attachments[0].content)["Inbjuden"] == "finansborgarrådet"


async def test_the_invitation_belongs_to_the_users_organisation(demo_db):
    chat = Chat(demo_db, GOTEBORG_TENANT)
    await chat.say(SENTENCE)
    await chat.say("spara")
    assert await _registered(demo_db) == []
    gbg = await orgs.by_tenant(demo_db, GOTEBORG_TENANT)
    [view] = await invitations.list_invitations(demo_db, gbg.id)
    assert view.event == "Metropolis årsmöte"


# --- another question in the middle of a registration ---------------------------------------------


@pytest.mark.parametrize(
    ("steps_done", "question"),
    [
        (1, "Vilka inbjudningar har vi?"),  # at the dates
        (5, "vilka remisser gar ut nasta vecka"),  # at the respond-by date
    ],
)
async def test_a_read_only_question_mid_dialog_is_answered_and_asked_again(
    demo_db, steps_done, question
):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    for _, answer in STEPWISE[:steps_done]:
        await chat.say(answer)
    slot = STEPWISE[steps_done][0]
    *answer, again = await chat.texts(question)
    assert answer and PROBLEMS["other_request"] not in answer[0]
    assert again == QUESTIONS[slot]
    # The draft is kept: answering goes on where it was.
    await _answer_the_rest_and_save(chat, steps_done)
    assert len(await _registered(demo_db)) == 1


async def test_another_request_mid_dialog_is_told_how_to_leave(demo_db):
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    for _, answer in STEPWISE[:6]:
        await chat.say(answer)
    [reply] = await chat.texts("sammanställning av medlemskapen")  # at the diarienummer
    assert reply == f"{PROBLEMS['other_request']} {QUESTIONS['diarienummer']}"
    await chat.say(STEPWISE[6][1])
    await chat.say("spara")
    assert len(await _registered(demo_db)) == 1


async def test_an_answer_that_only_sounds_like_a_question_is_taken(demo_db):
    # "Remissmöte …" reads a little like a remiss question; as an event name it is fine.
    chat = Chat(demo_db)
    await chat.say("Ny inbjudan")
    [reply] = await chat.texts("Remissmöte om budget")
    assert reply == QUESTIONS["dates"]


async def test_a_question_at_the_card_is_answered_and_the_card_shown_again(demo_db):
    chat = Chat(demo_db)
    await chat.say(SENTENCE)
    answer, *_, card = await chat.say("vem ansvarar för Strong Cities Network?")
    assert (answer.text or "").startswith("Ansvarig för Strong Cities Network")
    assert facts(card.attachments[0].content)["Evenemang"] == "Metropolis årsmöte"
    assert await chat.texts("avbryt") == [texts.CANCELLED]
