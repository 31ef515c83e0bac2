"""Networks over HTTP as Teams meets them: answers with cards, buttons, clicks and summaries."""

from __future__ import annotations

import json

from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.support.botserver import BotServer, TeamsUser
from tests.support.cards import card_facts as _facts

CARD = "application/vnd.microsoft.card.adaptive"


def _card(activity: dict) -> dict:
    [attachment] = activity["attachments"]
    assert attachment["contentType"] == CARD
    assert attachment["content"]["version"] == "1.5"
    return attachment["content"]


def _button_data(card: dict) -> list[dict]:
    return [a["data"] for a in card.get("actions", []) if a["type"] == "Action.Submit"]


async def test_responsible_answer_comes_with_a_card(server: BotServer):
    [reply] = await server.replies(
        TeamsUser(GOTEBORG_TENANT), "Vem ansvarar för Nordic Safe Cities?"
    )
    assert reply["text"].startswith("Ansvarig för Nordic Safe Cities:")
    facts = _facts(_card(reply))
    assert facts["Diarienummer"] == "0533/20, 0044/22"
    assert facts["Kopplat till"] == "Göteborgs Stads trygghetsråd"


async def test_contact_question_for_ssr_answers_huddinge(server: BotServer):
    [reply] = await server.replies(TeamsUser(HUDDINGE_TENANT), "vem är kontaktperson för SSR")
    assert reply["text"].startswith("Ansvarig för Samverkan Stockholmsregionen")
    assert _facts(_card(reply))["Kontaktperson"] == "Kommundirektören"


async def test_not_a_member_over_http_shows_no_other_organisation(server: BotServer):
    [reply] = await server.replies(TeamsUser(HUDDINGE_TENANT), "vem ansvarar för NSC")
    assert reply["text"].startswith("Huddinge kommun är inte medlem i Nordic Safe Cities")
    wire = json.dumps(reply, ensure_ascii=False)
    for secret in ("Avdelningschef", "0533/20", "150 000", "trygghetsråd"):
        assert secret not in wire


async def test_unknown_name_suggestion_button_click_answers(server: BotServer):
    user = TeamsUser(GOTEBORG_TENANT)
    [offer] = await server.replies(user, "vem ansvarar för Safe Cities")
    assert "Menade du **Nordic Safe Cities**?" in offer["text"]
    [data] = _button_data(_card(offer))
    assert data == {"intent": "network_responsible", "network": "Nordic Safe Cities"}
    # Teams posts a button click as a message with the data as value and no text.
    [answer] = await server.replies(user, None, value=data)
    assert answer["text"].startswith("Ansvarig för Nordic Safe Cities")


async def test_ambiguous_name_asks_which_one_with_buttons(server: BotServer):
    user = TeamsUser(STOCKHOLM_TENANT)
    [question] = await server.replies(user, "vem ansvarar för network?")
    assert question["text"].endswith("Vilket menar du?")
    buttons = _button_data(_card(question))
    names = [d["network"] for d in buttons]
    assert "Strong Cities Network" in names and names == sorted(names)
    [scn] = [d for d in buttons if d["network"] == "Strong Cities Network"]
    [answer] = await server.replies(user, None, value=scn)
    assert answer["text"].startswith(
        "Ansvarig för Strong Cities Network: **Stadsledningskontoret**"
    )


async def test_summary_card_per_organisation_and_its_own_rows_only(server: BotServer):
    expected = {
        STOCKHOLM_TENANT: "Strong Cities Network",
        GOTEBORG_TENANT: "Nordic Safe Cities",
        HUDDINGE_TENANT: "Samverkan Stockholmsregionen",
    }
    for tenant, network in expected.items():
        [reply] = await server.replies(
            TeamsUser(tenant), "Ge mig en sammanställning av våra medlemskap"
        )
        card = _card(reply)
        [table] = [b for b in card["body"] if b["type"] == "Table"]
        [row] = table["rows"][1:]
        assert row["cells"][0]["items"][0]["text"] == network
        wire = json.dumps(card, ensure_ascii=False)
        for other in set(expected.values()) - {network}:
            assert other not in wire
        csv = [a for a in card["actions"] if a["type"] == "Action.OpenUrl"]
        assert csv and csv[0]["url"].startswith(f"{server.url}/export/memberships.csv?")


async def test_show_more_button_without_text_is_routed(server: BotServer):
    user = TeamsUser(GOTEBORG_TENANT)
    value = {
        "intent": "membership_summary",
        "offset": 0,
        "start": "2026-01-01",
        "end": "2026-12-31",
    }
    [reply] = await server.replies(user, None, value=value)
    assert "ska 1 medlemskap ses över" in reply["text"]
