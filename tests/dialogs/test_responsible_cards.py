"""Each answer shape of "vem ansvarar för …", turn by turn through TestAdapter and the real bot."""

from __future__ import annotations

import json

import pytest
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes

from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.support.cards import card_facts as _facts
from tests.support.dialogs import bot_adapter

CARD = "application/vnd.microsoft.card.adaptive"


@pytest.fixture
def backend() -> str:
    return "sqlite"  # dialog behaviour does not depend on the backend; the store suite covers both


async def _turn(adapter: TestAdapter, said: str | Activity) -> list[Activity]:
    await adapter.receive_activity(said)
    replies = list(adapter.activity_buffer)
    adapter.activity_buffer.clear()
    return replies


def _card(reply: Activity) -> dict:
    [attachment] = reply.attachments
    assert attachment.content_type == CARD
    card = attachment.content
    assert card["version"] == "1.5"
    json.dumps(card)  # serialisable as it will be sent
    return card


def _buttons(card: dict) -> list[tuple[str, dict]]:
    return [(a["title"], a.get("data")) for a in card.get("actions", [])]


def _click(data: dict) -> Activity:
    # A card button arrives as a message with the button's data as value and no text.
    return Activity(type=ActivityTypes.message, value=data)


async def test_responsible_answer_is_a_paragraph_with_a_card_of_details(demo_db):
    [reply] = await _turn(
        bot_adapter(demo_db, GOTEBORG_TENANT), "Vem ansvarar för Nordic Safe Cities?"
    )
    assert reply.text.startswith(
        "Ansvarig för Nordic Safe Cities: **Avdelningschef Trygghet och Samhälle, "
        "Stadsledningskontoret**."
    )
    facts = _facts(_card(reply))
    assert facts["Ansvarig"] == "Avdelningschef Trygghet och Samhälle, Stadsledningskontoret"
    assert facts["Diarienummer"] == "0533/20, 0044/22"
    assert facts["Beslutat av"] == "Kommunstyrelsen §984"
    assert facts["Beslutsdatum"] == "onsdag 25 november 2020, v. 48"
    assert facts["Senast reviderat"] == "tisdag 21 februari 2023, v. 8"
    assert facts["Medlem sedan"] == "2020"
    assert facts["Kopplat till"] == "Göteborgs Stads trygghetsråd"
    assert facts["Kostnad per år"] == "150\u00a0000\u00a0kr"


async def test_stockholm_card_names_the_political_representative(demo_db):
    [reply] = await _turn(bot_adapter(demo_db, STOCKHOLM_TENANT), "vem ansvar för strong citties")
    facts = _facts(_card(reply))
    assert facts["Politisk representant"] == "Social- och trygghetsborgarrådet Alexander Ojanne"
    assert facts["Diarienummer"] == "155-1302/2015"
    assert facts["Kostnad per år"] == "kostnadsfritt"


async def test_not_a_member_gets_network_facts_and_nothing_of_other_organisations(demo_db):
    [reply] = await _turn(
        bot_adapter(demo_db, STOCKHOLM_TENANT), "Vem ansvarar för Nordic Safe Cities?"
    )
    assert reply.text.startswith("Stockholms stad är inte medlem i Nordic Safe Cities")
    card = _card(reply)
    assert _facts(card)["Organisatör"].startswith("Nordic Safe Cities")
    everything = reply.text + json.dumps(card, ensure_ascii=False)
    for secret in ("Avdelningschef", "0533/20", "150", "trygghetsråd", "Göteborg"):
        assert secret not in everything


async def test_unknown_name_suggests_the_closest_with_buttons(demo_db):
    [reply] = await _turn(bot_adapter(demo_db, HUDDINGE_TENANT), "vem ansvarar för Safe Cities")
    assert reply.text == (
        "Jag känner inte till något nätverk som heter ”Safe Cities”. "
        "Menade du **Nordic Safe Cities**?"
    )
    assert _buttons(_card(reply)) == [
        ("Nordic Safe Cities", {"intent": "network_responsible", "network": "Nordic Safe Cities"})
    ]


