"""A real conversation with `arendebot serve --demo` through the Microsoft 365 Agents Playground.

The bot runs as its own process, exactly as a developer starts it; the Playground emulates
Teams in front of it (msteams channel, ``locale: en-US``, Teams-shaped channel data, its own
connector). The Playground speaks as Stockholms stad (tools/playground/.m365agentsplayground.yml).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.e2e import nodetools
from tests.e2e.playground import (
    BotMessage,
    PlaygroundUser,
    Running,
    bot_process,
    playground_process,
)

STOCKHOLM_TENANT = "11111111-1111-1111-1111-111111111111"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, Running]]:
    """The bot and the Playground in front of it, started once for the module."""
    nodetools.package_dir("@microsoft/m365agentsplayground")
    nodetools.node()
    workdir = tmp_path_factory.mktemp("playground")
    with bot_process(workdir) as bot, playground_process(workdir, bot.url) as playground:
        yield bot, playground


@pytest.fixture
async def user(stack: tuple[Running, Running]) -> AsyncIterator[PlaygroundUser]:
    _, playground = stack
    async with PlaygroundUser.connect(playground.url) as connected:
        yield connected


def _only(replies: list[BotMessage]) -> BotMessage:
    assert len(replies) == 1, [r.visible_text() for r in replies]
    return replies[0]


def _seen(replies: list[BotMessage]) -> str:
    """Everything the user reads in the bot's answer, which may be a text and a card."""
    assert replies, "the bot did not answer"
    return "\n".join(r.visible_text() for r in replies)


async def test_the_playground_speaks_as_a_bound_demo_tenant(user: PlaygroundUser):
    assert user.config["tenantId"] == STOCKHOLM_TENANT


async def test_opening_the_app_gives_a_swedish_welcome(user: PlaygroundUser):
    reply = _only(await user.install())
    assert reply.text.startswith("Välkommen till Ärendebot!")


async def test_greeting_and_help_in_swedish_despite_an_english_client(user: PlaygroundUser):
    for greeting in ("Hej!", "hjälp"):
        reply = _only(await user.say(greeting))
        assert "Vem ansvarar för ett nätverk?" in reply.text
        assert "avbryt" in reply.text


async def test_who_is_responsible_for_a_network(user: PlaygroundUser):
    seen = _seen(await user.say("Vem ansvarar för Strong Cities Network?"))
    assert "Stadsledningskontoret" in seen
    assert "Alexander Ojanne" in seen
    # Stockholm's own membership, never another organisation's.
    assert "Göteborg" not in seen


async def test_the_bot_answers_in_a_group_chat_when_mentioned(user: PlaygroundUser):
    seen = _seen(await user.say("vem ansvarar för strong cities?", chat="group"))
    assert "Stadsledningskontoret" in seen


# What to answer each question of the invitation dialog, by the start of the question.
_ANSWERS = {
    "Vad heter": "Strong Cities Network Global Summit",
    "När är det": "19–21 september 2027",
    "Var hålls": "New York",
    "Vem är inbjuden": "kommunstyrelsens ordförande",
    "Vem arrangerar": "Strong Cities Network",
    "När ska ni svara": "15 augusti 2027",
    "Har ärendet ett diarienummer": "nej",
}


async def test_register_an_invitation_and_save_it_with_the_cards_button(user: PlaygroundUser):
    """Says it in one message, fills in what is missing, then clicks Spara on the card."""
    replies = await user.say(
        "Vi har fått en inbjudan till Strong Cities Network Global Summit "
        "19–21 september 2027 i New York"
    )
    for _ in range(len(_ANSWERS) + 1):
        assert replies, "the bot did not answer"
        card = next((r for r in replies if r.action("Spara")), None)
        if card is not None:
            break
        question = replies[-1].text
        answer = next((a for start, a in _ANSWERS.items() if question.startswith(start)), None)
        assert answer is not None, f"unexpected question: {question!r}"
        replies = await user.say(answer)
    else:
        pytest.fail(f"no card with Spara; transcript: {json.dumps(user.transcript)}")
    shown = card.visible_text()
    assert "Strong Cities Network Global Summit" in shown
    assert "september 2027" in shown
    assert "New York" in shown
    assert "sparad" in _seen(await user.click(card, "Spara"))


def test_bot_logs_are_json_lines_without_message_text(stack: tuple[Running, Running]):
    """Runs after the conversations above: what the bot logged about them at INFO."""
    bot, _ = stack
    lines = [line for line in bot.log.read_text().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]
    turns = [
        e
        for e in entries
        if e["logger"] == "bot.access" and e["method"] == "POST" and e["path"] == "/api/messages"
    ]
    assert turns, "no request reached the bot"
    assert all(e["tenant"] == STOCKHOLM_TENANT for e in turns)
    assert all(e["request_id"] and e["conversation"] for e in turns)
    logged = Path(bot.log).read_text()
    for said in ("Strong Cities Network?", "Hej!", "kommunstyrelsens ordförande"):
        assert said not in logged
