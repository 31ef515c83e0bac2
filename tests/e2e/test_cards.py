"""Every Adaptive Card the bot sends is valid for Teams and renders without a warning.

The cards are the ones the bot really sends in scripted conversations (tests/e2e/cards.py);
each is rendered by Microsoft's ``adaptivecards`` renderer in headless Chromium, which must
report no parse or validation event for card version 1.5, and is saved as a PNG screenshot.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.e2e import cards
from tests.e2e.cards import Collection, Rendered
from tests.e2e.screenshots import MAIN_CARDS


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    folder = tmp_path_factory.mktemp("cards")
    return asyncio.run(cards.collect(f"sqlite+aiosqlite:///{folder / 'bot.sqlite3'}"))


@pytest.fixture(scope="module")
def rendered(collection: Collection, tmp_path_factory: pytest.TempPathFactory) -> list[Rendered]:
    out = tmp_path_factory.mktemp("screenshots")
    return cards.render([(c.name, c.card) for c in collection.cards], out)


def test_the_conversations_reach_the_main_cards(collection: Collection):
    names = {c.name for c in collection.cards}
    missing = [name for name in MAIN_CARDS if name not in names]
    assert not missing, f"no card from {missing}; transcript:\n" + "\n".join(collection.transcript)


def test_every_card_is_one_teams_accepts(collection: Collection):
    problems = {c.name: cards.teams_problems(c) for c in collection.cards}
    assert not {k: v for k, v in problems.items() if v}


def test_every_card_renders_without_warnings(rendered: list[Rendered], collection: Collection):
    assert [r.name for r in rendered] == [c.name for c in collection.cards]
    problems = {r.name: r.problems for r in rendered if r.problems}
    assert not problems


def test_every_card_has_a_screenshot(rendered: list[Rendered]):
    for result in rendered:
        assert result.png.is_file(), result.name
        assert result.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert result.width > 300 and result.height > 60, result


def test_the_harness_reports_what_teams_would_not_show(tmp_path: Path):
    """A card the harness must catch: newer than 1.5, unknown element, unlabelled input."""
    text = {"type": "TextBlock", "text": "Hej", "wrap": True}
    broken = [
        ("too-new", {"type": "AdaptiveCard", "version": "1.6", "body": [text]}),
        (
            "unknown-element",
            {"type": "AdaptiveCard", "version": "1.5", "body": [text, {"type": "Bubbla"}]},
        ),
        (
            "unlabelled-input",
            {
                "type": "AdaptiveCard",
                "version": "1.5",
                "body": [{"type": "Input.Text", "id": "namn", "isRequired": True}],
            },
        ),
    ]
    results = {r.name: r.problems for r in cards.render(broken, tmp_path)}
    assert all(results[name] for name, _ in broken), results
    item = cards.CollectedCard("x", "x", broken[1][1], 100)
    assert any("Bubbla" in p for p in cards.teams_problems(item))
