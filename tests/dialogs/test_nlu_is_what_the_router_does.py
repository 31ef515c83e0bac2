"""`arendebot nlu` prints exactly what the router acts on.

Every line of the dev set is read twice: by the command's code path (the JSON `arendebot nlu`
prints) and by the running bot (a TestAdapter turn through the real router, with the store's
networks). The handler the bot ran must be the one the printed intent and acts name.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from botbuilder.core import TurnContext

from bot.nlu_command import run_nlu
from dialogs.features import FEATURES
from dialogs.lang import Understanding
from dialogs.router import CLARIFY_ROUTE, ROUTE, handler_key
from store.demo import STOCKHOLM_TENANT
from tests.support.dialogs import bot_adapter

DEV = Path(__file__).parents[1] / "fixtures" / "dev-sets" / "nlu_dev.jsonl"
KEYS = {key for feature in FEATURES for key in feature.intents}


@pytest.fixture
def backend() -> str:
    return "sqlite"


async def _printed(line: dict) -> dict:
    """What `arendebot nlu` prints for one line."""
    buffer = io.StringIO()
    today = dt.date.fromisoformat(line["today"])
    await run_nlu(line["text"], today, None, io.StringIO(), buffer)
    return json.loads(buffer.getvalue())


def _expected_route(printed: dict) -> str:
    """The route key the printed intent and acts name (the router's own rule)."""
    u = Understanding(
        text="",
        intent=printed["intent"],
        confidence=printed["confidence"],
        network=None,
        network_known=False,
        network_candidates=(),
        diarienummer=(),
        organisation=None,
        dates=(),
        acts=tuple(printed["acts"]),
    )
    if printed["clarify"]:
        return CLARIFY_ROUTE  # too unsure to act: the bot asks "Menade du …?"
    key = handler_key(u, printed["intent"], KEYS)
    return key if key in KEYS else "none"


async def test_every_dev_line_is_routed_as_nlu_prints_it(demo_db):
    lines = [json.loads(row) for row in DEV.read_text(encoding="utf-8").splitlines() if row]
    mismatches = []
    for i, line in enumerate(lines):
        out = await _printed(line)
        adapter = bot_adapter(
            demo_db,
            STOCKHOLM_TENANT,
            dt.date.fromisoformat(line["today"]),
            conversation=f"dev-{i}",
            reminders=False,
        )
        routes: list[str | None] = []
        run_bot = adapter.logic

        async def logic(context: TurnContext, run_bot=run_bot, routes=routes) -> None:
            await run_bot(context)
            routes.append(context.turn_state.get(ROUTE))

        adapter.logic = logic
        await adapter.receive_activity(line["text"])
        expected = _expected_route(out)
        if routes != [expected]:
            mismatches.append((line["text"], out["intent"], out["acts"], routes))
    assert not mismatches, mismatches
    assert len(lines) >= 100
