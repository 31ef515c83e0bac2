"""Teams input as Teams sends it: mentions of the bot and of colleagues, pasted layout."""

from __future__ import annotations

import pytest
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, Entity

from bot.teams_bot import strip_mentions
from tests.conversations.script import User


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _mention(id_: str, name: str) -> Entity:
    return Entity(type="mention", text=f"<at>{name}</at>", mentioned={"id": id_, "name": name})


def test_only_the_bots_own_mention_is_removed():
    activity = Activity(
        type=ActivityTypes.message,
        text="<at>Ärendebot</at> inbjuden är <at>Anna Berg</at>",
        recipient=ChannelAccount(id="bot", name="Ärendebot"),
        entities=[_mention("bot", "Ärendebot"), _mention("29:anna", "Anna Berg")],
    )
    assert strip_mentions(activity) == "inbjuden är Anna Berg"


def test_tabs_and_line_breaks_of_pasted_text_stay():
    activity = Activity(
        type=ActivityTypes.message,
        text="Beslut\tDatum\nKommunstyrelsen\t2023-05-17",
        recipient=ChannelAccount(id="bot", name="Ärendebot"),
    )
    assert strip_mentions(activity) == "Beslut\tDatum\nKommunstyrelsen\t2023-05-17"


async def test_a_colleague_mentioned_as_the_invitee_is_kept(demo_db):
    user = User(demo_db)
    await user.says(
        Activity(
            type=ActivityTypes.message,
            text=(
                "<at>Bot</at> Registrera inbjudan till Eurocities årsmöte 9–11 juni 2027 i "
                "Lissabon, inbjuden är <at>Anna Berg</at>"
            ),
            entities=[_mention("bot", "Bot"), _mention("29:anna", "Anna Berg")],
        )
    )
    assert user.card is not None
    assert "Anna Berg" in str(user.card)
    await user.says("spara")
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None and saved.invited == "Anna Berg"


async def test_a_long_polite_message_is_a_request_not_a_pasted_document(demo_db):
    user = User(demo_db)
    text = (
        "Hej! Hoppas du har haft en bra helg. Jag skriver för att vi har fått en inbjudan som "
        "jag behöver hjälp att registrera. Det gäller Eurocities årsmöte som hålls 9-11 juni 2027 "
        "i Lissabon, och det är kommunstyrelsens ordförande som är inbjuden. Vi har inte bestämt "
        "oss än om vi ska åka, men det vore bra att ha den inlagd så att vi inte missar "
        "svarsdatumet, som jag tror är i mitten av januari. Tack på förhand för hjälpen, och hör "
        "av dig om något är oklart! Mvh Anna"
    )
    assert len(text) > 400
    await user.says(text)
    assert user.card is not None and user.card["body"][0]["text"] == "Ny inbjudan"
    facts = {f["title"]: f["value"] for f in user.card["body"][1]["facts"]}
    assert facts["Evenemang"] == "Eurocities årsmöte"
    assert facts["Plats"] == "Lissabon"
    # Neither the writer ("Jag skriver för att vi …") nor a greeting is the invitee.
    assert facts["Inbjuden"] == "Kommunstyrelsens ordförande"
    await user.says("spara")
    saved = await user.invitation("Eurocities årsmöte")
    assert saved is not None and saved.invited == "Kommunstyrelsens ordförande"
