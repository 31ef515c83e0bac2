"""Collect the Adaptive Cards the bot really sends, and render them as Teams would.

The cards come from scripted conversations with the real app (``create_app`` on loopback, a
fake Bot Connector recording the replies), so whatever cards the dialogs send today are the
ones checked: a new card needs no change here as long as a conversation below reaches it.
Rendering is ``tools/render-cards.mjs``: Microsoft's ``adaptivecards`` renderer in headless
Chromium, reporting parse and validation events against card version 1.5.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.keys import DB
from bot.settings import Settings
from store import orgs, remisser
from store.db import Database
from store.demo import GOTEBORG_TENANT, HUDDINGE_TENANT, STOCKHOLM_TENANT
from tests.e2e import nodetools
from tests.support.botserver import BotServer, TeamsUser
from tests.support.cards import walk
from tests.support.connector import FakeConnector

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
TODAY = dt.date(2026, 11, 23)
# A Teams message, card included, may be about 28 KB; past that Teams refuses it (413).
MAX_ACTIVITY_BYTES = 28 * 1024
# The element and action types Teams renders in bot cards of version 1.5 or lower.
TEAMS_ELEMENTS = {
    "AdaptiveCard",
    "TextBlock",
    "RichTextBlock",
    "TextRun",
    "Image",
    "ImageSet",
    "Container",
    "ColumnSet",
    "Column",
    "FactSet",
    "ActionSet",
    "Table",
    "TableRow",
    "TableCell",
    "Input.Text",
    "Input.Number",
    "Input.Date",
    "Input.Time",
    "Input.Toggle",
    "Input.ChoiceSet",
}
TEAMS_ACTIONS = {
    "Action.Submit",
    "Action.OpenUrl",
    "Action.ShowCard",
    "Action.ToggleVisibility",
    "Action.Execute",
}

Step = str | tuple[str, str]  # a message, or ("click", button title)


@dataclass(frozen=True)
class Scenario:
    """A scripted conversation: who talks, and what they say or click."""

    name: str
    tenant: str
    steps: tuple[Step, ...]


# The conversations that reach the bot's cards. The first card of each named scenario is the
# one the README shows.
SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "invitation-confirmation",
        STOCKHOLM_TENANT,
        (
            "Registrera inbjudan till Strong Cities Network Global Summit 19–21 september 2027 "
            "i New York, inbjuden är kommunstyrelsens ordförande, arrangör Strong Cities "
            "Network, svar senast 15 augusti 2027, dnr KS 2027/123",
            ("click", "Spara"),
            "Vilka inbjudningar har vi?",
        ),
    ),
    Scenario(
        "responsible-answer",
        GOTEBORG_TENANT,
        ("Vem ansvarar för Nordic Safe Cities?", "Vem ansvarar för nätverket?"),
    ),
    Scenario("responsible-stockholm", STOCKHOLM_TENANT, ("Vem ansvarar för Strong Cities?",)),
    Scenario(
        "remiss-list",
        STOCKHOLM_TENANT,
        ("Vilka remisser går ut nästa vecka?", "Vilka remisser väntar på svar?"),
    ),
    Scenario("remiss-list-huddinge", HUDDINGE_TENANT, ("Vilka remisser har vi?",)),
    Scenario(
        "membership-summary",
        STOCKHOLM_TENANT,
        ("Ge mig en sammanställning av våra medlemskap",),
    ),
    Scenario(
        "membership-summary-goteborg",
        GOTEBORG_TENANT,
        ("Sammanställning av medlemskap",),
    ),
    Scenario("reminders", HUDDINGE_TENANT, ("Påminn mig om remisstider",)),
    Scenario("help", STOCKHOLM_TENANT, ("Hjälp",)),
)


@dataclass
class CollectedCard:
    """One card the bot sent, with where it came from."""

    name: str
    scenario: str
    card: dict[str, Any]
    activity_bytes: int


@dataclass
class Collection:
    """The cards and the full transcript of the scripted conversations."""

    cards: list[CollectedCard] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)


def _cards_of(activity: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == ADAPTIVE and isinstance(
            attachment.get("content"), dict
        ):
            yield attachment["content"]


def _button(activities: list[dict[str, Any]], title: str) -> dict[str, Any] | None:
    for activity in reversed(activities):
        for card in _cards_of(activity):
            for action in walk_actions(card):
                if action.get("type") == "Action.Submit" and action.get("title") == title:
                    return action.get("data") or {}
    return None


async def _seed(db: Database) -> None:
    """Two more Stockholm remisser due next week, so that the answer is a list card.

    The demo data holds one remiss per organisation, and one remiss is answered in a sentence.
    """
    org = await orgs.by_tenant(db, STOCKHOLM_TENANT)
    assert org is not None
    for title, number, deadline, recipients in (
        (
            "Förslag till klimathandlingsplan 2027–2030",
            "KS 2026/1123",
            dt.date(2026, 12, 2),
            [("Södermalms stadsdelsnämnd", False), ("Miljö- och hälsoskyddsnämnden", True)],
        ),
        (
            "Program för trygghet och säkerhet i Stockholms stad",
            "KS 2026/988",
            dt.date(2026, 12, 4),
            [("Rinkeby-Kista stadsdelsnämnd", False), ("Socialnämnden", False)],
        ),
    ):
        await remisser.add_remiss(
            db,
            org.id,
            title=title,
            sender="Kommunstyrelsen",
            numbers=[number],
            deadline=deadline,
            recipients=recipients,
            actor="system:card-harness",
            sent_on=TODAY - dt.timedelta(days=30),
        )


async def collect(database_url: str) -> Collection:
    """Run every scenario against a fresh demo store and gather the cards the bot sent."""
    connector = await FakeConnector().start()
    settings = Settings(database_url=database_url, demo=True, today=TODAY)
    server = await BotServer(settings, connector).start()
    result = Collection()
    try:
        assert server._runner is not None
        await _seed(server._runner.app[DB])
        for scenario in SCENARIOS:
            user = TeamsUser(scenario.tenant)
            seen: list[dict[str, Any]] = []
            cards: list[dict[str, Any]] = []
            for step in scenario.steps:
                if isinstance(step, tuple):
                    data = _button(seen, step[1])
                    if data is None:
                        result.transcript.append(f"[{scenario.name}] no button {step[1]!r}")
                        continue
                    result.transcript.append(f"[{scenario.name}] user clicks {step[1]}")
                    replies = await server.replies(user, None, value=data)
                else:
                    result.transcript.append(f"[{scenario.name}] user: {step}")
                    replies = await server.replies(user, step)
                for activity in replies:
                    result.transcript.append(f"[{scenario.name}] bot: {activity.get('text')!r}")
                    for card in _cards_of(activity):
                        size = len(json.dumps(activity, ensure_ascii=False).encode())
                        cards.append({"card": card, "bytes": size})
                seen.extend(replies)
            for index, item in enumerate(cards):
                name = scenario.name if index == 0 else f"{scenario.name}-{index + 1}"
                result.cards.append(CollectedCard(name, scenario.name, item["card"], item["bytes"]))
    finally:
        await server.stop()
        await connector.stop()
    return result


def walk_actions(card: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every action of a card, nested ones included."""
    return (n for n in walk(card) if n["type"].startswith("Action."))


