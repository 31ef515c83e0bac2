"""Below the calibrated confidence the bot asks "Menade du … eller …?" and acts on nothing.

The real bot runs with a small hand-made intent model (the committed one changes with every
retraining), in which one word reads as two requests equally: that is the doubt the bot must
ask about. A button carries the original text back and runs the intent chosen on it.
"""

from __future__ import annotations

import math

import pytest
from botbuilder.schema import Activity, ActivityTypes
from sqlalchemy import func, select

from dialogs.common import clarify
from dialogs.invitations.texts import QUESTIONS
from dialogs.lang import INTENTS, KnownNetwork, LanguageLayer
from dialogs.lang import layer as layer_module
from dialogs.lang.clarity import ACT_CONFIDENCE, unsure
from dialogs.lang.model import IntentModel
from store.db import Database
from store.models import AuditEvent
from tests.support.dialogs import TODAY, ask, bot_adapter


def _model() -> IntentModel:
    """ "inbjudningar" is as much a new invitation as a list; "spara" is none; the rest unsure."""
    k = len(INTENTS)

    def row(**weights: float) -> tuple[float, ...]:
        return (1.0, *(weights.get(i, 0.0) for i in INTENTS))

    table = {
        "w|inbjudningar": row(register_invitation=3.0, list_invitations=3.0),
        "w|ansvarar": row(network_responsible=5.0),
        "w|lissabon": row(none=5.0),
    }
    return IntentModel(INTENTS, [0.0] * k, 0.25, table)


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> IntentModel:
    fake = _model()
    monkeypatch.setattr(layer_module, "load_model", lambda: fake)
    return fake


def _card(reply: Activity) -> dict:
    [attachment] = reply.attachments
    return attachment.content


async def _writes(db: Database) -> int:
    """How many changes the audit trail holds: every write to the store leaves one."""
    async with db.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(AuditEvent))).scalar_one()


def test_two_requests_equally_likely_are_both_offered(model: IntentModel) -> None:
    u = LanguageLayer(model=model).understand("inbjudningar", TODAY)
    assert {i for i, _ in u.alternatives[:2]} == {"register_invitation", "list_invitations"}
    assert set(u.unsure) == {"register_invitation", "list_invitations"}
    assert u.to_contract()["clarify"] == list(u.unsure)


def test_a_clear_reading_is_acted_on(model: IntentModel) -> None:
    layer = LanguageLayer(networks=[KnownNetwork("Eurocities", ())], model=model)
    u = layer.understand("vem ansvarar", TODAY)
    assert u.intent == "network_responsible" and u.confidence >= ACT_CONFIDENCE
    assert u.unsure == ()


@pytest.mark.parametrize(
    ("alternatives", "offered"),
    [
        # A request below the threshold: offered with the next request worth offering.
        ((("list_invitations", 0.5), ("none", 0.3), ("remiss_deadlines", 0.2)),
         ("list_invitations", "remiss_deadlines")),
        # Sure enough, and the runner-up is no request: acted on.
        ((("list_invitations", 0.65), ("none", 0.3), ("help", 0.05)), ()),
        # Sure, but a second request is close: both offered.
        ((("membership_summary", 0.62), ("network_responsible", 0.45), ("none", 0.03)),
         ("membership_summary", "network_responsible")),
        # Not understood, but a request is likely: offered.
        ((("none", 0.55), ("reminder_subscribe", 0.4), ("help", 0.05)), ("reminder_subscribe",)),
        # Not understood, nothing likely: the plain "not understood" answer.
        ((("none", 0.8), ("help", 0.1), ("cancel", 0.1)), ()),
        # Help or cancel is never asked about: a wrong guess costs nothing there.
        ((("help", 0.4), ("none", 0.35), ("cancel", 0.25)), ()),
    ],
)  # fmt: skip
def test_which_readings_are_offered(alternatives, offered) -> None:
    assert unsure(alternatives[0][0], alternatives) == offered


def test_a_rule_that_decided_is_not_doubted() -> None:
    alternatives = (("list_invitations", 0.5), ("register_invitation", 0.45), ("none", 0.05))
    assert unsure("register_invitation", alternatives) == ()


async def test_an_unsure_message_asks_and_starts_nothing(demo_db: Database, model) -> None:
    adapter = bot_adapter(demo_db)
    before = await _writes(demo_db)
    [reply] = await ask(adapter, "inbjudningar")
    card = _card(reply)
    text = card["body"][0]["text"]
    assert text.startswith("Jag är inte säker på vad du menar. Menade du att")
    assert "**registrera en ny inbjudan**" in text and "**se inbjudningar som redan finns**" in text
    assert [a["title"] for a in card["actions"]] == ["Registrera inbjudan", "Visa inbjudningar"]
    assert all(a["data"]["text"] == "inbjudningar" for a in card["actions"])
    # Nothing was begun: the next message is no answer to an invitation question.
    [after] = await ask(adapter, "Lissabon")
    assert after.text != QUESTIONS["dates"] and "Menade du" not in (after.text or "")
    assert await _writes(demo_db) == before


async def test_the_button_runs_the_intent_chosen(demo_db: Database, model) -> None:
    adapter = bot_adapter(demo_db)
    [reply] = await ask(adapter, "inbjudningar")
    register, listing = (a["data"] for a in _card(reply)["actions"])
    [shown] = await ask(adapter, Activity(type=ActivityTypes.message, value=dict(listing)))
    assert "inbjudan" in (shown.text or "") or shown.attachments
    [question] = await ask(adapter, Activity(type=ActivityTypes.message, value=dict(register)))
    assert question.text == QUESTIONS["event"]


@pytest.mark.parametrize(
    "data",
    [
        {"clarify": True, "intent": "cancel", "text": "inbjudningar"},
        {"clarify": True, "intent": "drop_tables", "text": "inbjudningar"},
        {"clarify": True, "intent": "list_invitations"},
        {"clarify": True, "intent": "list_invitations", "text": ["inbjudningar"]},
        {"clarify": "yes", "intent": "list_invitations", "text": "inbjudningar"},
        {"clarify": True, "intent": "register_invitation", "text": "inbjudningar " * 20000},
    ],
)
async def test_a_forged_or_stale_button_is_answered_not_trusted(
    demo_db: Database, model, data
) -> None:
    adapter = bot_adapter(demo_db)
    before = await _writes(demo_db)
    replies = await ask(adapter, Activity(type=ActivityTypes.message, value=data))
    assert replies and all(r.type == ActivityTypes.message for r in replies)
    assert await _writes(demo_db) == before


def test_the_long_text_a_button_carries_is_cut() -> None:
    picked = clarify.chosen(
        {"clarify": True, "intent": "list_invitations", "text": "x" * (clarify.MAX_TEXT + 5)}
    )
    assert picked is not None and len(picked[1]) == clarify.MAX_TEXT


def test_the_probabilities_sum_to_one(model: IntentModel) -> None:
    ranked = model.rank(["w|inbjudningar"])
    assert math.isclose(sum(p for _, p in ranked.intents), 1.0)