async def test_a_name_nothing_resembles_asks_for_the_full_name(demo_db):
    # Every store knows the 23 reference networks: too many to offer them all as buttons.
    [reply] = await _turn(bot_adapter(demo_db, HUDDINGE_TENANT), "Vem ansvarar för Metropolis?")
    assert reply.text.startswith("Jag känner inte till något nätverk som heter ”Metropolis”")
    assert "Skriv nätverkets hela namn eller förkortning" in reply.text
    assert not reply.attachments


async def test_a_reference_network_we_are_not_members_of_gets_its_shared_facts(demo_db):
    [reply] = await _turn(bot_adapter(demo_db, HUDDINGE_TENANT), "vem ansvarar för iclei?")
    assert reply.text.startswith("Huddinge kommun är inte medlem i ICLEI")
    assert "Globalt nätverk av lokala och regionala myndigheter" in reply.text


async def test_several_matches_ask_which_one_with_buttons(demo_db):
    # "healthy" is a word of two reference networks' names, and a name of neither.
    [reply] = await _turn(bot_adapter(demo_db, GOTEBORG_TENANT), "vem ansvarar för healthy")
    assert reply.text.startswith("Flera nätverk passar in på ”healthy”")
    assert reply.text.endswith("Vilket menar du?")
    assert _buttons(_card(reply)) == [
        (
            "Healthy Cities Sverige",
            {"intent": "network_responsible", "network": "Healthy Cities Sverige"},
        ),
        ("WHO Healthy Cities", {"intent": "network_responsible", "network": "WHO Healthy Cities"}),
    ]


async def test_clicking_a_suggestion_answers_for_that_network(demo_db):
    adapter = bot_adapter(demo_db, STOCKHOLM_TENANT)
    # "network" ends four of the reference networks' names, Strong Cities Network among them.
    [question] = await _turn(adapter, "vem ansvarar för network")
    [data] = [d for t, d in _buttons(_card(question)) if t == "Strong Cities Network"]
    [answer] = await _turn(adapter, _click(data))
    assert answer.text.startswith("Ansvarig för Strong Cities Network")
    assert _facts(_card(answer))["Diarienummer"] == "155-1302/2015"


async def test_a_suggestion_clicked_while_the_bot_asks_answers_the_question(demo_db):
    adapter = bot_adapter(demo_db, HUDDINGE_TENANT)
    [ask] = await _turn(adapter, "vem ansvarar för nätverket?")
    assert ask.text.startswith("Vilket nätverk menar du?")
    [answer] = await _turn(
        adapter,
        _click({"intent": "network_responsible", "network": "Samverkan Stockholmsregionen"}),
    )
    assert answer.text.startswith("Ansvarig för Samverkan Stockholmsregionen")


async def test_the_card_button_for_all_memberships_starts_the_summary(demo_db):
    adapter = bot_adapter(demo_db, GOTEBORG_TENANT)
    [reply] = await _turn(adapter, "Vem ansvarar för NSC?")
    [(title, data)] = _buttons(_card(reply))
    assert title == "Alla våra medlemskap"
    [summary] = await _turn(adapter, _click(data))
    assert summary.text.startswith("Göteborgs Stad har 1 medlemskap.")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("155-1302/2015 (KS)", "155-1302/2015 (KS)"),
        ("v. 42, 17 okt.", "v. 42, 17 okt."),
        ("**[x](http://evil)**", "\\*\\*\\[x\\](http://evil)\\*\\*"),
        ("<at>Alla</at>", "\\<at\\>Alla\\</at\\>"),
        ("- punkt\n1. ett", "\\- punkt\n1\\. ett"),
        ("# rubrik", "\\# rubrik"),
        ("a_b", "a\\_b"),
    ],
)
def test_safe_escapes_only_what_makes_markdown(text, escaped):
    from dialogs.common.cards import safe

    assert safe(text) == escaped


def test_a_decision_without_its_body_is_not_called_beslut_twice():
    from dialogs.responsible.texts import responsible_answer
    from tests.support.networks import membership

    m = membership(
        "Samverkan Stockholmsregionen",
        aliases=("SSR",),
        decision_reference="KS-2023/780.103",
        diarienummer=("KS-2023/780.103",),
        responsible_role="Kommundirektören",
    )
    said = responsible_answer("Huddinge kommun", m)
    assert "Beslut: dnr KS-2023/780.103." in said
    assert "Beslut: Beslut" not in said
