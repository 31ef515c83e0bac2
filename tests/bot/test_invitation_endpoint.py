"""Invitations over HTTP as Teams sends them: register, restart mid-dialog, list per tenant."""

from __future__ import annotations

from typing import Any

from dialogs.invitations.texts import QUESTIONS
from store.demo import GOTEBORG_TENANT, STOCKHOLM_TENANT
from tests.bot.conftest import demo_settings
from tests.support.botserver import BotServer, TeamsUser

SENTENCE = (
    "Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i Lissabon, inbjuden är "
    "kommunstyrelsens ordförande, svar senast 15 januari 2027"
)


def _card(activities: list[dict[str, Any]]) -> dict[str, Any]:
    [activity] = activities
    [attachment] = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def _button(card: dict[str, Any], title: str) -> dict[str, Any]:
    [data] = [a["data"] for a in card["actions"] if a["title"] == title]
    return data


async def test_a_complete_sentence_registers_in_two_turns(server: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    card = _card(await server.replies(user, SENTENCE))
    assert card["version"] == "1.5"
    # Teams posts a button press as a message with the button's data as value and no text.
    [saved] = await server.say(user, None, value=_button(card, "Spara"))
    assert saved.startswith("Klart! Inbjudan till Eurocities årsmöte är sparad som ärende **ÄB-")


async def test_a_restart_mid_dialog_continues_the_registration(db_url, connector):
    user = TeamsUser(STOCKHOLM_TENANT)
    # Named after no known network, so the organiser is asked for too.
    first = await BotServer(demo_settings(db_url), connector).start()
    try:
        assert await first.say(user, "Ny inbjudan") == [QUESTIONS["event"]]
        assert await first.say(user, "Metropolis årsmöte") == [QUESTIONS["dates"]]
        assert await first.say(user, "9–11 juni 2027") == [QUESTIONS["place"]]
    finally:
        await first.stop()

    second = await BotServer(demo_settings(db_url), connector).start()
    try:
        assert await second.say(user, "Lissabon") == [QUESTIONS["invited"]]
        assert await second.say(user, "kommunstyrelsens ordförande") == [QUESTIONS["organiser"]]
        assert await second.say(user, "hoppa över") == [QUESTIONS["respond_by"]]
        assert await second.say(user, "15 januari 2027") == [QUESTIONS["diarienummer"]]
        card = _card(await second.replies(user, "KS 2027/55"))
        facts = {f["title"]: f["value"] for f in card["body"][1]["facts"]}
        assert facts["Evenemang"] == "Metropolis årsmöte" and facts["Plats"] == "Lissabon"
        [saved] = await second.say(user, "spara")
        assert "sparad som ärende" in saved and "KS 2027/55" in saved

        # The invitation is listed for its own organisation, and for no other.
        [listing] = await second.replies(user, "Vilka inbjudningar har vi?")
        assert listing["text"].startswith("Jag hittar 2 inbjudningar för Stockholms stad")
        assert "Metropolis årsmöte" in listing["text"]
        assert listing["attachments"][0]["content"]["body"][1]["text"] == "Metropolis årsmöte"
        other = TeamsUser(GOTEBORG_TENANT)
        [reply] = await second.say(other, "Vilka inbjudningar har vi?")
        assert reply.startswith("Göteborgs Stad har inga registrerade inbjudningar.")
        assert "Metropolis" not in reply
    finally:
        await second.stop()


async def test_a_stale_button_over_http_saves_nothing(server: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    old = _card(await server.replies(user, SENTENCE))
    new = _card(await server.replies(user, "ändra plats till Porto"))
    assert _button(old, "Spara")["token"] != _button(new, "Spara")["token"]
    [stale] = await server.say(user, None, value=_button(old, "Spara"))
    assert stale.startswith("Det kortet gäller inte längre.")
    [saved] = await server.say(user, None, value=_button(new, "Spara"))
    assert saved.startswith("Klart!")
    [listing] = await server.say(user, "Vilka inbjudningar har vi?")
    assert "Eurocities årsmöte, 9–11 juni 2027, Porto" in listing