def teams_problems(item: CollectedCard) -> list[str]:
    """What Teams itself would refuse or not show, found in the card's JSON."""
    card, problems = item.card, []
    if card.get("type") != "AdaptiveCard":
        problems.append("not an AdaptiveCard")
    version = str(card.get("version", ""))
    if not re.fullmatch(r"1\.[0-5]", version):
        problems.append(f"version {version!r}: Teams renders bot cards up to 1.5")
    for node in walk(card):
        kind = node["type"]
        if kind not in TEAMS_ELEMENTS | TEAMS_ACTIONS:
            problems.append(f"{kind} is not rendered by Teams")
    if item.activity_bytes > MAX_ACTIVITY_BYTES:
        problems.append(f"message is {item.activity_bytes} bytes; Teams takes about 28 KB")
    return problems


@dataclass(frozen=True)
class Rendered:
    """What the renderer made of one card."""

    name: str
    png: Path
    width: int
    height: int
    problems: list[str]


def render(cards: list[tuple[str, dict[str, Any]]], out_dir: Path) -> list[Rendered]:
    """Render ``(name, card)`` pairs with tools/render-cards.mjs; PNGs land in ``out_dir``."""
    nodetools.package_dir("adaptivecards")
    nodetools.package_dir("playwright-core")
    nodetools.package_dir("markdown-it")
    chromium = nodetools.chromium()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cards.json"
        source.write_text(
            json.dumps([{"name": n, "card": c} for n, c in cards], ensure_ascii=False)
        )
        script = nodetools.TOOLS / "render-cards.mjs"
        completed = subprocess.run(
            [nodetools.node(), str(script), str(source), str(out_dir)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "CHROMIUM": chromium},
            check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"render-cards.mjs failed:\n{completed.stdout}\n{completed.stderr}")
    results = json.loads((out_dir / "results.json").read_text())
    return [
        Rendered(r["name"], Path(r["png"]), r["width"], r["height"], r["problems"]) for r in results
    ]
